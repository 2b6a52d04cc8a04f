// Plain-text summaries of the taxonomy and of a generated demo event, for the terminal.
#pragma once

#include <ostream>
#include <vector>

#include "core/demo_event.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::hub {

// The study's table (partner cities by approach, their creative sectors and matching sectors),
// the sectors by kind, and the questionnaire.
void print_taxonomy_summary(std::ostream& out, const core::Taxonomy& taxonomy);

// Counts by city, sector kind and working-style cluster, and the first few participants.
void print_demo_event_summary(std::ostream& out, const core::Taxonomy& taxonomy,
                              const core::DemoVocabulary& vocabulary,
                              const std::vector<core::DemoParticipant>& participants,
                              std::size_t shown);

}  // namespace crossmatch::hub
