// The client's view models without ImGui: partner ranking and filters, meetings, the profile
// form's messages, the broker monitor, the pairing graph, notifications, configuration and the
// command line.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>

#include "app/client/client_command_line.hpp"
#include "app/client/state/agenda_export.hpp"
#include "app/client/state/broker_monitor.hpp"
#include "app/client/state/client_config.hpp"
#include "app/client/state/join_form.hpp"
#include "app/client/state/matching_preview.hpp"
#include "app/client/state/my_meetings.hpp"
#include "app/client/state/pairing_graph.hpp"
#include "app/client/state/partner_list.hpp"
#include "app/client/state/profile_form.hpp"
#include "app/client/views/client_app.hpp"
#include "tests/app/client_fixture.hpp"

using namespace crossmatch;
using client::PartnerFilter;

TEST_CASE("partner list: ranked best first, only allowed partners, filters and search") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Participant, 1);
  client::PopulationCache cache(test::taxonomy());
  cache.refresh(session->state(), session->profiles_version());
  client::PartnerList list;
  CHECK(list.refresh(cache, session->state(), 1, session->meetings_version(), {}));
  REQUIRE(list.size() > 5);
  for (std::size_t i = 1; i < list.size(); ++i) CHECK(list.row(i - 1).score >= list.row(i).score);
  for (std::size_t i = 0; i < list.size(); ++i) {
    CHECK(list.row(i).id != 1);
    CHECK(cache.scorer().allowed(1, static_cast<int>(list.row(i).id)));
  }
  // The first row's reasons come from explain_pair.
  CHECK(list.reasons(cache, list.row(0).id).size() ==
        core::explain_pair(cache.scorer(), 1, static_cast<int>(list.row(0).id)).size());

  // A sector filter keeps exactly the ranked partners of that sector, in order.
  const std::string sector = session->state().participant(list.row(0).id)->profile.sector;
  PartnerFilter filter;
  filter.sector = sector;
  CHECK(list.refresh(cache, session->state(), 1, session->meetings_version(), filter));
  REQUIRE(list.size() >= 1);
  for (std::size_t i = 0; i < list.size(); ++i) {
    CHECK(session->state().participant(list.row(i).id)->profile.sector == sector);
  }
  // Search by a name, case-insensitive.
  const std::string name = session->state().participant(list.row(0).id)->profile.display_name;
  filter = {};
  filter.search = client::lower_ascii(name.substr(0, 4));
  for (char& c : filter.search) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  list.refresh(cache, session->state(), 1, session->meetings_version(), filter);
  bool found = false;
  for (std::size_t i = 0; i < list.size(); ++i)
    found = found || list.row(i).id == session->state().participant(list.row(0).id)->id;
  CHECK(found);
}

TEST_CASE("partner list: sorting and filtering are redone only when their inputs change") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Participant, 1);
  client::PopulationCache cache(test::taxonomy());
  client::PartnerList list;
  PartnerFilter filter;
  for (int frame = 0; frame < 10; ++frame) {
    cache.refresh(session->state(), session->profiles_version());
    list.refresh(cache, session->state(), 1, session->meetings_version(), filter);
  }
  CHECK(cache.builds() == 1);
  CHECK(list.rankings() == 1);
  CHECK(list.filterings() == 1);
  filter.search = "a";
  list.refresh(cache, session->state(), 1, session->meetings_version(), filter);
  list.refresh(cache, session->state(), 1, session->meetings_version(), filter);
  CHECK(list.rankings() == 1);
  CHECK(list.filterings() == 2);
}

TEST_CASE("partner list: a request shows on the partner's row") {
  test::ClientFixture f;
  client::PopulationCache cache(test::taxonomy());
  auto before = f.session(core::Role::Participant, 1);
  cache.refresh(before->state(), before->profiles_version());
  client::PartnerList list;
  list.refresh(cache, before->state(), 1, before->meetings_version(), {});
  const core::ParticipantId top = list.row(0).id;
  CHECK(list.row(0).link == client::PartnerLink::None);
  f.request(1, top);
  auto after = f.session(core::Role::Participant, 1);
  cache.refresh(after->state(), after->profiles_version());
  list.refresh(cache, after->state(), 1, after->meetings_version() + 1, {});
  bool requested = false;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list.row(i).id == top) requested = list.row(i).link == client::PartnerLink::Requested;
  }
  CHECK(requested);
}

TEST_CASE("my meetings: incoming, outgoing, agenda by time, feedback due") {
  test::ClientFixture f;
  const auto incoming = f.request(3, 1, "About your 3D scanning");
  const auto outgoing = f.request(1, 4);
  const auto accepted = f.request(1, 5);
  f.accept(5, accepted);
  auto session = f.session(core::Role::Participant, 1);
  client::MyMeetings meetings;
  CHECK(meetings.refresh(*session));
  CHECK_FALSE(meetings.refresh(*session));
  REQUIRE(meetings.incoming().size() == 1);
  CHECK(meetings.incoming()[0].id == incoming);
  CHECK(meetings.incoming()[0].message == "About your 3D scanning");
  REQUIRE(meetings.outgoing().size() == 1);
  CHECK(meetings.outgoing()[0].id == outgoing);
  REQUIRE(meetings.agenda().size() == 1);
  const auto& row = meetings.agenda()[0];
  CHECK(row.id == accepted);
  REQUIRE(row.start_ms > 0);  // instant booking placed it
  CHECK_FALSE(row.where.empty());
  CHECK(meetings.feedback_due(*session, row.start_ms - 1).empty());
  CHECK(meetings.feedback_due(*session, row.start_ms + 1).size() == 1);
}

TEST_CASE("profile form: a bad e-mail gets the e-mail's message, a good profile none") {
  test::ClientFixture f;
  client::ProfileForm form;
  form.load(f.state.participant(1)->profile, test::taxonomy());
  CHECK(form.valid());
  CHECK(form.message_for("email").empty());
  form.draft().email = "not an address";
  form.validate(test::taxonomy());
  CHECK_FALSE(form.valid());
  CHECK_FALSE(form.message_for("email").empty());
  CHECK(form.message_for("display_name").empty());
  form.offers = "a, , b,";
  form.validate(test::taxonomy());
  CHECK(form.draft().offers == std::vector<std::string>{"a", "b"});
  form.draft().languages = {"xx"};
  form.validate(test::taxonomy());
  CHECK_FALSE(form.message_for("languages").empty());
}

TEST_CASE("broker monitor: counts, matrices, feed and the unmatched") {
  test::ClientFixture f;
  const auto a = f.request(1, 2);
  f.accept(2, a);
  const auto b = f.request(3, 4);
  f.accept(4, b);
  f.request(5, 6);
  auto session = f.session(core::Role::Broker);
  client::BrokerMonitor monitor;
  CHECK(monitor.refresh(*session, 1000));
  CHECK_FALSE(monitor.refresh(*session, 1100));
  CHECK(monitor.statistics().accepted == 2);
  REQUIRE(monitor.feed().size() == 2);
  CHECK(monitor.feed()[0].meeting == b);  // newest first
  int total = 0;
  const auto& m = monitor.sectors();
  for (std::size_t r = 0; r < m.labels.size(); ++r) {
    for (std::size_t c = r; c < m.labels.size(); ++c) total += m.at(r, c);
  }
  CHECK(total == 2);
  CHECK(m.at(0, 1) == m.at(1, 0));
  // Everyone active but the four who met.
  CHECK(monitor.unmatched().size() == session->state().participants.size() - 4);
  CHECK(std::find(monitor.unmatched().begin(), monitor.unmatched().end(), 1u) ==
        monitor.unmatched().end());

  client::PopulationCache cache(test::taxonomy());
  cache.refresh(session->state(), session->profiles_version());
  const auto intro = client::propose_introduction(cache, session->state(), 7);
  REQUIRE(intro);
  CHECK(intro->first == 7);
  CHECK(intro->second != 7);
  CHECK(cache.scorer().allowed(7, static_cast<int>(intro->second)));
  CHECK(intro->note.find("You two should meet") == 0);
}

TEST_CASE("pairing graph: nodes per person, edges per accepted meeting, positions stay on screen") {
  test::ClientFixture f;
  f.accept(2, f.request(1, 2));
  f.accept(3, f.request(1, 3));
  f.request(4, 5);
  auto session = f.session(core::Role::Broker);
  client::PairingGraph graph;
  CHECK(graph.refresh(session->state(), test::taxonomy(), session->meetings_version()));
  CHECK(graph.nodes().size() == 3);
  CHECK(graph.edges().size() == 2);
  for (int i = 0; i < 300; ++i) graph.step();
  for (const auto& n : graph.nodes()) {
    CHECK(n.x >= 0.0f);
    CHECK(n.x <= 1.0f);
    CHECK(n.y >= 0.0f);
    CHECK(n.y <= 1.0f);
  }
  const auto& hub = *std::find_if(graph.nodes().begin(), graph.nodes().end(),
                                  [](const auto& n) { return n.id == 1; });
  CHECK(hub.degree == 2);
}

TEST_CASE("matching preview: same settings change nothing; team sizes follow the draft") {
  test::ClientFixture f;
  client::PopulationCache cache(test::taxonomy());
  cache.refresh(f.state, 1);
  core::MatchingSettings current;
  auto same = client::preview_matching(cache, current, current);
  CHECK(same.sampled > 0);
  CHECK(same.top_changed == 0);
  core::MatchingSettings draft = current;
  draft.weights = {1.0, 0, 0, 0, 0};
  draft.team_max = 4;
  auto changed = client::preview_matching(cache, current, draft);
  CHECK(changed.top_changed > 0);
  CHECK(changed.teams == (changed.matchable + 3) / 4);
  CHECK(changed.largest <= 4);
}

TEST_CASE("session: reminders five minutes before a meeting, once") {
  test::ClientFixture f;
  const auto id = f.request(1, 2);
  f.accept(2, id);
  auto session = f.session(core::Role::Participant, 1);
  const auto& m = *session->state().meeting(id);
  REQUIRE(m.placement);
  const std::int64_t start = session->slot_start_ms(m.placement->slot);
  session->update(start - 6 * 60 * 1000);
  CHECK(session->notifications().all().empty());
  session->update(start - 4 * 60 * 1000);
  REQUIRE(session->notifications().all().size() == 1);
  const auto& note = session->notifications().all().front();
  CHECK(note.kind == client::NoticeKind::Reminder);
  CHECK(note.text.find(session->name_of(2)) != std::string::npos);
  CHECK(note.text.find(session->table_name(m.placement->table)) != std::string::npos);
  session->update(start - 3 * 60 * 1000);
  CHECK(session->notifications().all().size() == 1);
  CHECK(session->notifications().unread() == 1);
  session->notifications().mark_all_read();
  CHECK(session->notifications().unread() == 0);
}

TEST_CASE("session: offline, intents wait in the outbox and show as pending") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Participant, 1);
  CHECK(session->link().status == client::LinkStatus::Offline);
  CHECK(session->submit(core::RequestMeeting{.from = 1, .to = 2}).ok());
  CHECK(session->link().pending == 1);
  CHECK(session->link().text() == "offline, 1 pending");
  REQUIRE(f.submitted().size() == 1);
  CHECK(std::holds_alternative<core::RequestMeeting>(f.submitted()[0]));
}

TEST_CASE("agenda export: an iCalendar with the meeting") {
  test::ClientFixture f;
  f.accept(2, f.request(1, 2));
  auto session = f.session(core::Role::Participant, 1);
  auto text = client::agenda_calendar(*session, f.clock);
  REQUIRE(text.ok());
  CHECK(text->find("BEGIN:VCALENDAR") == 0);
  CHECK(text->find("BEGIN:VEVENT") != std::string::npos);
  CHECK(text->find(session->name_of(2)) != std::string::npos);
}

TEST_CASE("command line: hub, code or token, screenshot; clear errors") {
  const char* good[] = {"crossmatch",   "--hub", "127.0.0.1:7420", "--token", "t-1",
                        "--screenshot", "x.png", "--after",        "2"};
  auto args = client::parse_client_args(9, good);
  REQUIRE(args.ok());
  CHECK(args->hub.host == "127.0.0.1");
  CHECK(args->hub.port == 7420);
  CHECK(args->token == "t-1");
  CHECK(args->after == 2.0);
  const char* both[] = {"crossmatch", "--hub", "h:1", "--code", "c", "--token", "t"};
  CHECK(client::parse_client_args(7, both).error().code == "code_and_token");
  const char* no_hub[] = {"crossmatch", "--code", "c"};
  CHECK(client::parse_client_args(3, no_hub).error().code == "missing_hub");
  const char* bad_port[] = {"crossmatch", "--hub", "h:99999"};
  CHECK(client::parse_client_args(3, bad_port).error().code == "bad_port");
  const char* unknown[] = {"crossmatch", "--colour", "red"};
  CHECK(client::parse_client_args(3, unknown).error().code == "unknown_flag");
  const char* late[] = {"crossmatch", "--after", "4000"};
  CHECK(client::parse_client_args(3, late).error().field == "--after");
  // The screens --screen takes are the screen table's; the help lists them.
  const char* screen[] = {"crossmatch", "--screen", "monitor"};
  CHECK(client::parse_client_args(3, screen)->screen == "monitor");
  const char* no_screen[] = {"crossmatch", "--screen", "nonsense"};
  const auto refused = client::parse_client_args(3, no_screen);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().field == "--screen");
  CHECK(refused.error().message.find("'nonsense'") != std::string::npos);
  const std::string help = client::client_help();
  for (const std::string& name : client::screen_names())
    CHECK_MESSAGE(help.find(name) != std::string::npos, name);
  CHECK(help.find("--screenshot") != std::string::npos);
  CHECK(app::parse_host_port("[::1]:7420")->host == "::1");
  CHECK_FALSE(app::parse_host_port("nohostport").ok());
}

TEST_CASE("config: remembered across runs; the join form fills from it and explains bad input") {
  const auto folder = std::filesystem::temp_directory_path() /
                      ("crossmatch-client-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  {
    auto config = client::ClientConfig::load(folder);
    CHECK(config.get("hub").empty());
    config.set("hub", "10.0.0.2:7000");
    config.set("token", "p-abc\nevil=1");
    config.set_int("window_width", 900);
    REQUIRE(config.save().ok());
  }
  auto config = client::ClientConfig::load(folder);
  CHECK(config.get("hub") == "10.0.0.2:7000");
  CHECK(config.get("token") == "p-abcevil=1");
  CHECK(config.get_int("window_width", 0) == 900);
  CHECK(config.get_int("missing", 7) == 7);

  client::JoinForm join;
  join.load(config);
  CHECK(join.hub == "10.0.0.2:7000");
  CHECK(join.token == "p-abcevil=1");
  CHECK(join.code.empty());
  test::ClientFixture f;
  client::ClientSession session(test::taxonomy(), f.outbox);
  join.hub = "no port here";
  CHECK_FALSE(join.join(client::Credential::Token, session, &config));
  CHECK(join.message(session).find("HOST:PORT") != std::string::npos);
  join.hub = "127.0.0.1:7420";
  join.token = "  ";
  CHECK_FALSE(join.join(client::Credential::Token, session, &config));
  CHECK(join.message(session) == "Enter your token.");
  std::filesystem::remove_all(folder);
}

TEST_CASE("population: followed change by change, it ranks as a full rebuild does") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Participant, 1);
  client::PopulationCache followed(test::taxonomy());
  followed.refresh(*session);
  CHECK(followed.full_builds() == 1);
  client::PartnerList live;  // ranked before the changes, then re-placed as they come
  live.refresh(followed, session->state(), 1, 1, {});
  client::PartnerList searching;
  PartnerFilter renamed;
  renamed.search = "Renamed";
  searching.refresh(followed, session->state(), 1, 1, renamed);
  CHECK(searching.size() == 0);
  // Someone changes name and offers; 3 withdraws; 4 declines 6's request; a newcomer
  // registers.
  core::ParticipantId renamed_id = 0;  // someone suggested to 1 and not otherwise changed below
  for (std::size_t i = 0; i < live.size() && renamed_id == 0; ++i) {
    if (live.row(i).id > 6) renamed_id = live.row(i).id;
  }
  REQUIRE(renamed_id != 0);
  core::Profile edited = f.state.participant(renamed_id)->profile;
  edited.offers = {"export advice"};
  edited.display_name = "Renamed Person";
  session->receive({f.apply(test::ClientFixture::person(renamed_id),
                            core::EditProfile{.participant = renamed_id, .profile = edited}),
                    {}},
                   f.clock);
  session->receive({f.apply(test::ClientFixture::person(3), core::Withdraw{.participant = 3}), {}},
                   f.clock);
  const auto request =
      f.apply(test::ClientFixture::person(6), core::RequestMeeting{.from = 6, .to = 4});
  session->receive({request, {}}, f.clock);
  session->receive(
      {f.apply(test::ClientFixture::person(4),
               core::DeclineMeeting{.meeting =
                                        std::get<core::RequestMeeting>(request.payload).meeting}),
       {}},
      f.clock);
  core::Profile newcomer = f.state.participant(5)->profile;
  newcomer.display_name = "New Person";
  newcomer.email = "new.person@example.org";
  newcomer.organisation = "Newcomer Works";
  session->receive({f.apply({core::Role::Participant, 0}, core::Register{.profile = newcomer}), {}},
                   f.clock);
  REQUIRE(session->state() == f.state);

  CHECK(followed.refresh(*session));
  CHECK(followed.full_builds() == 1);
  client::PopulationCache rebuilt(test::taxonomy());
  rebuilt.refresh(session->state(), session->profiles_version());
  client::PartnerList a, b;
  a.refresh(followed, session->state(), 1, 1, {});
  b.refresh(rebuilt, session->state(), 1, 1, {});
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a.row(i).id == b.row(i).id);
    CHECK(a.row(i).score == b.row(i).score);
    CHECK(a.row(i).id != 3);  // withdrawn
  }
  CHECK(followed.search_text(renamed_id).find("renamed person") != std::string::npos);
  CHECK(followed.population().declined(4, 6));
  live.refresh(followed, session->state(), 1, 1, {});
  CHECK(live.rankings() == 1);
  CHECK(live.partial_rankings() == 1);
  searching.refresh(followed, session->state(), 1, 1, renamed);
  CHECK(searching.partial_rankings() == 1);
  REQUIRE(searching.size() == 1);
  CHECK(searching.row(0).id == renamed_id);
  REQUIRE(live.size() == b.size());
  for (std::size_t i = 0; i < live.size(); ++i) {
    CHECK(live.row(i).id == b.row(i).id);
    CHECK(live.row(i).score == b.row(i).score);
  }
}

TEST_CASE("session: notifications for a new request, an answer and an announcement") {
  test::ClientFixture f;
  auto ana = f.session(core::Role::Participant, 1);
  const auto request = f.apply(test::ClientFixture::person(2),
                               core::RequestMeeting{.from = 2, .to = 1, .message = "Hello"});
  ana->receive({request, {}}, f.clock);
  REQUIRE(ana->notifications().all().size() == 1);
  CHECK(ana->notifications().all().back().kind == client::NoticeKind::Request);
  // The type stands beside the name, as everywhere a person is shown.
  CHECK(ana->notifications().all().back().text ==
        "New request from " + ana->name_of(2) + " (" +
            core::label(f.state.participant(2)->profile.type) + ")");
  // Her own request raises nothing; the answer to it does.
  const auto mine =
      f.apply(test::ClientFixture::person(1), core::RequestMeeting{.from = 1, .to = 3});
  ana->receive({mine, {}}, f.clock);
  CHECK(ana->notifications().all().size() == 1);
  ana->receive({f.apply(test::ClientFixture::person(3),
                        core::DeclineMeeting{
                            .meeting = std::get<core::RequestMeeting>(mine.payload).meeting}),
                {}},
               f.clock);
  CHECK(ana->notifications().all().back().kind == client::NoticeKind::Answer);
  CHECK(ana->notifications().all().back().text == ana->name_of(3) + " declined your meeting");
  ana->receive({f.apply({core::Role::Organiser, 0}, core::Announce{.text = "Lunch"}), {}}, f.clock);
  CHECK(ana->notifications().all().back().kind == client::NoticeKind::Announcement);
  CHECK(ana->notifications().all().back().text == "Lunch");
  CHECK(ana->notifications().toasts(f.clock).size() == 3);
  CHECK(ana->notifications().toasts(f.clock + client::Notifications::kToastMs + 1).empty());
}

TEST_CASE("broker monitor: followed meeting by meeting, it counts as a full recount does") {
  test::ClientFixture f;
  const auto first = f.request(1, 2);
  f.accept(2, first);
  auto session = f.session(core::Role::Broker);
  client::BrokerMonitor live;
  std::int64_t now = 1000;
  live.refresh(*session, now);
  CHECK(live.recounts() == 1);
  const auto person = test::ClientFixture::person;
  const auto receive = [&](const core::Actor& actor, core::OperationPayload payload) {
    session->receive({f.apply(actor, std::move(payload)), {}}, f.clock);
  };
  receive(person(3), core::RequestMeeting{.from = 3, .to = 4});
  receive(person(4), core::AcceptMeeting{.meeting = f.state.next_meeting - 1});
  receive(person(5), core::RequestMeeting{.from = 5, .to = 6});
  receive(person(6), core::AcceptMeeting{.meeting = f.state.next_meeting - 1});
  receive(person(1), core::CancelMeeting{.meeting = first, .reason = "Plans changed"});
  core::Profile edited = f.state.participant(3)->profile;
  edited.job_title = "Founder";
  receive(person(3), core::EditProfile{.participant = 3, .profile = edited});
  REQUIRE(session->state() == f.state);
  CHECK(live.refresh(*session, now += client::BrokerMonitor::kRefreshMs));
  CHECK(live.recounts() == 1);
  CHECK(live.updates() == 1);

  client::BrokerMonitor fresh;
  fresh.refresh(*session, now);
  CHECK(live.statistics() == fresh.statistics());
  CHECK(live.sectors().counts == fresh.sectors().counts);
  CHECK(live.sectors().labels == fresh.sectors().labels);
  CHECK(live.cities().counts == fresh.cities().counts);
  CHECK(live.unmatched() == fresh.unmatched());
  REQUIRE(live.feed().size() == fresh.feed().size());
  CHECK(live.feed().size() == 2);
  for (std::size_t i = 0; i < live.feed().size(); ++i)
    CHECK(live.feed()[i].meeting == fresh.feed()[i].meeting);
  // A withdrawal is too much to follow one meeting at a time: counted again.
  receive(person(4), core::Withdraw{.participant = 4});
  live.refresh(*session, now += client::BrokerMonitor::kRefreshMs);
  CHECK(live.recounts() == 2);
  CHECK(live.feed().size() == 1);
}
