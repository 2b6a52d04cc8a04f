#include "app/hub/storage_worker.hpp"

#include <asio.hpp>

#include <chrono>
#include <utility>

#include "core/overloaded.hpp"

namespace crossmatch::hub {
namespace {

storage::Credential to_storage(const net::HubCredential& c) {
  return storage::Credential{c.token_hash, c.role, c.participant};
}

net::HubCredential from_storage(const storage::Credential& c) {
  return net::HubCredential{c.token_hash, c.role, c.participant};
}

}  // namespace

StorageWorker::StorageWorker(storage::EventStore& store, asio::io_context& network)
    : store_(store), network_(network) {}

StorageWorker::~StorageWorker() {
  stop();
}

void StorageWorker::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void StorageWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void StorageWorker::set_listener(net::DurabilityListener* listener) {
  listener_ = listener;
}

void StorageWorker::push(Job job) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  wake_.notify_one();
}

void StorageWorker::before_apply(const core::EventState& before, const core::Operation& op) {
  noted_.clear();
  storage::note_before(before, op, noted_);
}

void StorageWorker::append(core::Operation op, std::optional<net::HubCredential> credential,
                           const core::EventState& after) {
  push(Append{storage::prepare_operation(after, std::move(op), std::exchange(noted_, {})),
              std::move(credential)});
}

void StorageWorker::put_credential(net::HubCredential credential,
                                   std::function<void(core::Status)> done) {
  push(PutCredential{std::move(credential), std::move(done)});
}

void StorageWorker::find_credential(
    std::string token_hash,
    std::function<void(core::Result<std::optional<net::HubCredential>>)> done) {
  push(FindCredential{std::move(token_hash), std::move(done)});
}

void StorageWorker::read_after(
    std::uint64_t after, std::size_t limit,
    std::function<void(core::Result<std::vector<core::Operation>>)> done) {
  push(ReadAfter{after, limit, std::move(done)});
}

std::uint64_t StorageWorker::commits() const {
  std::lock_guard lock(mutex_);
  return commits_;
}

std::size_t StorageWorker::largest_group() const {
  std::lock_guard lock(mutex_);
  return largest_group_;
}

double StorageWorker::longest_commit_ms() const {
  std::lock_guard lock(mutex_);
  return longest_commit_ms_;
}

double StorageWorker::mean_commit_ms() const {
  std::lock_guard lock(mutex_);
  return commits_ == 0 ? 0 : commit_ms_ / static_cast<double>(commits_);
}

void StorageWorker::post(std::function<void()> fn) {
  asio::post(network_, std::move(fn));
}

void StorageWorker::run() {
  for (;;) {
    std::deque<Job> jobs;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty() && stopping_) return;
      jobs.swap(jobs_);
    }
    // Every operation waiting goes into one transaction; reads and lookups follow it, so they
    // see at least what the network thread has been told is durable.
    std::vector<Append> group;
    std::vector<Job> others;
    for (Job& job : jobs) {
      if (auto* a = std::get_if<Append>(&job)) {
        group.push_back(std::move(*a));
      } else {
        others.push_back(std::move(job));
      }
    }
    if (!group.empty()) commit(group);
    for (Job& job : others) {
      std::visit(
          core::Overloaded{
              [](Append&) {},  // gathered into the group above
              [this](PutCredential& j) {
                core::Status s = store_.put_credential(to_storage(j.credential));
                post([done = std::move(j.done), s] { done(s); });
              },
              [this](FindCredential& j) {
                auto found = store_.find_credential(j.hash);
                core::Result<std::optional<net::HubCredential>> out =
                    found ? core::Result<std::optional<net::HubCredential>>(
                                *found ? std::optional<net::HubCredential>(from_storage(**found))
                                       : std::nullopt)
                          : core::Result<std::optional<net::HubCredential>>(found.error());
                post([done = std::move(j.done), out = std::move(out)]() mutable {
                  done(std::move(out));
                });
              },
              [this](ReadAfter& j) {
                auto ops = store_.read_after(j.after, j.limit);
                post([done = std::move(j.done), ops = std::move(ops)]() mutable {
                  done(std::move(ops));
                });
              },
          },
          job);
    }
  }
}

void StorageWorker::commit(std::vector<Append>& group) {
  if (failed_) return;
  std::vector<storage::PreparedOperation> ops;
  std::vector<storage::Credential> credentials;
  ops.reserve(group.size());
  for (Append& a : group) {
    ops.push_back(std::move(a.op));
    if (a.credential) credentials.push_back(to_storage(*a.credential));
  }
  // A newcomer's token is stored in the transaction of the registration it belongs to, and the
  // hub hands it out only once both are durable.
  const auto started = std::chrono::steady_clock::now();
  core::Status status = store_.append_prepared(ops, credentials);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  if (!status) {
    failed_ = true;
    post([this, error = status.error()] {
      if (listener_) listener_->on_storage_failed(error);
    });
    return;
  }
  {
    std::lock_guard lock(mutex_);
    ++commits_;
    largest_group_ = std::max(largest_group_, ops.size());
    longest_commit_ms_ = std::max(longest_commit_ms_, ms);
    commit_ms_ += ms;
  }
  const std::uint64_t last = ops.back().operation.sequence;
  post([this, last] {
    if (listener_) listener_->on_durable(last);
  });
}

}  // namespace crossmatch::hub
