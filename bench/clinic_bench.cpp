// `crossmatch-bench clinic`: seating a policy clinic of a generated event (demo participants of
// every type, each picking one to three themes) at its workshop tables: the construction alone,
// then the full search under a wall-clock budget; time, type mix, theme misses, pair values.
#include <algorithm>
#include <iostream>

#include "bench/bench_common.hpp"
#include "bench/bench_options.hpp"
#include "core/matching/clinic_tables.hpp"
#include "core/random.hpp"

namespace crossmatch::bench {

namespace {
const char* name = "clinic";

struct Run {
  core::ClinicSeatingPlan plan;
  double seconds = 0;
};

std::string json_run(const char* label, const Run& r) {
  return std::string("\"") + label + "\":{\"seconds\":" + json_number(r.seconds) +
         ",\"mix_violations\":" + std::to_string(r.plan.mix_violations) +
         ",\"theme_misses\":" + std::to_string(r.plan.theme_misses) +
         ",\"pair_value\":" + json_number(r.plan.pair_value) +
         ",\"value\":" + json_number(r.plan.value) + ",\"steps\":" + std::to_string(r.plan.steps) +
         "}";
}

}  // namespace

int run_clinic(const ClinicOptions& options) {
  auto event = load_demo_event(options.participants, options.seed);
  if (!event) return fail(name, event.error().message);
  const core::Population population =
      core::Population::from_profiles(event->taxonomy, event->profiles);
  // Themes as people pick them: some far more popular than others.
  core::Rng rng(options.seed * 31 + 7);
  const int m = options.tables;
  std::vector<core::ClinicPerson> people;
  for (int i = 0; i < options.participants; ++i) {
    core::ClinicPerson person{i, {}};
    const int picks = rng.between(1, std::min(3, m));
    while (static_cast<int>(person.themes.size()) < picks) {
      const double u = rng.unit();
      const int t = static_cast<int>(u * u * m);  // skewed to the first themes
      if (std::find(person.themes.begin(), person.themes.end(), t) == person.themes.end())
        person.themes.push_back(t);
    }
    people.push_back(std::move(person));
  }
  const std::vector<int> seat_list(static_cast<std::size_t>(m), options.seats);
  const core::ScoreWeights weights;
  int roles[core::kClinicRoles] = {};
  for (const auto& p : event->profiles) ++roles[static_cast<int>(core::clinic_role(p.type))];

  Run construction, full;
  {
    core::SearchBudget budget(1);  // the construction only: the search stops at its first step
    const auto start = Clock::now();
    construction.plan = core::seat_clinic(population, weights, people, seat_list, budget, 1);
    construction.seconds = seconds_since(start);
  }
  {
    const auto start = Clock::now();
    auto budget = wall_clock_budget(start, static_cast<double>(options.seconds));
    full.plan = core::seat_clinic(population, weights, people, seat_list, budget, 1);
    full.seconds = seconds_since(start);
  }
  std::cout << "{\"bench\":\"clinic\",\"participants\":" << options.participants
            << ",\"tables\":" << m << ",\"seats\":" << options.seats
            << ",\"policy_makers\":" << roles[0] << ",\"companies\":" << roles[1]
            << ",\"brokers_or_researchers\":" << roles[2]
            << ",\"mix_feasible\":" << (full.plan.mix_feasible ? "true" : "false")
            << ",\"mix_lower_bound\":" << full.plan.mix_lower_bound
            << ",\"theme_miss_lower_bound\":" << full.plan.theme_miss_lower_bound
            << ",\"unseated\":" << full.plan.unseated.size() << ","
            << json_run("construction", construction) << "," << json_run("search", full)
            << ",\"value_gain\":"
            << json_number(construction.plan.value != 0 ? full.plan.value / construction.plan.value
                                                        : 0)
            << "}\n";
  return 0;
}

}  // namespace crossmatch::bench
