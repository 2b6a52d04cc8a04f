// The event store on SQLite: the implementation behind EventStore::open and open_reader.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <optional>

#include "storage/event_store.hpp"
#include "storage/operation_id_set.hpp"
#include "storage/writer_lock.hpp"

namespace crossmatch::storage {

namespace detail {
class DerivedTables;
}

class SqliteEventStore final : public EventStore {
 public:
  static core::Result<std::unique_ptr<SqliteEventStore>> open_file(
      const std::filesystem::path& file, const core::Taxonomy& taxonomy, bool create, bool reader);
  ~SqliteEventStore() override;

  core::Result<LoadedEvent> load() override;
  using EventStore::append;
  core::Status append(const std::vector<core::Operation>& operations,
                      const std::vector<Credential>& credentials) override;
  core::Status append_prepared(const std::vector<PreparedOperation>& operations,
                               const std::vector<Credential>& credentials) override;
  core::Result<std::vector<core::Operation>> read_after(std::uint64_t after,
                                                        std::size_t limit) override;
  std::uint64_t last_sequence() const override { return last_sequence_; }
  core::Status put_credential(const Credential& credential) override;
  core::Result<std::optional<Credential>> find_credential(const std::string& token_hash) override;
  core::Status put_setting(const std::string& key, const std::string& value) override;
  core::Result<std::optional<std::string>> get_setting(const std::string& key) override;
  core::Result<CalendarHistory> calendar_history() override;
  core::Status backup(const std::filesystem::path& to) override;

  // PRAGMA max_page_count, for this connection.
  core::Status limit_size(std::uint64_t max_bytes) override;

 private:
  SqliteEventStore(std::filesystem::path file, const core::Taxonomy& taxonomy, bool reader);
  core::Status refuse_if_reader(const std::string& what) const;
  core::Status require_current_schema() const;
  // The checks and steps both appends share.
  core::Status check_sequence(const core::Operation& op, std::size_t position) const;
  core::Status log_id(const core::Operation& op);
  void insert_log_row(const core::Operation& op, const std::string& json,
                      core::ParticipantId participant, core::MeetingId meeting);
  void write_derived(const RowImages& rows);
  void write_credentials(const std::vector<Credential>& credentials);
  void after_commit(std::uint64_t last, bool erased);
  core::Status read_ids();
  std::int64_t data_version();
  std::string name() const;

  std::filesystem::path file_;
  const core::Taxonomy* taxonomy_;
  bool reader_;
  bool memory_ = false;
  int schema_version_ = 0;
  std::unique_ptr<WriterLock> lock_;
  std::unique_ptr<SQLite::Database> db_;
  std::unique_ptr<detail::DerivedTables> derived_;
  // The other statements it runs, prepared once when it opens and kept.
  struct Statements;
  std::unique_ptr<Statements> statements_;
  // An appended operation's log row, made before any of the group's rows is written; kept
  // between appends so that a group does not allocate the list again.
  struct LogRow {
    std::string json;
    core::ParticipantId participant = 0;
    core::MeetingId meeting = 0;
  };
  std::vector<LogRow> log_rows_;
  std::uint64_t last_sequence_ = 0;
  // The writer's copy of the stored state, for append(): each operation is applied to it
  // (Follow mode) to know which derived rows to rewrite. Read from the tables by the first
  // append() that needs it; dropped after a failed append and by append_prepared() (whose caller
  // holds the state), so it never runs ahead of or behind what is stored.
  std::optional<core::EventState> replica_;
  // The client ids in the log. The log keeps no unique index on them (see event_schema.cpp): an
  // append with an id already there is refused here, before anything is written. Read from the
  // log by load() or the first append, dropped with the replica.
  std::optional<detail::OperationIdSet> logged_ids_;
  // PRAGMA data_version when the replica and the ids were last known to match the file: another
  // connection writing the file (none of ours does; a sqlite3 shell could) changes it, and both
  // are then read again.
  std::int64_t data_version_ = -1;

  // Reads the replica and the ids again when they are missing or the file changed under them.
  core::Status refresh_for_append();
};

}  // namespace crossmatch::storage
