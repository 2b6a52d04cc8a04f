// Per-address limits: which address a peer counts as, and the budget each address has a minute.
#include <doctest/doctest.h>

#include "net/address_budget.hpp"

using namespace crossmatch;
using namespace std::chrono_literals;

TEST_CASE("address_group: IPv4 by address, IPv6 by its /64, the port dropped") {
  CHECK(net::address_group("192.0.2.7:51234") == "192.0.2.7");
  CHECK(net::address_group("2001:db8:1:2:aaaa:bbbb:cccc:dddd:443") == "2001:db8:1:2::/64");
  CHECK(net::address_group("[2001:db8:1:2::9]:443") == "2001:db8:1:2::/64");
  CHECK(net::address_group("::ffff:192.0.2.7:80") == "192.0.2.7");
  CHECK(net::address_group("unknown") == "unknown");
}

TEST_CASE("an address budget: so many a minute, refilled evenly, addresses apart") {
  net::AddressBudget budget(3);
  const auto t0 = net::AddressBudget::Clock::now();
  for (int i = 0; i < 3; ++i) {
    CHECK(budget.allows("198.51.100.7", t0));
    budget.spend("198.51.100.7", t0);
  }
  CHECK_FALSE(budget.allows("198.51.100.7", t0));
  CHECK(budget.seconds_until_allowed("198.51.100.7", t0) == 20);
  CHECK(budget.allows("192.0.2.1", t0));  // another address has its own budget
  // A third of a minute refills one.
  CHECK_FALSE(budget.allows("198.51.100.7", t0 + 19s));
  CHECK(budget.allows("198.51.100.7", t0 + 20s));
  CHECK(budget.seconds_until_allowed("198.51.100.7", t0 + 20s) == 0);
  budget.forget_refilled(t0 + 30s);
  CHECK(budget.tracked() == 1);
  budget.forget_refilled(t0 + 60s);
  CHECK(budget.tracked() == 0);
}

TEST_CASE("an address budget keeps at most so many addresses") {
  net::AddressBudget budget(2, 100);
  const auto t0 = net::AddressBudget::Clock::now();
  for (int i = 0; i < 1000; ++i)
    budget.spend("10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256), t0);
  CHECK(budget.tracked() <= 100);
  budget.spend("203.0.113.9", t0);
  budget.spend("203.0.113.9", t0);
  CHECK_FALSE(budget.allows("203.0.113.9", t0));
}
