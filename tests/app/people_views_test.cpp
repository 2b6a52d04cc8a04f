// People as the screens show them: the full profile that opens from every list, the broker's
// introductions (choosing, confirming, withdrawing), the "No meeting yet" list's search and order,
// the heat maps' scale, unread counts, and refused actions said as refused with the hub's reason.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "app/client/state/heat_scale.hpp"
#include "app/client/state/introductions.hpp"
#include "app/client/state/notice_marks.hpp"
#include "app/client/state/person_profile.hpp"
#include "app/client/state/person_summary.hpp"
#include "app/client/state/unmatched_list.hpp"
#include "app/client/views/action_views.hpp"
#include "app/client/views/broker_views.hpp"
#include "app/client/views/client_app.hpp"
#include "app/client/views/participant_views.hpp"
#include "app/client/views/person_views.hpp"
#include "core/event/privacy.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/e2e/hub_process.hpp"
#include "tests/text_checks.hpp"

using namespace crossmatch;

namespace {

using crossmatch::test::find_payload;

using crossmatch::test::contains;

// The hub refuses the last operation sent from this session, as the connection reports it.
void refuse_last(test::ClientFixture& f, client::ClientSession& session, const std::string& why) {
  auto pending = f.outbox.pending();
  REQUIRE(pending.ok());
  REQUIRE_FALSE(pending->empty());
  session.receive_refusal(net::OperationRefused{pending->back(), core::Error{"refused", "", why}},
                          f.clock);
}

// The id of a person's link inside a table row (as person_link pushes it).
ImGuiID link_in_row(const char* table, core::ParticipantId row, core::ParticipantId person,
                    const std::string& text) {
  return test::HeadlessUi::id_of(
      [&] {
        ImGui::PushOverrideID(ImGui::GetID(table));
        ImGui::PushID(static_cast<int>(row));
        ImGui::PushID(static_cast<int>(person));
        ImGui::PushID("person");
      },
      text.c_str(), 4);
}

}  // namespace

// [SECTION] The partner profile

TEST_CASE("person profile: every public field, in names, and every reason for the viewer") {
  test::ClientFixture f;
  // What a participant's app holds: the hub's view for them (core/event/privacy.hpp).
  auto session = std::make_unique<client::ClientSession>(test::taxonomy(), f.outbox);
  session->restore(core::view_state(f.state, core::Viewer{core::Role::Participant, 1}), f.seq,
                   core::Role::Participant, 1);
  client::PopulationCache cache(test::taxonomy());
  cache.refresh(*session);
  client::PartnerList partners;
  partners.refresh(cache, session->state(), 1, session->meetings_version(), {});
  REQUIRE(partners.size() > 0);
  const core::ParticipantId best = partners.row(0).id;
  const core::Profile& profile = session->state().participant(best)->profile;

  const client::PersonProfile p = client::person_profile(*session, cache, best, 1);
  CHECK(p.known);
  CHECK(p.name == profile.display_name);
  CHECK(p.organisation == profile.organisation);
  CHECK(p.offers == profile.offers);
  CHECK(p.seeks == profile.seeks);
  REQUIRE(p.languages.size() == profile.languages.size());
  CHECK(p.languages.front() == test::taxonomy().language(profile.languages.front())->name);
  CHECK(p.country == test::taxonomy().country(profile.country)->name);
  CHECK(p.target_markets.size() == profile.target_markets.size());
  CHECK(p.score > 0);
  // Every reason, not only the two the partners list has room for.
  const auto all = core::explain_pair(cache.scorer(), 1, static_cast<int>(best), 10);
  REQUIRE(p.reasons.size() == all.size());
  CHECK(p.reasons.size() >= partners.reasons(cache, best).size());
  // Someone else's e-mail is not in a participant's copy, so it is not shown.
  CHECK(p.email.empty());
  const auto lines = client::profile_lines(p);
  CHECK(std::find(lines.begin(), lines.end(), "Organisation: " + profile.organisation) !=
        lines.end());

  // Nobody to compare with: no reasons, no score.
  const client::PersonProfile alone = client::person_profile(*session, cache, best, 0);
  CHECK(alone.reasons.empty());
  CHECK(alone.score < 0);
  // Unknown person: said so, nothing invented.
  const client::PersonProfile unknown = client::person_profile(*session, cache, 9999, 1);
  CHECK_FALSE(unknown.known);
  CHECK(unknown.name == "participant 9999");
  CHECK(unknown.offers.empty());
}

TEST_CASE(
    "person profile: someone who withheld consent to appear in suggestions, as others see them") {
  test::ClientFixture f;
  // Participant 2 withholds consent; participant 1's app holds the hub's view for them.
  core::Profile shy = f.state.participants.at(2).profile;
  shy.consent.suggestions = false;
  f.state.participants.at(2).profile = shy;
  auto session = std::make_unique<client::ClientSession>(test::taxonomy(), f.outbox);
  session->restore(core::view_state(f.state, core::Viewer{core::Role::Participant, 1}), f.seq,
                   core::Role::Participant, 1);
  client::PopulationCache cache(test::taxonomy());
  cache.refresh(*session);
  const client::PersonProfile p = client::person_profile(*session, cache, 2, 1);
  CHECK(p.known);
  CHECK(p.name == shy.display_name);
  CHECK(p.organisation == shy.organisation);
  CHECK(p.offers.empty());
  CHECK(p.languages.empty());
  CHECK(p.reasons.empty());
  CHECK(p.score < 0);
  CHECK(contains(p.why_not, "chose not to appear in suggestions"));
}

TEST_CASE("person profile: opens from the partners, requests, agenda and team lists") {
  test::ClientFixture f;
  const auto asked = f.request(3, 1, "Let us talk");
  f.accept(4, f.request(1, 4));
  auto session = f.session(core::Role::Participant, 1);
  client::ClientModels models(*session);
  test::HeadlessUi ui;

  // Partners: the name in the first column is a link.
  const auto partners = [&] {
    client::draw_partners_view(models);
    client::draw_person_profile(models);
  };
  ui.frame(partners);
  const core::ParticipantId best = models.partners.row(0).id;
  const std::string name = session->name_of(best);
  REQUIRE(ui.click(link_in_row("partners", best, best, name), partners));
  CHECK(models.profile_person == best);
  CHECK(models.profile_relative_to == 1);
  // The profile is a window of its own beside the screens, showing every field.
  ui.frame(partners);
  const ImGuiWindow* window = ImGui::FindWindowByName("###person_profile");
  REQUIRE(window != nullptr);
  CHECK(window->Active);
  const std::string shown = ui.frame([&] {
    client::draw_person_profile_fields(
        models, client::person_profile(*session, models.population, best, 1));
  });
  CHECK(contains(shown, "Offers"));
  CHECK(contains(shown, session->state().participant(best)->profile.offers.front()));
  CHECK(contains(shown, "Why " + name + " and you"));
  models.profile_person = 0;

  // Requests: the requester's name.
  const auto requests = [&] { client::draw_requests_view(models); };
  const ImGuiID requester = test::HeadlessUi::id_of(
      [&] {
        ImGui::PushID(static_cast<int>(asked));
        ImGui::PushID(3);
        ImGui::PushID("person");
      },
      session->name_of(3).c_str(), 3);
  REQUIRE(ui.click(requester, requests));
  CHECK(models.profile_person == 3);

  // Agenda: the partner of the accepted meeting.
  const auto agenda = [&] { client::draw_agenda_view(models); };
  ui.frame(agenda);
  REQUIRE_FALSE(models.meetings.agenda().empty());
  const auto& row = models.meetings.agenda().front();
  const ImGuiID partner = test::HeadlessUi::id_of(
      [&] {
        ImGui::PushOverrideID(ImGui::GetID("agenda"));
        ImGui::PushID(static_cast<int>(row.id));
        ImGui::PushID(static_cast<int>(row.partner));
        ImGui::PushID("person");
      },
      row.partner_name.c_str(), 4);
  REQUIRE(ui.click(partner, agenda));
  CHECK(models.profile_person == row.partner);
}

TEST_CASE("person profile: a broker opens it from the monitor's feed and the unmatched list") {
  test::ClientFixture f;
  const auto met = f.request(1, 2);
  f.accept(2, met);
  auto session = f.session(core::Role::Broker);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto monitor = [&] { client::draw_monitor_view(models); };
  ui.frame(monitor);
  const ImGuiID first = test::HeadlessUi::id_of(
      [&] {
        ImGui::BeginChild("feed");
        ImGui::PushID(static_cast<int>(met));
        ImGui::PushID(1);
        ImGui::PushID("person");
      },
      client::name_with_type(*session, 1).c_str(),
      [] {
        for (int i = 0; i < 3; ++i) ImGui::PopID();
        ImGui::EndChild();
      });
  REQUIRE(ui.click(first, monitor));
  CHECK(models.profile_person == 1);
  CHECK(models.profile_relative_to == 0);  // a broker is nobody's partner

  const auto unmatched = [&] { client::draw_unmatched_view(models); };
  ui.frame(unmatched);
  const auto rows = client::unmatched_rows(*session, models.monitor.unmatched(), models.unmatched);
  REQUIRE_FALSE(rows.empty());
  REQUIRE(ui.click(link_in_row("unmatched", rows[0].id, rows[0].id, rows[0].name), unmatched));
  CHECK(models.profile_person == rows[0].id);
}

// [SECTION] "No meeting yet": search and sort

TEST_CASE("unmatched list: searched by name, organisation, sector or city; sorted five ways") {
  test::ClientFixture f;
  f.accept(2, f.request(1, 2));
  f.request(3, 4);
  f.request(5, 4);
  auto session = f.session(core::Role::Broker);
  client::BrokerMonitor monitor;
  monitor.refresh(*session, f.clock);
  const auto& people = monitor.unmatched();
  REQUIRE(people.size() > 10);
  CHECK(std::find(people.begin(), people.end(), 1) == people.end());  // has a meeting

  client::UnmatchedFilter filter;
  auto rows = client::unmatched_rows(*session, people, filter);
  REQUIRE(rows.size() == people.size());
  CHECK(std::is_sorted(rows.begin(), rows.end(),
                       [](const auto& a, const auto& b) { return a.id < b.id; }));

  filter.sort = client::UnmatchedSort::Name;
  rows = client::unmatched_rows(*session, people, filter);
  CHECK(std::is_sorted(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return client::lower_ascii(a.name) < client::lower_ascii(b.name);
  }));
  filter.sort = client::UnmatchedSort::City;
  rows = client::unmatched_rows(*session, people, filter);
  CHECK(std::is_sorted(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return client::lower_ascii(a.city) < client::lower_ascii(b.city);
  }));
  filter.sort = client::UnmatchedSort::Requests;
  rows = client::unmatched_rows(*session, people, filter);
  CHECK(std::is_sorted(rows.begin(), rows.end(),
                       [](const auto& a, const auto& b) { return a.requests < b.requests; }));
  CHECK(rows.back().requests == 2);  // participant 4 has two requests waiting

  // Search: a part of a name in another case finds that person, and an organisation too.
  const std::string name = session->name_of(people[3]);
  filter.search = client::lower_ascii(name.substr(0, 4));
  for (char& c : filter.search) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  rows = client::unmatched_rows(*session, people, filter);
  CHECK(std::any_of(rows.begin(), rows.end(), [&](const auto& r) { return r.id == people[3]; }));
  CHECK(rows.size() < people.size());
  filter.search = session->state().participant(people[5])->profile.organisation;
  rows = client::unmatched_rows(*session, people, filter);
  CHECK(std::any_of(rows.begin(), rows.end(), [&](const auto& r) { return r.id == people[5]; }));
  filter.search = "no such person anywhere";
  CHECK(client::unmatched_rows(*session, people, filter).empty());
}

TEST_CASE("unmatched view: typing narrows the list; Introduce... opens the form for that person") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Broker);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_unmatched_view(models); };
  ui.frame(body);
  const core::ParticipantId someone = models.monitor.unmatched()[4];
  const std::string name = session->name_of(someone);
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "##search", 0), body));
  ui.type(name, body);
  CHECK(models.unmatched.search == name);
  const std::string text = ui.frame(body);
  CHECK(contains(text, name));
  CHECK_FALSE(contains(text, session->name_of(models.monitor.unmatched()[0])));

  const ImGuiID introduce = test::HeadlessUi::id_of(
      [&] {
        ImGui::PushOverrideID(ImGui::GetID("unmatched"));
        ImGui::PushID(static_cast<int>(someone));
      },
      "Introduce...", 2);
  REQUIRE(ui.click(introduce, body));
  CHECK(models.introduction.first == someone);
  CHECK(models.go_to == "introductions");
  CHECK(f.submitted().empty());  // nothing is sent before the broker chooses and confirms
}

// [SECTION] Introductions

TEST_CASE("introductions: people found by typing, the best match suggested, problems said") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Broker);
  const core::Profile& third = session->state().participant(3)->profile;
  auto found = client::find_people(*session, third.display_name.substr(0, 3));
  CHECK(std::find(found.begin(), found.end(), 3) != found.end());
  found = client::find_people(*session, client::lower_ascii(third.organisation));
  CHECK(std::find(found.begin(), found.end(), 3) != found.end());
  CHECK(client::find_people(*session, "").empty());
  const auto without = client::find_people(*session, third.display_name, 8, 3);
  CHECK(std::find(without.begin(), without.end(), 3) == without.end());

  client::PopulationCache cache(test::taxonomy());
  cache.refresh(*session);
  const auto best = client::best_partner(cache, session->state(), 3);
  REQUIRE(best.has_value());
  CHECK(best->partner != 3);
  CHECK_FALSE(best->reasons.empty());

  client::IntroductionForm form;
  CHECK(contains(form.problem(*session), "first person"));
  form.choose_first(*session, 3);
  CHECK(form.first_typed == third.display_name);
  CHECK(contains(form.problem(*session), "second person"));
  form.choose_second(*session, 3);
  CHECK(form.problem(*session) == "Choose two different people.");
  form.choose_second(*session, best->partner);
  CHECK(form.problem(*session).empty());
  // A cancelled dialog keeps the choice; a sent introduction starts the form over.
  form.asked = "Introduced them";
  form.settle(true, "");
  CHECK(form.asked == "Introduced them");
  form.settle(false, "Request sent to someone");
  CHECK(form.first == 3);
  CHECK(form.asked.empty());
  form.asked = "Introduced them";
  form.settle(false, "Introduced them");
  CHECK(form.first == 0);
  form.choose_first(*session, 3);
  // The same rules core applies: an open request, or a declined pair.
  const auto m = f.request(3, 7);
  auto later = f.session(core::Role::Broker);
  form.choose_second(*later, 7);
  CHECK(contains(form.problem(*later), "already have a request"));
  f.apply(test::ClientFixture::person(7), core::DeclineMeeting{.meeting = m});
  later = f.session(core::Role::Broker);
  CHECK(contains(form.problem(*later), "was declined"));
}

TEST_CASE("introductions: confirm says who is told; Undo withdraws; the list withdraws one") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Broker);
  client::ClientModels models(*session);
  const std::string a = session->name_of(3), b = session->name_of(8);

  const client::Confirmation c = client::introduce_confirmation(
      *session, core::Introduce{.first = 3, .second = 8, .note = "Both on circular textiles"});
  CHECK(c.question == "Introduce " + a + " and " + b + "?");
  REQUIRE(c.consequences.size() >= 2);
  CHECK(contains(c.consequences[0], "will each be told that a broker introduces them"));
  CHECK(contains(c.consequences[1], "Both on circular textiles"));
  REQUIRE(c.undo.has_value());
  const auto* undo = std::get_if<core::WithdrawIntroduction>(&c.undo->operations.at(0));
  REQUIRE(undo != nullptr);
  CHECK(undo->first == 3);
  CHECK(undo->second == 8);

  // The introductions so far, newest first, with their status; only pending ones withdrawable.
  const auto older =
      std::get<core::Introduce>(
          f.apply({core::Role::Broker, 0}, core::Introduce{.first = 3, .second = 8}).payload)
          .meeting;
  f.apply(test::ClientFixture::person(3), core::AcceptMeeting{.meeting = older});
  const auto newer =
      std::get<core::Introduce>(
          f.apply({core::Role::Broker, 0}, core::Introduce{.first = 5, .second = 9}).payload)
          .meeting;
  f.apply(test::ClientFixture::person(5), core::AcceptMeeting{.meeting = newer});
  f.apply(test::ClientFixture::person(9), core::AcceptMeeting{.meeting = newer});
  auto later = f.session(core::Role::Broker);
  const auto rows = client::introductions(*later);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].meeting == newer);
  CHECK_FALSE(rows[0].withdrawable);
  CHECK(contains(rows[0].status, "accepted"));
  CHECK(rows[1].withdrawable);
  CHECK(rows[1].status == a + " accepted; awaiting " + b);
  const client::Confirmation w = client::withdraw_confirmation(*later, rows[1]);
  CHECK(w.question == "Withdraw the introduction of " + a + " and " + b + "?");
  CHECK(w.consequences[0] == "Cancel their pending meeting (now " + a + " accepted; awaiting " + b +
                                 ") and tell both of them.");
  const auto* op = std::get_if<core::WithdrawIntroduction>(&w.operations.at(0));
  REQUIRE(op != nullptr);
  CHECK(op->first == 3);
  REQUIRE(w.undo.has_value());
  CHECK(std::holds_alternative<core::Introduce>(w.undo->operations.at(0)));
}

TEST_CASE("introductions view: Enter in a person field takes the first person found") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Broker);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_introductions_view(models); };
  ui.frame(body);
  const std::string third = session->name_of(3);
  REQUIRE(ui.click(test::HeadlessUi::id_of([] { ImGui::PushID("first"); }, "##typed", 1), body));
  ui.type(third, body);
  CHECK(contains(ui.frame(body), "press Enter for the first"));
  CHECK(models.introduction.first == 0);  // typing alone chooses nobody
  ui.press(ImGuiKey_Enter, body);
  CHECK(models.introduction.first == client::find_people(*session, third, 8, 0).front());
  CHECK(models.introduction.first_typed == session->name_of(models.introduction.first));

  // Enter with nobody found chooses nobody.
  REQUIRE(ui.click(test::HeadlessUi::id_of([] { ImGui::PushID("second"); }, "##typed", 1), body));
  ui.type("zzzz nobody", body);
  ui.press(ImGuiKey_Enter, body);
  CHECK(models.introduction.second == 0);
  CHECK(contains(ui.frame(body), "Nobody active by that name"));
}

TEST_CASE("introductions view: search, take the suggestion, confirm; then withdraw from the list") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Broker);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_introductions_view(models); };
  ui.frame(body);
  const std::string third = session->name_of(3);
  REQUIRE(ui.click(test::HeadlessUi::id_of([] { ImGui::PushID("first"); }, "##typed", 1), body));
  ui.type(third, body);
  const ImGuiID found = test::HeadlessUi::id_of(
      [&] {
        ImGui::PushID("first");
        ImGui::PushID(3);
      },
      (third + "  -  " + client::person_summary(*session, 3).organisation + ", " +
       client::person_details(*session, 3))
          .c_str(),
      2);
  REQUIRE(ui.click(found, body));
  CHECK(models.introduction.first == 3);
  std::string text = ui.frame(body);
  CHECK(contains(text, "Best match for " + third));
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "Use this suggestion", 0), body));
  models.population.refresh(*session);
  const auto best = client::best_partner(models.population, session->state(), 3);
  REQUIRE(best.has_value());
  CHECK(models.introduction.second == best->partner);
  text = ui.frame(body);
  // The suggestion's reasons show once, not again under the second person.
  CHECK_FALSE(contains(text, "Why " + third + " and " + session->name_of(best->partner)));
  REQUIRE_FALSE(best->reasons.empty());
  const auto first_at = text.find(best->reasons.front());
  REQUIRE(first_at != std::string::npos);
  CHECK(text.find(best->reasons.front(), first_at + 1) == std::string::npos);

  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "Introduce...", 0), body));
  REQUIRE(models.asking.has_value());
  CHECK(f.submitted().empty());  // asked first
  REQUIRE(models.confirm());
  const auto sent = find_payload<core::Introduce>(f.submitted());
  REQUIRE(sent);
  CHECK(sent->first == 3);
  CHECK(sent->second == best->partner);
  REQUIRE(models.pending_undo.has_value());
  CHECK(models.pending_undo->label == "Withdraw the introduction");
  ui.frame(body);  // sent: the form starts over for the next introduction
  CHECK(models.introduction.first == 0);
  CHECK(models.introduction.first_typed.empty());

  // Once the hub has made it, it is in the list with a Withdraw button.
  const auto meeting =
      std::get<core::Introduce>(
          f.apply({core::Role::Broker, 0}, core::Introduce{.first = 3, .second = best->partner})
              .payload)
          .meeting;
  auto later = f.session(core::Role::Broker);
  client::ClientModels again(*later);
  const auto list = [&] { client::draw_introductions_view(again); };
  text = ui.frame(list);
  CHECK(contains(text, "Introductions so far: 1"));
  CHECK(contains(text, "awaiting both"));
  const ImGuiID withdraw = test::HeadlessUi::id_of(
      [&] {
        ImGui::PushOverrideID(ImGui::GetID("introductions"));
        ImGui::PushID(static_cast<int>(meeting));
      },
      "Withdraw...", 2);
  REQUIRE(ui.click(withdraw, list));
  REQUIRE(again.asking.has_value());
  REQUIRE(again.confirm());
  const auto withdrawn = find_payload<core::WithdrawIntroduction>(f.submitted());
  REQUIRE(withdrawn);
  CHECK(withdrawn->first == 3);
  CHECK(withdrawn->second == best->partner);
}

// [SECTION] Refused actions say so, with the hub's reason

TEST_CASE("refused: an introduction, a request and an accept show refused with the hub's reason") {
  test::ClientFixture f;
  const auto asked = f.request(3, 1);
  auto broker = f.session(core::Role::Broker);
  client::ClientModels models(*broker);
  test::HeadlessUi ui;
  const auto status = [&] { client::draw_action_status(models); };

  models.ask(client::introduce_confirmation(*broker, core::Introduce{.first = 3, .second = 8}));
  REQUIRE(models.confirm());
  models.follow(f.clock);
  CHECK(contains(ui.frame(status), "pending: Introduce the two people: waiting"));
  refuse_last(f, *broker, "A meeting between them was declined.");
  models.follow(f.clock);
  std::string text = ui.frame(status);
  CHECK(contains(text,
                 "refused: Introduce the two people: refused. A meeting between them was "
                 "declined."));
  CHECK_FALSE(contains(text, "introduce:"));  // never the wire name
  CHECK_FALSE(models.undo.has_value());       // nothing to undo
  CHECK(contains(broker->notifications().all().back().text, "refused"));

  // A participant's request on the partners screen, and an accept on the requests screen.
  test::ClientFixture g;
  const auto request = g.request(3, 1);
  auto participant = g.session(core::Role::Participant, 1);
  client::ClientModels mine(*participant);
  const auto partners = [&] {
    client::draw_partners_view(mine);
    client::draw_action_status(mine);
  };
  ui.frame(partners);
  const core::ParticipantId best = mine.partners.row(0).id;
  REQUIRE(ui.click(test::HeadlessUi::id_of(
                       [&] {
                         ImGui::PushOverrideID(ImGui::GetID("partners"));
                         ImGui::PushID(static_cast<int>(best));
                       },
                       "Request", 2),
                   partners));
  refuse_last(g, *participant, "You have 5 open requests, the most the organiser allows.");
  mine.follow(g.clock);
  CHECK(contains(ui.frame([&] { client::draw_action_status(mine); }),
                 "Request the meeting: refused. You have 5 open requests, the most the "
                 "organiser allows."));
  CHECK(mine.action.state == client::ActionState::Refused);

  const auto requests = [&] {
    client::draw_requests_view(mine);
    client::draw_action_status(mine);
  };
  REQUIRE(ui.click(
      test::HeadlessUi::id_of([&] { ImGui::PushID(static_cast<int>(request)); }, "Accept", 1),
      requests));
  mine.follow(g.clock);
  CHECK(mine.action.state == client::ActionState::Pending);
  refuse_last(g, *participant, "Meeting " + std::to_string(request) + " is already cancelled.");
  mine.follow(g.clock);
  text = ui.frame(requests);
  CHECK(contains(text, "refused: Accept the meeting: refused. Meeting " + std::to_string(request) +
                           " is already cancelled."));
  (void)asked;
}

// [SECTION] Heat maps

TEST_CASE("heat scale: sequential (lighter as counts grow), numbers legible on every cell") {
  double previous = -1;
  for (int i = 0; i <= 100; ++i) {
    const client::Rgb c = client::viridis(static_cast<float>(i) / 100);
    const double l = client::luminance(c);
    CHECK(l >= previous - 1e-9);  // never darker: order reads without hue
    previous = l;
    CHECK(client::contrast_ratio(c, client::text_on(c)) >= 4.5);
  }
  CHECK(client::viridis(0) == client::Rgb{68, 1, 84});
  CHECK(client::viridis(1) == client::Rgb{253, 231, 37});
  CHECK(client::viridis(-3) == client::viridis(0));
  CHECK(client::heat_cell(1, 9) == client::viridis(0));
  CHECK(client::heat_cell(9, 9) == client::viridis(1));
  CHECK(client::heat_cell(5, 1) == client::viridis(1));
}

TEST_CASE("heat map: rows and columns labelled, each cell's number drawn, a legend") {
  client::CountMatrix matrix;
  matrix.labels = {"Architecture", "Design", "Health"};
  matrix.counts = {0, 4, 1, 4, 0, 0, 1, 0, 12};
  matrix.max = 12;
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_count_matrix("m", matrix, 30); };
  // Text drawn straight on the draw list is not logged; the legend is.
  const std::string legend = ui.frame(body);
  CHECK(contains(legend, "blank: none"));
  CHECK(contains(legend, "12 (the most); columns are numbered as the rows"));
  // Each count is written in its cell: the same map with no counts draws exactly the glyphs of
  // "4", "1", "4", "1" and "12" fewer (four vertices each).
  const auto vertices = [&](const client::CountMatrix& shown) {
    ui.frame([&] { client::draw_count_matrix("m", shown, 30); });
    return ImGui::FindWindowByName("test")->DrawList->VtxBuffer.Size;
  };
  client::CountMatrix blank = matrix;
  std::fill(blank.counts.begin(), blank.counts.end(), 0);
  CHECK(vertices(matrix) - vertices(blank) == 6 * 4);
}

// [SECTION] Unread counts

TEST_CASE("unread counts: the Requests and Notifications tabs and the window title") {
  test::ClientFixture f;
  f.request(3, 1);
  f.request(6, 1);
  auto session = f.session(core::Role::Participant, 1);
  client::ClientApp app(*session, nullptr);
  test::HeadlessUi ui;
  ui.bare_frame([&] { app.frame(f.clock); });
  CHECK(app.tab_label("requests", "Requests") == "Requests (2)###requests");
  CHECK(app.tab_label("partners", "Partners") == "Partners###partners");  // no count
  CHECK(app.tab_label("notifications", "Notifications") == "Notifications###notifications");
  CHECK(app.window_title() == "crossmatch: Cross Innovation Lisbon");

  core::Operation announce;
  announce.actor = {core::Role::Organiser, 0};
  announce.payload = core::Announce{.text = "Lunch is served"};
  session->receive(net::Applied{f.apply(announce), {}}, f.clock);
  ui.bare_frame([&] { app.frame(f.clock); });
  CHECK(app.tab_label("notifications", "Notifications") == "Notifications (1)###notifications");
  CHECK(app.window_title() == "(1) crossmatch: Cross Innovation Lisbon");
  session->notifications().mark_all_read();
  CHECK(app.window_title() == "crossmatch: Cross Innovation Lisbon");
}

TEST_CASE("notice marks: kept per hub and token, survive a restart, the token never written") {
  const auto dir = test::fresh_folder("notice-marks");
  const std::string key = client::NoticeMarks::key("10.0.0.2", 7420, "secret-token-123");
  CHECK_FALSE(key.empty());
  CHECK(key != client::NoticeMarks::key("10.0.0.2", 7421, "secret-token-123"));
  CHECK(key != client::NoticeMarks::key("10.0.0.2", 7420, "another"));
  CHECK(client::NoticeMarks::key("10.0.0.2", 7420, "").empty());
  {
    client::NoticeMarks marks;
    marks.keep_in(dir);
    CHECK_FALSE(marks.get(key).has_value());
    marks.set(key, 412);
    REQUIRE(marks.save().ok());
  }
  client::NoticeMarks again;
  again.keep_in(dir);
  REQUIRE(again.get(key).has_value());
  CHECK(*again.get(key) == 412);
  std::ifstream file(dir / "notices.txt");
  const std::string stored((std::istreambuf_iterator<char>(file)), {});
  CHECK_FALSE(contains(stored, "secret-token-123"));
  std::filesystem::remove_all(dir);
}
