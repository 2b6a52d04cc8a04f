#include "core/scheduling/schedule_bound.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <vector>

namespace crossmatch::core::scheduling {

namespace {

// Whether the meetings (allowed slots of one day as bit masks) can take distinct slots of
// `within`, one each (bipartite matching by augmenting paths on bit masks).
class DayMatcher {
 public:
  explicit DayMatcher(const std::vector<std::uint64_t>& allowed) : allowed_(allowed) {}

  bool perfect(std::uint64_t within) {
    for (const auto mask : allowed_) {
      if ((mask & within) == 0) return false;
    }
    owner_.fill(-1);
    for (std::size_t i = 0; i < allowed_.size(); ++i) {
      visited_ = 0;
      if (!augment(static_cast<int>(i), within)) return false;
    }
    return true;
  }

 private:
  bool augment(int meeting, std::uint64_t within) {
    std::uint64_t candidates = allowed_[static_cast<std::size_t>(meeting)] & within & ~visited_;
    while (candidates != 0) {
      const int bit = std::countr_zero(candidates);
      candidates &= candidates - 1;
      visited_ |= std::uint64_t{1} << bit;
      auto& owner = owner_[static_cast<std::size_t>(bit)];
      if (owner < 0 || augment(owner, within)) {
        owner = meeting;
        return true;
      }
    }
    return false;
  }

  const std::vector<std::uint64_t>& allowed_;
  std::array<int, 64> owner_{};
  std::uint64_t visited_ = 0;
};

std::uint64_t run(int start, int length) {
  const std::uint64_t ones = length >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << length) - 1;
  return ones << start;
}

// 0, 1 or 2 (meaning at least 2): the fewest breaks one participant could have alone.
int alone_bound(const std::vector<std::uint64_t>& allowed, int day_length) {
  const int count = static_cast<int>(allowed.size());
  if (count <= 1) return 0;
  if (count > day_length) return 0;  // cannot all be placed; nothing to bound
  DayMatcher matcher(allowed);
  for (int start = 0; start + count <= day_length; ++start) {
    if (matcher.perfect(run(start, count))) return 0;
  }
  for (int first = 1; first < count; ++first) {
    const int second = count - first;
    for (int a = 0; a + first + 1 + second <= day_length; ++a) {
      for (int b = a + first + 1; b + second <= day_length; ++b) {
        if (matcher.perfect(run(a, first) | run(b, second))) return 1;
      }
    }
  }
  return 2;
}

}  // namespace

int breaks_lower_bound(const Model& model) {
  std::vector<int> day_length(static_cast<std::size_t>(model.days), 0);
  for (const int d : model.slot_day) ++day_length[static_cast<std::size_t>(d)];
  int total = 0;
  std::vector<std::uint64_t> allowed;
  for (int p = 0; p < model.participants; ++p) {
    allowed.clear();
    int day = -1;
    bool one_day = true;
    for (const int m : model.meetings_of(p)) {
      std::uint64_t mask = 0;
      const auto consider = [&](int s) {
        const int d = model.slot_day[static_cast<std::size_t>(s)];
        if (day < 0) day = d;
        if (d != day) one_day = false;
        mask |= model.slot_bit[static_cast<std::size_t>(s)];
      };
      if (model.fixed[static_cast<std::size_t>(m)]) {
        consider(model.fixed_slot[static_cast<std::size_t>(m)]);
      } else {
        for (const int s : model.domain_of(m)) consider(s);
      }
      if (mask != 0) allowed.push_back(mask);
    }
    if (!one_day || day < 0) continue;
    total += alone_bound(allowed, day_length[static_cast<std::size_t>(day)]);
  }
  return total;
}

}  // namespace crossmatch::core::scheduling
