// The JSON codec at the level of nlohmann::json values, for code that embeds operations or state
// in larger JSON messages (the wire protocol, the store). Heavy header: include it only in the
// few files that need it.
#pragma once

#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"
#include "core/event/statistics.hpp"
#include "core/json/json_reader.hpp"

namespace crossmatch::core::json {

Json to_json(const Profile& profile);
Json to_json(const Availability& availability);
Json to_json(const SlotRef& slot);
Json to_json(const EventSettings& settings);
Json to_json(const Operation& operation);
Json to_json(const EventState& state);
Json to_json(const EventStatistics& statistics);

// `path` prefixes field names in errors.
Result<Profile> profile_from(const Json& value, const std::string& path);
Result<Availability> availability_from(const Json& value, const std::string& path);
Result<SlotRef> slot_from(const Json& value, const std::string& path);
Result<EventSettings> settings_from(const Json& value, const std::string& path);
Result<Operation> operation_from(const Json& value);
Result<EventState> state_from(const Json& value);  // without indexes: call rebuild_index()

// Parses text into a value; refuses invalid UTF-8 and malformed JSON with a clear error.
Result<Json> parse_json(std::string_view text);

}  // namespace crossmatch::core::json
