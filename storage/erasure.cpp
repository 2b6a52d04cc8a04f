#include "storage/erasure.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include "core/event/json_codec.hpp"
#include "core/event/operation_catalogue.hpp"

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
  SQLite::Statement select(
      db,
      "SELECT seq, operation FROM operations WHERE seq < ?1 AND (participant = ?2 "
      "OR meeting IN (SELECT value FROM json_each(?3)))");
  select.bind(1, static_cast<std::int64_t>(erased.erased_at));
  select.bind(2, static_cast<std::int64_t>(person));
  select.bind(3, meetings);
  std::vector<std::pair<std::int64_t, std::string>> rewritten;
  while (select.executeStep()) {
    auto op = core::operation_from_json(select.getColumn(1).getString());
    if (!op)
      throw SQLite::Exception("operation " + std::to_string(select.getColumn(0).getInt64()) +
                              " of the log cannot be read: " + op.error().message);
    // The catalogue says what each kind carries of a person and how it reads once erased.
    const bool changed =
        core::forget(op->payload, core::Forgotten{erased.profile, erased.availability});
    if (changed)
      rewritten.emplace_back(select.getColumn(0).getInt64(), core::operation_to_json(*op));
  }
  SQLite::Statement update(db, "UPDATE operations SET operation = ? WHERE seq = ?");
  for (const auto& [seq, json] : rewritten) {
    update.bind(1, json);
    update.bind(2, seq);
    update.exec();
    update.reset();
  }
  SQLite::Statement credentials(db, "DELETE FROM credentials WHERE participant = ?");
  credentials.bind(1, static_cast<std::int64_t>(person));
  credentials.exec();
}

}  // namespace crossmatch::storage::detail
