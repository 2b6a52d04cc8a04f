// The organiser's matching screen: the weights and team sizes being tuned, and the preview shown
// with what it was computed from, so that it is redone only when they change.
#pragma once

#include <cstdint>

#include "app/client/state/matching_preview.hpp"
#include "core/matching/matching_settings.hpp"

namespace crossmatch::client {

struct PreviewCache {
  core::MatchingSettings previewed, current;
  std::uint64_t population_builds = 0;
  bool computed = false;
  MatchingPreview preview;
};

struct MatchingScreen {
  core::MatchingSettings draft;
  bool loaded = false;  // the draft starts from the event's settings when first shown
  PreviewCache preview;
};

}  // namespace crossmatch::client
