// crossmatch-bench's command line: one subcommand per benchmark, its flags defined once for
// parsing, usage and --help. The only file of the benchmarks that includes CLI11.
#include <CLI/CLI.hpp>

#include <iostream>
#include <sstream>

#include "app/common/command_line.hpp"
#include "app/common/run_on_threads.hpp"
#include "bench/bench_options.hpp"
#include "core/demo_event.hpp"
#include "core/matching/matching_settings.hpp"
#include "core/scheduling/schedule_problem.hpp"

namespace crossmatch::bench {
namespace {

using app::CommandLine;

// "100,1000,5000": event sizes for event-teams.
std::optional<std::vector<int>> parse_sizes(const std::string& text) {
  std::vector<int> sizes;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    try {
      std::size_t used = 0;
      const int n = std::stoi(item, &used);
      if (used != item.size() || n < 2 || n > core::kMaxDemoParticipants) return std::nullopt;
      sizes.push_back(n);
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  if (sizes.empty()) return std::nullopt;
  return sizes;
}

// A flag whose absence means something other than any value.
struct Optional {
  std::string value;
  CLI::Option* option = nullptr;
  std::optional<std::string> get() const {
    return CommandLine::given(option) ? std::optional<std::string>(value) : std::nullopt;
  }
};

}  // namespace

int run_command_line(int argc, const char* const* argv) {
  CommandLine line("crossmatch-bench",
                   "crossmatch-bench: one program, one subcommand per benchmark");
  CLI::App& bench = line.app();
  const auto whole = [&](CLI::App& on, const std::string& flag, auto& value, std::int64_t min,
                         std::int64_t max, const std::string& what) {
    return line.whole_number(on.add_option(flag, value, what)->capture_default_str(), min, max);
  };
  const auto real = [&](CLI::App& on, const std::string& flag, double& value, double min,
                        double max, const std::string& what) {
    return line.number(on.add_option(flag, value, what)->capture_default_str(), min, max);
  };
  const auto optional = [](CLI::App& on, const std::string& flag, const std::string& type,
                           const std::string& what) {
    Optional o;
    o.option = on.add_option(flag, o.value, what)->type_name(type);
    return o;
  };

  // [SECTION] Matching and teams
  TeamsOptions teams;
  CLI::App& teams_command = *bench.add_subcommand(
      "teams", "team formation on a grouping instance (--mdgp FILE, MDGPLIB format)");
  teams_command.footer(
      "Solves a grouping instance in the MDGPLIB format (n m ss|ds bounds, then 'i j d' lines) for "
      "S seconds and\n"
      "prints one JSON line {instance, n, groups, objective, seconds, feasible, ...}, with "
      "best_known and ratio\n"
      "when bks.csv lies beside the instance. --out writes 'item group' lines (both 0-based).");
  teams_command.add_option("--mdgp", teams.mdgp, "a grouping instance in the MDGPLIB format")
      ->required()
      ->type_name("FILE");
  real(teams_command, "--seconds", teams.seconds, 0.001, 86400.0, "the search's time");
  whole(teams_command, "--seed", teams.seed, 0, INT64_MAX, "the search's seed");
  Optional teams_out =
      optional(teams_command, "--out", "FILE", "write the grouping as 'item group' lines");

  EventTeamsOptions event_teams;
  std::string sizes = "100,1000,5000,15000";
  CLI::App& event_teams_command = *bench.add_subcommand(
      "event-teams", "teams of generated events: time, objective, live re-optimisation");
  event_teams_command.footer(
      "Teams for generated events (search budgets 0.05/0.19/1.95/4.9 s by size unless --seconds or "
      "--steps, so\n"
      "that the whole formation stays within 0.2 s and 5 s): time, objective, sector mix. For the "
      "reference size:\n"
      "a long reference run when --reference-seconds is given, then J joins and J leaves "
      "re-optimised one at a\n"
      "time (10 ms each).");
  line.check(
      event_teams_command.add_option("--participants", sizes, "the events' sizes, comma-separated")
          ->capture_default_str()
          ->type_name("N,N,..."),
      [](const std::string& flag, const std::string& text) -> std::optional<core::Error> {
        if (parse_sizes(text)) return std::nullopt;
        return core::make_error("bad_flag", flag,
                                flag + " takes sizes from 2 to " +
                                    std::to_string(core::kMaxDemoParticipants) +
                                    ", comma-separated, not '" + text + "'.");
      });
  real(event_teams_command, "--seconds", event_teams.seconds, 0, 3600,
       "the search's time (0: by the event's size)");
  real(event_teams_command, "--reference-seconds", event_teams.reference_seconds, 0, 3600,
       "a long reference run for the reference size (0: none)");
  whole(event_teams_command, "--reference-size", event_teams.reference_size, 2,
        core::kMaxDemoParticipants, "the size the reference run and the live part are for");
  whole(event_teams_command, "--seed", event_teams.seed, 0, INT64_MAX, "the seed");
  whole(event_teams_command, "--joins", event_teams.joins, 0, 1000,
        "joins and leaves re-optimised one at a time");
  whole(event_teams_command, "--steps", event_teams.steps, 0, INT64_MAX,
        "the search's steps (0: --seconds decides)");
  event_teams.stability_cost = core::MatchingSettings{}.stability_cost;
  real(event_teams_command, "--stability-cost", event_teams.stability_cost, 0,
       core::kMaxTeamPenalty, "the cost of moving someone to another team");

  RoundsOptions rounds;
  CLI::App& rounds_command = *bench.add_subcommand(
      "rounds", "one-to-one rounds of a generated event (bench/rounds_vs_networkx.py compares)");
  rounds_command.footer(
      "One JSON line per round. --export writes the last round's instance and the matching it was "
      "built on, for\n"
      "bench/rounds_vs_networkx.py.");
  whole(rounds_command, "--participants", rounds.participants, 2, core::kMaxDemoParticipants,
        "the event's size");
  whole(rounds_command, "--rounds", rounds.rounds, 1, 100, "rounds");
  real(rounds_command, "--seconds", rounds.seconds, 0.001, 3600, "each round's search time");
  whole(rounds_command, "--seed", rounds.seed, 0, INT64_MAX, "the seed");
  whole(rounds_command, "--steps", rounds.steps, 0, INT64_MAX,
        "each round's search steps (0: --seconds decides)");
  Optional rounds_export =
      optional(rounds_command, "--export", "FILE", "write the last round's instance and pairs");

  SuggestionsOptions suggestions;
  CLI::App& suggestions_command = *bench.add_subcommand(
      "suggestions", "top-k partner suggestions for one participant, and the pair score's cost");
  suggestions_command.footer(
      "Top-k partner suggestions for single participants of a generated event (median and maximum "
      "time), and the\n"
      "cost of one pair score.");
  whole(suggestions_command, "--participants", suggestions.participants, 2,
        core::kMaxDemoParticipants, "the event's size");
  whole(suggestions_command, "--k", suggestions.k, 1, 1000, "suggestions per participant");
  whole(suggestions_command, "--repeat", suggestions.repeat, 1, 100000,
        "participants asked for theirs");
  whole(suggestions_command, "--seed", suggestions.seed, 0, INT64_MAX, "the seed");

  RefillOptions refill;
  CLI::App& refill_command = *bench.add_subcommand(
      "refill", "the event day: slots freed by no-shows offered to people on standby");
  refill_command.footer(
      "A generated day of N participants with its meetings booked; a share do not come and are "
      "withdrawn at doors\n"
      "open, which frees their booked slots; each freed slot is offered to the best pair of "
      "standby people free\n"
      "then, who accept or decline. Prints one JSON line: freed slots, offers, refilled, and the "
      "time of one\n"
      "refill decision (the matching's population built and the pair picked).");
  whole(refill_command, "--participants", refill.participants, 4, core::kMaxDemoParticipants,
        "the event's size");
  whole(refill_command, "--requests-each", refill.requests_each, 1, 50,
        "rounds of requests that book the day");
  real(refill_command, "--no-shows", refill.no_shows, 0, 1, "share of people who do not come");
  real(refill_command, "--standby", refill.standby, 0, 1,
       "share of those who come who join the standby list");
  real(refill_command, "--accept", refill.accept, 0, 1, "chance that one accepts an offer");
  whole(refill_command, "--seed", refill.seed, 0, INT64_MAX, "the seed");

  ClinicOptions clinic;
  CLI::App& clinic_command = *bench.add_subcommand(
      "clinic", "policy-clinic tables: 500 people of every type at 50 workshop tables");
  clinic_command.footer(
      "Seats N demo participants who picked themes at M workshop tables of S seats: the "
      "construction alone, then\n"
      "the whole search for at most T seconds (it may stop earlier, after many kicks without a "
      "gain).");
  whole(clinic_command, "--participants", clinic.participants, 2, core::kMaxDemoParticipants,
        "the event's size");
  whole(clinic_command, "--tables", clinic.tables, 1, 1000, "workshop tables");
  whole(clinic_command, "--seats", clinic.seats, 2, 50, "seats at each");
  whole(clinic_command, "--seconds", clinic.seconds, 1, 3600, "the search's time at most");
  whole(clinic_command, "--seed", clinic.seed, 0, INT64_MAX, "the seed");

  // [SECTION] Meeting scheduling
  ScheduleBenchOptions schedule;
  schedule.threads = app::searches_for_machine(0, 8);
  CLI::App& schedule_command = *bench.add_subcommand(
      "schedule",
      "meeting scheduling: B2B instances (--dzn FILE) or generated events (--generate)");
  schedule_command.footer(
      "Schedules every meeting of a B2B instance (MiniZinc .dzn) or of a generated event, checks "
      "the result with\n"
      "code independent of the scheduler and prints one JSON line. --out writes one line `meeting "
      "slot table` (all\n"
      "from 1) per scheduled meeting. --threads runs that many independent searches side by side "
      "and keeps the\n"
      "best (default: one a processor, at most 8). --steps also stops each search after N steps "
      "(moves tried,\n"
      "conflicts of the exact search), which makes a run repeatable for its seed and threads when "
      "the time limit\n"
      "is not reached first.");
  Optional dzn = optional(schedule_command, "--dzn", "FILE", "a B2B instance (MiniZinc .dzn)");
  schedule_command.add_flag("--generate", schedule.generate,
                            "a generated event of the shape below instead");
  line.number(
      schedule_command.add_option("--seconds", schedule.seconds, "the search's time")->required(),
      0.001, 86400);
  line.whole_number(schedule_command.add_option("--steps", schedule.steps,
                                                "each search's steps at most (default: no limit)"),
                    1, INT64_MAX);
  whole(schedule_command, "--seed", schedule.seed, 0, INT64_MAX,
        "the seed (also of the generated event)");
  whole(schedule_command, "--threads", schedule.threads, 1, 64, "searches side by side");
  Optional schedule_out = optional(schedule_command, "--out", "FILE", "write the schedule");
  schedule_command
      .add_option("--engine", schedule.engine,
                  "the exact search's solver: cdcl (the project's own) or cadical (CaDiCaL)")
      ->capture_default_str()
      ->check(CLI::IsMember({"cadical", "cdcl"}));
  // The shape of a generated event (with --generate only).
  std::vector<CLI::Option*> shape{
      whole(schedule_command, "--participants", schedule.participants, 2, 100'000,
            "with --generate: participants"),
      whole(schedule_command, "--meetings", schedule.meetings, 0, 1'000'000,
            "with --generate: meetings"),
      whole(schedule_command, "--days", schedule.days, 1, 14, "with --generate: days"),
      whole(schedule_command, "--slots-per-day", schedule.slots_per_day, 2,
            core::scheduling::kMaxSlotsPerDay, "with --generate: slots a day"),
      whole(schedule_command, "--tables", schedule.tables, 0, core::scheduling::kMaxTables,
            "with --generate: tables (0: a quarter more than the meetings per slot need)")};

  // [SECTION] Storage and sync
  StorageBenchOptions storage;
  CLI::App& storage_command = *bench.add_subcommand(
      "storage", "event store: group commits against a bare sqlite3 loop; loading a large event");
  storage_command.footer(
      "Group commits of 1, 10, 100 against a bare sqlite3 INSERT loop with the same durability; "
      "loading an event\n"
      "of N participants and M meetings.");
  whole(storage_command, "--participants", storage.participants, 1, core::kMaxDemoParticipants,
        "the loaded event's participants");
  whole(storage_command, "--meetings", storage.meetings, 1, 1000000, "the loaded event's meetings");
  whole(storage_command, "--repeat", storage.repeat, 1, 1000000, "runs of each");
  line.whole_number(storage_command.add_option("--group", storage.group,
                                               "time only groups of G (default: 1, 10 and 100)"),
                    1, 1000000);
  storage_command.add_option("--dir", storage.dir, "work in DIR instead of a temporary folder")
      ->type_name("DIR");
  storage_command.add_flag("--keep", storage.keep, "keep the files");
  storage_command.add_flag("--append-only", storage.append_only, "skip the loading part");
  storage_command.add_flag("--client-ids", storage.client_ids,
                           "give the operations random ids as clients make them");
  storage_command
      .add_option("--load-only", storage.load_only, "time opening and loading FILE, alone")
      ->type_name("FILE");

  RedisFanoutOptions redis;
  CLI::App& redis_command = *bench.add_subcommand(
      "redis-fanout",
      "Redis pub/sub fan-out to C subscribers, the reference for the hub's (bench/sync_bench.sh)");
  redis_command.footer(
      "C connections SUBSCRIBE to one channel of the Redis server at H:P; one more PUBLISHes R "
      "messages a second\n"
      "of B bytes for S seconds. Prints one JSON line: subscribers, messages, fanout_p50_ms, "
      "fanout_p99_ms\n"
      "(published to the last subscriber holding it), complete.");
  redis_command.add_option("--host", redis.host, "the Redis server's IP address")
      ->capture_default_str()
      ->type_name("H");
  whole(redis_command, "--port", redis.port, 1, 65535, "the Redis server's port");
  whole(redis_command, "--subscribers", redis.subscribers, 1, 100000, "subscribing connections");
  real(redis_command, "--rate", redis.rate, 0.1, 1e6, "messages a second");
  whole(redis_command, "--bytes", redis.bytes, 16, 1 << 20, "bytes a message");
  real(redis_command, "--seconds", redis.seconds, 0.1, 3600, "how long to publish");

  // [SECTION] Printed pages
  PrintBenchOptions printing;
  CLI::App& print_command = *bench.add_subcommand(
      "print", "printed pages: every participant's agenda, badges and table signs as PDF");
  print_command.footer(
      "Builds an event of N participants and M requests through real operations, then times the "
      "PDF of every\n"
      "agenda (goal: 1,000 agendas in at most 10 s), every badge, the table signs and the poster "
      "(best of R).");
  whole(print_command, "--participants", printing.participants, 2, core::kMaxDemoParticipants,
        "the event's size");
  whole(print_command, "--meetings", printing.meetings, 0, 1000000, "requests made");
  whole(print_command, "--repeat", printing.repeat, 1, 100, "times each PDF is made");
  whole(print_command, "--seed", printing.seed, 0, INT64_MAX, "the seed");
  print_command.add_option("--out", printing.out, "write the PDFs into DIR")->type_name("DIR");

  // [SECTION] Client
#ifdef CROSSMATCH_HAVE_CLIENT
  ClientBenchOptions client;
  CLI::App& client_command = *bench.add_subcommand(
      "client",
      "the client with 15,000 participants: CPU per frame of the partner list and monitor, memory");
  client_command.footer(
      "A replica of N participants and M meetings; CPU per frame of the partner list and of the "
      "broker monitor\n"
      "(goal: at most 4 ms each), and the client's memory.");
  whole(client_command, "--participants", client.participants, 1, INT32_MAX,
        "the replica's participants");
  whole(client_command, "--meetings", client.meetings, 0, INT32_MAX, "the replica's meetings");
  whole(client_command, "--frames", client.frames, 1, INT32_MAX, "frames timed");

  ReplicaBenchOptions replica;
  CLI::App& replica_command = *bench.add_subcommand(
      "replica",
      "the event kept on a participant's computer: bytes of a first sync and of a returning start");
  replica_command.footer(
      "Starts crossmatch-hub (beside this program) on a demo event of N participants; a "
      "participant's app syncs\n"
      "and closes, misses M operations and starts again from its folder. Prints the bytes read, "
      "the time to\nread the kept replica and to write a snapshot, and the longest update() of "
      "each phase.");
  whole(replica_command, "--participants", replica.participants, 1, INT32_MAX,
        "the demo event's participants");
  whole(replica_command, "--missed", replica.missed, 0, INT32_MAX,
        "operations made while the app is closed");
#endif

  // Last: the subcommands above do not inherit it.
  bench.footer("`crossmatch-bench SUBCOMMAND --help` lists the flags of one benchmark.");

  if (const auto status = line.parse_or_exit(argc, argv)) return *status;
  const auto fail = [&](const char* name, const std::string& message) {
    std::cerr << "crossmatch-bench " << name << ": " << message << "\n";
    return 2;
  };
  if (teams_command.parsed()) {
    teams.out = teams_out.get();
    return run_teams(teams);
  }
  if (event_teams_command.parsed()) {
    event_teams.sizes = *parse_sizes(sizes);
    return run_event_teams(event_teams);
  }
  if (rounds_command.parsed()) {
    rounds.export_file = rounds_export.get();
    return run_rounds(rounds);
  }
  if (suggestions_command.parsed()) return run_suggestions(suggestions);
  if (clinic_command.parsed()) return run_clinic(clinic);
  if (refill_command.parsed()) return run_refill(refill);
  if (print_command.parsed()) return run_print(printing);
  if (schedule_command.parsed()) {
    schedule.dzn = dzn.get();
    schedule.out = schedule_out.get();
    if (schedule.dzn.has_value() == schedule.generate)
      return fail("schedule", "Give either --dzn FILE or --generate.");
    for (const CLI::Option* flag : shape) {
      if (schedule.dzn && CommandLine::given(flag))
        return fail("schedule", flag->get_name() + " goes with --generate only.");
    }
    return run_schedule(schedule);
  }
  if (storage_command.parsed()) return run_storage(storage);
  if (redis_command.parsed()) return run_redis_fanout(redis);
#ifdef CROSSMATCH_HAVE_CLIENT
  if (client_command.parsed()) return run_client(client);
  if (replica_command.parsed()) return run_replica(replica);
#endif
  std::cerr << line.usage();
  return 2;
}

}  // namespace crossmatch::bench
