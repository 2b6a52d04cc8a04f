// Everything the screens draw from, in one place: the session, the view models derived from it,
// each screen's own state (what it is typing or choosing), the outcome of the last action, and
// the clock of this frame. No ImGui types: tests and the benchmark drive it headless.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/client/state/action_status.hpp"
#include "app/client/state/announcements_screen.hpp"
#include "app/client/state/broker_monitor.hpp"
#include "app/client/state/check_in_desk.hpp"
#include "app/client/state/client_session.hpp"
#include "app/client/state/clinic_screen.hpp"
#include "app/client/state/confirmation.hpp"
#include "app/client/state/event_screen.hpp"
#include "app/client/state/exports_screen.hpp"
#include "app/client/state/feedback_screen.hpp"
#include "app/client/state/follow_up_screen.hpp"
#include "app/client/state/introductions.hpp"
#include "app/client/state/matching_screen.hpp"
#include "app/client/state/my_meetings.hpp"
#include "app/client/state/pairing_graph.hpp"
#include "app/client/state/partner_list.hpp"
#include "app/client/state/pitch_screen.hpp"
#include "app/client/state/population_cache.hpp"
#include "app/client/state/profile_form.hpp"
#include "app/client/state/round_screen.hpp"
#include "app/client/state/schedule_screen.hpp"
#include "app/client/state/unmatched_list.hpp"

namespace crossmatch::client {

struct ClientModels {
  explicit ClientModels(ClientSession& s) : session(s), population(s.taxonomy()) {}

  ClientSession& session;
  std::int64_t now_ms = 0;  // this frame's wall clock, unix milliseconds

  // View models derived from the replica.
  PopulationCache population;
  MyMeetings meetings;
  BrokerMonitor monitor;
  PairingGraph graph;

  // Each screen's own state.
  PartnerList partners;
  PartnerFilter partner_filter;  // the partners screen's search and filters
  ProfileForm profile;
  FeedbackScreen feedback;
  FollowUpScreen follow_up;
  AgendaScreen agenda;
  PitchScreen pitch;
  ClinicScreen clinic;
  EventScreen event;
  MatchingScreen matching;
  ScheduleScreen schedule;
  RoundScreen round;
  AnnouncementsScreen announcements;
  CheckInDesk check_in;
  ExportsScreen exports;
  IntroductionForm introduction;  // the broker's choice of two people to introduce
  UnmatchedFilter unmatched;      // the "No meeting yet" list's search and order
  int relationship_target = -1;   // the Statistics screen's target as typed; -1: the event's

  // The outcome of the last action, shown in the status line: pending until the hub answers,
  // then done ("Request sent") or refused with the hub's reason.
  ActionStatus action;
  // An action waiting for the person to confirm it (drawn as a dialog), and the Undo offered
  // after the last confirmed action was done (until `undo_until_ms`).
  std::optional<Confirmation> asking;
  std::optional<UndoOffer> undo;
  std::int64_t undo_until_ms = 0;
  std::optional<UndoOffer> pending_undo;  // offered once the pending action is done

  // The person whose full profile is open (0: none), and whom its reasons are for.
  core::ParticipantId profile_person = 0;
  core::ParticipantId profile_relative_to = 0;
  // Opens `person`'s profile; the reasons are for `relative_to`, or for this participant.
  void show_profile(core::ParticipantId person, core::ParticipantId relative_to = 0);
  // A screen a view asks the app to open in the next frame (views do not draw each other).
  std::string go_to;

  // Submits a user intent and records it as pending for the status line; true when kept (then
  // the hub's answer makes it done or refused). `done_message` is shown once it is done.
  bool submit(core::OperationPayload payload, const std::string& done_message);
  // The same for an action that needs no confirmation but has an inverse: `undo` is offered once
  // the hub has done it (a skipped pitch re-opened).
  bool submit_undoable(core::OperationPayload payload, const std::string& done_message,
                       UndoOffer undo);
  // Several operations as one action (pending until the hub has done them all); stops at the
  // first one that cannot be kept.
  bool submit_all(std::vector<core::OperationPayload> payloads, const std::string& done_message);
  // Once per frame, after the session's update: follows the hub's answers, offers Undo when a
  // confirmed action is done and withdraws it when its time is up.
  void follow(std::int64_t now);

  // Asks before doing `confirmation`'s operations; confirm() sends them, cancel() forgets them.
  void ask(Confirmation confirmation);
  bool confirm();
  void cancel();
  // Sends the offered Undo (false when none is offered).
  bool take_undo();
  // The status line's text for the last action.
  std::string action_text() const;
  // Records the outcome of an action done here (an export written): `done_message`, or the error.
  bool report(const core::Status& status, const std::string& done_message);
  // The same for an action that made a file: `done_message` with the path for its %s ("Saved
  // %s"), or the error.
  bool report_saved(const core::Result<std::string>& path, const char* done_message);
};

}  // namespace crossmatch::client
