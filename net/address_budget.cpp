// Grouping peers by address, and the per-address budgets.
#include "net/address_budget.hpp"

#include <algorithm>
#include <cmath>

#include <asio/ip/address.hpp>

namespace crossmatch::net {

std::string address_group(const std::string& peer) {
  std::string host = peer;
  if (!host.empty() && host.front() == '[') {
    host = host.substr(1, host.find(']') - 1);
  } else if (const auto colon = host.rfind(':'); colon != std::string::npos) {
    host = host.substr(0, colon);
  }
  std::error_code ec;
  const asio::ip::address address = asio::ip::make_address(host, ec);
  if (ec) return peer;
  if (address.is_v4()) return address.to_string();
  const asio::ip::address_v6 v6 = address.to_v6();
  if (v6.is_v4_mapped()) return asio::ip::make_address_v4(asio::ip::v4_mapped, v6).to_string();
  asio::ip::address_v6::bytes_type bytes = v6.to_bytes();
  std::fill(bytes.begin() + 8, bytes.end(), 0);
  return asio::ip::address_v6(bytes).to_string() + "/64";
}

double AddressBudget::spent_now(const Spent& s, Clock::time_point now) const {
  const double minutes = std::chrono::duration<double>(now - s.at).count() / 60.0;
  return std::max(0.0, s.events - std::max(0.0, minutes) * per_minute_);
}

bool AddressBudget::allows(const std::string& address, Clock::time_point now) const {
  const auto it = spent_.find(address);
  return it == spent_.end() || spent_now(it->second, now) + 1.0 <= per_minute_;
}

void AddressBudget::spend(const std::string& address, Clock::time_point now) {
  if (spent_.size() >= max_addresses_ && spent_.find(address) == spent_.end()) {
    forget_refilled(now);
    if (spent_.size() >= max_addresses_) {
      // Still full: the address that has spent least makes room.
      auto least = spent_.begin();
      for (auto it = spent_.begin(); it != spent_.end(); ++it)
        if (spent_now(it->second, now) < spent_now(least->second, now)) least = it;
      spent_.erase(least);
    }
  }
  Spent& s = spent_[address];
  s.events = std::min(per_minute_, spent_now(s, now) + 1.0);
  s.at = now;
}

int AddressBudget::seconds_until_allowed(const std::string& address, Clock::time_point now) const {
  const auto it = spent_.find(address);
  if (it == spent_.end()) return 0;
  const double excess = spent_now(it->second, now) + 1.0 - per_minute_;
  if (excess <= 0) return 0;
  return static_cast<int>(std::ceil(excess / per_minute_ * 60.0));
}

void AddressBudget::forget_refilled(Clock::time_point now) {
  for (auto it = spent_.begin(); it != spent_.end();) {
    if (spent_now(it->second, now) <= 0) {
      it = spent_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace crossmatch::net
