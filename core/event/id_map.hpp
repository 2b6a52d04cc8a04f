// IdMap: an ordered map from the hub's small sequential ids to records, with lookups by id in
// constant time. The state's participants and meetings are looked up several times by every
// operation; an ordered tree costs a dozen scattered reads for each.
#pragma once

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace crossmatch::core {

// Keeps a std::map (its order, its stable references, its interface) and beside it a dense
// table of iterators for the ids 0 .. dense_.size()-1. The hub hands out ids 1, 2, 3...; an id far
// beyond the number of records (from a damaged file, say) is only in the tree, so the table
// never grows past about twice the number of records.
//
// Invariant: for every id below dense_.size(), dense_[id] holds the tree's entry for it, or
// nothing when there is none.
template <class Id, class T>
class IdMap {
  static_assert(std::is_unsigned_v<Id>, "ids are unsigned");

 public:
  using Tree = std::map<Id, T>;
  using key_type = Id;
  using mapped_type = T;
  using value_type = typename Tree::value_type;
  using iterator = typename Tree::iterator;
  using const_iterator = typename Tree::const_iterator;
  using reverse_iterator = typename Tree::reverse_iterator;
  using const_reverse_iterator = typename Tree::const_reverse_iterator;
  using size_type = std::size_t;

  IdMap() = default;
  IdMap(const IdMap& other) : tree_(other.tree_) { reindex(); }
  IdMap(IdMap&& other) noexcept : tree_(std::move(other.tree_)), dense_(std::move(other.dense_)) {
    other.tree_.clear();
    other.dense_.clear();
  }
  IdMap& operator=(const IdMap& other) {
    if (this != &other) {
      tree_ = other.tree_;
      reindex();
    }
    return *this;
  }
  IdMap& operator=(IdMap&& other) noexcept {
    if (this != &other) {
      tree_ = std::move(other.tree_);
      dense_ = std::move(other.dense_);
      other.tree_.clear();
      other.dense_.clear();
    }
    return *this;
  }

  bool operator==(const IdMap& o) const { return tree_ == o.tree_; }

  // Reading.
  size_type size() const { return tree_.size(); }
  bool empty() const { return tree_.empty(); }
  iterator begin() { return tree_.begin(); }
  iterator end() { return tree_.end(); }
  const_iterator begin() const { return tree_.begin(); }
  const_iterator end() const { return tree_.end(); }
  const_iterator cbegin() const { return tree_.cbegin(); }
  const_iterator cend() const { return tree_.cend(); }
  reverse_iterator rbegin() { return tree_.rbegin(); }
  reverse_iterator rend() { return tree_.rend(); }
  const_reverse_iterator rbegin() const { return tree_.rbegin(); }
  const_reverse_iterator rend() const { return tree_.rend(); }

  iterator find(const Id& id) {
    if (in_dense(id)) return dense_[index(id)].value_or(tree_.end());
    return tree_.find(id);
  }
  const_iterator find(const Id& id) const {
    if (in_dense(id)) {
      const auto& entry = dense_[index(id)];
      return entry ? const_iterator(*entry) : tree_.end();
    }
    return tree_.find(id);
  }
  size_type count(const Id& id) const { return find(id) == end() ? 0 : 1; }
  bool contains(const Id& id) const { return find(id) != end(); }
  // The record, or nullptr.
  const T* get(const Id& id) const {
    const auto it = find(id);
    return it == end() ? nullptr : &it->second;
  }
  T* get(const Id& id) {
    const auto it = find(id);
    return it == end() ? nullptr : &it->second;
  }
  T& at(const Id& id) {
    const auto it = find(id);
    return it == end() ? tree_.at(id) : it->second;  // tree_.at throws std::out_of_range
  }
  const T& at(const Id& id) const {
    const auto it = find(id);
    return it == end() ? tree_.at(id) : it->second;
  }
  iterator lower_bound(const Id& id) { return tree_.lower_bound(id); }
  const_iterator lower_bound(const Id& id) const { return tree_.lower_bound(id); }
  iterator upper_bound(const Id& id) { return tree_.upper_bound(id); }
  const_iterator upper_bound(const Id& id) const { return tree_.upper_bound(id); }

  // Writing.
  T& operator[](const Id& id) { return try_emplace(id).first->second; }

  template <class... Args>
  std::pair<iterator, bool> try_emplace(const Id& id, Args&&... args) {
    if (const auto it = find(id); it != end()) return {it, false};
    return {remember(tree_.try_emplace(id, std::forward<Args>(args)...).first), true};
  }
  template <class... Args>
  std::pair<iterator, bool> emplace(Args&&... args) {
    const auto [it, added] = tree_.emplace(std::forward<Args>(args)...);
    if (added) remember(it);
    return {it, added};
  }
  template <class... Args>
  iterator emplace_hint(const_iterator hint, Args&&... args) {
    const size_type before = tree_.size();
    const auto it = tree_.emplace_hint(hint, std::forward<Args>(args)...);
    if (tree_.size() != before) remember(it);
    return it;
  }
  std::pair<iterator, bool> insert(const value_type& value) { return emplace(value); }
  std::pair<iterator, bool> insert(value_type&& value) { return emplace(std::move(value)); }
  template <class M>
  std::pair<iterator, bool> insert_or_assign(const Id& id, M&& value) {
    auto [it, added] = try_emplace(id, std::forward<M>(value));
    if (!added) it->second = std::forward<M>(value);
    return {it, added};
  }

  size_type erase(const Id& id) {
    const auto it = find(id);
    if (it == end()) return 0;
    erase(it);
    return 1;
  }
  iterator erase(iterator it) {
    forget(it->first);
    return tree_.erase(it);
  }
  iterator erase(const_iterator it) {
    forget(it->first);
    return tree_.erase(it);
  }
  void clear() {
    tree_.clear();
    dense_.clear();
  }

 private:
  static size_type index(const Id& id) { return static_cast<size_type>(id); }
  bool in_dense(const Id& id) const { return index(id) < dense_.size(); }

  // How far the table may reach: about twice the records, so a stray huge id costs nothing.
  size_type reach() const { return 2 * tree_.size() + 64; }

  iterator remember(iterator it) {
    const Id id = it->first;
    if (in_dense(id)) {
      dense_[index(id)] = it;
    } else if (index(id) < reach()) {
      // Grow geometrically, then take over the entries the tree already held in the new range.
      const size_type old = dense_.size();
      dense_.resize(std::min(reach(), std::max(index(id) + 1, 2 * old)));
      for (auto t = tree_.lower_bound(static_cast<Id>(old));
           t != tree_.end() && index(t->first) < dense_.size(); ++t)
        dense_[index(t->first)] = t;
    }
    return it;
  }
  void forget(const Id& id) {
    if (in_dense(id)) dense_[index(id)].reset();
  }
  void reindex() {
    dense_.clear();
    for (auto it = tree_.begin(); it != tree_.end(); ++it) remember(it);
  }

  Tree tree_;
  std::vector<std::optional<iterator>> dense_;
};

// As std::erase_if does for a std::map.
template <class Id, class T, class Predicate>
std::size_t erase_if(IdMap<Id, T>& map, Predicate predicate) {
  std::size_t erased = 0;
  for (auto it = map.begin(); it != map.end();) {
    if (predicate(*it)) {
      it = map.erase(it);
      ++erased;
    } else {
      ++it;
    }
  }
  return erased;
}

}  // namespace crossmatch::core
