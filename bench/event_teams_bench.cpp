// `crossmatch-bench event-teams`: teams for generated events of several sizes (time, objective,
// sector mix), a long reference run for one size, and live re-optimisation after joins, leaves
// and profile edits on the 1,000-person event.
#include <algorithm>
#include <iostream>
#include <sstream>

#include "app/hub/command_line.hpp"
#include "bench/bench_common.hpp"
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

core::Result<std::vector<int>> parse_sizes(const std::string& text) {
  std::vector<int> sizes;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    try {
      std::size_t used = 0;
      const int n = std::stoi(item, &used);
      if (used != item.size() || n < 2 || n > core::kMaxDemoParticipants)
        throw std::out_of_range("");
      sizes.push_back(n);
    } catch (const std::exception&) {
      return core::make_error("bad_flag", "--participants",
                              "--participants takes sizes from 2 to " +
                                  std::to_string(core::kMaxDemoParticipants) +
                                  ", comma-separated, not '" + item + "'");
    }
  }
  if (sizes.empty())
    return core::make_error("bad_flag", "--participants", "--participants is empty");
  return sizes;
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

namespace {
constexpr const char* kUsage =
    R"(event-teams [--participants N,N,...] [--seconds S | --steps K] [--reference-seconds R]
            [--reference-size N] [--joins J] [--stability-cost C] [--seed K]
  Teams for generated events (default 100,1000,5000,15000 participants; search budgets
  0.05/0.19/1.95/4.9 s, so that the whole formation stays within 0.2 s and 5 s): time,
  objective, sector mix. For the reference size (1000): a long reference run when
  --reference-seconds is given, then J joins and J leaves re-optimised one at a time (10 ms each).)";
}  // namespace

int event_teams_main(int argc, char** argv) {
  if (wants_help(argc, argv, kUsage)) return 0;
  const char* name = "event-teams";
  auto args = hub::CommandLine::parse(
      argc, argv, 1,
      {"--participants", "--seconds", "--reference-seconds", "--reference-size", "--seed",
       "--joins", "--steps", "--stability-cost"});
  if (!args) return fail(name, args.error().message);
  auto sizes = parse_sizes(args->get("--participants").value_or("100,1000,5000,15000"));
  if (!sizes) return fail(name, sizes.error().message);
  auto seconds = args->number("--seconds", 0, 0, 3600);
  if (!seconds) return fail(name, seconds.error().message);
  auto reference_seconds = args->number("--reference-seconds", 0, 0, 3600);
  if (!reference_seconds) return fail(name, reference_seconds.error().message);
  auto reference_size = args->integer("--reference-size", 1000, 2, core::kMaxDemoParticipants);
  if (!reference_size) return fail(name, reference_size.error().message);
  auto seed = args->integer("--seed", 1, 0, INT64_MAX);
  if (!seed) return fail(name, seed.error().message);
  auto joins = args->integer("--joins", 20, 0, 1000);
  if (!joins) return fail(name, joins.error().message);
  auto steps = args->integer("--steps", 0, 0, INT64_MAX);
  if (!steps) return fail(name, steps.error().message);
  core::MatchingSettings settings;
  auto stability =
      args->number("--stability-cost", settings.stability_cost, 0, core::kMaxTeamPenalty);
  if (!stability) return fail(name, stability.error().message);
  settings.stability_cost = *stability;

  for (const int n : *sizes) {
    // One extra generated participant per join, kept back for the live part.
    const int live_extra = n == *reference_size ? static_cast<int>(*joins) : 0;
    auto event = load_demo_event(n + live_extra, static_cast<std::uint64_t>(*seed));
    if (!event) return fail(name, event.error().message);
    std::vector<core::Profile> initial(event->profiles.begin(), event->profiles.begin() + n);

    const auto setup_start = Clock::now();
    core::Population population = core::Population::from_profiles(event->taxonomy, initial);
    const double setup = seconds_since(setup_start);
    const double budget_seconds = *seconds > 0 ? *seconds : default_seconds(n);
    const auto start = Clock::now();
    core::SearchBudget budget = *steps > 0 ? core::SearchBudget(static_cast<std::uint64_t>(*steps))
                                           : wall_clock_budget(start, budget_seconds);
    core::TeamFormation f =
        core::form_teams(population, settings, budget, static_cast<std::uint64_t>(*seed));
    const double elapsed = seconds_since(start);
    print_formation("fresh", n, elapsed, setup, f,
                    core::check_teams(population, settings, f.team_of, f.size_lower, f.size_upper));

    if (n == *reference_size && *reference_seconds > 0) {
      const auto ref_start = Clock::now();
      auto ref_budget = wall_clock_budget(ref_start, *reference_seconds);
      const core::TeamFormation ref =
          core::form_teams(population, settings, ref_budget, static_cast<std::uint64_t>(*seed) + 1);
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
        const core::TeamFormation g = core::reoptimise_teams(
            population, settings, team_of, live_budget, static_cast<std::uint64_t>(*seed) + j);
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
          core::form_teams(population, settings, fresh_budget, static_cast<std::uint64_t>(*seed));
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
        const core::TeamFormation g =
            core::reoptimise_teams(population, settings, team_of, live_budget,
                                   static_cast<std::uint64_t>(*seed) + 100 + j);
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
