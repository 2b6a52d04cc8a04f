// Everything the screens draw from, in one place: the session and the view models derived from
// it, the drafts the screens edit, and the clock of this frame. No ImGui types: tests and the
// benchmark drive it headless.
#pragma once

#include <cstdint>
#include <string>

#include "app/client/state/broker_monitor.hpp"
#include "app/client/state/clinic_screen.hpp"
#include "app/client/state/client_session.hpp"
#include "app/client/state/my_meetings.hpp"
#include "app/client/state/pairing_graph.hpp"
#include "app/client/state/partner_list.hpp"
#include "app/client/state/pitch_screen.hpp"
#include "app/client/state/population_cache.hpp"
#include "app/client/state/profile_form.hpp"
#include "app/client/state/screen_drafts.hpp"
#include "core/matching/matching_settings.hpp"

namespace crossmatch::client {

struct ClientModels {
  explicit ClientModels(ClientSession& s) : session(s), population(s.taxonomy()) {}

  ClientSession& session;
  std::int64_t now_ms = 0;  // this frame's wall clock, unix milliseconds

  PopulationCache population;
  PartnerList partners;
  PartnerFilter partner_filter;
  MyMeetings meetings;
  ProfileForm profile;
  BrokerMonitor monitor;
  PairingGraph graph;
  PitchScreen pitch;
  ClinicScreen clinic;

  // Drafts the organiser screens edit.
  core::MatchingSettings matching_draft;
  bool matching_draft_loaded = false;
  std::string announcement;
  std::string round_name = "Team round";
  ScreenDrafts drafts;

  // The outcome of the last intent, shown under the screen ("Request sent", or why not).
  std::string last_action;
  bool last_action_failed = false;

  // Submits a user intent and records the outcome for the status line; true when kept.
  bool submit(core::OperationPayload payload, const std::string& done_message);
};

}  // namespace crossmatch::client
