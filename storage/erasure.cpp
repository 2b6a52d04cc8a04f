#include "storage/erasure.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "core/event/json_codec.hpp"
#include "core/event/operation_catalogue.hpp"
#include "storage/log_verification.hpp"

namespace crossmatch::storage::detail {

void erase_from_log(SQLite::Database& db, const ErasedPerson& erased) {
  const core::ParticipantId person = erased.person;
  std::string meetings = "[";
  for (const core::MeetingId meeting : erased.meetings) {
    if (meetings.size() > 1) meetings += ',';
    meetings += std::to_string(meeting);
  }
  meetings += ']';
  // The lookup columns have no index: erasure is rare, and one pass over the log (the JSON text
  // is read only for the rows that match) takes well under a second even for a large event
  // (bench/README.md), where two indexes would be written on every append.
  constexpr auto& c = kCheckedLogRow;
  SQLite::Statement select(
      db, c.select("WHERE seq < ?1 AND (participant = ?2 OR meeting IN (SELECT value FROM "
                   "json_each(?3)))"));
  select.bind(1, static_cast<std::int64_t>(erased.erased_at));
  select.bind(2, static_cast<std::int64_t>(person));
  select.bind(3, meetings);
  struct Rewritten {
    std::int64_t seq = 0;
    std::string json;
    std::int64_t checksum = 0;
  };
  std::vector<Rewritten> rewritten;
  while (select.executeStep()) {
    const std::int64_t seq = select.getColumn(c.column("seq")).getInt64();
    // A damaged row is not given a new checksum that would hide the damage.
    const RowChecksums sums = row_checksums(select);
    if (!sums.matches())
      throw SQLite::Exception(
          "operation " + std::to_string(seq) + " of the log does not match its checksum",
          SQLITE_CORRUPT);
    auto op = core::operation_from_json(select.getColumn(c.column("operation")).getString());
    if (!op)
      throw SQLite::Exception("operation " + std::to_string(seq) +
                              " of the log cannot be read: " + op.error().message);
    // The catalogue says what each kind carries of a person and how it reads once erased.
    const bool changed =
        core::forget(op->payload, core::Forgotten{erased.profile, erased.availability});
    if (!changed) continue;
    Rewritten row{.seq = seq, .json = core::operation_to_json(*op)};
    row.checksum = log_checksum(
        {.seq = seq,
         .op_id = select.getColumn(c.column("op_id")).getText(),
         .type = select.getColumn(c.column("type")).getText(),
         .actor_role = select.getColumn(c.column("actor_role")).getText(),
         .actor_participant = select.getColumn(c.column("actor_participant")).getInt64(),
         .at = select.getColumn(c.column("at")).getInt64(),
         .operation = row.json});
    rewritten.push_back(std::move(row));
  }
  SQLite::Statement update(db, "UPDATE operations SET operation = ?, checksum = ? WHERE seq = ?");
  for (const Rewritten& row : rewritten) {
    update.bind(1, row.json);
    update.bind(2, row.checksum);
    update.bind(3, row.seq);
    update.exec();
    update.reset();
  }
  SQLite::Statement credentials(db, "DELETE FROM credentials WHERE participant = ?");
  credentials.bind(1, static_cast<std::int64_t>(person));
  credentials.exec();
}

}  // namespace crossmatch::storage::detail
