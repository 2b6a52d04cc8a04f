// Who is connected to the hub: every open connection by its number, and the live ones by who they
// are, so that an operation only some may see reaches them without a walk over everyone.
// Internal to the hub server; on the network thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <unordered_map>
#include <vector>

#include "net/hub_connection.hpp"

namespace crossmatch::net {

using ConnectionPtr = std::shared_ptr<HubConnection>;

class HubRoster {
 public:
  using Connections = std::unordered_map<std::uint64_t, ConnectionPtr>;

  void add(const ConnectionPtr& c) { connections_.emplace(c->id(), c); }
  // A closed connection leaves the roster, and the index of live ones.
  void remove(const HubConnection& c);

  ConnectionPtr find(std::uint64_t id) const {
    const auto it = connections_.find(id);
    return it == connections_.end() ? nullptr : it->second;
  }
  std::size_t size() const { return connections_.size(); }
  bool empty() const { return connections_.empty(); }
  const Connections& connections() const { return connections_; }
  // A copy, for walks that may close connections (a closed one leaves the roster at once).
  std::vector<ConnectionPtr> all() const;

  // A live connection is found by who it is from now on.
  void index(const ConnectionPtr& c);
  void unindex(const HubConnection& c);
  // A newcomer who registered is that participant from now on, also for the operations that
  // only the people involved receive.
  void become(const ConnectionPtr& c, const core::Viewer& viewer);

  const std::set<std::uint64_t>& privileged() const { return privileged_; }
  // Calls `f` with every live connection of participant `p`.
  template <typename F>
  void for_participant(core::ParticipantId p, F&& f) const {
    const auto range = by_participant_.equal_range(p);
    for (auto it = range.first; it != range.second; ++it) f(find(it->second));
  }

 private:
  Connections connections_;
  std::set<std::uint64_t> privileged_;  // organisers and brokers
  std::unordered_multimap<core::ParticipantId, std::uint64_t> by_participant_;
};

}  // namespace crossmatch::net
