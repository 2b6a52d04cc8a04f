// The real window under Xvfb: each main screen of each role rendered by the program itself
// (--screenshot) against a real hub with a demo event, saved as a PNG in the build folder
// (screenshots/), and checked not to be blank.
#include <doctest/doctest.h>

#include <stb_image.h>

#include <chrono>
#include <cstring>
#include <set>
#include <thread>

#include "core/demo_event.hpp"
#include "net/client_connection.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/e2e/hub_process.hpp"

using namespace crossmatch;

namespace {

bool have_xvfb() { return test::run_command("command -v xvfb-run && command -v Xvfb").first == 0; }

// Participants who join through real connections, request meetings among themselves and accept
// them, so that every screen has something to show. The first one keeps two requests unanswered.
class Crowd {
 public:
  Crowd(const test::HubProcess& hub, int size) {
    auto people = core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(), {200, 9});
    REQUIRE(people.ok());
    for (int i = 0; i < size; ++i) {
      auto member = std::make_unique<Member>();
      net::ClientOptions options = hub.client_options();
      options.join_code = hub.code();
      member->connection = std::make_unique<net::ClientConnection>(test::taxonomy(), options, member->outbox);
      REQUIRE(member->connection->start().ok());
      core::Profile profile = (*people)[static_cast<std::size_t>(i * 7)].profile;
      if (std::find(profile.languages.begin(), profile.languages.end(), "en") == profile.languages.end()) {
        profile.languages.push_back("en");
      }
      if (i == 0) {
        profile.display_name = "Ana Ferreira";
        profile.email = "ana.ferreira@example.org";
      }
      core::Operation op;
      op.payload = core::Register{0, profile, {}};
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
        request.payload = core::RequestMeeting{0, members_[i]->id, members_[(i + step) % n]->id,
                                               "Shall we meet about a joint project?", {}};
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
          if (auto* issued = std::get_if<net::TokenIssued>(&event)) m.token = issued->token, m.id = issued->participant;
          if (auto* refused = std::get_if<net::OperationRefused>(&event)) refusals_ += refused->error.message + "; ";
          auto* applied = std::get_if<net::Applied>(&event);
          if (applied == nullptr) continue;
          const auto* r = std::get_if<core::RequestMeeting>(&applied->op.payload);
          if (r == nullptr || r->to != m.id || !m.answered.insert(r->meeting).second) continue;
          if (i == 0 && r->from != members_.back()->id) continue;
          core::Operation accept;
          accept.payload = core::AcceptMeeting{r->meeting, std::nullopt, std::nullopt};
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

  const auto out = std::filesystem::path(CROSSMATCH_BINARY_DIR) / "screenshots";
  std::filesystem::create_directories(out);
  struct Shot {
    std::string token, screen;
  };
  const Shot shots[] = {
      {"", "join"},
      {participant, "partners"}, {participant, "requests"}, {participant, "agenda"}, {participant, "profile"},
      {hub.organiser(), "event"}, {hub.organiser(), "matching"}, {hub.organiser(), "statistics"},
      {hub.broker(), "monitor"}, {hub.broker(), "network"}, {hub.broker(), "unmatched"},
  };
  for (const Shot& shot : shots) {
    CAPTURE(shot.screen);
    const std::string png = (out / (shot.screen + ".png")).string();
    std::filesystem::remove(png);
    // Under AddressSanitizer the system's X and OpenGL libraries keep allocations until the
    // process ends, which LeakSanitizer would report: leak checks are off for this one program
    // (the client's own code is leak-checked by the headless tests).
    const std::string command = "ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0\" "
                                "xvfb-run -a -s '-screen 0 1280x800x24' " + std::string(CROSSMATCH_BINARY_DIR) +
                                "/bin/crossmatch --config " + (dir / "config").string() + " --hub 127.0.0.1:" +
                                std::to_string(hub.port()) + (shot.token.empty() ? "" : " --token " + shot.token) +
                                (hub.tls() ? " --pin " + hub.fingerprint() : std::string(" --insecure")) +
                                " --screen " + shot.screen +
                                " --screenshot " + png + " --after 2.5";
    const auto [status, output] = test::run_command(command);
    REQUIRE_MESSAGE(status == 0, output);
    check_not_blank(png);
  }
  std::filesystem::remove_all(dir);
}
