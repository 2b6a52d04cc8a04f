// The real program in a real (virtual) window, driven with the mouse and keyboard through the X
// server: two newcomers join with the event's code and register, one requests a meeting and the
// other accepts, both agendas show it; the organiser adds a session, auto-schedules (the grid
// first) and applies it, and publishes a team round; a broker introduces two people chosen by
// name. The outcome is read back from the hub's exports, not only from the screen.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <sstream>
#include <thread>

#include "app/client/state/client_session.hpp"
#include "core/demo_event.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/real_window.hpp"
#include "tests/e2e/hub_process.hpp"

using namespace crossmatch;

namespace {

// The flags that reach `hub` (the pin of its certificate, or none without TLS) for a window that
// joins through its join screen.
std::vector<std::string> hub_flags(const test::HubProcess& hub) {
  std::vector<std::string> flags{"--hub", "127.0.0.1:" + std::to_string(hub.port())};
  if (!hub.tls()) flags.push_back("--insecure");
  return flags;
}

struct Newcomer {
  std::string name, organisation, email, city, sector;
};

// Joins with the code and fills in the profile form as a person would: click a field, type.
void join_and_register(const test::RealWindow& w, const std::string& code, const Newcomer& who) {
  w.click_input_left_of("Join code");
  w.replace_text(code);
  w.click("Join with code");
  w.wait_for("Welcome! Tell the event who you are; your suggestions are ranked from this.");
  w.click_input_left_of("Name");
  w.type(who.name);
  w.click_input_left_of("Organisation");
  w.type(who.organisation);
  w.click_input_left_of("Job title");
  w.type("Founder");
  w.click_input_left_of("E-mail");
  w.type(who.email);
  w.click_input_left_of("City");  // a type-ahead picker: Enter takes the first match
  w.type(who.city);
  w.key("Return");
  w.click_input_left_of("Sector");
  w.click(who.sector);
  w.click_input_left_of("Offers");
  w.type("product design, prototyping");
  w.click_input_left_of("Seeks");
  w.type("manufacturing partners");
  w.click_input_left_of("Languages");
  w.type("engl");
  w.key("Return");
  w.wait_for("English");
  // The form is taller than the window once a language is chosen: Register is further down.
  if (!w.shows("Register")) w.scroll(600, 500, 5);
  w.click("Register");
  w.wait_for("| " + who.name);
  w.wait_for("| done: Registered");
}

// Signs in on the join screen with a token (and the hub's pin on a first visit).
void sign_in(const test::RealWindow& w, const test::HubProcess& hub, const std::string& token) {
  w.click_input_left_of("Token");
  w.type(token);
  if (hub.tls()) {
    w.click_input_left_of("Pin");
    w.type(hub.fingerprint());
  }
  w.click("Sign in with token");
}

// Someone on another device: registers through a connection of their own and asks `to` for a
// meeting at the fourth slot of the first day's morning, a free slot after Mia's first meeting.
void request_from_elsewhere(const test::HubProcess& hub, const std::string& to) {
  net::MemoryOutbox outbox;
  client::ClientSession other(test::taxonomy(), outbox);
  net::ClientOptions options = hub.client_options();
  options.join_code = hub.code();
  REQUIRE(other.connect(options).ok());
  auto until = [&](auto done, const char* what) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!done()) {
      REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline, "timed out: " << what);
      other.update(std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count());
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  };
  until([&] { return other.joined(); }, "joining");
  auto people = core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(), {5, 3});
  REQUIRE(people.ok());
  core::Profile profile = (*people)[0].profile;
  profile.display_name = "Tomas Remote";
  REQUIRE(other.submit(core::Register{.profile = profile}).ok());
  until([&] { return other.me() != 0; }, "registering");
  const core::EventState& state = other.state();
  core::ParticipantId mia = 0;
  core::SessionId morning = 0;
  for (const auto& [id, p] : state.participants)
    if (p.profile.display_name == to) mia = id;
  for (const auto& [id, s] : state.sessions)
    if (s.name == "Day 1 morning meetings") morning = id;
  REQUIRE(mia != 0);
  REQUIRE(morning != 0);
  REQUIRE(other
              .submit(core::RequestMeeting{.from = other.me(),
                                           .to = mia,
                                           .message = "Coffee at ten?",
                                           .preferred = {core::SlotRef{morning, 3}}})
              .ok());
  until([&] { return other.link().pending == 0; }, "the request");
  other.disconnect();
}

std::string exported(const std::filesystem::path& db, const std::string& what) {
  const auto [status, output] =
      test::run_command(std::string(CROSSMATCH_BINARY_DIR) + "/bin/crossmatch-hub export --db " +
                        db.string() + " --what " + what);
  REQUIRE_MESSAGE(status == 0, output);
  return output;
}

}  // namespace

TEST_CASE("the real window: join, register, meet, schedule, team round, introduce" *
          doctest::test_suite("real-window")) {
  if (!test::have_xvfb_and_xdotool()) {
    MESSAGE(
        "skipped: xvfb-run, Xvfb or xdotool is not installed (apt-get install xvfb xauth "
        "xdotool)");
    return;
  }
  const auto started = std::chrono::steady_clock::now();
  const auto dir = test::fresh_folder("real-window");
  const auto db = dir / "event.db";
  test::HubProcess hub(db, {"--demo", "30"});
  // Two windows side by side.
  test::VirtualDisplay display(dir, 2560, 800);
  const Newcomer mia{"Mia Newcomer", "Studio Nord", "mia@studionord.example", "lisb",
                     "Design (creative)"};
  const Newcomer ole{"Ole Berg", "Berg Werkstatt", "ole@bergwerkstatt.example", "hamb",
                     "Design (creative)"};
  {
    test::RealWindow left(display, dir, "mia", 0, hub_flags(hub));
    test::RealWindow right(display, dir, "ole", 1280, hub_flags(hub));
    join_and_register(right, hub.code(), ole);
    join_and_register(left, hub.code(), mia);

    // Mia finds Ole among her suggestions and asks to meet.
    left.open_tab("Partners", "partners");
    left.click_input_right_of("Search");
    left.type("Ole Berg");
    left.wait_for_part("1 of ");
    left.click("Request");
    left.wait_for("requested");

    // Ole sees the request counted on its tab and accepts.
    right.open_tab("Requests (1)", "requests");
    right.wait_for("Mia Newcomer");
    right.click("Accept");
    right.wait_for("| done: Accepted Mia Newcomer");

    // The meeting is in both agendas.
    right.open_tab("Agenda", "agenda");
    right.wait_for_part("Mia Newcomer");
    left.open_tab("Agenda", "agenda");
    left.wait_for_part("Ole Berg");

    // A second request reaches Mia for a slot later that morning; she accepts it.
    request_from_elsewhere(hub, "Mia Newcomer");
    left.open_tab("Requests (1)", "requests");
    left.click("Accept");
    left.wait_for("| done: Accepted Tomas Remote");
  }
  {
    test::RealWindow w(display, dir, "organiser", 0, hub_flags(hub));
    sign_in(w, hub, hub.organiser());
    w.wait_for("| organiser");
    // A new session, typed into the form under "New session".
    const int form = w.wait_for("New session").y;
    w.click_input_right_of("Name", form);
    w.replace_text("Evening meetings");
    w.click_input_right_of("From", form);
    w.replace_text("18:00");
    w.click_input_right_of("to", form);
    w.replace_text("19:00");
    w.click("Add session");
    w.wait_for_part("done:");
    w.wait_for("Evening meetings");

    // Every one-to-one session, and booked meetings (Mia's and Ole's) may move.
    w.open_tab("Auto-schedule", "schedule");
    for (const char* session :
         {"Day 1 morning meetings", "Day 1 afternoon meetings", "Day 2 morning meetings",
          "Day 2 afternoon meetings", "Evening meetings"})
      w.click(session);
    w.click("Booked meetings may move");
    w.click("Plan");
    // The plan is shown as a grid of slots by tables before anything changes.
    w.wait_for_part("The plan for ", 0, 30);
    const auto slot_column = w.wait_for("Slot");
    w.wait_for_part("1 moved");
    // A meeting of Mia's moves (no gap in her morning), marked in the grid: scrolled to as a
    // person would, since it may have moved to a later day.
    for (int turn = 0; turn < 40 && !w.find_part("> Tomas Remote"); ++turn)
      w.scroll(slot_column.x + 40, slot_column.y + 60, 3);
    w.wait_for_part("> Tomas Remote");
    w.click("Apply the schedule...");
    w.wait_for("This will:");
    w.click("Apply the schedule");
    w.wait_for_part("done:");

    w.open_tab("Team round", "round");
    w.click("Publish team round...");
    w.wait_for("This will:");
    w.click("Publish team round");
    w.wait_for_part("Team round: ");
  }
  // Two people of the demo event with plain ASCII names (typed by xdotool as they are).
  std::vector<std::string> names;
  {
    std::istringstream rows(exported(db, "participants"));
    std::string row;
    std::getline(rows, row);
    while (std::getline(rows, row) && names.size() < 2) {
      const auto first = row.find(',', row.find(',') + 1) + 1;
      const std::string name = row.substr(first, row.find(',', first) - first);
      if (std::all_of(name.begin(), name.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) || c == ' ';
          }))
        names.push_back(name);
    }
    REQUIRE(names.size() == 2);
  }
  {
    test::RealWindow w(display, dir, "broker", 0, hub_flags(hub));
    sign_in(w, hub, hub.broker());
    w.wait_for("| broker");
    w.open_tab("Introductions", "introductions");
    for (const char* which : {"First person", "Second person"}) {
      const std::string& name = names[which[0] == 'F' ? 0 : 1];
      w.click_input_right_of(which);
      w.type(name);
      // The people found are listed under the field: the one with that name is chosen.
      const int field = w.find(which)->y;
      w.click(name, field + 10);
    }
    w.click_input_right_of("Note");
    w.type("You both work on circular materials");
    w.click("Introduce...");
    w.click("Introduce");
    w.wait_for_part("done:");
  }

  // What the hub stored, as its exports give it.
  const std::string participants = exported(db, "participants");
  CHECK(participants.find("Mia Newcomer,Studio Nord") != std::string::npos);
  CHECK(participants.find("Ole Berg,Berg Werkstatt") != std::string::npos);
  // One line per meeting: Mia and Ole's booked where they accepted it; Tomas's moved by the
  // applied schedule away from ten o'clock on the first morning; the broker's introduction waits
  // for both answers.
  std::map<std::string, std::string> meeting_of;
  {
    std::istringstream rows(exported(db, "meetings"));
    std::string row;
    while (std::getline(rows, row)) {
      for (const char* who : {"Ole Berg", "Tomas Remote", names[0].c_str()})
        if (row.find(who) != std::string::npos) meeting_of[who] = row;
    }
  }
  CHECK(meeting_of["Ole Berg"].find("accepted,no,") != std::string::npos);
  CHECK(meeting_of["Ole Berg"].find("Mia Newcomer,Studio Nord") != std::string::npos);
  CHECK(meeting_of["Ole Berg"].find(",Day 1 morning meetings,") != std::string::npos);
  CHECK(meeting_of["Tomas Remote"].find("accepted,no,") != std::string::npos);
  CHECK(meeting_of["Tomas Remote"].find(",10:00,10:20,") == std::string::npos);
  CHECK(meeting_of[names[0]].find("requested,yes,") != std::string::npos);
  CHECK(meeting_of[names[0]].find(names[1]) != std::string::npos);
  const std::string calendar = exported(db, "calendar");
  CHECK(calendar.find("SUMMARY:Evening meetings") != std::string::npos);
  const std::string teams = exported(db, "teams");
  CHECK(teams.find(",Team round,") != std::string::npos);
  MESSAGE("the real window's walk took "
          << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
          << " s");
  std::filesystem::remove_all(dir);
}
