// Operations and state as JSON text and back, without loss: the form they take on the wire, in
// the store and in replay files. Decoding is strict: every field checked, unknown ones refused.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"
#include "core/event/statistics.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::core {

// One line of JSON, no newline.
std::string operation_to_json(const Operation& operation);
// Text that is not valid UTF-8, not JSON, not an object, has missing, mistyped or unknown
// fields, or numbers out of range gets an error naming the field.
Result<Operation> operation_from_json(std::string_view text);

std::string state_to_json(const EventState& state);
// Also recomputes the slots and indexes.
Result<EventState> state_from_json(std::string_view text, const Taxonomy& taxonomy);

std::string statistics_to_json(const EventStatistics& statistics);

std::string profile_to_json(const Profile& profile);
Result<Profile> profile_from_json(std::string_view text);

// Most bytes a JSON text may have when decoded here (a whole state may be larger: it is only
// read from our own store).
inline constexpr std::size_t kMaxOperationJsonBytes = 4 * 1024 * 1024;

}  // namespace crossmatch::core
