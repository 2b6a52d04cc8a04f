#include "net/held_fanout.hpp"

#include <algorithm>

#include <asio/post.hpp>

namespace crossmatch::net {

void HeldFanout::send(const std::shared_ptr<HubConnection>& c, const Line& line) {
  if (hold_.count() <= 0) {
    c->send(line);
    return;
  }
  if (!c->held()) held_.push_back(c);
  c->send_held(line);
  if (armed_ || stopped_) return;
  armed_ = true;
  timer_.expires_after(current_);
  timer_.async_wait([this](const std::error_code& ec) {
    armed_ = false;
    if (ec || stopped_) return;
    current_ = next_hold(held_.size(), hold_);
    releasing_.insert(releasing_.end(), held_.begin(), held_.end());
    held_.clear();
    release(kBatch);
  });
}

std::chrono::milliseconds HeldFanout::next_hold(std::size_t written,
                                                std::chrono::milliseconds shortest) {
  const auto needed = std::chrono::milliseconds(
      static_cast<std::chrono::milliseconds::rep>(written * 1000 / kHeldWritesPerSecond));
  return std::clamp(needed, shortest, std::max(shortest, kLongestHold));
}

void HeldFanout::release_all() {
  releasing_.insert(releasing_.end(), held_.begin(), held_.end());
  held_.clear();
  release(releasing_.size());
}

void HeldFanout::stop() {
  stopped_ = true;
  timer_.cancel();
}

// Between batches the network thread reads what clients sent and acknowledges what became
// durable, instead of waiting behind thousands of writes.
void HeldFanout::release(std::size_t count) {
  const std::size_t end = std::min(releasing_.size(), released_ + count);
  for (; released_ < end; ++released_) releasing_[released_]->release();
  if (released_ < releasing_.size()) {
    if (!posted_) {
      posted_ = true;
      asio::post(io_, [this] {
        posted_ = false;
        if (!stopped_) release(kBatch);
      });
    }
    return;
  }
  releasing_.clear();
  released_ = 0;
}

}  // namespace crossmatch::net
