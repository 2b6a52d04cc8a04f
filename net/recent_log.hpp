// The hub's log with its latest operations kept in memory: a client catching up after a short
// absence (a Wi-Fi drop, a night, a snapshot taken a few seconds ago) is served from here, without
// the storage thread reading the rows back and decoding them again for each client. Older reads
// and everything else go to the log it wraps. Internal to the hub server; on the network thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>

#include "net/byte_stream.hpp"
#include "net/hub_log.hpp"
#include "net/protocol.hpp"

namespace crossmatch::net {

// Operations kept: as many as a client may catch up by (kMaxKeptCatchUpOperations).
inline constexpr std::size_t kRecentOperations = kMaxKeptCatchUpOperations;

class RecentLog final : public HubLog, private DurabilityListener {
 public:
  RecentLog(asio::io_context& io, HubLog& log, std::size_t keep = kRecentOperations);
  ~RecentLog() override;
  RecentLog(const RecentLog&) = delete;
  RecentLog& operator=(const RecentLog&) = delete;

  void set_listener(DurabilityListener* listener) override { listener_ = listener; }
  void before_apply(const core::EventState& before, const core::Operation& op) override {
    log_.before_apply(before, op);
  }
  void append(core::Operation op, std::optional<HubCredential> credential,
              const core::EventState& after) override;
  void put_credential(HubCredential credential, std::function<void(core::Status)> done) override {
    log_.put_credential(std::move(credential), std::move(done));
  }
  void find_credential(
      std::string token_hash,
      std::function<void(core::Result<std::optional<HubCredential>>)> done) override {
    log_.find_credential(std::move(token_hash), std::move(done));
  }
  // From memory when every operation after `after` is still kept (the answer is posted, as the
  // storage thread's would be); else from the log.
  void read_after(std::uint64_t after, std::size_t limit,
                  std::function<void(core::Result<std::vector<core::Operation>>)> done) override;

  // The hub starts from a state restored up to `last` (all of it durable): nothing is kept yet.
  void restored(std::uint64_t last) {
    recent_.clear();
    durable_ = last;
  }

  // How many reads were answered from memory and from the log (for tests and the status line).
  std::uint64_t served_from_memory() const { return from_memory_; }
  std::uint64_t served_from_log() const { return from_log_; }

 private:
  void on_durable(std::uint64_t seq) override;
  void on_storage_failed(const core::Error& error) override;

  asio::io_context& io_;
  HubLog& log_;
  std::size_t keep_;
  DurabilityListener* listener_ = nullptr;
  std::deque<core::Operation> recent_;  // in sequence order, the last `keep_` appended
  std::uint64_t durable_ = 0;
  std::uint64_t from_memory_ = 0, from_log_ = 0;
};

}  // namespace crossmatch::net
