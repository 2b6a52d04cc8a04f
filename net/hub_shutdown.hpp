// Shutdown: the hub stops taking hellos and operations, lets the log make the pending ones
// durable, tells every client and closes every connection (cutting those that do not read after
// a grace), then reports that it has stopped. A store that fails to commit stops the hub the same
// way, without waiting. Internal to the hub server; on the network thread.
#pragma once

#include <functional>

#include "core/error.hpp"
#include "net/hub_acceptor.hpp"
#include "net/hub_context.hpp"
#include "net/hub_room.hpp"

namespace crossmatch::net {

class HubShutdown {
 public:
  HubShutdown(HubContext& hub, HubRoom& room, HubAcceptor& acceptor)
      : hub_(hub), room_(room), acceptor_(acceptor) {}

  // `done` is posted once every connection is closed.
  void begin(std::function<void()> done);
  // Posted once the hub has stopped after its store failed (unless a shutdown already waits).
  void set_failure_listener(std::function<void()> listener) {
    failure_listener_ = std::move(listener);
  }
  // Refuses what is pending, tells every client `storage_failed` and closes every connection.
  void storage_failed(const core::Error& error);
  // The pending operations are durable (or lost): every connection is told (`shutting_down`, or
  // `storage_failed` once the store failed) and closed.
  void close_all();
  // The last connection has closed.
  void stop();

 private:
  HubContext& hub_;
  HubRoom& room_;
  HubAcceptor& acceptor_;
  std::function<void()> done_;
  std::function<void()> failure_listener_;
};

}  // namespace crossmatch::net
