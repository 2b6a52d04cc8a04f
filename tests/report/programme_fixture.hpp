// A hand-made programme of three events (Lisbon, Berlin, Rome) whose every figure is worked out
// by hand in programme_report_test.cpp. People are recognised across events by e-mail.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/demo_event.hpp"
#include "print/report_figures.hpp"
#include "storage/event_store.hpp"
#include "tests/event_fixture.hpp"

namespace crossmatch::test {

// Who is who in the programme: city, sector, type.
struct Person {
  const char* email;
  const char* city;
  const char* country;
  const char* sector;
  core::ParticipantType type;
};

inline const std::map<std::string, Person>& programme_people() {
  using T = core::ParticipantType;
  static const std::map<std::string, Person> people = {
      {"ana", {"Ana@example.org", "lisbon", "PT", "architecture", T::Company}},
      {"ben", {"ben@example.org", "berlin", "DE", "health", T::Company}},
      {"cid", {"cid@example.org", "lisbon", "PT", "construction", T::Company}},
      {"dan", {"dan@example.org", "berlin", "DE", "fashion", T::Company}},
      {"eva", {"eva@example.org", "rome", "IT", "tourism", T::Intermediary}},
      {"fay", {"fay@example.org", "rome", "IT", "design", T::Company}},
      {"gus", {"gus@example.org", "vilnius", "LT", "food", T::Company}},
      {"hal", {"hal@example.org", "lisbon", "PT", "heritage", T::Researcher}},
      {"ivy", {"ivy@example.org", "berlin", "DE", "music", T::PolicyMaker}},
      {"jo", {"jo@example.org", "lisbon", "PT", "crafts", T::Researcher}},
      {"kim", {"kim@example.org", "rome", "IT", "film", T::Company}},
  };
  return people;
}

// One event, built by applying operations as the hub does; every applied operation is kept,
// sequenced, so that the event can be written to a database too.
class ProgrammeEvent {
 public:
  ProgrammeEvent(const std::string& name, const std::string& join_code, const char* day) {
    ok(organiser(),
       core::CreateEvent{.name = name, .time_zone = "Europe/Lisbon", .join_code = join_code});
    ok(organiser(), core::SetRegistration{.open = true});
    ok(organiser(), f_.define_session("Meetings", day, 9 * 60, 12 * 60));
    session_ = f_.state.next_session - 1;
    for (int t = 1; t <= 4; ++t)
      ok(organiser(), core::DefineTable{.name = "Table " + std::to_string(t)});
  }

  core::EventState& state() { return f_.state; }
  EventFixture& fixture() { return f_; }

  core::Operation ok(const core::Actor& actor, core::OperationPayload payload) {
    core::Operation applied = f_.ok(actor, std::move(payload));
    applied.sequence = ops_.size() + 1;
    ops_.push_back(applied);
    return applied;
  }

  core::ParticipantId join(const std::string& who) {
    const Person& p = programme_people().at(who);
    auto demo = core::generate_demo_participants(taxonomy(), demo_vocabulary(), {1, 5});
    REQUIRE(demo.ok());
    core::Profile profile = demo->front().profile;
    profile.display_name = who;
    profile.email = p.email;
    profile.city = p.city;
    profile.country = p.country;
    profile.sector = p.sector;
    profile.type = p.type;
    const auto applied = ok(newcomer(), core::Register{.profile = profile});
    const auto id = std::get<core::Register>(applied.payload).participant;
    ids_[who] = id;
    return id;
  }
  core::ParticipantId id(const std::string& who) const { return ids_.at(who); }

  // A meeting between two people: "requested" (left waiting), "declined", "accepted",
  // "not-held" or "held".
  core::MeetingId meet(const std::string& a, const std::string& b, const std::string& how) {
    const auto from = id(a), to = id(b);
    const auto applied = ok(participant(from), core::RequestMeeting{.from = from, .to = to});
    const auto m = std::get<core::RequestMeeting>(applied.payload).meeting;
    if (how == "requested") return m;
    if (how == "declined") {
      ok(participant(to), core::DeclineMeeting{.meeting = m});
      return m;
    }
    ok(participant(to), core::AcceptMeeting{.meeting = m});
    if (how == "held")
      ok(participant(from), core::GiveFeedback{.meeting = m, .held = core::HeldState::Held});
    if (how == "not-held")
      ok(organiser(), core::GiveFeedback{.meeting = m, .held = core::HeldState::NotHeld});
    return m;
  }

  core::FollowUpId open_follow_up(const std::string& name) {
    ok(organiser(), core::DefineFollowUp{.name = name});
    return f_.state.next_follow_up - 1;
  }
  void answer(core::FollowUpId round, core::MeetingId m, const std::string& who,
              core::FollowUpOutcome outcome) {
    ok(participant(id(who)), core::RateFollowUp{.follow_up = round,
                                                .meeting = m,
                                                .participant = id(who),
                                                .outcome = outcome,
                                                .note = "Note of " + who});
  }

  // Writes the event's log and tables to a new database.
  void write(const std::filesystem::path& file) const {
    auto store = storage::EventStore::open(file, taxonomy(), true);
    REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().message));
    const core::Status s = (*store)->append(ops_);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
  }

  print::ReportEvent report_event(const std::string& source) const { return {source, f_.state}; }

 private:
  EventFixture f_;
  core::SessionId session_ = 0;
  std::vector<core::Operation> ops_;
  std::map<std::string, core::ParticipantId> ids_;
};

// The three events; see programme_report_test.cpp for what each holds and what it counts to.
struct Programme {
  ProgrammeEvent lisbon{"Cross Innovation Lisbon", "LISBON-26", "2026-05-14"};
  ProgrammeEvent berlin{"Cross Innovation Berlin", "BERLIN-26", "2026-09-10"};
  ProgrammeEvent rome{"Cross Innovation Rome", "ROME-27", "2027-03-04"};

  Programme() {
    using O = core::FollowUpOutcome;
    // Lisbon: eight people; two meetings held, one not, one waiting, one declined.
    for (const char* who : {"ana", "ben", "cid", "dan", "eva", "hal", "ivy", "jo"})
      lisbon.join(who);
    const auto l1 = lisbon.meet("ana", "ben", "held");
    const auto l2 = lisbon.meet("ana", "cid", "held");
    lisbon.meet("dan", "eva", "not-held");
    lisbon.meet("ben", "cid", "requested");
    lisbon.meet("dan", "ben", "declined");
    const auto l_round = lisbon.open_follow_up("3 months");
    lisbon.answer(l_round, l1, "ana", O::Agreement);
    lisbon.answer(l_round, l1, "ben", O::Valuable);
    lisbon.answer(l_round, l2, "cid", O::Knowledge);

    // Berlin: ana and ben meet again; fay-ben and dan-eva meet for the first time.
    for (const char* who : {"ana", "ben", "dan", "fay", "eva"}) berlin.join(who);
    berlin.meet("ana", "ben", "held");
    berlin.meet("fay", "ben", "held");
    const auto b3 = berlin.meet("dan", "eva", "held");
    const auto b_round = berlin.open_follow_up("3 months");
    berlin.answer(b_round, b3, "dan", O::Negotiation);
    berlin.answer(b_round, b3, "eva", O::NoContact);

    // Rome: three first meetings, one with gus, who is erased afterwards; pitches and a clinic.
    for (const char* who : {"fay", "eva", "cid", "ana", "gus", "kim"}) rome.join(who);
    rome.meet("fay", "cid", "held");
    const auto r2 = rome.meet("ana", "eva", "held");
    rome.meet("gus", "fay", "held");
    const auto r_round = rome.open_follow_up("6 months");
    rome.answer(r_round, r2, "eva", O::Agreement);
    rome.ok(organiser(), core::Erase{.participant = rome.id("gus")});
    rome.ok(organiser(), rome.fixture().define_session("Pitches", "2027-03-05", 9 * 60, 10 * 60,
                                                       core::SessionKind::Pitching));
    const core::SessionId pitches = rome.state().next_session - 1;
    rome.ok(organiser(), core::SetPitchOrder{.session = pitches,
                                             .pitches = {{.pitcher = rome.id("fay")},
                                                         {.pitcher = rome.id("ana")}}});
    rome.ok(organiser(),
            core::ControlPitch{.session = pitches, .action = core::PitchAction::Start});
    for (const char* who : {"eva", "cid"})
      rome.ok(participant(rome.id(who)),
              core::MarkInterested{.session = pitches, .pitcher = rome.id("fay")});
    rome.ok(organiser(), core::ControlPitch{.session = pitches, .action = core::PitchAction::End});
    rome.ok(organiser(),
            core::ControlPitch{.session = pitches, .action = core::PitchAction::Finish});
    rome.ok(organiser(), rome.fixture().define_session("Clinic", "2027-03-05", 11 * 60, 12 * 60,
                                                       core::SessionKind::PolicyClinic));
    const core::SessionId clinic = rome.state().next_session - 1;
    rome.ok(organiser(),
            core::DefineClinicTable{.session = clinic, .table = 1, .theme = "Vouchers"});
    rome.ok(organiser(),
            core::DefineClinicTable{.session = clinic, .table = 2, .theme = "Studios"});
    rome.ok(organiser(),
            core::FormClinicTables{
                .session = clinic,
                .seating = {{.clinic_table = 1, .members = {rome.id("fay"), rome.id("eva")}},
                            {.clinic_table = 2, .members = {rome.id("cid"), rome.id("ana")}}}});
    rome.ok(organiser(), core::RecordClinicOutcome{.clinic_table = 1, .outcome = "More vouchers"});
  }

  // Given out of date order on purpose: the report sorts them.
  std::vector<print::ReportEvent> events() const {
    return {rome.report_event("rome.db"), lisbon.report_event("lisbon.db"),
            berlin.report_event("berlin.db")};
  }
};

}  // namespace crossmatch::test
