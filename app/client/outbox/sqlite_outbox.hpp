// The client's outbox in its local SQLite file: net::Outbox over storage::OutboxStore, so that
// operations made offline survive a restart of the client and are sent once it reconnects. The
// same file keeps the replica and the participant's token; all of it behind one lock, since the
// connection's thread and the UI thread both use the file.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/event/operation.hpp"
#include "core/taxonomy.hpp"
#include "net/client_connection.hpp"
#include "storage/outbox_store.hpp"

namespace crossmatch::client {

// Setting keys kept beside the outbox.
inline constexpr const char* kTokenSetting = "token";
inline constexpr const char* kParticipantSetting = "participant";

class SqliteOutbox final : public net::Outbox {
 public:
  // Opens (or creates) the client's file; a second program on the same file is refused
  // ("locked"), as is a file that is not a client file.
  static core::Result<std::unique_ptr<SqliteOutbox>> open(const std::filesystem::path& file);
  explicit SqliteOutbox(std::unique_ptr<storage::OutboxStore> store);

  // net::Outbox. Removing an operation that is not pending (a second answer to a resend) is
  // not an error.
  core::Status add(const core::Operation& op) override;
  core::Status remove(const std::string& id) override;
  core::Result<std::vector<core::Operation>> pending() override;

  // [SECTION] The replica kept with the outbox

  // Keeps the replica as of `seq` (a client's feed skips what it may not see, so the whole
  // filtered state is kept rather than the operations: call it after catching up and now and
  // then, not per operation).
  core::Status save_replica(const core::EventState& state, std::uint64_t seq);
  // The same from the state's JSON, made by the caller outside the lock (a writer thread), and
  // whose replica it is.
  core::Status save_replica_json(const std::string& state_json, std::uint64_t seq,
                                 const std::string& owner);
  // What the hub sent after `from` up to `through` (storage::OutboxStore::record_feed).
  core::Status record_feed(std::uint64_t from,
                           const std::vector<core::VisibleOperation>& operations,
                           std::uint64_t through);
  core::Result<std::optional<storage::Replica>> load_replica(const core::Taxonomy& taxonomy);
  core::Result<std::optional<storage::ReplicaHeader>> replica_header();
  core::Status discard_replica();
  // The last sequence of the kept replica: what to ask the hub to catch up after.
  core::Result<std::uint64_t> last_sequence();

  // [SECTION] Small values: the token the hub gave, the hub's address

  core::Status put_setting(const std::string& key, const std::string& value);
  core::Result<std::optional<std::string>> get_setting(const std::string& key);

 private:
  std::mutex mutex_;
  std::unique_ptr<storage::OutboxStore> store_;
};

// Connection options that resume from the file: the token kept there (else `join_code`) and
// the replica's last sequence (none when the file holds no replica: the hub sends a snapshot).
core::Result<net::ClientOptions> resume_options(SqliteOutbox& outbox, net::ClientOptions options);

}  // namespace crossmatch::client
