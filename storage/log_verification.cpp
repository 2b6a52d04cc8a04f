#include "storage/log_verification.hpp"

#include <SQLiteCpp/Statement.h>

namespace crossmatch::storage::detail {
namespace {

constexpr auto& c = kCheckedLogRow;

template <class Row, class Text, class Integer, class IsNull>
RowChecksums checksums_of(Row& row, Text text, Integer integer, IsNull is_null) {
  RowChecksums out;
  out.seq = integer(row, c.column("seq"));
  out.computed = log_checksum({.seq = out.seq,
                               .op_id = text(row, c.column("op_id")),
                               .type = text(row, c.column("type")),
                               .actor_role = text(row, c.column("actor_role")),
                               .actor_participant = integer(row, c.column("actor_participant")),
                               .at = integer(row, c.column("at")),
                               .operation = text(row, c.column("operation"))});
  out.stored_null = is_null(row, c.column("checksum"));
  if (!out.stored_null) out.stored = integer(row, c.column("checksum"));
  return out;
}

}  // namespace

RowChecksums row_checksums(const Rows& row) {
  return checksums_of(
      row, [](const Rows& r, int i) { return r.text(i); },
      [](const Rows& r, int i) { return r.integer(i); },
      [](const Rows& r, int i) { return r.null(i); });
}

RowChecksums row_checksums(SQLite::Statement& row) {
  return checksums_of(
      row,
      [](SQLite::Statement& r, int i) {
        const SQLite::Column column = r.getColumn(i);
        return std::string_view(static_cast<const char*>(column.getBlob()),
                                static_cast<std::size_t>(column.getBytes()));
      },
      [](SQLite::Statement& r, int i) { return r.getColumn(i).getInt64(); },
      [](SQLite::Statement& r, int i) { return r.getColumn(i).isNull(); });
}

core::Error checksum_mismatch(const std::string& name, std::int64_t seq) {
  return core::make_error(
      "corrupt", "file",
      "The database " + name + " is damaged: operation " + std::to_string(seq) +
          " of the log does not match the checksum stored with it, so it is not what the hub "
          "applied. Restore the file from a backup (crossmatch-hub verify --db FILE checks one).");
}

core::Status check_log_checksums(SQLite::Database& db, const std::string& name) {
  Rows rows(db, c.select("ORDER BY seq"));
  while (rows.next()) {
    const RowChecksums sums = row_checksums(rows);
    if (!sums.matches()) return checksum_mismatch(name, sums.seq);
  }
  return core::Status::success();
}

void add_log_checksums(SQLite::Database& db) {
  SQLite::Statement update(db, "UPDATE operations SET checksum = ? WHERE seq = ?");
  Rows rows(db, c.select("ORDER BY seq"));
  while (rows.next()) {
    const RowChecksums sums = row_checksums(rows);
    update.bind(1, sums.computed);
    update.bind(2, sums.seq);
    update.exec();
    update.reset();
  }
}

}  // namespace crossmatch::storage::detail
