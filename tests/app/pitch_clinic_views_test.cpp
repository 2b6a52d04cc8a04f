// The pitching and policy-clinic screens driven by simulated clicks and typing, with a stand-in
// hub: what a screen submits is applied to the fixture's state as the hub would and handed back
// to every session, so that each step's screen shows the state the previous steps made.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/client/state/person_summary.hpp"
#include "app/client/views/broker_views.hpp"
#include "app/client/views/participant_views.hpp"
#include "app/client/views/pitch_and_clinic_views.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/text_checks.hpp"

using namespace crossmatch;

namespace {

using Sessions = std::vector<client::ClientSession*>;

// Applies what was submitted, in order and as its actor, then delivers it to every session.
std::vector<core::OperationPayload> relay(test::ClientFixture& f, const Sessions& sessions) {
  auto pending = f.outbox.pending();
  REQUIRE(pending.ok());
  std::vector<core::OperationPayload> out;
  for (core::Operation& op : *pending) {
    REQUIRE(f.outbox.remove(op.id).ok());
    const core::Operation applied = f.apply(op);
    for (client::ClientSession* s : sessions) s->receive({applied, {}}, f.clock);
    out.push_back(applied.payload);
  }
  return out;
}

template <class T>
T only(const std::vector<core::OperationPayload>& payloads) {
  REQUIRE(payloads.size() == 1);
  const T* t = std::get_if<T>(&payloads[0]);
  REQUIRE(t != nullptr);
  return *t;
}

using crossmatch::test::contains;

// A button in one of the screen's child windows, under `ids` pushed inside it.
ImGuiID clinic_child(std::vector<const char*> children, const char* label,
                     std::vector<int> ids = {}, const char* table = nullptr) {
  return test::HeadlessUi::id_of(
      [&] {
        for (const char* c : children) ImGui::BeginChild(c);
        if (table != nullptr) ImGui::PushOverrideID(ImGui::GetID(table));
        for (int id : ids) ImGui::PushID(id);
      },
      label,
      [&] {
        for (std::size_t i = 0; i < ids.size(); ++i) ImGui::PopID();
        if (table != nullptr) ImGui::PopID();
        for (std::size_t i = 0; i < children.size(); ++i) ImGui::EndChild();
      });
}

core::SessionId add_clinic_session(test::ClientFixture& f, const std::string& name,
                                   core::SessionKind kind, int start) {
  core::DefineSession d;
  d.name = name;
  d.kind = kind;
  d.date = core::days_from_civil(2026, 5, 15);
  d.start = start;
  d.end = start + 120;
  d.slot_minutes = 20;
  f.apply({core::Role::Organiser, 0}, d);
  return f.state.sessions.rbegin()->first;
}

std::vector<core::ParticipantId> of_type(const test::ClientFixture& f, core::ParticipantType type) {
  std::vector<core::ParticipantId> out;
  for (const auto& [id, p] : f.state.participants) {
    if (p.active() && p.profile.type == type) out.push_back(id);
  }
  return out;
}

}  // namespace

TEST_CASE("pitch screen: order, start, interested, pause, skip, end and the pitcher's follow-up") {
  test::ClientFixture f;
  const core::SessionId pitching =
      add_clinic_session(f, "Demo Day pitches", core::SessionKind::Pitching, 16 * 60);
  const auto policy = of_type(f, core::ParticipantType::PolicyMaker);
  REQUIRE(!policy.empty());
  const core::ParticipantId fan = policy.front();

  auto organiser = f.session(core::Role::Organiser);
  client::ClientModels om(*organiser);
  om.now_ms = f.clock;
  test::HeadlessUi ui;
  const auto organiser_view = [&] { client::draw_pitch_view(om); };
  std::string text = ui.frame(organiser_view);
  CHECK(contains(text, "Demo Day pitches"));
  CHECK(contains(text, "Set the pitch order first"));

  // The organiser adds three companies, moves the third up and saves.
  auto candidates = om.pitch.candidates(*organiser);
  REQUIRE(candidates.size() >= 3);
  std::vector<core::ParticipantId> picked;
  for (int i = 0; i < 3; ++i) {
    const core::ParticipantId c = om.pitch.candidates(*organiser).front();
    REQUIRE(ui.click(clinic_child({"order-pane", "candidates"}, "Add", {static_cast<int>(c)}),
                     organiser_view));
    picked.push_back(c);
  }
  REQUIRE(om.pitch.order().size() == 3);
  CHECK(om.pitch.order()[0].pitcher == picked[0]);
  CHECK(f.submitted().empty());  // a draft until saved
  REQUIRE(ui.click(clinic_child({"stage"}, "up", {static_cast<int>(picked[2])}, "order-draft"),
                   organiser_view));
  const std::vector<core::ParticipantId> order{picked[0], picked[2], picked[1]};
  REQUIRE(om.pitch.order().size() == 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(om.pitch.order()[i].pitcher == order[i]);
  text = ui.frame(organiser_view);
  CHECK(contains(text, "not saved yet"));
  CHECK(contains(text, core::label(core::ParticipantType::Company)));

  auto fan_session = f.session(core::Role::Participant, fan);
  auto first = f.session(core::Role::Participant, order[0]);
  const Sessions everyone{organiser.get(), fan_session.get(), first.get()};
  REQUIRE(ui.click(clinic_child({"stage"}, "Save the order"), organiser_view));
  const auto set = only<core::SetPitchOrder>(relay(f, everyone));
  CHECK(set.session == pitching);
  REQUIRE(set.pitches.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(set.pitches[i].pitcher == order[i]);
    CHECK(set.pitches[i].minutes == 5);
  }

  // Start: every client shows who pitches, the time left and who is next.
  REQUIRE(ui.click(clinic_child({"stage"}, "Start the first pitch"), organiser_view));
  CHECK(only<core::ControlPitch>(relay(f, everyone)).action == core::PitchAction::Start);
  const std::int64_t started = f.clock;
  client::ClientModels fm(*fan_session);
  fm.now_ms = started + 90'000;
  const auto fan_view = [&] { client::draw_pitch_view(fm); };
  text = ui.frame(fan_view);
  const auto card = client::person_summary(*fan_session, order[0]);
  CHECK(contains(text, "PITCHING NOW"));
  CHECK(contains(text, card.organisation));
  CHECK(contains(text, card.name + " (" + card.type + ")"));
  CHECK(contains(text, card.sector));
  CHECK(contains(text, card.city));
  CHECK(contains(text, "03:30"));  // 5 minutes, 90 s gone
  CHECK(contains(text, "NEXT"));
  CHECK(contains(text, client::person_summary(*fan_session, order[1]).organisation));
  CHECK_FALSE(contains(text, "Start the first pitch"));  // only the organiser runs the session

  // The fan taps "interested"; the pitcher sees them in the list.
  REQUIRE(ui.click(clinic_child({"stage"}, "Interested"), fan_view));
  const auto tap = only<core::MarkInterested>(relay(f, everyone));
  CHECK(tap.session == pitching);
  CHECK(tap.pitcher == order[0]);
  CHECK(tap.interested);
  text = ui.frame(fan_view);
  CHECK(contains(text, "You are interested."));
  client::ClientModels pm(*first);
  pm.now_ms = started + 90'000;
  const auto pitcher_view = [&] { client::draw_pitch_view(pm); };
  text = ui.frame(pitcher_view);
  CHECK(contains(text, "Interested in your pitch:"));
  CHECK(contains(text, client::name_with_type(*first, fan)));
  CHECK_FALSE(contains(text, "You are interested."));

  // A broker watches: neither the organiser's controls nor the list of the interested.
  auto broker = f.session(core::Role::Broker);
  client::ClientModels bm(*broker);
  bm.now_ms = started + 90'000;
  text = ui.frame([&] { client::draw_pitch_view(bm); });
  CHECK(contains(text, "PITCHING NOW"));
  CHECK(contains(text, "1 interested"));
  CHECK_FALSE(contains(text, "End this pitch"));
  CHECK_FALSE(contains(text, client::name_with_type(*broker, fan)));

  // Taken back, then tapped again.
  REQUIRE(ui.click(clinic_child({"stage"}, "Take it back"), fan_view));
  CHECK_FALSE(only<core::MarkInterested>(relay(f, everyone)).interested);
  CHECK_FALSE(contains(ui.frame(pitcher_view), client::name_with_type(*first, fan)));
  REQUIRE(ui.click(clinic_child({"stage"}, "Interested"), fan_view));
  CHECK(only<core::MarkInterested>(relay(f, everyone)).interested);

  // Pause: the time left stands still; resume; end.
  om.now_ms = f.clock;
  REQUIRE(ui.click(clinic_child({"stage"}, "Pause"), organiser_view));
  CHECK(only<core::ControlPitch>(relay(f, everyone)).action == core::PitchAction::Pause);
  fm.now_ms = f.clock + 60'000;
  const std::string paused = ui.frame(fan_view);
  CHECK(contains(paused, "PAUSED"));
  fm.now_ms = f.clock + 120'000;
  CHECK(ui.frame(fan_view) == paused);
  REQUIRE(ui.click(clinic_child({"stage"}, "Resume"), organiser_view));
  CHECK(only<core::ControlPitch>(relay(f, everyone)).action == core::PitchAction::Resume);
  REQUIRE(ui.click(clinic_child({"stage"}, "End this pitch"), organiser_view));
  CHECK(only<core::ControlPitch>(relay(f, everyone)).action == core::PitchAction::End);

  // The second company starts and is skipped; the session ends before the third.
  om.now_ms = f.clock;
  text = ui.frame(organiser_view);
  CHECK(contains(text, "Between pitches."));
  REQUIRE(ui.click(clinic_child({"stage"}, "Start the next pitch"), organiser_view));
  CHECK(only<core::ControlPitch>(relay(f, everyone)).action == core::PitchAction::Start);
  ui.frame(organiser_view);
  CHECK(om.pitch.board()->pitching_now == order[1]);
  REQUIRE(ui.click(clinic_child({"stage"}, "Skip this pitch"), organiser_view));
  CHECK(only<core::ControlPitch>(relay(f, everyone)).action == core::PitchAction::Skip);
  REQUIRE(ui.click(clinic_child({"stage"}, "End the session..."), organiser_view));
  REQUIRE(om.confirm());  // it asks first
  CHECK(only<core::ControlPitch>(relay(f, everyone)).action == core::PitchAction::Finish);
  text = ui.frame(organiser_view);
  CHECK(contains(text, "The pitching session is over."));
  const auto& pitches = f.state.pitching.at(pitching).pitches;
  CHECK(pitches[0].outcome == core::PitchOutcome::Done);
  CHECK(pitches[1].outcome == core::PitchOutcome::Skipped);
  CHECK(pitches[2].outcome == core::PitchOutcome::Skipped);
  CHECK(pitches[0].interested == std::vector<core::ParticipantId>{fan});
  // The order as everyone sees it: given, skipped, skipped, with the count of the interested.
  text = ui.frame(fan_view);
  const auto given = text.find("given"), skipped = text.find("skipped");
  CHECK(given != std::string::npos);
  CHECK(skipped != std::string::npos);
  CHECK(given < skipped);

  // After the session the pitcher sends a request to everyone interested in one step.
  text = ui.frame(pitcher_view);
  CHECK(contains(text, "After your pitch"));
  CHECK(contains(text, "1 person was interested"));
  REQUIRE(ui.click(clinic_child({"stage"}, "Send 1 meeting request"), pitcher_view));
  const auto request = only<core::RequestMeeting>(relay(f, everyone));
  CHECK(request.from == order[0]);
  CHECK(request.to == fan);
  text = ui.frame(pitcher_view);
  CHECK(contains(text, "already in touch"));
  CHECK_FALSE(contains(text, "Send 1 meeting request"));
}

TEST_CASE("clinic screen: tables with themes, picks, forming, the member's table and its outcome") {
  test::ClientFixture f;
  const core::SessionId clinic =
      add_clinic_session(f, "Policy clinic", core::SessionKind::PolicyClinic, 10 * 60);
  for (int t = 1; t <= 2; ++t)
    f.apply({core::Role::Organiser, 0},
            core::DefineTable{.name = "Workshop " + std::to_string(t), .seats = 8});

  auto organiser = f.session(core::Role::Organiser);
  client::ClientModels om(*organiser);
  om.now_ms = f.clock;
  test::HeadlessUi ui;
  const auto organiser_view = [&] { client::draw_clinic_view(om); };
  std::string text = ui.frame(organiser_view);
  CHECK(contains(text, "No workshop table yet."));

  // The organiser types two themes; each goes to a free workshop table.
  const std::vector<std::string> themes{"Mobility vouchers for creative companies",
                                        "Affordable space for start-ups"};
  std::vector<core::ClinicTableId> tables;
  Sessions everyone{organiser.get()};
  for (const std::string& theme : themes) {
    REQUIRE(ui.click(clinic_child({"themes-pane"}, "##theme"), organiser_view));
    ui.type(theme, organiser_view);
    CHECK(om.clinic.theme == theme);
    REQUIRE(ui.click(clinic_child({"themes-pane"}, "Add table"), organiser_view));
    const auto define = only<core::DefineClinicTable>(relay(f, everyone));
    CHECK(define.session == clinic);
    CHECK(define.theme == theme);
    CHECK(f.state.tables.at(define.table).seats == 8);
    tables.push_back(f.state.clinic_tables.rbegin()->first);
    CHECK(om.clinic.theme.empty());
  }
  text = ui.frame(organiser_view);
  for (const auto& theme : themes) CHECK(contains(text, theme));

  // Two participants tick themes on their screens; the others pick directly.
  std::vector<core::ParticipantId> people;
  for (const auto& [id, p] : f.state.participants) people.push_back(id);
  people.resize(14);  // two tables of 8 seat them all
  const core::ParticipantId ana = people[0], ben = people[1];
  auto ana_session = f.session(core::Role::Participant, ana);
  auto ben_session = f.session(core::Role::Participant, ben);
  everyone = {organiser.get(), ana_session.get(), ben_session.get()};
  client::ClientModels am(*ana_session), bm(*ben_session);
  am.now_ms = bm.now_ms = f.clock;
  const auto ana_view = [&] { client::draw_clinic_view(am); };
  const auto ben_view = [&] { client::draw_clinic_view(bm); };
  const auto tick = [&](const std::function<void()>& view, core::ClinicTableId table,
                        const std::string& theme) {
    REQUIRE(ui.click(
        clinic_child({"themes-pane"}, theme.c_str(), {static_cast<int>(table)}, "themes"), view));
  };
  tick(ana_view, tables[0], themes[0]);
  tick(ana_view, tables[1], themes[1]);
  CHECK(contains(ui.frame(ana_view), "not saved yet"));
  REQUIRE(ui.click(clinic_child({"themes-pane"}, "Save my themes"), ana_view));
  const auto ana_picks = only<core::PickThemes>(relay(f, everyone));
  CHECK(ana_picks.participant == ana);
  CHECK(ana_picks.themes == std::vector<core::ClinicTableId>{tables[0], tables[1]});
  tick(ben_view, tables[1], themes[1]);
  REQUIRE(ui.click(clinic_child({"themes-pane"}, "Save my themes"), ben_view));
  CHECK(only<core::PickThemes>(relay(f, everyone)).themes ==
        std::vector<core::ClinicTableId>{tables[1]});
  for (std::size_t i = 2; i < people.size(); ++i) {
    const auto op = f.apply(test::ClientFixture::person(people[i]),
                            core::PickThemes{.participant = people[i], .themes = {tables[i % 2]}});
    for (auto* s : everyone) s->receive({op, {}}, f.clock);
  }
  text = ui.frame(organiser_view);
  CHECK(contains(text, "14 people picked themes"));

  // Forming seats everyone who picked, at both tables.
  REQUIRE(ui.click(clinic_child({"themes-pane"}, "Form the tables..."), organiser_view));
  REQUIRE(om.confirm());  // it asks first
  const auto formed = only<core::FormClinicTables>(relay(f, everyone));
  CHECK(formed.session == clinic);
  std::vector<core::ParticipantId> seated;
  for (const auto& s : formed.seating)
    seated.insert(seated.end(), s.members.begin(), s.members.end());
  std::sort(seated.begin(), seated.end());
  std::sort(people.begin(), people.end());
  CHECK(seated == people);
  for (const core::ClinicTableId t : tables)
    CHECK_FALSE(f.state.clinic_tables.at(t).members.empty());

  // Ana sees her table: theme, the others with type, sector and country, and why.
  text = ui.frame(ana_view);
  const core::ClinicTableId mine = am.clinic.my_table();
  REQUIRE(mine != 0);
  const core::ClinicTable& table = f.state.clinic_tables.at(mine);
  CHECK(contains(text, "YOUR TABLE"));
  CHECK(contains(text, table.theme));
  for (const core::ParticipantId other : table.members) {
    const auto p = client::person_summary(*ana_session, other);
    CHECK(contains(text, p.name));
    CHECK(contains(text, p.type));
    CHECK(contains(text, p.sector + ", " + p.country));
  }
  const auto reasons = core::explain_clinic_seat(f.state, test::taxonomy(), mine, ana);
  REQUIRE(reasons.ok());
  REQUIRE(!reasons->empty());
  for (const auto& reason : *reasons) CHECK(contains(text, reason));
  CHECK_FALSE(contains(text, "Form the tables"));

  // She types the table's outcome and saves it; every screen shows it.
  const std::string outcome = "A voucher for cross-sector pilots";
  REQUIRE(ui.click(clinic_child({"tables-pane"}, "##outcome", {static_cast<int>(mine)}), ana_view));
  ui.type(outcome, ana_view);
  REQUIRE(
      ui.click(clinic_child({"tables-pane"}, "Save outcome", {static_cast<int>(mine)}), ana_view));
  const auto recorded = only<core::RecordClinicOutcome>(relay(f, everyone));
  CHECK(recorded.clinic_table == mine);
  CHECK(recorded.outcome == outcome);
  CHECK(f.state.clinic_tables.at(mine).outcome == outcome);
  CHECK(contains(ui.frame(organiser_view), outcome));
  if (std::find(table.members.begin(), table.members.end(), ben) == table.members.end()) {
    CHECK(contains(ui.frame(ben_view), "Outcome: " + outcome));  // another table's member reads it
  }
}

TEST_CASE("the participant type stands beside every person the screens show") {
  test::ClientFixture f;
  const auto policy = of_type(f, core::ParticipantType::PolicyMaker);
  REQUIRE(!policy.empty());
  const core::ParticipantId maker = policy.front();
  const core::ParticipantId me = maker == 1 ? 2 : 1;
  f.request(maker, me, "About vouchers");
  const std::string label = core::label(core::ParticipantType::PolicyMaker);
  const std::string named = f.state.participant(maker)->profile.display_name + " (" + label + ")";
  test::HeadlessUi ui;

  auto session = f.session(core::Role::Participant, me);
  client::ClientModels m(*session);
  const std::string requests = ui.frame([&] { client::draw_requests_view(m); });
  CHECK(contains(requests, f.state.participant(maker)->profile.display_name));
  CHECK(contains(requests, label));

  m.now_ms = f.clock;
  const std::string partners = ui.frame([&] { client::draw_partners_view(m); });
  REQUIRE(m.partners.size() > 0);
  const core::Profile& best = f.state.participant(m.partners.row(0).id)->profile;
  CHECK(contains(partners, std::string(core::label(best.type)) + ", " + best.organisation));

  auto broker = f.session(core::Role::Broker);
  client::ClientModels bm(*broker);
  bm.now_ms = f.clock;
  const std::string unmatched = ui.frame([&] { client::draw_unmatched_view(bm); });
  CHECK(contains(unmatched, named));

  f.accept(me, f.state.meetings.rbegin()->first);
  auto later = f.session(core::Role::Broker);
  client::ClientModels lm(*later);
  lm.now_ms = f.clock;
  CHECK(contains(ui.frame([&] { client::draw_monitor_view(lm); }), named));
  auto mine = f.session(core::Role::Participant, me);
  client::ClientModels mm(*mine);
  CHECK(contains(ui.frame([&] { client::draw_agenda_view(mm); }), named));
}
