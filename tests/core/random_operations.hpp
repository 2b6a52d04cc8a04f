// Plausible operations of every role, valid and not, drawn against the current state of an
// event set up by test::EventFixture (sessions 1-2 for meetings, 3 for team rounds, 4 pitching,
// 5 a policy clinic): the random walks of the property tests.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/event/check_in_code.hpp"
#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"
#include "core/random.hpp"
#include "tests/event_fixture.hpp"

namespace crossmatch::test {

// Draws plausible operations, valid and not, against the current state.
class OperationSource {
 public:
  OperationSource(std::uint64_t seed, const core::EventState& state) : rng_(seed), state_(state) {}

  core::Operation next(const std::vector<core::Profile>& pool) {
    core::Operation op;
    op.id = "r";
    op.id += std::to_string(++count_);  // (not "r" + ...: g++ 12 warns falsely on that)
    const int roll = static_cast<int>(rng_.below(100));
    const auto people = participant_ids(true);
    const auto everyone = participant_ids(false);
    const auto pending = meeting_ids(
        [](const core::Meeting& m) { return m.status == core::MeetingStatus::Requested; });
    const auto open = meeting_ids([](const core::Meeting& m) { return m.open(); });
    const auto accepted = meeting_ids(
        [](const core::Meeting& m) { return m.status == core::MeetingStatus::Accepted; });
    const auto meetings = meeting_ids([](const core::Meeting&) { return true; });
    // Mostly active people and fitting meetings; now and then anyone, or a number that does not
    // exist.
    const auto someone = [&]() -> core::ParticipantId {
      if (people.empty() || rng_.chance(0.03))
        return static_cast<core::ParticipantId>(rng_.below(60) + 1);
      return rng_.chance(0.95) ? rng_.pick(people) : rng_.pick(everyone);
    };
    const auto pick_meeting = [&](const std::vector<core::MeetingId>& fitting) -> core::MeetingId {
      if (meetings.empty() || rng_.chance(0.02))
        return static_cast<core::MeetingId>(rng_.below(500) + 1);
      return fitting.empty() || rng_.chance(0.08) ? rng_.pick(meetings) : rng_.pick(fitting);
    };
    const auto as_party = [&](const core::Meeting* m) {
      if (m == nullptr || rng_.chance(0.1))
        return rng_.chance(0.5) ? organiser() : participant(someone());
      return participant(rng_.chance(0.5) ? m->requester : m->invitee);
    };
    if (rng_.chance(0.05)) {
      // Pitching (session 4) and the policy clinic (session 5).
      const int kind = static_cast<int>(rng_.below(7));
      op.actor = organiser();
      if (kind == 0) {
        core::SetPitchOrder order{4, {}};
        for (int i = static_cast<int>(rng_.below(4)); i >= 0; --i)
          order.pitches.push_back({someone(), static_cast<int>(rng_.below(6))});
        op.payload = order;
      } else if (kind == 1) {
        op.payload = core::ControlPitch{.session = 4,
                                        .action = static_cast<core::PitchAction>(rng_.below(6))};
      } else if (kind == 2) {
        const auto it = state_.pitching.find(4);
        const core::ParticipantId pitcher = it != state_.pitching.end() && it->second.current >= 0
                                                ? it->second.pitches[it->second.current].pitcher
                                                : someone();
        op.actor = participant(someone());
        op.payload =
            core::MarkInterested{.session = 4, .pitcher = pitcher, .interested = rng_.chance(0.8)};
      } else if (kind == 6) {
        op.payload = core::ReopenPitch{.session = 4, .pitcher = someone()};
      } else if (kind == 3) {
        op.payload = core::DefineClinicTable{
            .session = 5, .table = static_cast<core::TableId>(rng_.below(7) + 1), .theme = "Theme"};
      } else if (kind == 4) {
        const auto id = someone();
        op.actor = participant(id);
        op.payload = core::PickThemes{
            .participant = id, .themes = {static_cast<core::ClinicTableId>(rng_.below(3) + 1)}};
      } else {
        core::FormClinicTables form{5, {{1, {someone(), someone()}, ""}}};
        op.payload = form;
      }
      return op;
    }
    if (roll < 18 || meetings.empty()) {
      const auto from = someone();
      op.actor = rng_.chance(0.92) ? participant(from) : participant(someone());
      op.payload = core::RequestMeeting{.from = from,
                                        .to = someone(),
                                        .message = "Hi",
                                        .preferred = random_slots(static_cast<int>(rng_.below(3)))};
    } else if (roll < 21) {
      op.actor = rng_.chance(0.9) ? broker() : participant(someone());
      op.payload = core::Introduce{.first = someone(),
                                   .second = someone(),
                                   .note = "Meet",
                                   .preferred = random_slots(static_cast<int>(rng_.below(2)))};
    } else if (roll < 42) {
      const auto id = pick_meeting(pending);
      const core::Meeting* m = state_.meeting(id);
      op.actor = as_party(m);
      if (m != nullptr && rng_.chance(0.7))  // mostly the one whose answer is awaited
        op.actor = participant(m->requester_accepted ? m->invitee : m->requester);
      std::optional<core::SlotRef> slot;
      if (rng_.chance(0.3)) slot = random_slot();
      op.payload = core::AcceptMeeting{.meeting = id, .slot = slot};
    } else if (roll < 50) {
      const auto id = pick_meeting(pending);
      op.actor = as_party(state_.meeting(id));
      op.payload = core::DeclineMeeting{.meeting = id};
    } else if (roll < 56) {
      const auto id = pick_meeting(pending);
      op.actor = as_party(state_.meeting(id));
      op.payload = core::ProposeSlot{.meeting = id, .slot = random_slot()};
    } else if (roll < 64 && rng_.chance(0.2)) {
      // Withdraw an introduction: mostly a pending one's pair, sometimes any pair.
      const auto id = pick_meeting(pending);
      const core::Meeting* m = state_.meeting(id);
      op.actor = rng_.chance(0.85) ? broker() : (rng_.chance(0.5) ? organiser() : as_party(m));
      const bool its_pair = m != nullptr && rng_.chance(0.9);
      op.payload = core::WithdrawIntroduction{.first = its_pair ? m->requester : someone(),
                                              .second = its_pair ? m->invitee : someone()};
    } else if (roll < 64 && rng_.chance(0.12)) {
      // The standby list, and the hub's offer of a slot to two people (mostly on standby).
      const auto a = someone(), b = someone();
      if (rng_.chance(0.5)) {
        op.actor = rng_.chance(0.9) ? participant(a) : organiser();
        op.payload = core::SetStandby{.participant = a, .on = rng_.chance(0.7)};
      } else {
        op.actor = rng_.chance(0.9) ? organiser() : participant(a);
        op.payload = core::OfferSlot{.first = a, .second = b, .slot = random_slot()};
      }
    } else if (roll < 64 && rng_.chance(0.1)) {
      // The hub expires a request: mostly a pending one, due or not yet (refused then).
      const auto id = pick_meeting(pending);
      op.actor = rng_.chance(0.9) ? organiser() : as_party(state_.meeting(id));
      op.payload = core::ExpireRequest{.meeting = id};
    } else if (roll < 64) {
      const auto id = pick_meeting(open);
      op.actor = as_party(state_.meeting(id));
      op.payload = core::CancelMeeting{.meeting = id};
    } else if (roll < 74) {
      const auto id = pick_meeting(accepted);
      op.actor = as_party(state_.meeting(id));
      const auto held = static_cast<core::HeldState>(rng_.below(3));
      op.payload = core::GiveFeedback{.meeting = id,
                                      .held = held,
                                      .rating = static_cast<int>(rng_.below(7)) -
                                                (op.actor.role == core::Role::Organiser ? 6 : 0)};
      auto& f = std::get<core::GiveFeedback>(op.payload);
      if (f.rating < 0) f.rating = 0;
    } else if (roll < 78) {
      const auto id = someone();
      op.actor = rng_.chance(0.8) ? participant(id) : organiser();
      core::Profile p = rng_.pick(pool);
      op.payload = core::EditProfile{.participant = id, .profile = p};
    } else if (roll < 82) {
      const auto id = someone();
      op.actor = rng_.chance(0.9) ? participant(id) : organiser();
      core::Availability a{random_slots(static_cast<int>(rng_.below(4))),
                           static_cast<core::TimeOfDay>(rng_.below(3))};
      if (rng_.chance(0.6)) a.only = core::TimeOfDay::Any;
      op.payload = core::SetAvailability{.participant = id, .availability = a};
    } else if (roll < 83 && rng_.chance(0.3)) {
      const auto id = someone();
      op.actor = participant(id);
      op.payload = core::Withdraw{.participant = id};
    } else if (roll < 84 && rng_.chance(0.2)) {
      const auto id = someone();
      op.actor = rng_.chance(0.5) ? participant(id) : organiser();
      op.payload = core::Erase{.participant = id};
    } else if (roll < 88 && rng_.chance(0.3)) {
      // A newcomer from their app, or a walk-in registered at the desk.
      const bool walk_in = rng_.chance(0.2);
      op.actor = walk_in ? (rng_.chance(0.5) ? helper() : organiser()) : newcomer();
      core::Profile p = rng_.pick(pool);
      if (rng_.chance(0.9)) p.email = "new" + std::to_string(count_) + "@example.org";
      std::array<std::uint8_t, core::kCheckInCodeBytes> drawn{};
      for (auto& b : drawn) b = static_cast<std::uint8_t>(rng_.below(256));
      op.payload = core::Register{
          .profile = p,
          .check_in_code = rng_.chance(0.9) ? core::check_in_code_from_bytes(drawn) : std::string(),
          .arrived = walk_in};
    } else if (roll < 91) {
      op.actor = rng_.chance(0.9) ? organiser() : participant(someone());
      core::ApplySchedule schedule{
          {static_cast<core::SessionId>(rng_.below(2) + 1)}, rng_.chance(0.5), {}};
      if (rng_.chance(0.3)) schedule.sessions = {1, 2};
      for (int i = static_cast<int>(rng_.below(3)); i > 0; --i) {
        core::SlotRef slot = random_slot();
        slot.session = rng_.pick(schedule.sessions);
        schedule.placements.push_back(
            {pick_meeting(accepted), {slot, static_cast<core::TableId>(rng_.below(4) + 1)}});
      }
      op.payload = schedule;
    } else if (roll < 92 && rng_.chance(0.6)) {
      // The organiser's constraints for the auto-schedule: pins and precedences, mostly on
      // accepted meetings, now and then by someone who may not set them.
      op.actor =
          rng_.chance(0.9) ? organiser() : (rng_.chance(0.5) ? broker() : participant(someone()));
      const auto a = pick_meeting(accepted), b = rng_.chance(0.05) ? a : pick_meeting(accepted);
      const int kind = static_cast<int>(rng_.below(4));
      if (kind == 0) {
        op.payload = core::PinMeeting{.meeting = a, .slot = random_slot()};
      } else if (kind == 1) {
        op.payload = core::UnpinMeeting{.meeting = a};
      } else if (kind == 2) {
        op.payload = core::AddPrecedence{.before = a, .after = b};
      } else {
        const core::Meeting* m = state_.meeting(b);
        op.payload = core::RemovePrecedence{
            .before =
                m != nullptr && !m->after.empty() && rng_.chance(0.8) ? rng_.pick(m->after) : a,
            .after = b};
      }
    } else if (roll < 92) {
      op.actor = organiser();
      core::PublishTeamRound round{0, "Round", 3, {}};
      for (core::TableId t = 5; t <= 6; ++t)
        round.teams.push_back({{someone(), someone(), someone()}, t, ""});
      op.payload = round;
    } else if (roll < 94 && rng_.chance(0.3)) {
      // The desk: mostly a helper scanning someone's code (now and then a second time, or a
      // code nobody has); now and then someone who may not check people in.
      const double who = rng_.unit();
      op.actor = who < 0.6    ? helper()
                 : who < 0.9  ? organiser()
                 : who < 0.95 ? broker()
                              : participant(someone());
      const core::Participant* p = state_.participant(someone());
      op.payload =
          core::CheckIn{.code = p != nullptr && !p->check_in_code.empty() && rng_.chance(0.95)
                                    ? p->check_in_code
                                    : std::string("ZZZZ-ZZZZ")};
    } else if (roll < 94) {
      op.actor = rng_.chance(0.8) ? organiser() : broker();
      core::EventSettings s = state_.event.settings;
      s.booking = rng_.chance(0.7) ? core::BookingMode::Instant : core::BookingMode::Deferred;
      s.max_open_requests = static_cast<int>(rng_.below(6)) + 1;
      s.afternoon_start = rng_.chance(0.8) ? 13 * 60 : 11 * 60;
      s.request_expiry_minutes = rng_.chance(0.5) ? 0 : (rng_.chance(0.9) ? 15 : 7);
      op.payload = core::SetSettings{.settings = s};
    } else if (roll < 96 && rng_.chance(0.5)) {
      op.actor = organiser();
      op.payload = core::Announce{.text = "News " + std::to_string(count_)};
    } else if (roll < 96 && (state_.follow_ups.empty() || rng_.chance(0.2))) {
      op.actor = rng_.chance(0.9) ? organiser() : participant(someone());
      op.payload = core::DefineFollowUp{
          .follow_up = static_cast<core::FollowUpId>(rng_.below(state_.follow_ups.size() + 1)),
          .name = "Follow-up " + std::to_string(count_),
          .open = rng_.chance(0.8)};
    } else if (roll < 96) {
      // A follow-up answer: mostly for a held meeting, by one of its people.
      const auto held =
          meeting_ids([](const core::Meeting& m) { return m.held == core::HeldState::Held; });
      const auto id = pick_meeting(held);
      const core::Meeting* m = state_.meeting(id);
      op.actor = as_party(m);
      const core::ParticipantId whose =
          op.actor.role == core::Role::Participant
              ? op.actor.participant
              : (m != nullptr ? (rng_.chance(0.5) ? m->requester : m->invitee) : someone());
      op.payload = core::RateFollowUp{
          .follow_up = static_cast<core::FollowUpId>(rng_.below(state_.follow_ups.size()) + 1),
          .meeting = id,
          .participant = whose,
          .outcome = static_cast<core::FollowUpOutcome>(rng_.below(5)),
          .note = rng_.chance(0.5) ? "" : "Met again"};
    } else if (roll < 98) {
      op.actor = organiser();
      op.payload = core::DefineTable{.table = static_cast<core::TableId>(rng_.below(7)),
                                     .name = "T" + std::to_string(rng_.below(9)),
                                     .seats = static_cast<int>(rng_.below(5)) + 1};
    } else {
      op.actor = organiser();
      op.payload = core::RemoveTable{.table = static_cast<core::TableId>(rng_.below(7) + 1)};
    }
    return op;
  }

 private:
  std::vector<core::ParticipantId> participant_ids(bool active_only) const {
    std::vector<core::ParticipantId> ids;
    for (const auto& [id, p] : state_.participants) {
      if (!active_only || p.active()) ids.push_back(id);
    }
    return ids;
  }
  template <class Fits>
  std::vector<core::MeetingId> meeting_ids(Fits fits) const {
    std::vector<core::MeetingId> ids;
    for (const auto& [id, m] : state_.meetings) {
      if (fits(m)) ids.push_back(id);
    }
    return ids;
  }
  core::SlotRef random_slot() {
    return {static_cast<core::SessionId>(rng_.below(2) + 1),
            static_cast<int>(rng_.below(7))};  // index 6 is out of range
  }
  std::vector<core::SlotRef> random_slots(int n) {
    std::vector<core::SlotRef> out;
    for (int i = 0; i < n; ++i) out.push_back(random_slot());
    return out;
  }

  mutable core::Rng rng_;
  const core::EventState& state_;
  int count_ = 0;
};

}  // namespace crossmatch::test
