#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/event/id_map.hpp"
#include "core/random.hpp"

using namespace crossmatch;

namespace {

using Map = core::IdMap<std::uint32_t, std::string>;

// Everything a reader can see agrees with the reference std::map: order, size, lookups.
void check_same(const Map& map, const std::map<std::uint32_t, std::string>& reference,
                std::uint32_t largest) {
  REQUIRE(map.size() == reference.size());
  CHECK(map.empty() == reference.empty());
  std::vector<std::pair<std::uint32_t, std::string>> seen(map.begin(), map.end());
  std::vector<std::pair<std::uint32_t, std::string>> wanted(reference.begin(), reference.end());
  CHECK(seen == wanted);
  for (std::uint32_t id = 0; id <= largest + 2; ++id) {
    const auto it = reference.find(id);
    const std::string* got = map.get(id);
    if (it == reference.end()) {
      CHECK(got == nullptr);
      CHECK(map.find(id) == map.end());
      CHECK(map.count(id) == 0);
    } else {
      REQUIRE(got != nullptr);
      CHECK(*got == it->second);
      CHECK(map.at(id) == it->second);
      CHECK(map.find(id)->first == id);
    }
  }
  for (const auto& [id, value] : reference) CHECK(map.at(id) == value);  // the huge ids as well
}

}  // namespace

TEST_CASE("id map: lookups, order and size agree with std::map through random changes") {
  core::Rng rng(5);
  Map map;
  std::map<std::uint32_t, std::string> reference;
  std::uint32_t largest_small = 0;
  for (int step = 0; step < 4000; ++step) {
    const int what = static_cast<int>(rng.next() % 10);
    // Mostly the hub's dense ids, now and then one far beyond them.
    const bool huge = rng.next() % 50 == 0;
    const std::uint32_t id =
        huge ? static_cast<std::uint32_t>(1'000'000 + rng.next() % 4'000'000'000ULL)
             : static_cast<std::uint32_t>(rng.next() % 600);
    if (!huge) largest_small = std::max(largest_small, id);
    const std::string value = "v" + std::to_string(step);
    if (what < 3) {
      const bool added = map.emplace(id, value).second;
      CHECK(added == reference.emplace(id, value).second);
    } else if (what < 5) {
      const bool added = map.try_emplace(id, value).second;
      CHECK(added == reference.try_emplace(id, value).second);
    } else if (what < 6) {
      map[id] = value;
      reference[id] = value;
    } else if (what < 8) {
      CHECK(map.erase(id) == reference.erase(id));
    } else if (what < 9) {
      map.emplace_hint(map.end(), id, value);
      reference.emplace_hint(reference.end(), id, value);
    } else if (const auto it = map.find(id); it != map.end()) {
      it->second += "+";
      reference.at(id) += "+";
    }
    if (step % 500 == 0) check_same(map, reference, largest_small);
  }
  check_same(map, reference, largest_small);

  SUBCASE("a copy finds its own entries, and changing it leaves the original alone") {
    Map copy = map;
    check_same(copy, reference, largest_small);
    auto other = reference;
    for (auto& [id, value] : copy) value += "!";
    for (auto& [id, value] : other) value += "!";
    copy.erase(copy.begin());
    other.erase(other.begin());
    check_same(copy, other, largest_small);
    check_same(map, reference, largest_small);
    Map assigned;
    assigned = copy;
    check_same(assigned, other, largest_small);
    CHECK(assigned == copy);
    CHECK_FALSE(assigned == map);
  }
  SUBCASE("a moved map keeps every entry findable") {
    Map moved = std::move(map);
    check_same(moved, reference, largest_small);
    CHECK(map.empty());  // NOLINT(bugprone-use-after-move): a moved-from IdMap is empty
    map = std::move(moved);
    check_same(map, reference, largest_small);
  }
  SUBCASE("erase_if removes what the predicate picks") {
    const auto odd = [](const auto& entry) { return entry.first % 2 == 1; };
    CHECK(core::erase_if(map, odd) == std::erase_if(reference, odd));
    check_same(map, reference, largest_small);
  }
}

TEST_CASE("id map: a stray huge id stays findable, in order") {
  Map map;
  map.emplace(4'000'000'000U, "far");
  map.emplace(1, "one");
  CHECK(map.size() == 2);
  CHECK(map.at(4'000'000'000U) == "far");
  CHECK(map.get(3'999'999'999U) == nullptr);
  CHECK(map.begin()->first == 1);
  CHECK_THROWS_AS(map.at(2), std::out_of_range);
}
