// The study's taxonomy as a browsable panel: partner cities with their sector profiles, sectors,
// and the working-style questionnaire.
#pragma once

#include "core/taxonomy.hpp"

namespace crossmatch::client {

void draw_taxonomy_view(const core::Taxonomy& taxonomy);

}  // namespace crossmatch::client
