// Limits per network address: which address a peer counts as (an IPv6 client by its /64, since
// one device gets a whole prefix), and a budget of events per minute for each address (the
// registrations it may make, the wrong join codes and tokens it may try). Plain logic, no I/O.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <unordered_map>

namespace crossmatch::net {

// The address a peer ("192.0.2.7:51234", "[2001:db8::1]:443" or "2001:db8::1:443") is counted
// under: the IPv4 address, or the IPv6 /64 written as "2001:db8:0:0::/64". Unreadable: as given.
std::string address_group(const std::string& peer);

// Each address may spend `per_minute` events a minute, and up to that many at once (a token
// bucket that refills evenly over the minute). Addresses whose budget is full again are
// forgotten, and at most `max_addresses` are kept: a flood from ever new addresses cannot grow
// the table without bound (the fullest budgets are the ones dropped).
class AddressBudget {
 public:
  using Clock = std::chrono::steady_clock;

  AddressBudget(double per_minute, std::size_t max_addresses = 100000)
      : per_minute_(per_minute), max_addresses_(max_addresses) {}

  // Whether `address` has an event left now; spends nothing.
  bool allows(const std::string& address, Clock::time_point now) const;
  // Spends one event of `address`'s budget (going no lower than none left).
  void spend(const std::string& address, Clock::time_point now);
  // Seconds until `address` has an event again (0 when it has one now).
  int seconds_until_allowed(const std::string& address, Clock::time_point now) const;
  double per_minute() const { return per_minute_; }
  std::size_t tracked() const { return spent_.size(); }
  // Forgets the addresses whose budget is full again.
  void forget_refilled(Clock::time_point now);

 private:
  struct Spent {
    double events = 0;  // spent and not yet refilled, as of `at`
    Clock::time_point at;
  };
  double spent_now(const Spent& s, Clock::time_point now) const;

  double per_minute_;
  std::size_t max_addresses_;
  std::unordered_map<std::string, Spent> spent_;
};

}  // namespace crossmatch::net
