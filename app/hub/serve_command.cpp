#include "app/hub/serve_command.hpp"

#include <sys/resource.h>

#include <asio.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>

#include "app/hub/event_setup.hpp"
#include "app/hub/storage_worker.hpp"
#include "app/hub/team_matcher.hpp"
#include "core/event/calendar.hpp"
#include "net/hub_server.hpp"
#include "storage/asset_files.hpp"
#include "storage/event_store.hpp"

namespace crossmatch::hub {

const char* const kServeUsage =
    "  serve --db FILE [--host 127.0.0.1] [--port 7420] [--demo N] [--seed K] [--name NAME]\n"
    "        [--time-zone ZONE] [--max-connections N] [--idle-seconds S] [--handshake-seconds S]\n"
    "        [--rate R] [--burst B] [--max-unsent-mb M] [--fanout-hold-ms MS] [--assets DIR]\n"
    "        [--team-delay-ms MS] [--team-seconds S] [--cert FILE --key FILE | --insecure]\n"
    "      run the hub of the event in FILE (created when new: prints its join code and the\n"
    "      organiser's and a broker's tokens once; --demo N adds N generated participants);\n"
    "      teams are re-formed --team-delay-ms after the last change that affects them (2000),\n"
    "      each re-optimisation searching for --team-seconds (0.25); other people's operations\n"
    "      are sent to each client at most every --fanout-hold-ms (20; 0: at once)\n";

std::set<std::string> serve_value_flags() {
  return {"--db",   "--host",  "--port",  "--demo",   "--seed",          "--name",        "--time-zone",
          "--max-connections", "--idle-seconds", "--handshake-seconds", "--rate", "--burst", "--fanout-hold-ms",
          "--max-unsent-mb", "--assets", "--team-delay-ms", "--team-seconds", "--cert", "--key"};
}

std::set<std::string> serve_switches() { return {"--insecure"}; }

namespace {

int fail(const core::Error& e) {
  std::cerr << "crossmatch-hub serve: " << e.message << "\n";
  return 2;
}

// Each connection is a file descriptor; a hub for thousands of clients needs the hard limit.
void raise_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

std::int64_t today() {
  const auto now = std::chrono::system_clock::now();
  return std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() / 24;
}

// The hub's certificate and key: the organiser's own, or the pair kept beside the database
// (made on first start); none with --insecure.
core::Result<std::optional<net::TlsIdentity>> tls_identity(const CommandLine& args, const std::string& db) {
  const auto cert = args.get("--cert");
  const auto key = args.get("--key");
  if (args.has("--insecure")) {
    if (cert || key)
      return core::make_error("invalid", cert ? "--cert" : "--key", "--cert and --key are for TLS; --insecure turns it off.");
    std::cout << "WARNING: --insecure: no TLS; profiles, contact details and tokens cross the network in plain "
                 "text, and clients cannot tell this hub from an impostor\n";
    std::cerr << "crossmatch-hub serve: WARNING: running without TLS (--insecure)\n";
    return std::optional<net::TlsIdentity>();
  }
  if (cert.has_value() != key.has_value())
    return core::make_error("missing_flag", cert ? "--key" : "--cert", "--cert and --key go together.");
  net::TlsIdentity identity;
  if (cert) {
    auto loaded = net::load_tls_identity(*cert, *key);
    if (!loaded) return loaded.error();
    identity = std::move(*loaded);
    std::cout << "tls certificate: " << *cert << " (key " << *key << ")\n";
  } else {
    auto stored = net::load_or_create_tls_identity(db, "crossmatch hub");
    if (!stored) return stored.error();
    identity = std::move(stored->identity);
    std::cout << (stored->created ? "made the hub's tls certificate: " : "tls certificate: ")
              << net::stored_certificate_file(db).string() << " (key " << net::stored_key_file(db).string()
              << ", readable by its owner only)\n";
  }
  std::cout << "certificate sha256: " << identity.fingerprint << "\n"
            << "pin: " << net::short_pin(identity.fingerprint) << "\n";
  return std::optional<net::TlsIdentity>(std::move(identity));
}

}  // namespace

int run_serve(const CommandLine& args) {
  auto db = args.required("--db");
  if (!db) return fail(db.error());
  net::HubOptions options;
  options.host = args.get("--host").value_or("127.0.0.1");
  auto port = args.integer("--port", net::kDefaultPort, 0, 65535);
  auto demo = args.integer("--demo", 0, 0, core::kMaxDemoParticipants);
  auto seed = args.integer("--seed", 1, 0, INT64_MAX);
  auto max_connections = args.integer("--max-connections", net::kDefaultMaxConnections, 1, 1000000);
  auto idle = args.integer("--idle-seconds", net::kDefaultIdleSeconds, 1, 86400);
  auto handshake = args.integer("--handshake-seconds", net::kDefaultHandshakeSeconds, 1, 3600);
  auto rate = args.number("--rate", net::kDefaultRatePerSecond, 0.1, 1e6);
  auto burst = args.number("--burst", net::kDefaultRateBurst, 1, 1e7);
  auto unsent = args.integer("--max-unsent-mb", static_cast<std::int64_t>(net::kDefaultMaxUnsentBytes >> 20), 1, 4096);
  for (const core::Error* e : {port ? nullptr : &port.error(), demo ? nullptr : &demo.error(),
                               seed ? nullptr : &seed.error(), max_connections ? nullptr : &max_connections.error(),
                               idle ? nullptr : &idle.error(), handshake ? nullptr : &handshake.error(),
                               unsent ? nullptr : &unsent.error()}) {
    if (e != nullptr) return fail(*e);
  }
  auto team_delay = args.integer("--team-delay-ms", 2000, 0, 3600 * 1000);
  auto team_seconds = args.number("--team-seconds", 0.25, 0.001, 600);
  auto hold = args.integer("--fanout-hold-ms", net::kDefaultFanoutHoldMs, 0, 1000);
  if (!hold) return fail(hold.error());
  if (!team_delay) return fail(team_delay.error());
  if (!team_seconds) return fail(team_seconds.error());
  if (!rate) return fail(rate.error());
  if (!burst) return fail(burst.error());
  options.port = static_cast<int>(*port);
  options.max_connections = static_cast<int>(*max_connections);
  options.idle_seconds = static_cast<int>(*idle);
  options.handshake_seconds = static_cast<int>(*handshake);
  options.rate_per_second = *rate;
  options.rate_burst = *burst;
  options.max_unsent_bytes = static_cast<std::size_t>(*unsent) << 20;
  options.fanout_hold_ms = static_cast<int>(*hold);
  options.hub_name = "crossmatch-hub 0.1.0";

  const auto assets = args.get("--assets");
  const std::filesystem::path assets_dir = assets ? std::filesystem::path(*assets) : storage::default_assets_dir();
  auto taxonomy = storage::load_taxonomy(assets_dir);
  if (!taxonomy) return fail(taxonomy.error());
  raise_file_limit();

  auto store = storage::EventStore::open(*db, *taxonomy, true);
  if (!store) return fail(store.error());
  auto tls = tls_identity(args, *db);
  if (!tls) return fail(tls.error());
  options.tls = std::move(*tls);
  const std::string pin = options.tls ? net::short_pin(options.tls->fingerprint) : std::string();
  if ((*store)->last_sequence() == 0) {
    EventSetup setup;
    setup.name = args.get("--name").value_or(*demo > 0 ? "Cross Innovation Demo" : "Cross Innovation Event");
    setup.time_zone = args.get("--time-zone").value_or("UTC");
    setup.first_day = today() + 1;
    setup.demo_participants = static_cast<int>(*demo);
    setup.seed = static_cast<std::uint64_t>(*seed);
    std::vector<core::DemoParticipant> people;
    if (*demo > 0) {
      auto vocabulary = storage::load_demo_vocabulary(assets_dir, *taxonomy);
      if (!vocabulary) return fail(vocabulary.error());
      auto generated = core::generate_demo_participants(
          *taxonomy, *vocabulary, core::DemoOptions{static_cast<int>(*demo), setup.seed});
      if (!generated) return fail(generated.error());
      people = std::move(*generated);
    }
    auto created = create_event(**store, *taxonomy, setup, people);
    if (!created) return fail(created.error());
    std::cout << "created event '" << setup.name << "' in " << *db << " (" << created->operations
              << " operations)\n"
              << "join code: " << net::join_code_with_pin(created->join_code, pin) << "\n"
              << "organiser token: " << created->organiser_token << "\n"
              << "broker token: " << created->broker_token << "\n"
              << "(the tokens are shown once; only their hashes are stored)\n"
              << std::flush;
  } else if (*demo > 0) {
    std::cout << "the database already holds an event; --demo is ignored\n";
  }
  auto loaded = (*store)->load();
  if (!loaded) return fail(loaded.error());

  asio::io_context io(1);
  StorageWorker worker(**store, io);
  net::HubServer server(io, *taxonomy, worker, options, std::cout);
  const std::uint64_t last = loaded->last_sequence;
  server.restore(std::move(loaded->state), last, std::move(loaded->operation_ids));
  MatcherOptions matcher_options;
  matcher_options.delay = std::chrono::milliseconds(*team_delay);
  matcher_options.max_delay = std::max(matcher_options.delay * 5, std::chrono::milliseconds(1000));
  matcher_options.update_seconds = *team_seconds;
  TeamMatcher matcher(
      io, *taxonomy, matcher_options, [&server]() -> const core::EventState& { return server.state(); },
      [&server](net::Teams teams, std::uint64_t as_of) { server.publish_teams(std::move(teams), as_of); });
  server.set_change_listener([&matcher](const core::Operation& op) { matcher.applied(op); });
  worker.start();
  matcher.start(last);
  if (core::Status s = server.listen(); !s) {
    matcher.stop();
    worker.stop();
    return fail(s.error());
  }
  if (options.tls) {
    std::cout << "join code with pin: " << net::join_code_with_pin(server.state().event.join_code, pin) << "\n";
  }
  std::cout << "event '" << server.state().event.name << "': " << server.state().participants.size()
            << " participants, sequence " << last << "\n"
            << "listening on " << options.host << ":" << server.port() << "\n"
            << std::flush;

  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const std::error_code& ec, int signal) {
    if (ec) return;
    std::cout << "received " << (signal == SIGINT ? "SIGINT" : "SIGTERM") << "\n" << std::flush;
    matcher.stop();
    server.shutdown([&] { io.stop(); });
  });
  io.run();
  matcher.stop();
  worker.stop();
  std::cout << "durable up to " << server.durable_seq() << "; " << worker.commits() << " commits (largest group "
            << worker.largest_group() << ", " << worker.mean_commit_ms() << " ms on average, longest "
            << worker.longest_commit_ms() << " ms)\n";
  return server.failed() ? 1 : 0;
}

}  // namespace crossmatch::hub
