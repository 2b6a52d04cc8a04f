// `crossmatch-bench schedule`: the auto-scheduler on a real brokerage event (.dzn) or a
// generated one, checked independently, printed as one JSON line.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "app/common/run_on_threads.hpp"
#include "bench/b2b_instance.hpp"
#include "bench/bench_common.hpp"
#include "bench/bench_options.hpp"
#include "bench/event_generator.hpp"
#include "bench/schedule_check.hpp"
#include "core/scheduling/scheduler.hpp"

namespace crossmatch::bench {

namespace {

namespace sched = core::scheduling;

int fail(const core::Error& error) {
  std::cerr << "crossmatch-bench schedule: " << error.message << "\n";
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

}  // namespace

int run_schedule(const ScheduleBenchOptions& args) {
  std::string instance_name;
  std::optional<B2bInstance> b2b;
  sched::Problem problem;
  if (args.dzn) {
    auto read = read_b2b_dzn(*args.dzn);
    if (!read) return fail(read.error());
    b2b = std::move(*read);
    instance_name = b2b->name;
    problem = b2b_problem(*b2b);
  } else {
    const EventShape shape{args.participants,  args.meetings, args.days,
                           args.slots_per_day, args.tables,   args.seed};
    auto generated = generate_event(shape);
    if (!generated) return fail(generated.error());
    problem = std::move(*generated);
    instance_name = "generated-p" + std::to_string(shape.participants) + "-m" +
                    std::to_string(shape.meetings) + "-d" + std::to_string(shape.days) + "-s" +
                    std::to_string(args.seed);
  }

  const auto start = Clock::now();
  const auto deadline = start + std::chrono::duration_cast<Clock::duration>(
                                    std::chrono::duration<double>(args.seconds));
  core::SearchBudget budget(
      args.steps, [deadline] { return Clock::now() >= deadline; }, 64);
  double seconds_to_best = 0;
  sched::ScheduleOptions options;
  options.seed = args.seed;
  options.searches = args.threads;
  options.engine = args.engine == "cadical" ? core::sat::Engine::cadical : core::sat::Engine::cdcl;
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
  if (const auto& out = args.out) {
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
       << ",\"steps\":" << result->steps << ",\"seed\":" << args.seed
       << ",\"threads\":" << args.threads << ",\"engine\":" << json_text(args.engine);
  if (!check.valid) json << ",\"reason\":" << json_text(check.reason);
  json << "}\n";
  std::cout << json.str();
  return 0;
}

}  // namespace crossmatch::bench
