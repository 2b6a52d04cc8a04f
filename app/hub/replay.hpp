// `crossmatch-hub replay FILE`: applies a file of operations (one JSON object per line) to an
// empty event, as the hub would, and reports every refusal and the final statistics.
#pragma once

#include <istream>
#include <ostream>

#include "core/taxonomy.hpp"

namespace crossmatch::hub {

struct ReplaySummary {
  int lines = 0;
  int applied = 0;
  int refused = 0;
};

// Prints one JSON line per refusal ({"line","code","field","message"}) and the final statistics
// as the last line.
ReplaySummary replay_operations(std::istream& in, std::ostream& out,
                                const core::Taxonomy& taxonomy);

}  // namespace crossmatch::hub
