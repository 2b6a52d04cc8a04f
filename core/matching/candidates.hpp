// Candidate partner lists: for each participant, the few others with the highest pair values, so
// that team and round searches at event scale look only where gains are likely. Exact lists
// cost n^2/2 pair values; approximate ones a random sample refined through neighbours of
// neighbours; lazy ones one pass over everyone, on first use.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/random.hpp"

namespace crossmatch::core {

class CandidateLists {
 public:
  CandidateLists(int n, int width) : n_(n), width_(width), lists_(n), values_(n), ready_(n, 0) {}

  int size() const { return n_; }
  int width() const { return width_; }
  bool ready(int i) const { return ready_[i] != 0; }

  // i's list, best first; computed by one pass over everyone when not built yet.
  // `values(a, b)` gives the pair value of two local ids; only positive values are kept.
  template <class Values>
  const std::vector<int>& get(int i, const Values& values) {
    if (!ready_[i]) {
      Table top(1, width_);
      for (int j = 0; j < n_; ++j) {
        if (j != i) top.offer(0, static_cast<float>(values(i, j)), j);
      }
      top.store(0, lists_[i], values_[i]);
      ready_[i] = 1;
    }
    return lists_[i];
  }
  const std::vector<int>& of(int i) const { return lists_[i]; }
  // The pair values of i's list, in its order (valid once the list is built).
  const std::vector<float>& values_of(int i) const { return values_[i]; }

  // Every list exact: each pair's value once, offered to both ends.
  template <class Values>
  void build_exact(const Values& values) {
    Table tops(n_, width_);
    for (int i = 0; i < n_; ++i) {
      for (int j = i + 1; j < n_; ++j) {
        const auto v = static_cast<float>(values(i, j));
        tops.offer(i, v, j);
        tops.offer(j, v, i);
      }
    }
    finish(tops);
  }

  // Lists from `sample` random others each, then `rounds` of neighbours-of-neighbours: pair
  // values cluster (sector pairings, working styles), so a partner's good partners are often
  // good ones too. About n * (sample + rounds * width^2) pair values.
  template <class Values>
  void build_approximate(const Values& values, Rng& rng, int sample, int rounds) {
    Table tops(n_, width_);
    if (n_ < 2) return finish(tops);
    for (int i = 0; i < n_; ++i) {
      for (int s = 0; s < sample; ++s) {
        const int j = static_cast<int>(rng.below(static_cast<std::uint64_t>(n_ - 1)));
        const int other = j >= i ? j + 1 : j;
        const auto v = static_cast<float>(values(i, other));
        tops.offer(i, v, other);
        tops.offer(other, v, i);
      }
    }
    std::vector<int> seen(n_, -1);
    std::vector<std::vector<int>> current(n_);
    std::vector<float> ignored;
    for (int r = 0; r < rounds; ++r) {
      for (int i = 0; i < n_; ++i) tops.store(i, current[i], ignored);
      for (int i = 0; i < n_; ++i) {
        const int stamp = i + r * n_;
        seen[i] = stamp;
        for (const int c : current[i]) seen[c] = stamp;
        for (const int c : current[i]) {
          for (const int d : current[c]) {
            if (seen[d] == stamp) continue;
            seen[d] = stamp;
            const auto v = static_cast<float>(values(i, d));
            tops.offer(i, v, d);
            tops.offer(d, v, i);
          }
        }
      }
    }
    finish(tops);
  }

 private:
  // The best `width` (value, id) offers of each list, in one flat table; the value a new offer
  // must beat is kept apart, so that most offers are turned down after one small read.
  class Table {
   public:
    Table(int lists, int width)
        : width_(width),
          items_(static_cast<std::size_t>(lists) * width),
          count_(lists, 0),
          floor_(lists, 0.0f) {}

    void offer(int list, float value, int id) {
      if (width_ == 0) return;
      if (value <= floor_[list]) {
        // Ties with a full list's last item go to the lower id, as a sort would.
        if (value < floor_[list] || count_[list] < width_ || value <= 0) return;
      }
      Item* items = &items_[static_cast<std::size_t>(list) * width_];
      int& count = count_[list];
      for (int k = 0; k < count; ++k) {
        if (items[k].id == id) return;
      }
      const Item item{value, id};
      int at = count < width_ ? count : width_ - 1;
      if (count == width_ && !before(item, items[at])) return;
      while (at > 0 && before(item, items[at - 1])) {
        items[at] = items[at - 1];
        --at;
      }
      items[at] = item;
      if (count < width_) ++count;
      if (count == width_) floor_[list] = items[width_ - 1].value;
    }

    void store(int list, std::vector<int>& ids, std::vector<float>& values) const {
      ids.clear();
      values.clear();
      const Item* items = &items_[static_cast<std::size_t>(list) * width_];
      for (int k = 0; k < count_[list]; ++k) {
        ids.push_back(items[k].id);
        values.push_back(items[k].value);
      }
    }

   private:
    struct Item {
      float value;
      int id;
    };
    static bool before(const Item& x, const Item& y) {
      return x.value > y.value || (x.value == y.value && x.id < y.id);
    }
    int width_;
    std::vector<Item> items_;
    std::vector<int> count_;
    std::vector<float> floor_;  // a full list's last value; 0 while not full
  };

  void finish(const Table& tops) {
    for (int i = 0; i < n_; ++i) {
      tops.store(i, lists_[i], values_[i]);
      ready_[i] = 1;
    }
  }

  int n_;
  int width_;
  std::vector<std::vector<int>> lists_;
  std::vector<std::vector<float>> values_;
  std::vector<char> ready_;
};

}  // namespace crossmatch::core
