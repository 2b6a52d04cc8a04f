// The hub's storage thread: commits applied operations in groups (everything that arrived while
// the last commit ran goes into the next one), stores credentials, and answers catch-up reads,
// reporting back to the network thread through asio::post.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <variant>

#include "net/hub_log.hpp"
#include "storage/event_store.hpp"

namespace asio {
class io_context;
}

namespace crossmatch::hub {

class StorageWorker final : public net::HubLog {
 public:
  // `network` is where callbacks run. The store is used only by this worker's thread.
  StorageWorker(storage::EventStore& store, asio::io_context& network);
  ~StorageWorker() override;

  void start();
  // Finishes every queued job, then joins the thread.
  void stop();

  void set_listener(net::DurabilityListener* listener) override;
  // On the network thread: the operation is prepared for the log there (its JSON and the rows it
  // changed, read from `after`), so the storage thread only writes and applies nothing again.
  void before_apply(const core::EventState& before, const core::Operation& op) override;
  void append(core::Operation op, std::optional<net::HubCredential> credential,
              const core::EventState& after) override;
  void put_credential(net::HubCredential credential,
                      std::function<void(core::Status)> done) override;
  void find_credential(
      std::string token_hash,
      std::function<void(core::Result<std::optional<net::HubCredential>>)> done) override;
  void read_after(std::uint64_t after, std::size_t limit,
                  std::function<void(core::Result<std::vector<core::Operation>>)> done) override;

  // Commits so far and the largest group, for log lines and benchmarks.
  std::uint64_t commits() const;
  std::size_t largest_group() const;
  // How long commits took (append with its sync to disk), for the same.
  double longest_commit_ms() const;
  double mean_commit_ms() const;

 private:
  struct Append {
    storage::PreparedOperation op;
    std::optional<net::HubCredential> credential;
  };
  struct PutCredential {
    net::HubCredential credential;
    std::function<void(core::Status)> done;
  };
  struct FindCredential {
    std::string hash;
    std::function<void(core::Result<std::optional<net::HubCredential>>)> done;
  };
  struct ReadAfter {
    std::uint64_t after;
    std::size_t limit;
    std::function<void(core::Result<std::vector<core::Operation>>)> done;
  };
  using Job = std::variant<Append, PutCredential, FindCredential, ReadAfter>;

  void push(Job job);
  void run();
  void commit(std::vector<Append>& group);
  void post(std::function<void()> fn);

  storage::EventStore& store_;
  asio::io_context& network_;
  net::DurabilityListener* listener_ = nullptr;  // read on the network thread only
  storage::Touched noted_;                       // network thread only: by before_apply()
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
  bool failed_ = false;  // worker thread only
  std::thread thread_;
  std::uint64_t commits_ = 0;
  std::size_t largest_group_ = 0;
  double longest_commit_ms_ = 0;
  double commit_ms_ = 0;
};

}  // namespace crossmatch::hub
