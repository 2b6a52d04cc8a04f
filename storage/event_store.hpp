// The event's durable store: one SQLite database per event holding the append-only operation log,
// the tables derived from it, and the hub's credentials (hashes only).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::storage {

// What the hub needs at start-up to go on where it stopped.
struct LoadedEvent {
  core::EventState state;          // indexes rebuilt
  std::uint64_t last_sequence = 0;  // of the last durable operation
  std::unordered_map<std::string, std::uint64_t> operation_ids;  // applied ids -> sequence
};

// A credential of the hub: only the hash of a token is ever stored.
struct Credential {
  std::string token_hash;
  core::Role role = core::Role::Participant;
  core::ParticipantId participant = 0;  // for a participant's token
};

class EventStore {
 public:
  // Opens the event database, creating it when `create` is true and it does not exist. An older
  // schema is migrated inside a transaction; a newer schema, a file that is not a database, a
  // corrupt one, or a location that cannot be written gives a clear error and leaves the file
  // as it was.
  static core::Result<std::unique_ptr<EventStore>> open(const std::filesystem::path& file,
                                                        const core::Taxonomy& taxonomy, bool create);
  virtual ~EventStore() = default;

  virtual core::Result<LoadedEvent> load() = 0;

  // Appends applied, sequenced operations (sequence numbers continuing the log) and updates the
  // derived tables, all in one transaction. When it returns success, every one of them is
  // durable (survives a killed process and a power loss). On failure nothing of the group is
  // stored. An erase operation also removes the person's personal data from the log and from
  // every derived table.
  virtual core::Status append(const std::vector<core::Operation>& operations) = 0;

  // Applied operations with sequence > `after`, in order, at most `limit`.
  virtual core::Result<std::vector<core::Operation>> read_after(std::uint64_t after,
                                                                std::size_t limit) = 0;

  virtual std::uint64_t last_sequence() const = 0;

  virtual core::Status put_credential(const Credential& credential) = 0;
  virtual core::Result<std::optional<Credential>> find_credential(const std::string& token_hash) = 0;

  // Small hub-private values (e.g. the certificate's fingerprint).
  virtual core::Status put_setting(const std::string& key, const std::string& value) = 0;
  virtual core::Result<std::optional<std::string>> get_setting(const std::string& key) = 0;

  // A consistent copy of the database, taken while the hub keeps running (SQLite's backup API).
  virtual core::Status backup(const std::filesystem::path& to) = 0;
};

}  // namespace crossmatch::storage
