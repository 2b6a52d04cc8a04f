// The event kept on a participant's computer at scale: a hub serving the demo event (15,000
// participants by default, over TLS), a participant's app signing in with a token and syncing
// (a snapshot), closing, missing M operations by others, and starting again from its folder
// (the kept replica, then operations). Measures the bytes read from the hub each time, the time to
// read the kept replica and to write a snapshot, and the longest update() of the session (the UI
// thread's share of a frame) in each phase.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/client/state/client_session.hpp"
#include "bench/bench_common.hpp"
#include "bench/bench_options.hpp"
#include "core/event/json_codec.hpp"
#include "storage/asset_files.hpp"

namespace crossmatch::bench {
namespace {

constexpr std::int64_t kNow = 1'780'000'000'000;

// The hub program beside this one, serving a demo event on a loopback port.
class Hub {
 public:
  Hub(const std::filesystem::path& dir, int participants) : log_(dir / "hub.log") {
    const auto bin = std::filesystem::read_symlink("/proc/self/exe").parent_path();
    std::vector<std::string> args{(bin / "crossmatch-hub").string(),
                                  "serve",
                                  "--db",
                                  (dir / "event.db").string(),
                                  "--host",
                                  "127.0.0.1",
                                  "--port",
                                  "0",
                                  "--demo",
                                  std::to_string(participants),
                                  "--team-delay-ms",
                                  "600000",
                                  "--rate",
                                  "100000",
                                  "--burst",
                                  "100000"};
    pid_ = ::fork();
    if (pid_ == 0) {
      std::FILE* out = std::freopen(log_.c_str(), "w", stdout);
      (void)out;
      ::dup2(::fileno(stdout), 2);
      std::vector<char*> argv;
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      std::_Exit(127);
    }
    const auto deadline = Clock::now() + std::chrono::minutes(5);
    while (Clock::now() < deadline) {
      const std::string text = log();
      if (const auto at = text.find("listening on 127.0.0.1:"); at != std::string::npos) {
        port = std::stoi(text.substr(at + 23));
        code = field(text, "join code: ");
        organiser = field(text, "organiser token: ");
        fingerprint = field(text, "certificate sha256: ");
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("the hub did not start: " + log());
  }
  ~Hub() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  std::string log() const {
    std::ifstream in(log_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  net::ClientOptions options() const {
    net::ClientOptions o;
    o.host = "127.0.0.1";
    o.port = static_cast<unsigned short>(port);
    o.pin = fingerprint;
    return o;
  }

  int port = 0;
  std::string code, organiser, fingerprint;

 private:
  static std::string field(const std::string& text, const std::string& label) {
    const auto at = text.find(label);
    if (at == std::string::npos) return {};
    const auto start = at + label.size();
    return text.substr(start, text.find('\n', start) - start);
  }
  std::filesystem::path log_;
  pid_t pid_ = -1;
};

// Runs the session's frames until `done`; the longest update() in milliseconds.
template <class Done>
double frames_until(client::ClientSession& session, Done done, double seconds = 600) {
  double longest = 0;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(seconds));
  while (Clock::now() < deadline) {
    const auto start = Clock::now();
    session.update(kNow);
    longest = std::max(longest, seconds_since(start) * 1000);
    if (done()) return longest;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  throw std::runtime_error("timed out");
}

bool online(const client::ClientSession& s) {
  return s.link().status == client::LinkStatus::Online;
}

std::string fixed(double value, int digits = 1) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

}  // namespace

int run_replica(const ReplicaBenchOptions& options) {
  auto assets = storage::load_taxonomy(storage::default_assets_dir());
  if (!assets) return fail("replica", assets.error().message);
  const core::Taxonomy& taxonomy = *assets;
  const auto dir = std::filesystem::temp_directory_path() /
                   ("crossmatch-replica-bench-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  try {
    const auto started = Clock::now();
    Hub hub(dir, options.participants);
    std::cerr << "hub up with " << options.participants << " participants after "
              << fixed(seconds_since(started)) << " s\n";

    // A newcomer registers (an app without a folder) and is given a token.
    std::string token;
    core::ParticipantId me = 0;
    {
      net::MemoryOutbox outbox;
      client::ClientSession app(taxonomy, outbox);
      net::ClientOptions o = hub.options();
      o.pin.clear();
      o.join_code = hub.code;
      if (core::Status s = app.connect(o); !s) return fail("replica", s.error().message);
      frames_until(app, [&] { return app.joined() && online(app); });
      auto people = load_demo_event(1, 777);
      if (!people) return fail("replica", people.error().message);
      core::Profile profile = people->profiles.front();
      profile.languages = {"en"};
      profile.organisation = "Returning Participant Ltd";
      if (auto id = app.submit(core::Register{.profile = profile}); !id)
        return fail("replica", id.error().message);
      std::optional<std::string> issued;
      frames_until(app, [&] { return (issued = app.take_issued_token()).has_value(); });
      frames_until(app, [&] { return app.link().pending == 0 && app.my_record(); });
      token = *issued;
      me = app.me();
    }
    net::ClientOptions signed_in = hub.options();
    signed_in.token = token;
    const auto folder = dir / "app";

    // For comparison: the same sync in an app that keeps nothing (no folder).
    double plain_stall = 0;
    {
      net::MemoryOutbox outbox;
      client::ClientSession app(taxonomy, outbox);
      if (core::Status s = app.connect(signed_in); !s) return fail("replica", s.error().message);
      plain_stall = frames_until(app, [&] { return app.joined() && online(app); });
    }

    // First sync: a snapshot, then the kept replica's first snapshot written by the writer.
    std::uint64_t first_bytes = 0;
    double first_stall = 0, first_seconds = 0;
    client::ReplicaWriterFigures written;
    double first_copy_ms = 0;
    {
      net::MemoryOutbox outbox;
      client::ClientSession app(taxonomy, outbox);
      app.keep_outbox_in(folder);
      const auto start = Clock::now();
      if (core::Status s = app.connect(signed_in); !s) return fail("replica", s.error().message);
      first_stall = frames_until(app, [&] { return app.joined() && online(app); });
      first_seconds = seconds_since(start);
      first_bytes = app.bytes_received();
      // Frames go on while the writer saves the snapshot.
      first_stall = std::max(first_stall, frames_until(app, [&] {
                               return app.kept_replica()->writer().figures().snapshots > 0;
                             }));
      written = app.kept_replica()->writer().figures();
      first_copy_ms = written.last_copy_ms;
    }

    // Missed: the organiser changes the event M times (profile edits everyone sees, requests
    // between others that this participant's feed skips, announcements).
    std::uint64_t hub_seq = 0;
    {
      net::MemoryOutbox outbox;
      client::ClientSession organiser(taxonomy, outbox);
      net::ClientOptions o = hub.options();
      o.token = hub.organiser;
      if (core::Status s = organiser.connect(o); !s) return fail("replica", s.error().message);
      frames_until(organiser, [&] { return organiser.joined() && online(organiser); });
      std::mt19937_64 rng(5);
      const core::EventState& state = organiser.state();
      std::vector<core::ParticipantId> ids;
      for (const auto& [id, p] : state.participants)
        if (id != me) ids.push_back(id);
      std::vector<std::string> sent;
      for (int i = 0; i < options.missed; ++i) {
        const core::ParticipantId a = ids[rng() % ids.size()], b = ids[rng() % ids.size()];
        core::OperationPayload payload;
        if (i % 10 == 0) {
          payload = core::Announce{.text = "Update " + std::to_string(i)};
        } else if (i % 2 == 0 && a != b) {
          payload = core::RequestMeeting{.from = a, .to = b, .message = "Shall we meet?"};
        } else {
          core::Profile edited = state.participants.at(a).profile;
          edited.job_title = "Head of pilots, round " + std::to_string(i);
          payload = core::EditProfile{.participant = a, .profile = edited};
        }
        auto id = organiser.submit(std::move(payload));
        if (!id) return fail("replica", id.error().message);
        sent.push_back(*id);
      }
      frames_until(organiser, [&] { return organiser.link().pending == 0; });
      std::size_t refused = 0;
      for (const auto& id : sent)
        if (const auto* outcome = organiser.outcome(id); outcome && outcome->refused) ++refused;
      hub_seq = organiser.seq();
      std::cerr << options.missed << " operations made by the organiser (" << refused
                << " refused), the hub at " << hub_seq << "\n";
      organiser.disconnect();
    }

    // The returning start: the kept replica read on its thread, shown, then the operations.
    net::MemoryOutbox outbox;
    client::ClientSession app(taxonomy, outbox);
    app.keep_outbox_in(folder);
    const auto start = Clock::now();
    if (core::Status s = app.connect(signed_in); !s) return fail("replica", s.error().message);
    const double open_stall = frames_until(app, [&] { return app.joined(); });
    const double shown_seconds = seconds_since(start);
    const double load_ms = app.kept_replica()->load_ms();
    const double catch_up_stall =
        frames_until(app, [&] { return online(app) && app.seq() >= hub_seq; });
    const double back_seconds = seconds_since(start);
    const std::uint64_t back_bytes = app.bytes_received();
    const std::string catch_up = app.welcome() ? app.welcome()->catch_up : "";

    // Equal to a fresh snapshot's view.
    net::MemoryOutbox fresh_outbox;
    client::ClientSession fresh(taxonomy, fresh_outbox);
    if (core::Status s = fresh.connect(signed_in); !s) return fail("replica", s.error().message);
    frames_until(fresh, [&] { return online(fresh) && fresh.seq() >= app.seq(); });
    const bool equal = core::state_to_json(app.state()) == core::state_to_json(fresh.state());

    // Closing writes a fresh snapshot (the rows recorded since the last).
    const auto close_start = Clock::now();
    app.disconnect();
    const double close_ms = seconds_since(close_start) * 1000;
    app.kept_replica()->writer().wait();
    const auto closed = app.kept_replica()->writer().figures();

    std::cout << "participants " << app.state().participants.size() << ", missed operations "
              << options.missed << "\n"
              << "first sync: " << first_bytes << " bytes read in " << fixed(first_seconds)
              << " s, longest update " << fixed(first_stall) << " ms (" << fixed(plain_stall)
              << " ms in an app that keeps nothing); the state copied in " << fixed(first_copy_ms)
              << " ms on the writer's thread\n"
              << "snapshot written by the writer: " << fixed(written.last_snapshot_ms)
              << " ms (of which the write " << fixed(written.last_snapshot_write_ms) << " ms), "
              << written.last_snapshot_bytes << " bytes of JSON\n"
              << "returning start: kept replica read in " << fixed(load_ms)
              << " ms on its thread, shown after " << fixed(shown_seconds * 1000)
              << " ms (longest update meanwhile " << fixed(open_stall) << " ms); catch-up '"
              << catch_up << "' " << back_bytes << " bytes, online after " << fixed(back_seconds)
              << " s, longest update " << fixed(catch_up_stall) << " ms\n"
              << "equal to a fresh snapshot: " << (equal ? "yes" : "NO") << "\n"
              << "disconnect (copy handed to the writer): " << fixed(close_ms)
              << " ms; the writer's snapshot " << fixed(closed.last_snapshot_ms) << " ms\n";
    std::cout << "{\"participants\":" << app.state().participants.size()
              << ",\"missed\":" << options.missed << ",\"first_sync_bytes\":" << first_bytes
              << ",\"returning_bytes\":" << back_bytes << ",\"catch_up\":" << json_string(catch_up)
              << ",\"load_ms\":" << json_number(load_ms)
              << ",\"snapshot_ms\":" << json_number(written.last_snapshot_ms)
              << ",\"snapshot_write_ms\":" << json_number(written.last_snapshot_write_ms)
              << ",\"snapshot_bytes\":" << written.last_snapshot_bytes
              << ",\"first_sync_longest_update_ms\":" << json_number(first_stall)
              << ",\"state_copy_ms\":" << json_number(first_copy_ms)
              << ",\"first_sync_longest_update_without_keeping_ms\":" << json_number(plain_stall)
              << ",\"opening_longest_update_ms\":" << json_number(open_stall)
              << ",\"catch_up_longest_update_ms\":" << json_number(catch_up_stall)
              << ",\"disconnect_ms\":" << json_number(close_ms)
              << ",\"equal\":" << (equal ? "true" : "false") << "}\n";
    std::filesystem::remove_all(dir);
    return equal && catch_up == "operations" ? 0 : 1;
  } catch (const std::exception& e) {
    std::filesystem::remove_all(dir);
    return fail("replica", e.what());
  }
}

}  // namespace crossmatch::bench
