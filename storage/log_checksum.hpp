// The checksum stored with every row of the operation log, so that a changed byte in a stored
// operation is found (on load, on every catch-up read and by `crossmatch-hub verify`) instead of
// being sent to clients as if the hub had applied it. docs/storage.md describes it.
#pragma once

#include <cstdint>
#include <string_view>

namespace crossmatch::storage::detail {

// Every column of a log row that says what was applied: its sequence, the client's id, the kind,
// who did it, when, and the operation's JSON text.
struct LogRowText {
  std::int64_t seq = 0;
  std::string_view op_id;
  std::string_view type;
  std::string_view actor_role;
  std::int64_t actor_participant = 0;
  std::int64_t at = 0;
  std::string_view operation;
};

// The first 8 bytes of the SHA-256 of the row's columns (each length-prefixed, so no two rows
// share an input), as a signed integer for SQLite's INTEGER column.
std::int64_t log_checksum(const LogRowText& row);

}  // namespace crossmatch::storage::detail
