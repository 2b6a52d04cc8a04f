// The meeting-scheduling problem in its own terms: participants, slots, tables and the meetings
// to place, independent of how an event stores them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace crossmatch::core::scheduling {

enum class TimeOfDay : unsigned char { any, morning, afternoon };

struct Slot {
  int day = 0;          // slots of one day are consecutive; a break never spans two days
  bool morning = true;  // for morning / afternoon requirements
  std::string label;    // shown in messages ("Tue 09:30"); "slot N" (from 1) when empty
  bool operator==(const Slot&) const = default;
};

struct Table {
  int seats = 2;
  std::string label;  // shown in messages; "table N" (from 1) when empty
  bool operator==(const Table&) const = default;
};

// Where a meeting takes place: indices into Problem::slots and Problem::tables.
struct Placement {
  int slot = 0;
  int table = 0;
  bool operator==(const Placement&) const = default;
};

struct Participant {
  std::string name;                        // shown in messages; "participant N" when empty
  std::vector<int> unavailable;            // slots they cannot attend
  TimeOfDay time_of_day = TimeOfDay::any;  // applies to every meeting of theirs
  bool operator==(const Participant&) const = default;
};

struct Meeting {
  std::vector<int> people;  // two or more distinct participants
  TimeOfDay time_of_day = TimeOfDay::any;
  std::optional<Placement> existing;  // already scheduled: stays unless moves are allowed
  // The organiser's constraints on where the search may put it: pinned to a slot (any free
  // table), and the meetings (indices into Problem::meetings) that must take place in an
  // earlier slot than this one. A kept existing placement stays where it is regardless.
  std::optional<int> pinned_slot;
  std::vector<int> after;
  bool operator==(const Meeting&) const = default;
};

struct Problem {
  std::vector<Slot> slots;  // in time order, days non-decreasing
  std::vector<Table> tables;
  std::vector<Participant> participants;
  std::vector<Meeting> meetings;
  // When false, every existing placement stays exactly where it is (slot and table), even one
  // that no longer fits a participant's availability; when true they are only a starting point.
  bool allow_moves = false;
  bool operator==(const Problem&) const = default;
};

// Limits that keep the solver's memory and the day bit masks bounded.
inline constexpr int kMaxSlotsPerDay = 64;
inline constexpr int kMaxSlots = 4096;
inline constexpr int kMaxMeetingSize = 16;
inline constexpr int kMaxParticipants = 1'000'000;
inline constexpr int kMaxMeetings = 1'000'000;
inline constexpr int kMaxTables = 100'000;
inline constexpr long long kMaxParticipantSlots = 50'000'000;  // participants x slots
inline constexpr long long kMaxMeetingSlots = 50'000'000;      // meetings x slots

// Checks indices, sizes and the existing placements (no table or person used twice in a slot,
// tables large enough). Errors name the field: "meetings[3].people[1]", "slots[7].day", ...
Status validate(const Problem& problem);

// Names for messages.
std::string slot_name(const Problem& problem, int slot);
std::string table_name(const Problem& problem, int table);
std::string participant_name(const Problem& problem, int participant);

// Breaks of every participant for the given placements (one per meeting, nullopt = not placed):
// a break is a maximal run of idle slots between two meetings of one person on one day.
std::vector<int> participant_breaks(const Problem& problem,
                                    const std::vector<std::optional<Placement>>& placements);

}  // namespace crossmatch::core::scheduling
