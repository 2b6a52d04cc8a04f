// The writer's set of logged operation ids: every id added once, a second add refused, through
// growth, against a std::set doing the same.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/random.hpp"
#include "storage/operation_id_set.hpp"

using namespace crossmatch;

TEST_CASE("the set of logged operation ids refuses an id a second time, as a std::set would") {
  storage::detail::OperationIdSet ids;
  std::set<std::string> reference;
  core::Rng rng(3);
  CHECK_FALSE(ids.contains("anything"));
  // Short and long ids, shared prefixes, ids that are prefixes of others, the empty id.
  const auto make = [&] {
    switch (rng.below(4)) {
      case 0:
        return "c-" + std::to_string(rng.below(5000));
      case 1:
        return std::string("c-") + std::to_string(rng.below(5000)) +
               std::string(rng.below(40), 'x');
      case 2:
        return std::to_string(rng.below(100));
      default:
        return std::string(rng.below(3), 'a');
    }
  };
  for (int i = 0; i < 40000; ++i) {
    const std::string id = make();
    const bool fresh = reference.insert(id).second;
    CHECK(ids.contains(id) == !fresh);
    CHECK(ids.insert(id) == fresh);
    CHECK(ids.contains(id));
  }
  CHECK(ids.size() == reference.size());
  for (const std::string& id : reference) CHECK_FALSE(ids.insert(id));
  CHECK(ids.size() == reference.size());

  SUBCASE("reserving ahead changes nothing of what it holds") {
    ids.reserve(1'000'000);
    for (const std::string& id : reference) CHECK(ids.contains(id));
    CHECK_FALSE(ids.contains("c-5000"));
    CHECK(ids.insert("c-5000"));
  }
}
