// The organiser's constraints for the auto-schedule on the Schedule screen: each accepted
// meeting pinned to a slot or not, and "meeting A before meeting B"; the choices the screen
// offers (meetings by both people's names, slots by day and time) and the intents that send
// pin_meeting, unpin_meeting, add_precedence and remove_precedence.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/client/state/client_session.hpp"
#include "core/event/schedule_constraints.hpp"

namespace crossmatch::client {

struct ClientModels;

// An accepted meeting as the screen lists it.
struct ConstrainedMeeting {
  core::MeetingId id = 0;
  std::string names;  // "Ana Silva & Ben Okafor"
  std::optional<core::SlotRef> pinned;
  std::string pinned_label;  // "Thu 14 May 10:20", or empty
  std::string booked_label;  // where it is booked now, or empty
  // Said beside a pinned meeting that is not where its pin is: "booked on Thu 14 May 09:20;
  // moves to its pin on the next auto-schedule with moves allowed", or "not booked yet; ...".
  std::string pin_note;
};

// A slot of a one-to-one session, as the pin combo offers it.
struct SlotChoice {
  core::SlotRef slot;
  std::string label;  // "Thu 14 May 10:20 (Morning meetings)"
};

// A precedence as the screen lists it.
struct PrecedenceRow {
  core::Precedence precedence;
  std::string text;  // "Ana Silva & Ben Okafor before Ana Silva & Cy Dube"
};

struct ScheduleConstraintsForm {
  // Per meeting, the slot picked in its combo (until then: its pin, else where it is booked,
  // else the first slot).
  std::map<core::MeetingId, core::SlotRef> pin_choice;
  core::MeetingId before = 0, after = 0;  // the precedence being added

  // Accepted meetings, by number.
  static std::vector<ConstrainedMeeting> meetings(const ClientSession& session);
  // Every slot of the one-to-one sessions, in time order.
  static std::vector<SlotChoice> slots(const ClientSession& session);
  static std::vector<PrecedenceRow> precedences(const ClientSession& session);

  // The intents; each goes through the status line (pending, done or refused with the hub's
  // reason). False when it was not sent (nothing picked, or the session refused it at once).
  // The slot the combo of `meeting` shows.
  std::optional<core::SlotRef> picked(const ClientSession& session,
                                      const ConstrainedMeeting& meeting) const;
  bool pin(ClientModels& m, const ConstrainedMeeting& meeting);  // to the slot picked for it
  static bool unpin(ClientModels& m, core::MeetingId meeting);
  bool add_precedence(ClientModels& m);  // `before` before `after`
  static bool remove_precedence(ClientModels& m, core::Precedence precedence);
};

}  // namespace crossmatch::client
