// The real window under Xvfb: each main screen of each role rendered by the program itself
// (--screenshot) against a real hub with a demo event, a pitching session under way and a
// policy clinic seated, saved as a PNG in the build folder (screenshots/), and checked not to be
// blank.
#include <doctest/doctest.h>

#include <stb_image.h>

#include <chrono>
#include <cstring>
#include <set>
#include <thread>

#include "app/client/state/clinic_screen.hpp"
#include "core/demo_event.hpp"
#include "core/event/check_in_code.hpp"
#include "net/client_connection.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/real_window.hpp"
#include "tests/e2e/hub_process.hpp"
#include "tests/e2e/sync_client.hpp"

using namespace crossmatch;

namespace {

bool have_xvfb() {
  return test::run_command("command -v xvfb-run && command -v Xvfb").first == 0;
}

// Participants who join through real connections, request meetings among themselves and accept
// them, so that every screen has something to show. The first one keeps two requests unanswered.
class Crowd {
 public:
  Crowd(const test::HubProcess& hub, int size) {
    auto people =
        core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(), {200, 9});
    REQUIRE(people.ok());
    for (int i = 0; i < size; ++i) {
      auto member = std::make_unique<Member>();
      net::ClientOptions options = hub.client_options();
      options.join_code = hub.code();
      member->connection =
          std::make_unique<net::ClientConnection>(test::taxonomy(), options, member->outbox);
      REQUIRE(member->connection->start().ok());
      core::Profile profile = (*people)[static_cast<std::size_t>(i * 7)].profile;
      if (std::find(profile.languages.begin(), profile.languages.end(), "en") ==
          profile.languages.end()) {
        profile.languages.push_back("en");
      }
      if (i == 0) {
        profile.display_name = "Ana Ferreira";
        profile.email = "ana.ferreira@example.org";
      }
      core::Operation op;
      op.payload = core::Register{.profile = profile};
      REQUIRE(member->connection->submit(op).ok());
      members_.push_back(std::move(member));
    }
    pump([&] {
      for (const auto& m : members_) {
        if (m->token.empty()) return false;
      }
      return true;
    });
    const std::size_t n = members_.size();
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t step : {1u, 2u, 4u}) {
        core::Operation request;
        request.payload = core::RequestMeeting{.from = members_[i]->id,
                                               .to = members_[(i + step) % n]->id,
                                               .message = "Shall we meet about a joint project?"};
        REQUIRE(members_[i]->connection->submit(request).ok());
      }
    }
    // Everyone answers what they are asked; the first member only the last member's request.
    pump([&] {
      for (const auto& m : members_) {
        if (m->connection->pending() > 0) return false;
      }
      return accepts_ == 3 * n - 2;
    });
  }
  ~Crowd() {
    for (auto& m : members_) m->connection->stop();
  }
  const std::string& token(std::size_t i) const { return members_[i]->token; }
  core::ParticipantId id(std::size_t i) const { return members_[i]->id; }
  std::size_t size() const { return members_.size(); }
  // An operation of member `i`, as themselves.
  void submit(std::size_t i, core::OperationPayload payload) {
    core::Operation op;
    op.payload = std::move(payload);
    REQUIRE(members_[i]->connection->submit(op).ok());
  }
  // Until the hub has answered everything the members submitted.
  void settle() {
    pump([&] {
      for (const auto& m : members_) {
        if (m->connection->pending() > 0) return false;
      }
      return true;
    });
  }

 private:
  struct Member {
    net::MemoryOutbox outbox;
    std::unique_ptr<net::ClientConnection> connection;
    core::ParticipantId id = 0;
    std::string token;
    std::set<core::MeetingId> answered;
  };

  template <class Done>
  void pump(Done done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!done()) {
      REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline,
                      "the crowd did not settle: " << accepts_ << " accepts; " << refusals_);
      for (std::size_t i = 0; i < members_.size(); ++i) {
        Member& m = *members_[i];
        for (auto& event : m.connection->drain()) {
          if (auto* issued = std::get_if<net::TokenIssued>(&event))
            m.token = issued->token, m.id = issued->participant;
          if (auto* refused = std::get_if<net::OperationRefused>(&event))
            refusals_ += refused->error.message + "; ";
          auto* applied = std::get_if<net::Applied>(&event);
          if (applied == nullptr) continue;
          const auto* r = std::get_if<core::RequestMeeting>(&applied->op.payload);
          if (r == nullptr || r->to != m.id || !m.answered.insert(r->meeting).second) continue;
          if (i == 0 && r->from != members_.back()->id) continue;
          core::Operation accept;
          accept.payload = core::AcceptMeeting{.meeting = r->meeting};
          REQUIRE(m.connection->submit(accept).ok());
          ++accepts_;
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  std::vector<std::unique_ptr<Member>> members_;
  std::size_t accepts_ = 0;  // accepts submitted
  std::string refusals_;
};

// Not blank: many distinct colours, and no single colour covers nearly everything.
void check_not_blank(const std::string& path) {
  int w = 0, h = 0, n = 0;
  unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &n, 4);
  REQUIRE_MESSAGE(pixels != nullptr, "cannot read " << path);
  CHECK(w >= 640);
  CHECK(h >= 400);
  std::set<std::uint32_t> colours;
  std::size_t background = 0;
  const std::size_t count = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
  std::uint32_t first = 0;
  for (std::size_t i = 0; i < count; ++i) {
    std::uint32_t c = 0;
    std::memcpy(&c, pixels + i * 4, 4);
    if (i == 0) first = c;
    background += c == first;
    if (colours.size() < 1000) colours.insert(c);
  }
  stbi_image_free(pixels);
  CHECK_MESSAGE(colours.size() > 20, path << " has only " << colours.size() << " colours");
  CHECK_MESSAGE(background < count * 97 / 100, path << " is almost all one colour");
}

// Calls `update` on the organiser's client until `done`.
template <class Done>
void until(client::ClientSession& session, Done done, const char* what) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!done()) {
    REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline, "timed out waiting for " << what);
    session.update(std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count());
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

template <class Items, class Match>
typename Items::key_type find_id(const Items& items, Match match) {
  for (const auto& [id, item] : items) {
    if (match(item)) return id;
  }
  return 0;
}

// What the pitch and clinic screens show, made through the organiser's own client state (the
// client's clinic model forms the tables) and the crowd's connections: a pitching session whose
// first pitch runs with people interested, and a policy clinic seated with outcomes recorded.
void stage_pitching_and_clinic(const test::HubProcess& hub, Crowd& crowd) {
  net::MemoryOutbox outbox;
  client::ClientSession organiser(test::taxonomy(), outbox);
  net::ClientOptions options = hub.client_options();
  options.token = hub.organiser();
  REQUIRE(organiser.connect(options).ok());
  const core::EventState& state = organiser.state();
  until(
      organiser, [&] { return organiser.joined() && !state.sessions.empty(); },
      "the organiser to join");
  const std::int64_t day = state.sessions.begin()->second.date;
  REQUIRE(organiser
              .submit(core::DefineSession{.name = "Demo Day pitches",
                                          .kind = core::SessionKind::Pitching,
                                          .date = day,
                                          .start = 16 * 60,
                                          .end = 17 * 60})
              .ok());
  REQUIRE(organiser
              .submit(core::DefineSession{.name = "Policy clinic: the creative economy",
                                          .kind = core::SessionKind::PolicyClinic,
                                          .date = day,
                                          .start = 17 * 60 + 15,
                                          .end = 18 * 60 + 45})
              .ok());
  for (const char* room : {"Workshop room A", "Workshop room B", "Workshop room C"}) {
    REQUIRE(organiser.submit(core::DefineTable{.name = room, .seats = 6}).ok());
  }
  until(
      organiser,
      [&] {
        return state.tables.size() >= 3 &&
               find_id(state.tables,
                       [](const core::Table& t) { return t.name == "Workshop room C"; }) != 0 &&
               state.sessions.size() >= 2;
      },
      "the sessions and tables");
  const auto pitching = find_id(
      state.sessions, [](const core::Session& s) { return s.kind == core::SessionKind::Pitching; });
  const auto clinic = find_id(state.sessions, [](const core::Session& s) {
    return s.kind == core::SessionKind::PolicyClinic;
  });
  REQUIRE(pitching != 0);
  REQUIRE(clinic != 0);

  // Five of the crowd's companies pitch (not the first member, who watches); the first starts.
  core::SetPitchOrder order{pitching, {}};
  const int minutes[] = {6, 5, 5, 4, 5};
  for (std::size_t i = 1; i < crowd.size() && order.pitches.size() < 5; ++i) {
    if (state.participant(crowd.id(i))->profile.type == core::ParticipantType::Company)
      order.pitches.push_back({crowd.id(i), minutes[order.pitches.size()]});
  }
  REQUIRE(order.pitches.size() >= 2);
  REQUIRE(organiser.submit(order).ok());
  REQUIRE(organiser.submit(core::ControlPitch{.session = pitching}).ok());
  until(
      organiser,
      [&] {
        return state.pitching.count(pitching) &&
               state.pitching.at(pitching).status == core::PitchStatus::Pitching;
      },
      "the first pitch");
  const core::ParticipantId pitcher = order.pitches[0].pitcher;
  for (std::size_t i = 0; i < crowd.size(); i += 2) {
    if (crowd.id(i) != pitcher)
      crowd.submit(i, core::MarkInterested{.session = pitching, .pitcher = pitcher});
  }
  crowd.settle();

  // Three themes; sixteen people pick, the scarce types first; the tables are formed.
  const char* themes[] = {"Mobility vouchers for creative companies",
                          "Affordable space for start-ups",
                          "Public procurement of design and innovation"};
  std::vector<core::TableId> rooms;
  for (const auto& [id, t] : state.tables) {
    if (t.name.rfind("Workshop room", 0) == 0) rooms.push_back(id);
  }
  for (int t = 0; t < 3; ++t)
    REQUIRE(
        organiser
            .submit(core::DefineClinicTable{
                .session = clinic, .table = rooms[static_cast<std::size_t>(t)], .theme = themes[t]})
            .ok());
  until(
      organiser, [&] { return state.clinic_tables.size() >= 3; }, "the clinic tables");
  std::vector<core::ClinicTableId> tables;
  for (const auto& [id, ct] : state.clinic_tables) tables.push_back(id);
  std::vector<core::ParticipantId> people{crowd.id(0)};
  for (const bool companies : {false, true}) {
    for (const auto& [id, p] : state.participants) {
      if (people.size() >= 16) break;
      if (p.active() && (p.profile.type == core::ParticipantType::Company) == companies &&
          id != crowd.id(0))
        people.push_back(id);
    }
  }
  for (std::size_t i = 0; i < people.size(); ++i) {
    REQUIRE(organiser
                .submit(core::PickThemes{.participant = people[i],
                                         .themes = {tables[i % 3], tables[(i + 1) % 3]}})
                .ok());
  }
  until(
      organiser, [&] { return state.clinic_themes.size() >= people.size(); }, "the picked themes");
  client::ClinicScreen screen;
  screen.refresh(organiser);
  auto formed = screen.form(organiser, 7);
  REQUIRE_MESSAGE(formed.ok(), (formed.ok() ? "" : formed.error().message));
  REQUIRE(organiser.submit(formed->operation).ok());
  until(
      organiser, [&] { return !state.clinic_tables.at(tables[0]).members.empty(); },
      "the clinic's seating");
  screen.refresh(organiser);
  core::ClinicTableId first_table = 0, other = 0;
  for (const core::ClinicTableId t : tables) {
    const auto& members = state.clinic_tables.at(t).members;
    (std::find(members.begin(), members.end(), crowd.id(0)) != members.end() ? first_table
                                                                             : other) = t;
  }
  REQUIRE(first_table != 0);
  crowd.submit(
      0,
      core::RecordClinicOutcome{
          .clinic_table = first_table,
          .outcome =
              "1. Mobility vouchers open to creative SMEs working with a growth-sector partner.\n"
              "2. One regional desk for cross-sector pilots."});
  crowd.settle();
  REQUIRE(organiser
              .submit(core::RecordClinicOutcome{
                  .clinic_table = other,
                  .outcome = "Shared studios in the old tram depot, rent capped for three years."})
              .ok());
  until(
      organiser, [&] { return !state.clinic_tables.at(other).outcome.empty(); }, "the outcomes");
  organiser.disconnect();
}

// The organiser's constraints the Schedule screen shows: an accepted meeting pinned to the slot it
// is booked in, and that meeting before another accepted one.
void stage_schedule_constraints(const test::HubProcess& hub) {
  net::MemoryOutbox outbox;
  client::ClientSession organiser(test::taxonomy(), outbox);
  net::ClientOptions options = hub.client_options();
  options.token = hub.organiser();
  REQUIRE(organiser.connect(options).ok());
  const core::EventState& state = organiser.state();
  until(
      organiser, [&] { return organiser.joined() && !state.meetings.empty(); },
      "the organiser to join");
  std::vector<core::MeetingId> booked;
  for (const auto& [id, m] : state.meetings) {
    if (m.status == core::MeetingStatus::Accepted && m.placement) booked.push_back(id);
  }
  REQUIRE(booked.size() >= 2);
  REQUIRE(organiser
              .submit(core::PinMeeting{.meeting = booked[0],
                                       .slot = state.meetings.at(booked[0]).placement->slot})
              .ok());
  REQUIRE(organiser.submit(core::AddPrecedence{.before = booked[0], .after = booked[1]}).ok());
  until(
      organiser,
      [&] {
        return state.meetings.at(booked[0]).pinned.has_value() &&
               !state.meetings.at(booked[1]).after.empty();
      },
      "the pin and the order");
  organiser.disconnect();
}

// The flags that reach `hub` with `token` on the `screen`, saving `png` after `seconds`.
std::vector<std::string> shot_flags(const test::HubProcess& hub, const std::string& token,
                                    const std::string& screen, const std::string& png,
                                    int seconds) {
  std::vector<std::string> flags{"--hub",        "127.0.0.1:" + std::to_string(hub.port()),
                                 "--token",      token,
                                 "--screen",     screen,
                                 "--screenshot", png,
                                 "--after",      std::to_string(seconds)};
  if (hub.tls()) {
    flags.push_back("--pin");
    flags.push_back(hub.fingerprint());
  } else {
    flags.push_back("--insecure");
  }
  return flags;
}

// Screens that show something only after a click (a partner's profile, a planned schedule): the
// program takes its screenshot at a set time; the clicks (xdotool, as in real_window_test.cpp)
// come before it, and the text on screen in the last frame is checked to be what the shot claims.
void take_clicked_shots(const test::HubProcess& hub, const std::string& participant,
                        const std::filesystem::path& dir, const std::filesystem::path& out) {
  if (!test::have_xvfb_and_xdotool()) {
    MESSAGE("the partner profile and schedule grid shots are skipped: xdotool is not installed");
    return;
  }
  test::VirtualDisplay display(dir, 1280, 800);
  {
    // A participant opens the first suggested partner's profile from the list.
    const std::string png = (out / "partner-profile.png").string();
    std::filesystem::remove(png);
    test::RealWindow w(display, dir, "profile-shot", 0,
                       shot_flags(hub, participant, "partners", png, 12));
    const test::Spot who = w.wait_for("Who");
    std::optional<test::Spot> first;
    w.wait_until([&] { return (first = w.first_under(who.x, who.y)).has_value(); },
                 "the first partner");
    w.click(first->text, who.y + 1);
    w.move_mouse(640, 790);  // no tooltip over the list
    w.wait_for("Why " + first->text + " and you");
    REQUIRE(w.wait_exit(30) == 0);
    CHECK(w.shows("Why " + first->text + " and you"));
    check_not_blank(png);
  }
  {
    // Ana at a kiosk: she types the code under her badge's QR code and Enter, as a scanner does.
    const std::string png = (out / "kiosk.png").string();
    std::filesystem::remove(png);
    std::string code;
    for (const auto& [id, p] : test::hub_state(dir / "event.db").participants) {
      if (p.profile.display_name == "Ana Ferreira") code = p.check_in_code;
    }
    REQUIRE(core::is_check_in_code(code));
    std::vector<std::string> flags = shot_flags(hub, hub.helper(), "", png, 10);
    const auto screen = std::find(flags.begin(), flags.end(), "--screen");
    flags.erase(screen, screen + 2);  // the kiosk has one screen
    flags.push_back("--kiosk");
    test::RealWindow w(display, dir, "kiosk-shot", 0, flags);
    w.wait_for_part("Scan the QR code on your badge");
    w.type(core::format_check_in_code(code));
    w.key("Return");
    w.wait_for("Welcome, Ana Ferreira");
    w.move_mouse(640, 790);
    REQUIRE(w.wait_exit(30) == 0);
    CHECK(w.shows("Your next meeting"));
    check_not_blank(png);
  }
  {
    // The organiser plans every one-to-one session, booked meetings free to move: the grid.
    const std::string png = (out / "schedule-grid.png").string();
    std::filesystem::remove(png);
    test::RealWindow w(display, dir, "schedule-shot", 0,
                       shot_flags(hub, hub.organiser(), "schedule", png, 14));
    const test::Spot heading = w.wait_for("One-to-one sessions to schedule:");
    for (const char* session : {"Day 1 morning meetings", "Day 1 afternoon meetings",
                                "Day 2 morning meetings", "Day 2 afternoon meetings"})
      w.click(session, heading.y);
    w.click("Booked meetings may move");
    w.click("Plan");
    w.move_mouse(640, 790);
    w.wait_for_part("The plan for ", 0, 10);
    REQUIRE(w.wait_exit(30) == 0);
    CHECK(w.find_part("The plan for ").has_value());
    CHECK(w.shows("Slot"));
    check_not_blank(png);
  }
  {
    // The organiser opens the pins and orders, then plans: the pinned meeting marked in the grid.
    const std::string png = (out / "schedule-pins.png").string();
    std::filesystem::remove(png);
    test::RealWindow w(display, dir, "pins-shot", 0,
                       shot_flags(hub, hub.organiser(), "schedule", png, 16));
    const test::Spot header = w.wait_for_part("Pinned meetings and order (1 pinned, 1 ordered)");
    w.click_at(header.centre_x(), header.centre_y());
    w.wait_for_part("before");
    const test::Spot heading = w.wait_for("One-to-one sessions to schedule:");
    for (const char* session : {"Day 1 morning meetings", "Day 1 afternoon meetings",
                                "Day 2 morning meetings", "Day 2 afternoon meetings"})
      w.click(session, heading.y);
    w.click("Booked meetings may move");
    w.click("Plan");
    w.move_mouse(640, 790);
    w.wait_for_part("The plan for ", 0, 10);
    REQUIRE(w.wait_exit(30) == 0);
    CHECK(w.find_part("pinned (1)").has_value());
    CHECK(w.find_part("(the hub searched ").has_value());
    check_not_blank(png);
  }
}

}  // namespace

TEST_CASE("screenshots of every role's main screens under Xvfb" * doctest::test_suite("slow")) {
  if (!have_xvfb()) {
    MESSAGE("skipped: xvfb-run or Xvfb is not installed (apt-get install xvfb xauth)");
    return;
  }
  const auto dir = test::fresh_folder("client-screens");
  test::HubProcess hub(dir / "event.db", {"--demo", "60"});
  Crowd crowd(hub, 12);
  const std::string participant = crowd.token(0);
  stage_pitching_and_clinic(hub, crowd);

  const auto out = std::filesystem::path(CROSSMATCH_BINARY_DIR) / "screenshots";
  std::filesystem::create_directories(out);
  struct Shot {
    std::string token, screen, file = "";  // file: the screen's name when empty
    std::string flags = "";
  };
  const Shot shots[] = {
      {"", "join"},
      {participant, "partners"},
      {participant, "requests"},
      {participant, "agenda"},
      {participant, "profile"},
      {hub.organiser(), "event"},
      {hub.organiser(), "matching"},
      {hub.organiser(), "statistics"},
      {hub.broker(), "monitor"},
      {hub.helper(), "checkin"},
      {hub.broker(), "network"},
      {hub.broker(), "unmatched"},
      {hub.organiser(), "pitch"},
      {hub.organiser(), "wall"},
      {participant, "pitch", "pitch-participant"},
      {participant, "clinic"},
      {hub.organiser(), "clinic", "clinic-organiser"},
      {participant, "partners", "dark-theme", " --theme dark"},
      {participant, "partners", "partners-lt", " --language lt"},
      {participant, "partners", "partners-pl", " --language pl"},
      // Long texts at the largest zoom: the pseudo-language (40 % longer) and German.
      {hub.broker(), "monitor", "monitor-qps-200", " --language qps --zoom 200"},
      {participant, "profile", "profile-de-200", " --language de --zoom 200"},
      {hub.organiser(), "event", "event-qps-200", " --language qps --zoom 200"},
      // The client starts in each of its languages (the join screen, with the language picker).
      {"", "join", "join-de", " --language de"},
      {"", "join", "join-pt", " --language pt"},
      {"", "join", "join-it", " --language it"},
      {"", "join", "join-et", " --language et"},
      {"", "join", "join-lt", " --language lt"},
      {"", "join", "join-cs", " --language cs"},
      {"", "join", "join-nl", " --language nl"},
      {"", "join", "join-sv", " --language sv"},
      {"", "join", "join-pl", " --language pl"},
  };
  for (const Shot& shot : shots) {
    CAPTURE(shot.screen);
    const std::string png =
        (out / ((shot.file.empty() ? shot.screen : shot.file) + ".png")).string();
    std::filesystem::remove(png);
    // Under AddressSanitizer the system's X and OpenGL libraries keep allocations until the
    // process ends, which LeakSanitizer would report: leak checks are off for this one program
    // (the client's own code is leak-checked by the headless tests).
    const std::string command =
        "ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0\" "
        "xvfb-run -a -s '-screen 0 1280x800x24' " +
        std::string(CROSSMATCH_BINARY_DIR) + "/bin/crossmatch --config " +
        (dir / "config").string() + " --hub 127.0.0.1:" + std::to_string(hub.port()) +
        (shot.token.empty() ? "" : " --token " + shot.token) +
        (hub.tls() ? " --pin " + hub.fingerprint() : std::string(" --insecure")) + " --screen " +
        shot.screen + " --screenshot " + png + " --after 2.5" + shot.flags;
    const auto [status, output] = test::run_command(command);
    REQUIRE_MESSAGE(status == 0, output);
    check_not_blank(png);
  }
  stage_schedule_constraints(hub);
  take_clicked_shots(hub, participant, dir, out);
  std::filesystem::remove_all(dir);
}
