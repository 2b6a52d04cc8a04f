// The operation catalogue: every kind has every fact; names are unique and round-trip; what an
// entry says an operation changed is what changed (checked against a diff of the state before and
// after, over a random walk); whom it is about is among those who get a copy of their own; and
// a participant left out of those gets exactly the public copy.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <tuple>

#include "core/demo_event.hpp"
#include "core/event/operation_catalogue.hpp"
#include "tests/core/random_operations.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;

namespace {

// A kind without an entry, and one whose entry misses a fact (no notice), are not complete:
// adding either to OperationPayload fails to compile.
struct KindWithoutEntry {};
struct KindWithPartialEntry {};

}  // namespace

namespace crossmatch::core {
template <>
struct Catalogue<KindWithPartialEntry> : facts::AboutNobody,
                                         facts::HubDecidesNothing,
                                         facts::NothingBeforehand,
                                         facts::SeenByEveryone,
                                         facts::NothingPersonal {
  static constexpr std::string_view name = "partial";
  static constexpr Senders senders = kOrganiser;
  static constexpr Refusal refusal{"actor", "No."};
  static void changes(const KindWithPartialEntry&, const ChangeContext&, ChangeSink&) {}
};
}  // namespace crossmatch::core

static_assert(!core::CatalogueEntry<KindWithoutEntry>);
static_assert(!core::CatalogueEntry<KindWithPartialEntry>);
static_assert(core::CatalogueEntry<core::PickThemes>);

namespace {

// Everything a sink can be told, kept.
struct Reported final : core::ChangeSink {
  bool record = false, settings_changed = false;
  std::set<core::SessionId> sessions, removed_sessions, pitch_sessions;
  std::set<core::TableId> tables, removed_tables;
  std::set<core::ParticipantId> people, left_people, available, erased_people, themes;
  std::map<core::MeetingId, bool> meetings;  // -> created
  std::set<std::pair<core::ParticipantId, core::ParticipantId>> apart;
  std::set<core::RoundId> rounds;
  std::set<core::AnnouncementId> announcements;
  std::set<core::ClinicTableId> clinic;
  std::set<core::FollowUpId> follow_ups;
  std::set<std::tuple<core::FollowUpId, core::MeetingId, core::ParticipantId>> answers;

  void event_record() override { record = true; }
  void settings() override { settings_changed = true; }
  void session(core::SessionId id) override { sessions.insert(id); }
  void session_removed(core::SessionId id) override { removed_sessions.insert(id); }
  void table(core::TableId id) override { tables.insert(id); }
  void table_removed(core::TableId id) override { removed_tables.insert(id); }
  void person(core::ParticipantId id) override { people.insert(id); }
  void left(core::ParticipantId id) override { left_people.insert(id); }
  void availability(core::ParticipantId id) override { available.insert(id); }
  void erased(core::ParticipantId id) override { erased_people.insert(id); }
  void meeting(core::MeetingId id, bool created) override {
    meetings[id] = meetings[id] || created;
  }
  void kept_apart(core::ParticipantId a, core::ParticipantId b) override {
    apart.insert(std::minmax(a, b));
  }
  void round(core::RoundId id) override { rounds.insert(id); }
  void announcement(core::AnnouncementId id) override { announcements.insert(id); }
  void pitching(core::SessionId id) override { pitch_sessions.insert(id); }
  void clinic_table(core::ClinicTableId id) override { clinic.insert(id); }
  void clinic_themes(core::ParticipantId id) override { themes.insert(id); }
  void follow_up(core::FollowUpId id) override { follow_ups.insert(id); }
  void follow_up_answer(core::FollowUpId id, core::MeetingId meeting,
                        core::ParticipantId whose) override {
    answers.emplace(id, meeting, whose);
  }
};

template <class Map, class Fn>
void each_difference(const Map& before, const Map& after, Fn&& fn) {
  for (const auto& [id, value] : after) {
    const auto it = before.find(id);
    using Value = std::decay_t<decltype(value)>;
    if (it == before.end()) {
      fn(id, static_cast<const Value*>(nullptr), &value);
    } else if (!(it->second == value)) {
      fn(id, &it->second, &value);
    }
  }
  for (const auto& [id, value] : before) {
    using Value = std::decay_t<decltype(value)>;
    if (after.find(id) == after.end()) fn(id, &value, static_cast<const Value*>(nullptr));
  }
}

// The first change between `before` and `after` that `reported` does not account for, or empty.
std::string unreported(const core::EventState& before, const core::EventState& after,
                       const Reported& r) {
  std::string out;
  const auto miss = [&](const std::string& what) {
    if (out.empty()) out = what;
  };
  if (!(before.event.settings == after.event.settings) && !r.settings_changed) miss("the settings");
  core::EventInfo b = before.event, a = after.event;
  b.settings = a.settings = {};
  if (!(a == b) && !r.record) miss("the event's record");
  each_difference(before.sessions, after.sessions,
                  [&](core::SessionId id, const auto*, const auto* now) {
                    if (now ? !r.sessions.count(id) : !r.removed_sessions.count(id))
                      miss("session " + std::to_string(id));
                  });
  each_difference(before.tables, after.tables, [&](core::TableId id, const auto*, const auto* now) {
    if (now ? !r.tables.count(id) : !r.removed_tables.count(id))
      miss("table " + std::to_string(id));
  });
  each_difference(
      before.participants, after.participants,
      [&](core::ParticipantId id, const core::Participant* was, const core::Participant* now) {
        const bool record =
            !was || !now || !(was->profile == now->profile) || was->status != now->status;
        if (record && !r.people.count(id)) miss("participant " + std::to_string(id));
        const bool slots = was && now && !(was->availability == now->availability);
        if (slots && !r.available.count(id) && !r.people.count(id))
          miss("the availability of participant " + std::to_string(id));
        if (now && now->status != core::ParticipantStatus::Active && was &&
            was->status == core::ParticipantStatus::Active && !r.left_people.count(id))
          miss("participant " + std::to_string(id) + " leaving");
      });
  each_difference(before.meetings, after.meetings,
                  [&](core::MeetingId id, const core::Meeting* was, const core::Meeting* now) {
                    const auto it = r.meetings.find(id);
                    if (it == r.meetings.end() || (!was && !it->second))
                      miss("meeting " + std::to_string(id));
                    if (now && now->status == core::MeetingStatus::Declined &&
                        (!was || was->status != core::MeetingStatus::Declined) &&
                        !r.apart.count(std::minmax(now->requester, now->invitee)))
                      miss("the declined pair of meeting " + std::to_string(id));
                  });
  each_difference(before.rounds, after.rounds, [&](core::RoundId id, const auto*, const auto*) {
    if (!r.rounds.count(id)) miss("round " + std::to_string(id));
  });
  for (const core::Announcement& a : after.announcements) {
    const bool old = std::any_of(before.announcements.begin(), before.announcements.end(),
                                 [&](const core::Announcement& x) { return x.id == a.id; });
    if (!old && !r.announcements.count(a.id)) miss("announcement " + std::to_string(a.id));
  }
  each_difference(before.pitching, after.pitching,
                  [&](core::SessionId id, const auto*, const auto*) {
                    if (!r.pitch_sessions.count(id))
                      miss("pitching in session " + std::to_string(id));
                  });
  each_difference(before.clinic_tables, after.clinic_tables,
                  [&](core::ClinicTableId id, const auto*, const auto*) {
                    if (!r.clinic.count(id)) miss("clinic table " + std::to_string(id));
                  });
  each_difference(before.clinic_themes, after.clinic_themes,
                  [&](core::ParticipantId id, const auto*, const auto*) {
                    if (!r.themes.count(id))
                      miss("the themes of participant " + std::to_string(id));
                  });
  each_difference(
      before.follow_ups, after.follow_ups,
      [&](core::FollowUpId id, const core::FollowUpRound* was, const core::FollowUpRound* now) {
        const bool record = !was || !now || was->name != now->name || was->open != now->open ||
                            was->opened_at != now->opened_at;
        if (record && !r.follow_ups.count(id)) miss("follow-up round " + std::to_string(id));
        static const std::map<std::pair<core::MeetingId, core::ParticipantId>, core::FollowUpAnswer>
            none;
        each_difference(was ? was->answers : none, now ? now->answers : none,
                        [&](const auto& key, const auto*, const auto*) {
                          if (!r.answers.count({id, key.first, key.second}))
                            miss("a follow-up answer in round " + std::to_string(id));
                        });
      });
  return out;
}

// Set-up operations the random walk does not draw, applied once with their changes checked.
std::vector<std::pair<core::Actor, core::OperationPayload>> setup_operations(
    test::EventFixture& f) {
  return {
      {test::organiser(), core::SetRegistration{.open = false}},
      {test::organiser(), core::SetRegistration{.open = true}},
      {test::organiser(),
       f.define_session("Extra", "2026-05-16", 9 * 60, 11 * 60, core::SessionKind::Meetings)},
      {test::organiser(), core::RemoveSession{.session = 6}},
      {test::organiser(),
       core::SetPitchOrder{.session = 4, .pitches = {{.pitcher = 1, .minutes = 5}}}},
      {test::organiser(), core::ControlPitch{.session = 4, .action = core::PitchAction::Start}},
      {test::participant(2), core::MarkInterested{.session = 4, .pitcher = 1}},
      {test::organiser(), core::ControlPitch{.session = 4, .action = core::PitchAction::Skip}},
      {test::organiser(), core::ReopenPitch{.session = 4, .pitcher = 1}},
      {test::organiser(), core::DefineClinicTable{.session = 5, .table = 1, .theme = "Vouchers"}},
      {test::organiser(), core::PickThemes{.participant = 3, .themes = {1}}},
      {test::organiser(),
       core::FormClinicTables{.session = 5, .seating = {{.clinic_table = 1, .members = {3, 4}}}}},
      {test::participant(3),
       core::RecordClinicOutcome{.clinic_table = 1, .outcome = "More vouchers"}},
  };
}

// Applies `op` to `state`, checking what the catalogue reports against what changed and, for
// every participant, that who gets a copy of their own is as the privacy rules need.
void apply_and_check(core::EventState& state, const core::Operation& op, std::int64_t at,
                     int& applied) {
  core::Operation timed = op;
  timed.at = at;
  const core::EventState before = state;
  Reported reported;
  core::report_changes_before(before, timed, reported);
  auto result = core::apply_operation(state, test::taxonomy(), timed);
  if (!result) {
    REQUIRE(state == before);
    return;
  }
  ++applied;
  core::Operation done = *result;
  done.sequence = static_cast<std::uint64_t>(applied);
  core::report_changes(done, state, reported);
  const std::string missing = unreported(before, state, reported);
  if (!missing.empty())
    FAIL(std::string(core::operation_type(done.payload))
         << " changed " << missing << " unreported");

  const auto readers = core::personal_viewers(done, state);
  const core::Subject about = core::subject(done.payload);
  if (about.participant != 0)
    CHECK(std::binary_search(readers.begin(), readers.end(), about.participant));
  const auto everyone =
      core::view_operation(done, state, core::Viewer{core::Role::Participant, 0}, false);
  for (const auto& [id, p] : state.participants) {
    if (std::binary_search(readers.begin(), readers.end(), id)) continue;
    const auto mine =
        core::view_operation(done, state, core::Viewer{core::Role::Participant, id}, false);
    const std::string kind = core::operation_type(done.payload);
    CAPTURE(kind);
    CAPTURE(id);
    REQUIRE(mine.has_value() == everyone.has_value());
    if (mine) {
      CHECK(mine->op == everyone->op);
      CHECK(mine->contacts == everyone->contacts);
    }
  }
}

}  // namespace

TEST_CASE("each kind's wire name is its own and leads back to it") {
  std::set<std::string> names;
  for (std::size_t i = 0; i < std::variant_size_v<core::OperationPayload>; ++i) {
    const core::OperationPayload payload = core::payload_of_kind(i);
    REQUIRE(payload.index() == i);
    const std::string name = core::operation_type(payload);
    CHECK(names.insert(name).second);
    CHECK(core::operation_index(name) == static_cast<int>(i));
  }
  CHECK(core::operation_index("no_such_kind") == -1);
}

TEST_CASE("who may send a kind: others get the entry's refusal") {
  test::EventFixture f;
  f.set_up();
  f.register_people(2);
  const core::Error e =
      f.refused(test::broker(), core::DefineTable{.name = "T9", .seats = 2}, "forbidden");
  CHECK(e.message == core::Catalogue<core::DefineTable>::refusal.message);
  const core::Error own =
      f.refused(test::participant(1), core::RequestMeeting{.from = 2, .to = 1}, "forbidden");
  CHECK(own.field == "from");
  CHECK(own.message == core::Catalogue<core::RequestMeeting>::refusal.message);
  f.refused(test::newcomer(), core::RequestMeeting{.from = 1, .to = 2}, "forbidden");
  f.refused(test::participant(1), core::Register{}, "forbidden");
  f.refused(test::organiser(), core::MarkInterested{.session = 4, .pitcher = 1}, "forbidden");
}

TEST_CASE(
    "themes picked for someone are theirs: they get their own copy, and the log files it under "
    "them") {
  // The privacy filter once listed subjects by hand and left pick_themes out, while the log's
  // lookup columns filed it under the participant.
  test::EventFixture f;
  f.set_up();
  f.ok(test::organiser(),
       f.define_session("Clinic", "2026-05-15", 11 * 60, 12 * 60, core::SessionKind::PolicyClinic));
  const auto people = f.register_people(3);
  const core::SessionId clinic = f.state.next_session - 1;
  f.ok(test::organiser(),
       core::DefineClinicTable{.session = clinic, .table = 1, .theme = "Mobility"});
  const core::Operation done =
      f.ok(test::organiser(),
           core::PickThemes{.participant = people[1], .themes = {f.state.next_clinic_table - 1}});
  CHECK(core::subject(done.payload).participant == people[1]);
  const auto readers = core::personal_viewers(done, f.state);
  CHECK(std::find(readers.begin(), readers.end(), people[1]) != readers.end());
}

TEST_CASE(
    "what the catalogue says each operation changed is what changed, and copies follow the privacy "
    "rules" *
    doctest::test_suite("slow")) {
  for (const std::uint64_t seed : {7u, 8u}) {
    CAPTURE(seed);
    test::EventFixture hub;
    hub.set_up(4, 6);
    hub.ok(test::organiser(), hub.define_session("Teams", "2026-05-15", 9 * 60, 10 * 60,
                                                 core::SessionKind::TeamRound));
    hub.ok(test::organiser(), core::DefineTable{.name = "Team table A", .seats = 4});
    hub.ok(test::organiser(), core::DefineTable{.name = "Team table B", .seats = 4});
    hub.ok(test::organiser(), hub.define_session("Pitches", "2026-05-15", 10 * 60, 11 * 60,
                                                 core::SessionKind::Pitching));
    hub.ok(test::organiser(), hub.define_session("Clinic", "2026-05-15", 11 * 60, 12 * 60,
                                                 core::SessionKind::PolicyClinic));
    hub.register_people(16, seed);
    auto pool_people = core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(),
                                                        {40, seed + 1000});
    REQUIRE(pool_people.ok());
    std::vector<core::Profile> pool;
    for (const auto& dp : *pool_people) pool.push_back(dp.profile);

    int applied = 0;
    int count = 0;
    for (auto& [actor, payload] : setup_operations(hub)) {
      core::Operation op{
          .id = "setup" + std::to_string(++count), .actor = actor, .payload = payload};
      const int was = applied;
      apply_and_check(hub.state, op, hub.clock += 500, applied);
      CHECK_MESSAGE(applied == was + 1, std::string(core::operation_type(op.payload))
                                            << " was refused");
    }
    test::OperationSource source(seed, hub.state);
    std::set<std::string> kinds;
    for (int step = 0; step < 4000; ++step) {
      const core::Operation op = source.next(pool);
      const int was = applied;
      apply_and_check(hub.state, op, hub.clock += 500, applied);
      if (applied > was) kinds.insert(core::operation_type(op.payload));
    }
    CHECK(kinds.size() >= 20);
  }
}
