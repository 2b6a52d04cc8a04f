// Shared by the storage tests: temporary folders, a scripted event that produces applied,
// sequenced operations of every kind (as the hub's sequencer does), and a replay of a store's log.
#pragma once

#include <doctest/doctest.h>

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/event/apply.hpp"
#include "core/event/calendar.hpp"
#include "core/event/json_codec.hpp"
#include "core/event/sequencer.hpp"
#include "core/random.hpp"
#include "storage/event_store.hpp"
#include "storage/prepared_operation.hpp"
#include "tests/event_fixture.hpp"

namespace crossmatch::test {

// A fresh folder under the system's temporary folder, removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "crossmatch-storage-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
    std::filesystem::permissions(
        path_, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                   std::filesystem::perms::group_exec | std::filesystem::perms::others_read |
                   std::filesystem::perms::others_exec);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void write_bytes(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// An event driven through core::Sequencer, as the hub drives it: every operation it returns is
// applied and sequenced. Texts are written in every place erasure must clear.
class EventScript {
 public:
  explicit EventScript(std::uint64_t seed, std::int64_t clock = 1'780'000'000'000)
      : sequencer_(taxonomy()), rng_(seed), clock_(clock), seed_(seed) {}

  const core::EventState& state() const { return sequencer_.state(); }
  core::Sequencer& sequencer() { return sequencer_; }

  // Submits; the applied operation, or nothing when refused.
  std::optional<core::Operation> submit(const core::Actor& actor, core::OperationPayload payload) {
    core::Operation op;
    op.id = "s" + std::to_string(seed_) + "-" + std::to_string(++count_);
    op.payload = std::move(payload);
    auto outcome = sequencer_.submit(std::move(op), actor, clock_ += 750);
    last_refusal_ = outcome ? std::string()
                            : outcome.error().code + " " + outcome.error().field + ": " +
                                  outcome.error().message;
    if (!outcome || outcome->duplicate) return std::nullopt;
    return outcome->applied;
  }

  core::Operation must(const core::Actor& actor, core::OperationPayload payload) {
    auto op = submit(actor, std::move(payload));
    REQUIRE_MESSAGE(op.has_value(), last_refusal_);
    return *op;
  }

  // The event, three one-to-one sessions, pitching, a team round, a policy clinic, tables and
  // `people` participants.
  std::vector<core::Operation> set_up(int people) {
    std::vector<core::Operation> ops;
    ops.push_back(must(organiser(), core::CreateEvent{.name = "Cross Innovation Lisbon",
                                                      .time_zone = "Europe/Lisbon",
                                                      .join_code = "LISBON-2026"}));
    ops.push_back(must(organiser(), core::SetRegistration{.open = true}));
    core::EventSettings settings;
    settings.max_open_requests = 50;
    ops.push_back(must(organiser(), core::SetSettings{.settings = settings}));
    ops.push_back(must(organiser(), session("Morning meetings", "2026-05-14", 9 * 60, 11 * 60,
                                            core::SessionKind::Meetings)));
    ops.push_back(must(organiser(), session("Afternoon meetings", "2026-05-14", 14 * 60, 16 * 60,
                                            core::SessionKind::Meetings)));
    // The last Sunday of October: the clocks go back in Lisbon that night.
    ops.push_back(must(organiser(), session("Autumn meetings", "2026-10-26", 9 * 60, 10 * 60,
                                            core::SessionKind::Meetings)));
    ops.push_back(must(organiser(), session("Pitching", "2026-05-15", 9 * 60, 10 * 60,
                                            core::SessionKind::Pitching)));
    ops.push_back(must(organiser(), session("Team round", "2026-05-15", 11 * 60, 12 * 60,
                                            core::SessionKind::TeamRound)));
    ops.push_back(must(organiser(), session("Policy clinic", "2026-05-15", 14 * 60, 15 * 60,
                                            core::SessionKind::PolicyClinic)));
    for (int t = 1; t <= 6; ++t)
      ops.push_back(must(organiser(), core::DefineTable{.name = "Table " + std::to_string(t),
                                                        .seats = t <= 4 ? 2 : 5}));
    make_pool(people);
    for (const auto& dp : pool_)
      ops.push_back(must(newcomer(), core::Register{.profile = dp.profile}));
    return ops;
  }

  // Goes on from a stored event, as a restarted hub does.
  void restore(const storage::LoadedEvent& loaded) {
    sequencer_.restore(loaded.state, loaded.last_sequence, loaded.operation_ids);
    make_pool(20);
  }

  static core::DefineSession session(const std::string& name, const char* day, int start, int end,
                                     core::SessionKind kind) {
    core::DefineSession d;
    d.name = name;
    d.kind = kind;
    d.date = date(day);
    d.start = start;
    d.end = end;
    d.slot_minutes = 20;
    return d;
  }

  std::optional<core::Operation> random_operation(bool with_erasure) {
    const auto& s = state();
    std::vector<core::ParticipantId> active;
    for (const auto& [id, p] : s.participants)
      if (p.active()) active.push_back(id);
    std::vector<const core::Meeting*> pending, accepted, open;
    for (const auto& [id, m] : s.meetings) {
      if (m.status == core::MeetingStatus::Requested) pending.push_back(&m);
      if (m.status == core::MeetingStatus::Accepted) accepted.push_back(&m);
      if (m.open()) open.push_back(&m);
    }
    if (rng_.chance(0.1)) return pitching_or_clinic(active);
    const int roll = static_cast<int>(rng_.below(100));
    const auto words = [&](const char* what) {
      return std::string(what) + " #" + std::to_string(count_ + 1) + " from seed " +
             std::to_string(seed_);
    };
    if (active.size() < 2) return submit(newcomer(), core::Register{.profile = fresh_profile()});
    if (roll < 22 || s.meetings.empty()) {
      const auto from = rng_.pick(active), to = rng_.pick(active);
      return submit(participant(from),
                    core::RequestMeeting{.from = from,
                                         .to = to,
                                         .message = words("Shall we talk"),
                                         .preferred = random_slots(rng_.between(0, 2))});
    }
    if (roll < 26)
      return submit(broker(), core::Introduce{.first = rng_.pick(active),
                                              .second = rng_.pick(active),
                                              .note = words("You two should meet")});
    if (roll < 46 && !pending.empty()) {
      const core::Meeting* m = rng_.pick(pending);
      std::optional<core::SlotRef> slot;
      if (rng_.chance(0.3)) slot = random_slot();
      return submit(participant(m->requester_accepted ? m->invitee : m->requester),
                    core::AcceptMeeting{.meeting = m->id, .slot = slot});
    }
    if (roll < 51 && !pending.empty()) {
      const core::Meeting* m = rng_.pick(pending);
      return submit(participant(m->requester_accepted ? m->invitee : m->requester),
                    core::DeclineMeeting{.meeting = m->id, .reason = words("Not now")});
    }
    if (roll < 54 && !pending.empty()) {
      const core::Meeting* m = rng_.pick(pending);
      return submit(participant(rng_.chance(0.5) ? m->requester : m->invitee),
                    core::ProposeSlot{.meeting = m->id, .slot = random_slot()});
    }
    if (roll < 60 && !open.empty()) {
      const core::Meeting* m = rng_.pick(open);
      return submit(participant(rng_.chance(0.5) ? m->requester : m->invitee),
                    core::CancelMeeting{.meeting = m->id, .reason = words("Sorry")});
    }
    if (roll < 72 && !accepted.empty()) {
      const core::Meeting* m = rng_.pick(accepted);
      const bool comment_only = rng_.chance(0.3);
      const auto held = comment_only ? core::HeldState::Unknown : core::HeldState::Held;
      return submit(participant(rng_.chance(0.5) ? m->requester : m->invitee),
                    core::GiveFeedback{.meeting = m->id,
                                       .held = held,
                                       .rating = comment_only ? 0 : rng_.between(1, 5),
                                       .comment = words("Good talk")});
    }
    if (roll < 76) {
      const auto id = rng_.pick(active);
      core::Profile p = s.participants.at(id).profile;
      p.job_title = words("Head");
      if (rng_.chance(0.3)) p.sector = rng_.pick(pool_).profile.sector;
      return submit(participant(id), core::EditProfile{.participant = id, .profile = p});
    }
    if (roll < 79) {
      const auto id = rng_.pick(active);
      return submit(participant(id),
                    core::SetAvailability{
                        .participant = id,
                        .availability = {random_slots(rng_.between(0, 3)), core::TimeOfDay::Any}});
    }
    if (roll < 81) {
      const auto id = rng_.pick(active);
      return submit(participant(id), core::Withdraw{.participant = id});
    }
    if (roll < 84 && with_erasure) {
      const auto id = rng_.pick(active);
      return submit(rng_.chance(0.5) ? participant(id) : organiser(),
                    core::Erase{.participant = id});
    }
    if (roll < 87) return submit(newcomer(), core::Register{.profile = fresh_profile()});
    if (roll < 89) return submit(organiser(), core::Announce{.text = words("Coffee is served")});
    if (roll < 91)
      return submit(organiser(), core::DefineTable{.name = "Extra " + std::to_string(count_)});
    if (roll < 92 && s.tables.size() > 6)
      return submit(organiser(), core::RemoveTable{.table = s.tables.rbegin()->first});
    if (roll < 93) {
      // Renames a table or a session: the calendar entries there must change their SEQUENCE.
      const auto& [id, t] =
          *std::next(s.tables.begin(), static_cast<long>(rng_.below(s.tables.size())));
      return submit(organiser(),
                    core::DefineTable{.table = id, .name = t.name + "'", .seats = t.seats});
    }
    if (roll < 94) {
      auto d = session("Extra meetings " + std::to_string(count_), "2026-05-16",
                       9 * 60 + 20 * rng_.between(0, 20), 0, core::SessionKind::Meetings);
      d.end = d.start + 40;
      return submit(organiser(), d);
    }
    if (roll < 95 && s.sessions.size() > 6)
      return submit(organiser(), core::RemoveSession{.session = s.sessions.rbegin()->first});
    if (roll < 97 && active.size() >= 6) {
      core::DefineSession d = session("Team round " + std::to_string(count_), "2026-05-17", 9 * 60,
                                      10 * 60, core::SessionKind::TeamRound);
      auto defined = submit(organiser(), d);
      if (!defined) return defined;
      pending_ops_.push_back(*defined);
      core::PublishTeamRound round{
          0, "Round " + std::to_string(count_), state().next_session - 1, {}};
      std::vector<core::ParticipantId> members = active;
      rng_.shuffle(members);
      round.teams.push_back({{members[0], members[1], members[2]}, 5, words("Shared markets")});
      round.teams.push_back({{members[3], members[4]}, 6, words("Alike working styles")});
      return submit(organiser(), round);
    }
    if (roll < 98 && !accepted.empty()) {
      const core::Meeting* m = rng_.pick(accepted);
      if (!m->placement) return std::nullopt;
      core::SlotRef slot = random_slot();
      return submit(
          organiser(),
          core::ApplySchedule{
              .sessions = {slot.session},
              .moves_allowed = true,
              .placements = {{m->id, {slot, static_cast<core::TableId>(rng_.between(1, 4))}}}});
    }
    core::EventSettings settings = s.event.settings;
    settings.max_open_requests = rng_.between(20, 60);
    return submit(organiser(), core::SetSettings{.settings = settings});
  }

  // Operations that random_operation() applied on the side (a session defined before its round):
  // they come before the operation it returned.
  std::vector<core::Operation> take_side_operations() { return std::exchange(pending_ops_, {}); }

  // Applied operations in sequence order: side operations merged in.
  std::vector<core::Operation> random_in_order(int count, bool with_erasure = true) {
    std::vector<core::Operation> out;
    while (static_cast<int>(out.size()) < count) {
      auto op = random_operation(with_erasure);
      for (auto& side : take_side_operations()) out.push_back(std::move(side));
      if (op) out.push_back(std::move(*op));
    }
    return out;
  }

  core::Profile fresh_profile() {
    core::Profile p = rng_.pick(pool_).profile;
    p.email = "new" + std::to_string(++fresh_) + "." + std::to_string(seed_) + "@example.org";
    p.display_name = "Newcomer " + std::to_string(fresh_);
    return p;
  }

 private:
  // Pitching (session 4) and the policy clinic (session 6), in every state they can reach.
  std::optional<core::Operation> pitching_or_clinic(
      const std::vector<core::ParticipantId>& active) {
    const auto& s = state();
    const auto text = [&](const char* what) {
      return std::string(what) + " " + std::to_string(count_ + 1);
    };
    switch (rng_.below(8)) {
      case 0: {
        core::SetPitchOrder order{4, {}};
        for (const auto id : active) {
          if (s.participants.at(id).profile.type == core::ParticipantType::Company &&
              rng_.chance(0.3))
            order.pitches.push_back({id, rng_.between(1, 8)});
          if (order.pitches.size() == 4) break;
        }
        return submit(organiser(), order);
      }
      case 1:
      case 2:
        return submit(organiser(),
                      core::ControlPitch{.session = 4,
                                         .action = static_cast<core::PitchAction>(rng_.below(6))});
      case 3: {
        const auto it = s.pitching.find(4);
        if (it == s.pitching.end() || it->second.current < 0) return std::nullopt;
        const auto pitcher =
            it->second.pitches[static_cast<std::size_t>(it->second.current)].pitcher;
        return submit(
            participant(rng_.pick(active)),
            core::MarkInterested{.session = 4, .pitcher = pitcher, .interested = rng_.chance(0.8)});
      }
      case 4: {
        core::ClinicTableId id = 0;
        if (!s.clinic_tables.empty() && rng_.chance(0.3))
          id = std::next(s.clinic_tables.begin(),
                         static_cast<long>(rng_.below(s.clinic_tables.size())))
                   ->first;
        return submit(organiser(), core::DefineClinicTable{
                                       .clinic_table = id,
                                       .session = 6,
                                       .table = static_cast<core::TableId>(rng_.between(1, 6)),
                                       .theme = text("Theme")});
      }
      case 5: {
        const auto who = rng_.pick(active);
        std::vector<core::ClinicTableId> themes;
        for (const auto& [id, ct] : s.clinic_tables) {
          if (rng_.chance(0.5)) themes.push_back(id);
        }
        return submit(participant(who), core::PickThemes{.participant = who, .themes = themes});
      }
      case 6: {
        core::FormClinicTables form{6, {}};
        std::vector<core::ParticipantId> people = active;
        rng_.shuffle(people);
        std::size_t next = 0;
        for (const auto& [id, ct] : s.clinic_tables) {
          if (next + 2 > people.size()) break;
          form.seating.push_back({id, {people[next], people[next + 1]}, text("Mixed sectors")});
          next += 2;
        }
        return submit(organiser(), form);
      }
      default: {
        for (const auto& [id, ct] : s.clinic_tables) {
          if (!ct.members.empty())
            return submit(
                participant(ct.members.front()),
                core::RecordClinicOutcome{.clinic_table = id, .outcome = text("Vouchers for")});
        }
        return std::nullopt;
      }
    }
  }

  void make_pool(int people) {
    auto demo = core::generate_demo_participants(taxonomy(), demo_vocabulary(), {people, seed_});
    REQUIRE(demo.ok());
    pool_ = std::move(*demo);
    for (auto& dp : pool_) dp.profile.consent.suggestions = true;
  }

  core::SlotRef random_slot() {
    return {static_cast<core::SessionId>(rng_.between(1, 3)), rng_.between(0, 5)};
  }
  std::vector<core::SlotRef> random_slots(int n) {
    std::vector<core::SlotRef> out;
    while (static_cast<int>(out.size()) < n) {
      const auto slot = random_slot();
      if (std::find(out.begin(), out.end(), slot) == out.end()) out.push_back(slot);
    }
    return out;
  }

  core::Sequencer sequencer_;
  core::Rng rng_;
  std::int64_t clock_;
  std::uint64_t seed_;
  int count_ = 0;
  int fresh_ = 0;
  std::vector<core::DemoParticipant> pool_;
  std::vector<core::Operation> pending_ops_;
  std::string last_refusal_;
};

// Appends in groups of `group` operations, requiring success.
// Applies `ops` in order to `state`, as the hub's sequencer did, preparing each for the log right
// after it, as the hub's network thread does (append_prepared).
inline std::vector<storage::PreparedOperation> prepare_in_order(
    core::EventState& state, const std::vector<core::Operation>& ops) {
  std::vector<storage::PreparedOperation> prepared;
  for (const core::Operation& op : ops) {
    storage::Touched noted;
    storage::note_before(state, op, noted);
    auto applied = core::apply_operation(state, taxonomy(), op, core::ApplyMode::Follow);
    REQUIRE_MESSAGE(applied, applied.error().message);
    prepared.push_back(storage::prepare_operation(state, std::move(*applied), std::move(noted)));
  }
  return prepared;
}

inline void append_all(storage::EventStore& store, const std::vector<core::Operation>& ops,
                       std::size_t group = 7) {
  for (std::size_t i = 0; i < ops.size(); i += group) {
    const std::vector<core::Operation> part(
        ops.begin() + static_cast<long>(i),
        ops.begin() + static_cast<long>(std::min(ops.size(), i + group)));
    const auto s = store.append(part);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().code + ": " + s.error().message));
  }
}

// The state a replica reaches by applying the whole log in Follow mode, as a client catching up
// from the start does.
inline core::EventState replay_log(storage::EventStore& store) {
  core::EventState state;
  auto ops = store.read_after(0, SIZE_MAX);
  REQUIRE_MESSAGE(ops.ok(), (ops.ok() ? "" : ops.error().message));
  std::uint64_t expected = 1;
  for (const auto& op : *ops) {
    REQUIRE(op.sequence == expected++);
    auto applied = core::apply_operation(state, taxonomy(), op, core::ApplyMode::Follow);
    REQUIRE_MESSAGE(applied.ok(), (applied.ok() ? ""
                                                : "operation " + std::to_string(op.sequence) +
                                                      ": " + applied.error().message));
  }
  return state;
}

// Two states must be equal; when they are not, the message shows where their JSON first differs.
inline void check_same_state(const core::EventState& a, const core::EventState& b) {
  if (a == b) return;
  const auto x = core::state_to_json(a), y = core::state_to_json(b);
  std::size_t i = 0;
  while (i < x.size() && i < y.size() && x[i] == y[i]) ++i;
  const std::size_t from = i > 200 ? i - 200 : 0;
  FAIL_CHECK("the states differ:\n  " << x.substr(from, 400) << "\nand\n  " << y.substr(from, 400));
}

inline std::unique_ptr<storage::EventStore> open_store(const std::filesystem::path& file,
                                                       bool create = true) {
  auto store = storage::EventStore::open(file, taxonomy(), create);
  REQUIRE_MESSAGE(store.ok(),
                  (store.ok() ? "" : store.error().code + ": " + store.error().message));
  return std::move(*store);
}

}  // namespace crossmatch::test
