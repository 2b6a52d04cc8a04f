// Shutdown: finishing what is pending, closing every connection, and stopping.
#include "net/hub_shutdown.hpp"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <asio/post.hpp>
#include <asio/steady_timer.hpp>

namespace crossmatch::net {

void HubShutdown::begin(std::function<void()> done) {
  if (hub_.stopping) return;
  done_ = std::move(done);
  hub_.shutting_down = true;
  acceptor_.stop_accepting();
  hub_.note("shutting down: finishing " + std::to_string(room_.pending()) + " pending operations");
  if (room_.pending() == 0) close_all();
}

void HubShutdown::storage_failed(const core::Error& error) {
  if (hub_.failed) return;
  hub_.failed = true;
  hub_.note("the store failed: " + error.message + " Durable up to " +
            std::to_string(hub_.durable_seq) +
            " (every acknowledged operation); what came after was refused; stopping");
  room_.refuse_pending();
  hub_.shutting_down = true;
  if (!done_) done_ = failure_listener_;
  close_all();
}

void HubShutdown::close_all() {
  if (hub_.stopping) return;
  hub_.stopping = true;
  acceptor_.stop_accepting();
  hub_.fanout.release_all();
  const ErrorMessage goodbye =
      hub_.failed ? closing_error("storage_failed", "",
                                  "The hub could not store the event (its disk may be full) and "
                                  "stops; everything it acknowledged is kept. Reconnect once it "
                                  "is restarted.")
                  : closing_error("shutting_down", "",
                                  "The hub is shutting down; reconnect when it is back.");
  for (const ConnectionPtr& c : hub_.roster.all())
    c->close_with(goodbye, hub_.failed ? "the store failed" : "hub shutting down");
  if (hub_.roster.empty()) return stop();
  // Clients that do not read get no more than the grace period.
  auto grace = std::make_shared<asio::steady_timer>(hub_.io, kClosingGrace);
  grace->async_wait([this, grace](const std::error_code&) {
    for (const ConnectionPtr& c : hub_.roster.all()) c->close_now("hub shutting down");
    stop();
  });
}

void HubShutdown::stop() {
  if (hub_.stopped) return;
  hub_.stopped = true;
  acceptor_.stop_ticking();
  hub_.fanout.stop();
  hub_.note("stopped: durable up to " + std::to_string(hub_.durable_seq));
  if (done_) {
    auto done = std::move(done_);
    done_ = nullptr;
    asio::post(hub_.io, std::move(done));
  }
}

}  // namespace crossmatch::net
