// crossmatch-load: a load generator for the hub. C connections join with the event's code and
// register, then for S seconds edit profiles and request, accept, decline and cancel meetings at a
// target rate, measuring acknowledgement latency (sent -> ack) and fan-out latency (sent -> the
// last client that should see it has it). Prints one JSON line. With --pace human it is the
// demo's bots: a few participants acting every few seconds, printing what they do.
// The parts: load_options (the flags), load_client (a simulated participant, speaking through
// net's HubLink and wire codec), load_shard (pacing and mix), load_report (the figures).
// A standard header first: asio picks its allocation functions (aligned_alloc/free or operator
// new/delete) from a libstdc++ macro that only a standard header defines; every file must see
// the same choice, or memory allocated in one file is freed by the other pair in another.
#include <cstddef>

#include <sys/resource.h>
#include <unistd.h>

#include <asio.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <future>
#include <thread>

#include "app/tools/load_options.hpp"
#include "app/tools/load_shard.hpp"
#include "app/tools/load_storm.hpp"
#include "net/tls_identity.hpp"
#include "storage/asset_files.hpp"

namespace {

using namespace crossmatch;

int fail(const core::Error& e) {
  std::fprintf(stderr, "crossmatch-load: %s\n", e.message.c_str());
  return 2;
}

int run(const tools::LoadOptions& o) {
  const std::filesystem::path dir =
      o.assets ? std::filesystem::path(*o.assets) : storage::default_assets_dir();
  auto taxonomy = storage::load_taxonomy(dir);
  if (!taxonomy) return fail(taxonomy.error());
  auto vocabulary = storage::load_demo_vocabulary(dir, *taxonomy);
  if (!vocabulary) return fail(vocabulary.error());
  auto people = core::generate_demo_participants(*taxonomy, *vocabulary,
                                                 {std::min(o.clients, 2000), o.seed + 7});
  if (!people) return fail(people.error());

  // Each connection is a file descriptor.
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
  const net::JoinCode code = net::split_join_code(o.code);
  const std::string pin = o.pin.value_or(code.pin);
  if (!o.insecure && !net::valid_pin(pin))
    return fail(core::make_error(
        "no_pin", "--pin",
        pin.empty() ? "The join code carries no pin of the hub's certificate: give the whole "
                      "join code, or --pin, or --insecure for a hub without TLS."
                    : "'" + pin + "' is not a pin (ABCD-EFGH-JKLM, or 64 hex digits)."));
  if (o.insecure) std::fprintf(stderr, "crossmatch-load: WARNING: --insecure: plain TCP, no TLS\n");
  tools::ConnectedCount connected;
  // The storm's clients register first, on a thread of their own, before the acting clients
  // join: none of them is connected to receive the registrations.
  std::unique_ptr<net::TlsClient> storm_tls;
  asio::io_context storm_io(1);
  auto storm_guard = asio::make_work_guard(storm_io);
  std::unique_ptr<tools::Storm> storm;
  std::thread storm_thread;
  if (o.storm > 0) {
    tools::StormSettings settings;
    settings.clients = o.storm;
    settings.receive_rate = o.receive_rate;
    settings.arrival_seconds = o.arrival;
    settings.drop_spread_seconds = o.drop_spread;
    settings.steady_seconds = o.steady;
    settings.night_seconds = o.night;
    settings.compress = o.compress;
    settings.resume = o.storm_resume;
    settings.hub_pid = o.hub_pid;
    settings.seed = o.seed * 7919;
    storm_tls = o.insecure ? nullptr : std::make_unique<net::TlsClient>();
    // Profiles of their own, as varied as a real event's (a snapshot compresses as a real one).
    auto storm_people =
        core::generate_demo_participants(*taxonomy, *vocabulary, {o.storm, o.seed + 11});
    if (!storm_people) return fail(storm_people.error());
    storm = std::make_unique<tools::Storm>(storm_io, settings, std::move(*storm_people), connected);
    net::HubTarget target;
    target.host = o.host;
    target.port = static_cast<unsigned short>(o.port);
    target.tls = storm_tls.get();
    target.pin = pin;
    std::promise<void> registered;
    asio::post(storm_io, [&] {
      storm->register_all(target, code.code, [&registered] { registered.set_value(); });
    });
    storm_thread = std::thread([&storm_io, nice = o.storm_nice] {
      // Linux gives each thread a niceness of its own.
      if (nice > 0 && ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), nice) != 0)
        std::fprintf(stderr, "crossmatch-load: cannot lower the storm's priority: %s\n",
                     std::strerror(errno));
      storm_io.run();
    });
    std::fprintf(stderr, "crossmatch-load: storm: %d participants register\n", o.storm);
    registered.get_future().wait();
    std::fprintf(stderr, "crossmatch-load: storm: %d registered\n", storm->registered());
  }
  const int threads = o.threads.value_or(o.human ? 1 : 2);
  const int shard_count = std::min(threads, o.clients);
  // Per shard: its TLS context first (connections under way hold state made from it), then its
  // io_context, then the shard.
  std::vector<std::unique_ptr<net::TlsClient>> tls;
  std::vector<std::unique_ptr<asio::io_context>> ios;
  std::vector<std::unique_ptr<tools::Shard>> shards;
  std::vector<tools::Shard*> pointers;
  for (int k = 0; k < shard_count; ++k) {
    tls.push_back(o.insecure ? nullptr : std::make_unique<net::TlsClient>());
    ios.push_back(std::make_unique<asio::io_context>(1));
    tools::ShardSettings settings;
    settings.clients = o.clients;
    settings.first = k;
    settings.stride = shard_count;
    settings.participants = std::max(o.participants, o.clients);
    settings.rate = o.rate / shard_count;
    settings.edit_share = o.edit_share;
    settings.seed = o.seed * 1000 + static_cast<std::uint64_t>(k);
    settings.human = o.human;
    settings.snapshot = o.snapshot;
    settings.compress = o.compress;
    settings.seconds = storm ? 0 : o.seconds;
    settings.connected = &connected;
    shards.push_back(std::make_unique<tools::Shard>(*ios.back(), settings, *people));
    pointers.push_back(shards.back().get());
  }
  tools::Coordinator coordinator(pointers);
  // With a storm the clients act until its last phase has ended.
  tools::Clock::time_point live_start{};
  if (storm) {
    coordinator.on_begin([&](tools::Clock::time_point start) {
      live_start = start;
      asio::post(storm_io, [&] {
        storm->run([&] {
          for (auto& shard : shards) asio::post(shard->io(), [s = shard.get()] { s->finish(); });
        });
      });
    });
  }
  for (std::size_t k = 0; k < shards.size(); ++k) {
    net::HubTarget target;
    target.host = o.host;
    target.port = static_cast<unsigned short>(o.port);
    target.tls = tls[k].get();
    target.pin = pin;
    shards[k]->set_coordinator(&coordinator);
    shards[k]->start(target, code.code);
  }
  // Signals are caught on the first shard's thread; every shard is told to finish.
  asio::signal_set signals(*ios.front(), SIGINT, SIGTERM);
  signals.async_wait([&](const std::error_code& e, int) {
    if (e) return;
    for (auto& shard : shards) asio::post(shard->io(), [s = shard.get()] { s->finish(); });
  });
  std::vector<std::thread> workers;
  for (std::size_t k = 1; k < ios.size(); ++k) workers.emplace_back([&io = *ios[k]] { io.run(); });
  ios.front()->run();
  for (std::thread& w : workers) w.join();
  signals.cancel();
  // The storm's thread stops where it is (its connections close with it).
  storm_guard.reset();
  storm_io.stop();
  if (storm_thread.joinable()) storm_thread.join();
  std::vector<const tools::Tally*> tallies;
  for (const auto& shard : shards) tallies.push_back(&shard->tally());
  std::string more = ",\"connected\":" + std::to_string(connected.peak.load());
  if (storm) more += "," + tools::storm_report(*storm, tallies, live_start);
  std::printf(
      "%s\n",
      tools::report_line(tallies, coordinator.targets(), coordinator.ready(), more).c_str());
  std::fflush(stdout);
  if (o.timeline && !tools::write_timeline(tallies, *o.timeline))
    std::fprintf(stderr, "crossmatch-load: cannot write --timeline %s\n", o.timeline->c_str());
  // A run in which nobody joined measured nothing: a failure for scripts that rely on it.
  return coordinator.ready() == 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  auto options = crossmatch::tools::read_load_options(argc, argv);
  if (const int* status = std::get_if<int>(&options)) return *status;
  return run(std::get<crossmatch::tools::LoadOptions>(options));
}
