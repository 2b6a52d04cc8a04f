// `crossmatch-bench schedule`: the auto-scheduler on a real brokerage event (.dzn) or a
// generated one, checked independently, printed as one JSON line.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "app/common/run_on_threads.hpp"
#include "app/hub/command_line.hpp"
#include "bench/b2b_instance.hpp"
#include "bench/event_generator.hpp"
#include "bench/schedule_check.hpp"
#include "core/scheduling/scheduler.hpp"

namespace crossmatch::bench {

namespace {

using Clock = std::chrono::steady_clock;
namespace sched = core::scheduling;

constexpr const char* kUsage = R"(usage:
  crossmatch-bench schedule --dzn FILE --seconds S [--steps N] [--seed K] [--threads T]
                            [--out OUT]
  crossmatch-bench schedule --generate [--participants N] [--meetings M] [--days D]
                            [--slots-per-day L] [--tables T] --seconds S [--steps N] [--seed K]
                            [--threads T] [--out OUT]

Schedules every meeting of a B2B instance (MiniZinc .dzn) or of a generated event, checks the
result with code independent of the scheduler and prints one JSON line. --out writes one line
`meeting slot table` (all from 1) per scheduled meeting. --threads runs that many independent
searches side by side and keeps the best (default: one a processor, at most 8). --steps also
stops each search after N steps (moves tried, conflicts of the exact search), which makes a run
repeatable for its seed and threads when the time limit is not reached first.
)";

int fail(const core::Error& error) {
  std::cerr << "crossmatch-bench schedule: " << error.message << "\n" << kUsage;
  return 2;
}

std::string json_text(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int schedule_main(int argc, char** argv) {
  auto parsed =
      hub::CommandLine::parse(argc, argv, 1,
                              {"--dzn", "--seconds", "--steps", "--seed", "--threads", "--out",
                               "--participants",
                               "--meetings", "--days", "--slots-per-day", "--tables"},
                              {"--generate", "--help"});
  if (!parsed) return fail(parsed.error());
  const auto& args = *parsed;
  if (args.has("--help")) {
    std::cout << kUsage;
    return 0;
  }
  if (!args.positional().empty()) {
    return fail(core::make_error("unexpected", args.positional()[0],
                                 "Unexpected argument '" + args.positional()[0] + "'."));
  }
  if (args.has("--dzn") == args.has("--generate")) {
    return fail(core::make_error("missing_flag", "--dzn", "Give either --dzn FILE or --generate."));
  }
  if (!args.has("--seconds")) {
    return fail(core::make_error("missing_flag", "--seconds", "--seconds is required."));
  }
  auto seconds = args.number("--seconds", 10, 0.001, 86400);
  if (!seconds) return fail(seconds.error());
  auto seed = args.integer("--seed", 1, 0, INT64_MAX);
  if (!seed) return fail(seed.error());
  auto steps = args.integer("--steps", INT64_MAX, 1, INT64_MAX);
  if (!steps) return fail(steps.error());
  auto threads = args.integer("--threads", app::searches_for_machine(0, 8), 1, 64);
  if (!threads) return fail(threads.error());

  std::string instance_name;
  std::optional<B2bInstance> b2b;
  sched::Problem problem;
  if (args.has("--dzn")) {
    for (const char* flag :
         {"--participants", "--meetings", "--days", "--slots-per-day", "--tables"}) {
      if (args.has(flag)) {
        return fail(core::make_error("unexpected", flag,
                                     std::string(flag) + " goes with --generate only."));
      }
    }
    auto path = args.required("--dzn");
    if (!path) return fail(path.error());
    auto read = read_b2b_dzn(*path);
    if (!read) return fail(read.error());
    b2b = std::move(*read);
    instance_name = b2b->name;
    problem = b2b_problem(*b2b);
  } else {
    EventShape shape;
    auto participants = args.integer("--participants", shape.participants, 2, 100'000);
    if (!participants) return fail(participants.error());
    auto meetings = args.integer("--meetings", shape.meetings, 0, 1'000'000);
    if (!meetings) return fail(meetings.error());
    auto days = args.integer("--days", shape.days, 1, 14);
    if (!days) return fail(days.error());
    auto per_day = args.integer("--slots-per-day", shape.slots_per_day, 2, sched::kMaxSlotsPerDay);
    if (!per_day) return fail(per_day.error());
    auto tables = args.integer("--tables", 0, 0, sched::kMaxTables);
    if (!tables) return fail(tables.error());
    shape = {static_cast<int>(*participants), static_cast<int>(*meetings),
             static_cast<int>(*days),         static_cast<int>(*per_day),
             static_cast<int>(*tables),       static_cast<std::uint64_t>(*seed)};
    auto generated = generate_event(shape);
    if (!generated) return fail(generated.error());
    problem = std::move(*generated);
    instance_name = "generated-p" + std::to_string(shape.participants) + "-m" +
                    std::to_string(shape.meetings) + "-d" + std::to_string(shape.days) + "-s" +
                    std::to_string(*seed);
  }

  const auto start = Clock::now();
  const auto deadline =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(*seconds));
  core::SearchBudget budget(
      static_cast<std::uint64_t>(*steps), [deadline] { return Clock::now() >= deadline; }, 64);
  double seconds_to_best = 0;
  sched::ScheduleOptions options;
  options.seed = static_cast<std::uint64_t>(*seed);
  options.searches = static_cast<int>(*threads);
  options.run_together = app::run_on_threads;
  options.on_improvement = [&](const sched::ScheduleProgress&) {
    seconds_to_best = seconds_since(start);
  };
  auto result = sched::schedule_meetings(problem, budget, options);
  const double elapsed = seconds_since(start);
  if (!result) return fail(result.error());

  std::vector<ScheduledMeeting> lines;
  for (std::size_t m = 0; m < result->meetings.size(); ++m) {
    const auto& placement = result->meetings[m].placement;
    if (placement) {
      lines.push_back({static_cast<int>(m) + 1, placement->slot + 1, placement->table + 1});
    }
  }
  const CheckReport check =
      b2b ? check_b2b_schedule(*b2b, lines)
          : check_event_schedule(problem, lines, static_cast<int>(problem.meetings.size()));
  if (const auto out = args.get("--out")) {
    std::ofstream file(*out);
    for (const auto& line : lines)
      file << line.meeting << ' ' << line.slot << ' ' << line.table << '\n';
    file.flush();
    if (!file) return fail(core::make_error("unwritable", "--out", "Cannot write " + *out + "."));
  }

  std::ostringstream json;
  json.setf(std::ios::fixed);
  json.precision(3);
  json << "{\"instance\":" << json_text(instance_name)
       << ",\"meetings\":" << problem.meetings.size() << ",\"scheduled\":" << check.scheduled
       << ",\"breaks\":" << check.breaks
       << ",\"max_minus_min_breaks\":" << check.max_minus_min_breaks
       << ",\"valid\":" << (check.valid ? "true" : "false") << ",\"seconds\":" << elapsed
       << ",\"seconds_to_best\":" << seconds_to_best
       << ",\"lower_bound\":" << result->breaks_lower_bound
       << ",\"proven_optimal\":" << (result->proven_optimal ? "true" : "false")
       << ",\"steps\":" << result->steps << ",\"seed\":" << *seed
       << ",\"threads\":" << *threads;
  if (!check.valid) json << ",\"reason\":" << json_text(check.reason);
  json << "}\n";
  std::cout << json.str();
  return 0;
}

}  // namespace crossmatch::bench
