#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <tuple>

#include "core/matching/clinic_forming.hpp"
#include "core/matching/clinic_tables.hpp"
#include "tests/core/matching_fixtures.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using T = core::ParticipantType;

namespace {

struct Clinic {
  std::vector<core::Profile> profiles;
  std::vector<core::ClinicPerson> people;
  std::vector<int> seats;
};

// A random clinic: people of random types, each picking one to three themes.
Clinic random_clinic(std::uint64_t seed, int n, int tables, int min_seats, int max_seats,
                     std::array<double, 4> type_shares) {
  core::Rng rng(seed);
  Clinic c;
  c.profiles = test::random_profiles(n, seed);
  for (auto& p : c.profiles) {
    double roll = rng.unit();
    p.type = T::Company;
    const T order[] = {T::Company, T::PolicyMaker, T::Intermediary, T::Researcher};
    for (int k = 0; k < 4; ++k) {
      if (roll < type_shares[k]) {
        p.type = order[k];
        break;
      }
      roll -= type_shares[k];
    }
  }
  for (int t = 0; t < tables; ++t) c.seats.push_back(rng.between(min_seats, max_seats));
  for (int i = 0; i < n; ++i) {
    core::ClinicPerson person{i, {}};
    const int picks = rng.between(1, std::min(3, tables));
    while (static_cast<int>(person.themes.size()) < picks) {
      const int t = rng.between(0, tables - 1);
      if (std::find(person.themes.begin(), person.themes.end(), t) == person.themes.end())
        person.themes.push_back(t);
    }
    c.people.push_back(person);
  }
  return c;
}

std::array<int, 3> roles(const Clinic& c) {
  std::array<int, 3> out{};
  for (const auto& p : c.profiles) ++out[static_cast<int>(core::clinic_role(p.type))];
  return out;
}

}  // namespace

TEST_CASE("clinic tables keep the type mix whenever the population allows it") {
  int feasible = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    core::Rng rng(seed * 7919);
    const int tables = rng.between(2, 8);
    const int n = rng.between(3 * tables, 12 * tables);
    // Shares from plenty of every type to barely any policy makers.
    const double pm = 0.04 + 0.2 * rng.unit();
    const double broker = 0.04 + 0.2 * rng.unit();
    const Clinic c =
        random_clinic(seed, n, tables, 4, 14, {1 - pm - broker - 0.05, pm, broker, 0.05});
    CAPTURE(seed);
    CAPTURE(n);
    CAPTURE(tables);
    core::SearchBudget budget(40'000);
    const auto plan =
        core::seat_clinic(core::Population::from_profiles(test::taxonomy(), c.profiles),
                          core::ScoreWeights{}, c.people, c.seats, budget, seed);
    const auto population = core::Population::from_profiles(test::taxonomy(), c.profiles);
    const auto check =
        core::check_clinic(population, core::ScoreWeights{}, c.people, c.seats, plan.table_of);
    CHECK(check.sizes_ok);
    CHECK(check.mix_violations == plan.mix_violations);
    CHECK(check.theme_misses == plan.theme_misses);
    CHECK(check.pair_value == doctest::Approx(plan.pair_value));
    int capacity = 0;
    for (const int s : c.seats) capacity += s;
    CHECK(static_cast<int>(plan.unseated.size()) == std::max(0, n - capacity));
    for (const int p : plan.unseated) CHECK(plan.table_of[p] == -1);
    // The lower bound holds, and is reached when it is 0: every table has all three roles.
    CHECK(plan.mix_violations >= plan.mix_lower_bound);
    CHECK(plan.theme_misses >= plan.theme_miss_lower_bound);
    const auto r = roles(c);
    const bool enough = n <= capacity && std::min({r[0], r[1], r[2]}) >= tables &&
                        std::all_of(c.seats.begin(), c.seats.end(), [&](int s) {
                          return std::min(s, (n + tables - 1) / tables) >= 3;
                        });
    if (enough) CHECK(plan.mix_feasible);
    if (plan.mix_feasible) {
      ++feasible;
      CHECK(plan.mix_violations == 0);
      for (const auto& members : plan.members) {
        std::array<int, 3> at{};
        for (const int p : members) ++at[static_cast<int>(core::clinic_role(c.profiles[p].type))];
        CHECK(at[0] >= 1);
        CHECK(at[1] >= 1);
        CHECK(at[2] >= 1);
      }
    }
    // Balanced: tables whose seats allow it differ by one at most.
    int smallest = 1 << 30, largest = 0;
    for (std::size_t t = 0; t < c.seats.size(); ++t) {
      const bool picked = std::any_of(c.people.begin(), c.people.end(), [&](const auto& p) {
        return std::count(p.themes.begin(), p.themes.end(), static_cast<int>(t)) > 0;
      });
      if (!picked) continue;  // empty unless the picked tables lack seats
      const int size = static_cast<int>(plan.members[t].size());
      if (size < c.seats[t]) smallest = std::min(smallest, size);
      largest = std::max(largest, size);
    }
    if (smallest != 1 << 30) CHECK(largest - smallest <= 1);
  }
  CHECK(feasible >= 10);  // the property was exercised
}

TEST_CASE(
    "clinic seating is a local optimum: no move or swap improves it, and it is deterministic") {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const Clinic c = random_clinic(seed, 30, 4, 7, 9, {0.55, 0.15, 0.15, 0.15});
    const auto population = core::Population::from_profiles(test::taxonomy(), c.profiles);
    core::SearchBudget budget(200'000);
    const auto plan =
        core::seat_clinic(population, core::ScoreWeights{}, c.people, c.seats, budget, seed);
    core::SearchBudget again_budget(200'000);
    CHECK(core::seat_clinic(population, core::ScoreWeights{}, c.people, c.seats, again_budget, seed)
              .table_of == plan.table_of);
    const auto key = [&](const std::vector<int>& table_of) {
      const auto k =
          core::check_clinic(population, core::ScoreWeights{}, c.people, c.seats, table_of);
      double bonus = 0;
      for (std::size_t p = 0; p < table_of.size(); ++p) {
        const auto& th = c.people[p].themes;
        const auto it = std::find(th.begin(), th.end(), table_of[p]);
        if (it != th.end())
          bonus += it == th.begin() ? core::kFirstThemeBonus : core::kOtherThemeBonus;
      }
      return std::tuple<int, int, double>(-k.mix_violations, -k.theme_misses, k.pair_value + bonus);
    };
    const auto here = key(plan.table_of);
    for (std::size_t i = 0; i < c.people.size(); ++i) {
      for (std::size_t j = i + 1; j < c.people.size(); ++j) {
        if (plan.table_of[i] == plan.table_of[j]) continue;
        auto swapped = plan.table_of;
        std::swap(swapped[i], swapped[j]);
        const auto there = key(swapped);
        const bool better = std::get<0>(there) > std::get<0>(here) ||
                            (std::get<0>(there) == std::get<0>(here) &&
                             (std::get<1>(there) > std::get<1>(here) ||
                              (std::get<1>(there) == std::get<1>(here) &&
                               std::get<2>(there) > std::get<2>(here) + 1e-6)));
        CHECK_FALSE(better);
      }
    }
  }
}

TEST_CASE("an infeasible clinic is seated as well as it allows, without failing") {
  // Ten companies and one policy maker at three tables: no broker or researcher at all, one
  // policy maker for three tables.
  std::vector<core::Profile> profiles = test::random_profiles(11, 5);
  profiles[4].type = T::PolicyMaker;
  std::vector<core::ClinicPerson> people;
  for (int i = 0; i < 11; ++i) people.push_back({i, {i % 3}});
  const auto population = core::Population::from_profiles(test::taxonomy(), profiles);
  core::SearchBudget budget(50'000);
  const auto plan =
      core::seat_clinic(population, core::ScoreWeights{}, people, {6, 6, 6}, budget, 3);
  CHECK_FALSE(plan.mix_feasible);
  CHECK(plan.mix_lower_bound == 5);
  CHECK(plan.mix_violations == 5);
  CHECK(plan.unseated.empty());
  CHECK(plan.theme_miss_lower_bound == 0);  // everyone picked one theme, four seats a table
  CHECK(plan.theme_misses == 0);

  // More people than seats: companies, the latest first, give up their seats.
  core::SearchBudget small_budget(50'000);
  const auto crowded =
      core::seat_clinic(population, core::ScoreWeights{}, people, {3, 3}, small_budget, 3);
  CHECK(crowded.unseated == std::vector<int>{6, 7, 8, 9, 10});
  CHECK(crowded.table_of[4] >= 0);  // the policy maker keeps a seat

  // Tables too small for three roles; nobody; no tables.
  core::SearchBudget b2(50'000);
  const auto pairs =
      core::seat_clinic(population, core::ScoreWeights{}, people, {2, 2, 2, 2, 2, 2}, b2, 3);
  CHECK(pairs.mix_lower_bound >= 6);
  CHECK(pairs.unseated.empty());
  core::SearchBudget b3(10);
  CHECK(core::seat_clinic(population, core::ScoreWeights{}, {}, {4, 4}, b3, 1).members.size() == 2);
  CHECK(core::seat_clinic(population, core::ScoreWeights{}, people, {}, b3, 1).unseated.size() ==
        11);
  // Someone not in the population is left out, not seated.
  auto with_stranger = people;
  with_stranger.push_back({99, {0}});
  core::SearchBudget b4(50'000);
  CHECK(core::seat_clinic(population, core::ScoreWeights{}, with_stranger, {6, 6, 6}, b4, 3)
            .unseated == std::vector<int>{11});
  // A budget spent at once still gives a complete seating.
  core::SearchBudget none(1);
  const auto rushed =
      core::seat_clinic(population, core::ScoreWeights{}, people, {6, 6, 6}, none, 3);
  CHECK(std::count(rushed.table_of.begin(), rushed.table_of.end(), -1) == 0);
}

TEST_CASE("a policy clinic formed from the event: themes, the operation, reasons for each member") {
  test::EventFixture f;
  f.set_up(0);
  for (int t = 1; t <= 3; ++t)
    f.ok(test::organiser(), core::DefineTable{.name = "Workshop " + std::to_string(t), .seats = 8});
  f.ok(test::organiser(), f.define_session("Policy clinic", "2026-05-15", 10 * 60, 12 * 60,
                                           core::SessionKind::PolicyClinic));
  const auto clinic = f.state.sessions.rbegin()->first;
  core::SearchBudget budget(100'000);
  CHECK(core::form_clinic_tables(f.state, test::taxonomy(), clinic, budget, 1).error().code ==
        "no_tables");
  CHECK(core::form_clinic_tables(f.state, test::taxonomy(), f.morning, budget, 1).error().code ==
        "wrong_session");
  f.ok(test::organiser(),
       core::DefineClinicTable{
           .session = clinic, .table = 1, .theme = "Mobility vouchers for creative companies"});
  f.ok(test::organiser(),
       core::DefineClinicTable{
           .session = clinic, .table = 2, .theme = "Affordable space for start-ups"});
  f.ok(test::organiser(),
       core::DefineClinicTable{
           .session = clinic, .table = 3, .theme = "Public procurement of design"});
  CHECK(core::form_clinic_tables(f.state, test::taxonomy(), clinic, budget, 1).error().code ==
        "no_participants");

  const auto people = f.register_people(21, 5);
  const T types[] = {T::PolicyMaker, T::Company, T::Intermediary, T::Company,
                     T::Researcher,  T::Company, T::Company};
  for (std::size_t i = 0; i < people.size(); ++i) {
    auto profile = f.state.participants.at(people[i]).profile;
    profile.type = types[i % 7];
    f.ok(test::participant(people[i]),
         core::EditProfile{.participant = people[i], .profile = profile});
    std::vector<core::ClinicTableId> themes = {static_cast<core::ClinicTableId>(1 + i % 3)};
    if (i % 2 == 0) themes.push_back(static_cast<core::ClinicTableId>(1 + (i + 1) % 3));
    f.ok(test::participant(people[i]),
         core::PickThemes{.participant = people[i], .themes = themes});
  }
  f.ok(test::participant(people[20]), core::Withdraw{.participant = people[20]});

  auto formed = core::form_clinic_tables(f.state, test::taxonomy(), clinic, budget, 7);
  REQUIRE_MESSAGE(formed.ok(), formed.error().message);
  CHECK(formed->plan.mix_feasible);
  CHECK(formed->plan.mix_violations == 0);
  CHECK(formed->people.size() == 20);  // the one who withdrew is not seated
  CHECK(formed->unseated.empty());
  REQUIRE(formed->operation.seating.size() == 3);
  for (const auto& s : formed->operation.seating) {
    CHECK(s.reasons.find("policy maker") != std::string::npos);
    CHECK(s.reasons.find("picked this theme") != std::string::npos);
    CHECK(s.reasons.size() <= core::kMaxMessageLength);
  }
  // Applied as the organiser's operation: stored, replicated, locked.
  f.ok(test::organiser(), formed->operation);
  int seated = 0;
  for (const auto& [id, ct] : f.state.clinic_tables) {
    seated += static_cast<int>(ct.members.size());
    CHECK_FALSE(ct.reasons.empty());
    bool has_policy = false;
    for (const auto member : ct.members) {
      has_policy = has_policy || f.state.participants.at(member).profile.type == T::PolicyMaker;
      auto seat = core::explain_clinic_seat(f.state, test::taxonomy(), id, member);
      REQUIRE(seat.ok());
      REQUIRE(seat->size() >= 2);
      CHECK(((*seat)[0].find("you picked this theme") == 0 ||
             (*seat)[0].find("not a theme you picked") == 0));
      CHECK((*seat)[1].find("with ") == 0);
    }
    CHECK(has_policy);
  }
  CHECK(seated == 20);
  CHECK(core::form_clinic_tables(f.state, test::taxonomy(), clinic, budget, 7).error().code ==
        "clinic_locked");
  CHECK(core::explain_clinic_seat(f.state, test::taxonomy(), 1, people[20]).error().code ==
        "not_seated");
  CHECK(core::describe_type_mix({T::Company, T::PolicyMaker, T::Company, T::Researcher}) ==
        "a policy maker, 2 companies and a researcher or university");
}
