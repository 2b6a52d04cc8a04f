#include "net/recent_log.hpp"

#include <algorithm>

namespace crossmatch::net {

RecentLog::RecentLog(asio::io_context& io, HubLog& log, std::size_t keep)
    : io_(io), log_(log), keep_(keep) {
  log_.set_listener(this);
}

RecentLog::~RecentLog() {
  log_.set_listener(nullptr);
}

void RecentLog::append(core::Operation op, std::optional<HubCredential> credential,
                       const core::EventState& after) {
  if (keep_ > 0) {
    // Sequences only grow; one that does not (a log restored behind) starts the memory afresh.
    if (!recent_.empty() && op.sequence <= recent_.back().sequence) recent_.clear();
    recent_.push_back(op);
    if (recent_.size() > keep_) recent_.pop_front();
  }
  log_.append(std::move(op), std::move(credential), after);
}

void RecentLog::read_after(std::uint64_t after, std::size_t limit,
                           std::function<void(core::Result<std::vector<core::Operation>>)> done) {
  // Kept when the first operation wanted (after + 1) is in memory, or nothing durable follows.
  const bool kept =
      after >= durable_ || (!recent_.empty() && recent_.front().sequence <= after + 1);
  if (!kept) {
    ++from_log_;
    return log_.read_after(after, limit, std::move(done));
  }
  ++from_memory_;
  std::vector<core::Operation> ops;
  auto it = std::upper_bound(
      recent_.begin(), recent_.end(), after,
      [](std::uint64_t seq, const core::Operation& op) { return seq < op.sequence; });
  for (; it != recent_.end() && ops.size() < limit && it->sequence <= durable_; ++it)
    ops.push_back(*it);
  asio::post(io_, [ops = std::move(ops), done = std::move(done)]() mutable {
    done(core::Result<std::vector<core::Operation>>(std::move(ops)));
  });
}

void RecentLog::on_durable(std::uint64_t seq) {
  durable_ = std::max(durable_, seq);
  if (listener_ != nullptr) listener_->on_durable(seq);
}

void RecentLog::on_storage_failed(const core::Error& error) {
  // What was not committed is lost: it must never be read back.
  while (!recent_.empty() && recent_.back().sequence > durable_) recent_.pop_back();
  if (listener_ != nullptr) listener_->on_storage_failed(error);
}

}  // namespace crossmatch::net
