// A direct writer of the JSON text of the most frequent operations (meeting answers, feedback,
// pitch taps), byte for byte what the general codec writes, without building a JSON tree.
#pragma once

#include <string>

#include "core/event/operation.hpp"

namespace crossmatch::core::detail {

// Writes `op` as operation_to_json does and returns true; returns false, leaving `out` as it
// was, for a kind it does not cover or a text that is not valid UTF-8 (the general codec then
// writes it, or refuses it, as always).
bool write_operation_json(const Operation& op, std::string& out);

}  // namespace crossmatch::core::detail
