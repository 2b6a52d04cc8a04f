#include "app/hub/serve_command.hpp"

#include <sys/resource.h>

#include <asio.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>

#include "app/common/run_on_threads.hpp"
#include "app/hub/event_setup.hpp"
#include "app/hub/schedule_planning.hpp"
#include "app/hub/storage_worker.hpp"
#include "app/hub/team_matcher.hpp"
#include "core/event/calendar.hpp"
#include "net/hub_server.hpp"
#include "storage/asset_files.hpp"
#include "storage/event_store.hpp"
#include "storage/time_zone.hpp"

namespace crossmatch::hub {

namespace {

int fail(const core::Error& e) {
  std::cerr << "crossmatch-hub serve: " << e.message << "\n";
  return 2;
}

// Each connection is a file descriptor; a hub for thousands of clients needs the hard limit.
// Files the hub keeps open besides its connections: the database and its journal, the lock, the
// log, standard streams, the threads' wake-up pipes, a backup being written.
constexpr int kFilesBesideConnections = 64;

// Raises the open-file limit to the system's hard limit. When even that leaves too few for
// `max_connections`, says so with the fix and returns the connections that fit (the hub then
// turns the rest away with hub_full, rather than failing to accept them); else max_connections.
int raise_file_limit(int max_connections) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return max_connections;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  if (limit.rlim_cur == RLIM_INFINITY) return max_connections;
  const auto needed = static_cast<rlim_t>(max_connections) + kFilesBesideConnections;
  if (limit.rlim_cur >= needed) return max_connections;
  const int fits = std::max(1, static_cast<int>(limit.rlim_cur) - kFilesBesideConnections);
  std::cerr << "crossmatch-hub serve: WARNING: this system lets the hub open " << limit.rlim_cur
            << " files, enough for " << fits << " connections, not the " << max_connections
            << " of --max-connections; the hub takes " << fits
            << " and turns the others away until one leaves. To allow more, raise the hard "
               "limit of open files to at least "
            << needed << ": as root, `ulimit -Hn " << needed
            << "` in the shell that starts the hub, `LimitNOFILE=" << needed
            << "` in its systemd unit, or `* hard nofile " << needed
            << "` in /etc/security/limits.conf (then sign in again).\n";
  return fits;
}

std::int64_t today() {
  const auto now = std::chrono::system_clock::now();
  return std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() / 24;
}

// The hub's certificate and key: the organiser's own, or the pair kept beside the database
// (made on first start); none with --insecure.
core::Result<std::optional<net::TlsIdentity>> tls_identity(const ServeOptions& options) {
  const auto& cert = options.cert;
  const auto& key = options.key;
  const std::string& db = options.db;
  if (options.insecure) {
    if (cert || key)
      return core::make_error("invalid", cert ? "--cert" : "--key",
                              "--cert and --key are for TLS; --insecure turns it off.");
    std::cout << "WARNING: --insecure: no TLS; profiles, contact details and tokens cross the "
                 "network in plain "
                 "text, and clients cannot tell this hub from an impostor\n";
    std::cerr << "crossmatch-hub serve: WARNING: running without TLS (--insecure)\n";
    return std::optional<net::TlsIdentity>();
  }
  if (cert.has_value() != key.has_value())
    return core::make_error("missing_flag", cert ? "--key" : "--cert",
                            "--cert and --key go together.");
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
              << net::stored_certificate_file(db).string() << " (key "
              << net::stored_key_file(db).string() << ", readable by its owner only)\n";
  }
  std::cout << "certificate sha256: " << identity.fingerprint << "\n"
            << "pin: " << net::short_pin(identity.fingerprint) << "\n";
  return std::optional<net::TlsIdentity>(std::move(identity));
}

}  // namespace

int run_serve(const ServeOptions& args) {
  net::HubOptions options;
  options.host = args.host;
  options.port = args.port;
  options.max_connections = args.max_connections;
  options.idle_seconds = args.idle_seconds;
  options.handshake_seconds = args.handshake_seconds;
  options.max_signing_in_per_address = args.max_signing_in_per_address;
  options.signed_in_share_percent = args.signed_in_share;
  options.busy_handshake_seconds = args.busy_handshake_seconds;
  options.max_handshakes = args.max_handshakes;
  options.registrations_per_address_per_minute = args.registrations_per_address;
  options.failed_sign_ins_per_address_per_minute = args.failed_sign_ins_per_address;
  options.rate_per_second = args.rate;
  options.rate_burst = args.burst;
  options.max_unsent_bytes = static_cast<std::size_t>(args.max_unsent_mb) << 20;
  options.fanout_hold_ms = args.fanout_hold_ms;
  options.hub_name = "crossmatch-hub 0.1.0";
  options.local_to_utc = storage::tz_database_local_to_utc();

  const std::filesystem::path assets_dir =
      args.assets ? std::filesystem::path(*args.assets) : storage::default_assets_dir();
  auto taxonomy = storage::load_taxonomy(assets_dir);
  if (!taxonomy) return fail(taxonomy.error());
  options.max_connections = raise_file_limit(options.max_connections);

  auto store = storage::EventStore::open(args.db, *taxonomy, true);
  if (!store) return fail(store.error());
  auto tls = tls_identity(args);
  if (!tls) return fail(tls.error());
  options.tls = std::move(*tls);
  const std::string pin = options.tls ? net::short_pin(options.tls->fingerprint) : std::string();
  if ((*store)->last_sequence() == 0) {
    EventSetup setup;
    setup.name =
        args.name.value_or(args.demo > 0 ? "Cross Innovation Demo" : "Cross Innovation Event");
    setup.time_zone = args.time_zone;
    setup.first_day = today() + 1;
    setup.demo_participants = args.demo;
    setup.seed = args.seed;
    std::vector<core::DemoParticipant> people;
    if (args.demo > 0) {
      auto vocabulary = storage::load_demo_vocabulary(assets_dir, *taxonomy);
      if (!vocabulary) return fail(vocabulary.error());
      auto generated = core::generate_demo_participants(*taxonomy, *vocabulary,
                                                        core::DemoOptions{args.demo, setup.seed});
      if (!generated) return fail(generated.error());
      people = std::move(*generated);
    }
    auto created = create_event(**store, *taxonomy, setup, people);
    if (!created) return fail(created.error());
    std::cout << "created event '" << setup.name << "' in " << args.db << " ("
              << created->operations << " operations)\n"
              << "join code: " << net::join_code_with_pin(created->join_code, pin) << "\n"
              << "organiser token: " << created->organiser_token << "\n"
              << "broker token: " << created->broker_token << "\n"
              << "helper token (check-in desk): " << created->helper_token << "\n"
              << "(the tokens are shown once; only their hashes are stored)\n"
              << std::flush;
  } else if (args.demo > 0) {
    std::cout << "the database already holds an event; --demo is ignored\n";
  }
  auto loaded = (*store)->load();
  if (!loaded) return fail(loaded.error());
  if (args.max_db_mb > 0) {
    if (core::Status s = (*store)->limit_size(static_cast<std::uint64_t>(args.max_db_mb) << 20); !s)
      return fail(s.error());
  }

  asio::io_context io(1);
  StorageWorker worker(**store, io);
  net::HubServer server(io, *taxonomy, worker, options, std::cout);
  const std::uint64_t last = loaded->last_sequence;
  server.restore(std::move(loaded->state), last, std::move(loaded->operation_ids));
  MatcherOptions matcher_options;
  matcher_options.delay = std::chrono::milliseconds(args.team_delay_ms);
  matcher_options.max_delay = std::max(matcher_options.delay * 5, std::chrono::milliseconds(1000));
  matcher_options.update_seconds = args.team_seconds;
  TeamMatcher matcher(
      io, *taxonomy, matcher_options,
      [&server]() -> const core::EventState& { return server.state(); },
      [&server](net::Teams teams, std::uint64_t as_of) {
        server.publish_teams(std::move(teams), as_of);
      });
  server.set_change_listener([&matcher](const core::Operation& op) { matcher.applied(op); });
  // The organiser's auto-schedule: its searches on every processor but one (the network and
  // storage threads'), at a lower priority than those.
  SchedulePlanning planning(io, server, app::searches_for_machine(1, 4));
  server.set_plan_handlers(planning.handlers());
  // A store that fails (a full disk) stops the hub: every client is told, and the program exits
  // non-zero, releasing the database so that it can start again once there is room.
  server.set_failure_listener([&] {
    matcher.stop();
    planning.shutdown();
    io.stop();
  });
  worker.start();
  matcher.start(last);
  if (core::Status s = server.listen(); !s) {
    matcher.stop();
    worker.stop();
    return fail(s.error());
  }
  if (options.tls) {
    std::cout << "join code with pin: "
              << net::join_code_with_pin(server.state().event.join_code, pin) << "\n";
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
    planning.shutdown();
    server.shutdown([&] { io.stop(); });
  });
  io.run();
  matcher.stop();
  planning.shutdown();
  worker.stop();
  std::cout << "durable up to " << server.durable_seq() << "; " << worker.commits()
            << " commits (largest group " << worker.largest_group() << ", "
            << worker.mean_commit_ms() << " ms on average, longest " << worker.longest_commit_ms()
            << " ms)\n";
  if (server.failed()) {
    std::cout << "the hub stopped because it could not store the event (see above); every "
                 "acknowledged operation is in "
              << args.db << ". Make room (or raise --max-db-mb) and start it again.\n";
    return 1;
  }
  return 0;
}

}  // namespace crossmatch::hub
