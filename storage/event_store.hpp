// The event's durable store: one SQLite database per event holding the append-only operation log,
// the tables derived from it, and the hub's credentials (hashes only). docs/storage.md describes
// the schema, durability, migrations, erasure and what is refused.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"
#include "core/event/sequencer.hpp"
#include "core/taxonomy.hpp"
#include "storage/prepared_operation.hpp"

namespace crossmatch::storage {

// What the hub needs at start-up to go on where it stopped.
struct LoadedEvent {
  core::EventState state;           // indexes rebuilt
  std::uint64_t last_sequence = 0;  // of the last durable operation
  core::AppliedIds operation_ids;   // applied ids -> sequence and actor
};

// A credential of the hub: only the hash of a token is ever stored.
struct Credential {
  std::string token_hash;
  core::Role role = core::Role::Participant;
  core::ParticipantId participant = 0;  // for a participant's token
  bool operator==(const Credential&) const = default;
};

// What calendars need beyond the state: when each entry last changed (the sequence number of
// that operation, which only grows: the entry's SEQUENCE) and where a cancelled meeting was
// booked (its entry stays, marked cancelled).
struct CalendarHistory {
  std::string event_key;  // stable for the event's life: part of every UID
  struct MeetingEntry {
    std::uint64_t last_change = 0;
    std::optional<core::Placement> last_placement;  // current, or the last before a cancellation
  };
  std::map<core::MeetingId, MeetingEntry> meetings;
  std::map<core::SessionId, std::uint64_t> sessions;  // last change
  std::map<core::TableId, std::uint64_t> tables;
  std::map<core::ClinicTableId, std::uint64_t> clinic_tables;
};

// Opened by one thread at a time: every call but backup() uses the store's one connection.
class EventStore {
 public:
  // Opens the event database for writing, creating it when `create` is true and it does not
  // exist. The writer holds FILE.lock, so a second writer (another hub, an import) is refused
  // ("locked"). An older schema is migrated inside a transaction; a newer schema, a file that is
  // not a database or not an event database, a corrupt one, or a location that cannot be written
  // gives a clear error and leaves the file as it was. ":memory:" opens an in-memory database.
  // `taxonomy` must outlive the store.
  static core::Result<std::unique_ptr<EventStore>> open(const std::filesystem::path& file,
                                                        const core::Taxonomy& taxonomy,
                                                        bool create);

  // Opens an existing event database read-only, beside a hub that may be writing it (exports,
  // backups, serving catch-up reads on another thread). Takes no lock and never migrates: an
  // older schema can be backed up, but load() and read_after() then ask for a writer to open it
  // once. Writing calls return "read_only".
  static core::Result<std::unique_ptr<EventStore>> open_reader(const std::filesystem::path& file,
                                                               const core::Taxonomy& taxonomy);
  virtual ~EventStore() = default;

  // The event's state as of the last durable operation, read from the derived tables (fast: a
  // large event loads in well under a second; see bench/README.md).
  virtual core::Result<LoadedEvent> load() = 0;

  // Appends applied, sequenced operations (sequence numbers continuing the log) and updates the
  // derived tables, all in one transaction. When it returns success, every one of them is
  // durable (survives a killed process and a power loss): "durable up to" the last one's
  // sequence. On failure nothing of the group is stored, and the same group may be retried.
  // Each operation must apply, in ApplyMode::Follow, to the stored state ("inconsistent"
  // otherwise). An erase operation also removes the person's personal data from the log and from
  // every derived table.
  core::Status append(const std::vector<core::Operation>& operations) {
    return append(operations, {});
  }
  // The same, storing `credentials` in the same transaction: a registration's token, or the
  // organiser's and broker's tokens of a new event, exist exactly when their operation does.
  virtual core::Status append(const std::vector<core::Operation>& operations,
                              const std::vector<Credential>& credentials) = 0;

  // The same for operations prepared by the thread that applied them (the hub's network thread),
  // so that the store only writes: the caller vouches that each one was applied, in order, to the
  // state this store holds (as the hub's sequencer does after load()), and its rows read right
  // after it (prepare_operation). The store still refuses a gap in the sequence, an id already in
  // the log, and any group after another program wrote the file since the store last read or
  // wrote it ("changed"): the caller's state may then not be what is stored. Nothing of a refused
  // group is stored.
  virtual core::Status append_prepared(const std::vector<PreparedOperation>& operations,
                                       const std::vector<Credential>& credentials) = 0;

  // Applied operations with sequence > `after`, in order, at most `limit`.
  virtual core::Result<std::vector<core::Operation>> read_after(std::uint64_t after,
                                                                std::size_t limit) = 0;

  // The last durable sequence (for a reader: as of opening, or its last load or read).
  virtual std::uint64_t last_sequence() const = 0;

  virtual core::Status put_credential(const Credential& credential) = 0;
  virtual core::Result<std::optional<Credential>> find_credential(
      const std::string& token_hash) = 0;

  // Small hub-private values (e.g. the certificate's fingerprint).
  virtual core::Status put_setting(const std::string& key, const std::string& value) = 0;
  virtual core::Result<std::optional<std::string>> get_setting(const std::string& key) = 0;

  // Revisions and last placements for the calendar exports.
  virtual core::Result<CalendarHistory> calendar_history() = 0;

  // A consistent copy of the database in `to` (SQLite's backup API), taken while the hub keeps
  // running: it reads through a connection of its own, so it may run on another thread while
  // append() runs. `to` is written beside itself and renamed into place, so a failed backup
  // leaves no half-written file; an existing `to` is replaced, the database itself is refused.
  virtual core::Status backup(const std::filesystem::path& to) = 0;

  // Caps the database's size (for this connection): an append that would grow it further fails
  // ("disk_full") exactly as on a full disk. `crossmatch-hub serve --max-db-mb`.
  virtual core::Status limit_size(std::uint64_t max_bytes) = 0;
};

}  // namespace crossmatch::storage
