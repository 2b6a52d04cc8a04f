// The roster's bookkeeping: leaving, and the index of live connections by who they are.
#include "net/hub_roster.hpp"

namespace crossmatch::net {

void HubRoster::remove(const HubConnection& c) {
  unindex(c);
  connections_.erase(c.id());
}

std::vector<ConnectionPtr> HubRoster::all() const {
  std::vector<ConnectionPtr> all;
  all.reserve(connections_.size());
  for (const auto& [id, c] : connections_) all.push_back(c);
  return all;
}

void HubRoster::index(const ConnectionPtr& c) {
  if (c->viewer.privileged()) {
    privileged_.insert(c->id());
  } else if (c->viewer.participant != 0) {
    by_participant_.emplace(c->viewer.participant, c->id());
  }
}

void HubRoster::unindex(const HubConnection& c) {
  privileged_.erase(c.id());
  const auto range = by_participant_.equal_range(c.viewer.participant);
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second == c.id()) {
      by_participant_.erase(it);
      break;
    }
  }
}

void HubRoster::become(const ConnectionPtr& c, const core::Viewer& viewer) {
  const bool indexed = c->sync == HubConnection::Sync::Live;
  if (indexed) unindex(*c);
  c->viewer = viewer;
  if (indexed) index(c);
}

}  // namespace crossmatch::net
