// How list-valued fields sit in one column of the derived tables: compact JSON arrays
// (["design","games"], [[1,0],[1,3]] for slots, [3,4,2] for answers) that SQLite's JSON functions
// can query too. Decoding is strict; false means the column does not hold what it should.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/event/event_state.hpp"

namespace crossmatch::storage::detail {

std::string encode_strings(const std::vector<std::string>& items);
bool decode_strings(std::string_view text, std::vector<std::string>& out);

// Slots as [[session,index],...].
std::string encode_slots(const std::vector<core::SlotRef>& slots);
bool decode_slots(std::string_view text, std::vector<core::SlotRef>& out);

std::string encode_ints(const std::vector<int>& values);
bool decode_ints(std::string_view text, std::vector<int>& out);

// Ids (participants, clinic tables) as [3,17,4].
std::string encode_ids(const std::vector<std::uint32_t>& ids);
bool decode_ids(std::string_view text, std::vector<std::uint32_t>& out);

// Breaks as [["10:30","11:00"],...].
std::string encode_breaks(const std::vector<core::TimeRange>& breaks);
bool decode_breaks(std::string_view text, std::vector<core::TimeRange>& out);

}  // namespace crossmatch::storage::detail
