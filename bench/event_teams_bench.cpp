// `crossmatch-bench event-teams`: teams for generated events of several sizes (time, objective,
// sector mix), a long reference run for one size, and live re-optimisation after joins, leaves
// and profile edits on the 1,000-person event.
#include <algorithm>
#include <iostream>

#include "bench/bench_common.hpp"
#include "bench/bench_options.hpp"
#include "core/matching/population.hpp"
#include "core/matching/teams.hpp"

namespace crossmatch::bench {
namespace {

// The search budget per event size when --seconds is not given: a little under the time the
// whole formation may take (0.2 s for 1,000 people, 5 s for 15,000), which includes building the
// pair values before the search and the teams' figures and reasons after it.
double default_seconds(int n) {
  if (n <= 100) return 0.05;
  if (n <= 1000) return 0.19;
  if (n <= 5000) return 1.95;
  return 4.9;
}

void print_formation(const char* kind, int n, double seconds, double setup_seconds,
                     const core::TeamFormation& f, const core::TeamCheck& check) {
  std::cout << "{\"bench\":\"event-teams\",\"kind\":\"" << kind << "\",\"participants\":" << n
            << ",\"seconds\":" << json_number(seconds)
            << ",\"setup_seconds\":" << json_number(setup_seconds)
            << ",\"teams\":" << f.teams.size() << ",\"objective\":" << json_number(f.objective)
            << ",\"pair_value\":" << json_number(f.pair_value)
            << ",\"mix_violations\":" << f.mix_violations
            << ",\"mix_feasible\":" << (f.mix_feasible ? "true" : "false")
            << ",\"single_country_teams\":" << f.single_country_teams << ",\"checked\":"
            << (check.sizes_ok && check.everyone_once &&
                        std::abs(check.pair_value - f.pair_value) < 1e-6
                    ? "true"
                    : "false")
            << ",\"steps\":" << f.steps << "}\n";
}

}  // namespace

int run_event_teams(const EventTeamsOptions& options) {
  const char* name = "event-teams";
  core::MatchingSettings settings;
  settings.stability_cost = options.stability_cost;

  for (const int n : options.sizes) {
    // One extra generated participant per join, kept back for the live part.
    const int live_extra = n == options.reference_size ? options.joins : 0;
    auto event = load_demo_event(n + live_extra, options.seed);
    if (!event) return fail(name, event.error().message);
    std::vector<core::Profile> initial(event->profiles.begin(), event->profiles.begin() + n);

    const auto setup_start = Clock::now();
    core::Population population = core::Population::from_profiles(event->taxonomy, initial);
    const double setup = seconds_since(setup_start);
    const double budget_seconds = options.seconds > 0 ? options.seconds : default_seconds(n);
    const auto start = Clock::now();
    core::SearchBudget budget = options.steps > 0 ? core::SearchBudget(options.steps)
                                                  : wall_clock_budget(start, budget_seconds);
    core::TeamFormation f = core::form_teams(population, settings, budget, options.seed);
    const double elapsed = seconds_since(start);
    print_formation("fresh", n, elapsed, setup, f,
                    core::check_teams(population, settings, f.team_of, f.size_lower, f.size_upper));

    if (n == options.reference_size && options.reference_seconds > 0) {
      const auto ref_start = Clock::now();
      auto ref_budget = wall_clock_budget(ref_start, options.reference_seconds);
      const core::TeamFormation ref =
          core::form_teams(population, settings, ref_budget, options.seed + 1);
      const double ref_elapsed = seconds_since(ref_start);
      print_formation(
          "reference", n, ref_elapsed, setup, ref,
          core::check_teams(population, settings, ref.team_of, ref.size_lower, ref.size_upper));
      std::cout << "{\"bench\":\"event-teams\",\"kind\":\"ratio\",\"participants\":" << n
                << ",\"fresh_seconds\":" << json_number(elapsed)
                << ",\"reference_seconds\":" << json_number(ref_elapsed)
                << ",\"ratio\":" << json_number(f.objective / ref.objective) << "}\n";
    }

    if (live_extra > 0) {
      // Joins one at a time, each re-optimised from the teams before it.
      double worst = 0, total = 0;
      int worst_changed = 0, worst_moved = 0, total_changed = 0;
      std::vector<int> team_of = f.team_of;
      double live_objective = 0;
      for (int j = 0; j < live_extra; ++j) {
        population.set(n + j, event->profiles[n + j]);
        const auto live_start = Clock::now();
        auto live_budget = wall_clock_budget(live_start, 0.010);
        const core::TeamFormation g =
            core::reoptimise_teams(population, settings, team_of, live_budget, options.seed + j);
        const double t = seconds_since(live_start);
        const auto check =
            core::check_teams(population, settings, g.team_of, g.size_lower, g.size_upper);
        if (!check.sizes_ok || !check.everyone_once)
          return fail(name, "a live re-optimisation broke the teams");
        worst = std::max(worst, t);
        total += t;
        worst_changed = std::max(worst_changed, g.teams_changed);
        worst_moved = std::max(worst_moved, g.moved);
        total_changed += g.teams_changed;
        team_of = g.team_of;
        live_objective = g.pair_value - settings.single_country_penalty * g.single_country_teams;
      }
      // What stability costs: the joined event's teams against a fresh solve of it.
      const auto fresh_start = Clock::now();
      auto fresh_budget = wall_clock_budget(fresh_start, budget_seconds);
      const core::TeamFormation fresh =
          core::form_teams(population, settings, fresh_budget, options.seed);
      std::cout << "{\"bench\":\"event-teams\",\"kind\":\"live-join\",\"participants\":" << n
                << ",\"joins\":" << live_extra
                << ",\"mean_seconds\":" << json_number(total / live_extra)
                << ",\"max_seconds\":" << json_number(worst)
                << ",\"max_teams_changed\":" << worst_changed << ",\"mean_teams_changed\":"
                << json_number(static_cast<double>(total_changed) / live_extra)
                << ",\"max_moved\":" << worst_moved
                << ",\"objective_after\":" << json_number(live_objective)
                << ",\"fresh_objective\":" << json_number(fresh.objective) << "}\n";

      // Leaves: the last joiners withdraw again, one at a time.
      worst = 0, total = 0, worst_changed = 0, total_changed = 0;
      for (int j = 0; j < live_extra; ++j) {
        population.set_active(n + live_extra - 1 - j, false);
        const auto live_start = Clock::now();
        auto live_budget = wall_clock_budget(live_start, 0.010);
        const core::TeamFormation g = core::reoptimise_teams(population, settings, team_of,
                                                             live_budget, options.seed + 100 + j);
        const double t = seconds_since(live_start);
        worst = std::max(worst, t);
        total += t;
        worst_changed = std::max(worst_changed, g.teams_changed);
        total_changed += g.teams_changed;
        team_of = g.team_of;
      }
      std::cout << "{\"bench\":\"event-teams\",\"kind\":\"live-leave\",\"participants\":" << n
                << ",\"leaves\":" << live_extra
                << ",\"mean_seconds\":" << json_number(total / live_extra)
                << ",\"max_seconds\":" << json_number(worst)
                << ",\"max_teams_changed\":" << worst_changed << ",\"mean_teams_changed\":"
                << json_number(static_cast<double>(total_changed) / live_extra) << "}\n";
    }
  }
  return 0;
}

}  // namespace crossmatch::bench
