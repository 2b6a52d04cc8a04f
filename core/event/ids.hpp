// Identifiers of the things in an event. Ids are assigned by the hub when it applies the
// operation that creates the thing, start at 1, and travel with the applied operation, so every
// replica uses the same ones. 0 means "none".
#pragma once

#include <cstdint>

namespace crossmatch::core {

using ParticipantId = std::uint32_t;
using MeetingId = std::uint32_t;
using SessionId = std::uint32_t;
using TableId = std::uint32_t;
using RoundId = std::uint32_t;
using AnnouncementId = std::uint32_t;
using ClinicTableId = std::uint32_t;
using FollowUpId = std::uint32_t;

// One slot of one session.
struct SlotRef {
  SessionId session = 0;
  int index = -1;  // position in the session's slot list
  bool operator==(const SlotRef&) const = default;
  auto operator<=>(const SlotRef&) const = default;
};

// Where and when a meeting takes place.
struct Placement {
  SlotRef slot;
  TableId table = 0;
  bool operator==(const Placement&) const = default;
};

}  // namespace crossmatch::core
