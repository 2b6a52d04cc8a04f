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
      Top top(width_);
      for (int j = 0; j < n_; ++j) {
        if (j != i) top.offer(static_cast<float>(values(i, j)), j);
      }
      top.store(lists_[i], values_[i]);
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
    std::vector<Top> tops(n_, Top(width_));
    for (int i = 0; i < n_; ++i) {
      for (int j = i + 1; j < n_; ++j) {
        const auto v = static_cast<float>(values(i, j));
        tops[i].offer(v, j);
        tops[j].offer(v, i);
      }
    }
    finish(tops);
  }

  // Lists from `sample` random others each, then `rounds` of neighbours-of-neighbours: pair
  // values cluster (sector pairings, working styles), so a partner's good partners are often
  // good ones too. About n * (sample + rounds * width^2) pair values.
  template <class Values>
  void build_approximate(const Values& values, Rng& rng, int sample, int rounds) {
    std::vector<Top> tops(n_, Top(width_));
    if (n_ < 2) return finish(tops);
    for (int i = 0; i < n_; ++i) {
      for (int s = 0; s < sample; ++s) {
        const int j = static_cast<int>(rng.below(static_cast<std::uint64_t>(n_ - 1)));
        const int other = j >= i ? j + 1 : j;
        const auto v = static_cast<float>(values(i, other));
        tops[i].offer(v, other);
        tops[other].offer(v, i);
      }
    }
    std::vector<int> seen(n_, -1);
    for (int r = 0; r < rounds; ++r) {
      std::vector<std::vector<int>> current(n_);
      std::vector<float> ignored;
      for (int i = 0; i < n_; ++i) tops[i].store(current[i], ignored);
      for (int i = 0; i < n_; ++i) {
        seen[i] = i + r * n_;
        for (const int c : current[i]) seen[c] = i + r * n_;
        for (const int c : current[i]) {
          for (const int d : current[c]) {
            if (seen[d] == i + r * n_) continue;
            seen[d] = i + r * n_;
            const auto v = static_cast<float>(values(i, d));
            tops[i].offer(v, d);
            tops[d].offer(v, i);
          }
        }
      }
    }
    finish(tops);
  }

 private:
  // The best `width` (value, id) offers; a repeated id is kept once.
  class Top {
   public:
    explicit Top(int width) : width_(width) {}
    void offer(float value, int id) {
      if (value <= 0) return;
      if (static_cast<int>(items_.size()) == width_ && !before(value, id, items_.back())) return;
      for (const auto& item : items_) {
        if (item.id == id) return;
      }
      Item item{value, id};
      auto it =
          std::upper_bound(items_.begin(), items_.end(), item,
                           [](const Item& x, const Item& y) { return before(x.value, x.id, y); });
      items_.insert(it, item);
      if (static_cast<int>(items_.size()) > width_) items_.pop_back();
    }
    void store(std::vector<int>& ids, std::vector<float>& values) const {
      ids.clear();
      values.clear();
      for (const auto& item : items_) {
        ids.push_back(item.id);
        values.push_back(item.value);
      }
    }

   private:
    struct Item {
      float value;
      int id;
    };
    static bool before(float value, int id, const Item& y) {
      return value > y.value || (value == y.value && id < y.id);
    }
    int width_;
    std::vector<Item> items_;
  };

  void finish(std::vector<Top>& tops) {
    for (int i = 0; i < n_; ++i) {
      tops[i].store(lists_[i], values_[i]);
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
