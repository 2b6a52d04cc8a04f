// The event database's schema and its migrations: PRAGMA user_version says which version a file
// has; an older one is brought up to date inside one transaction, a newer one is refused.
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>

#include "core/error.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::storage::detail {

// Version 1: the operation log, credentials and settings.
// Version 2: the log's lookup columns (participant, meeting) and the derived tables, filled by
// replaying the log.
// Version 3: the log without indexes on op_id and the lookup columns (the store guards against
// an id already logged; erasure reads the lookup columns in one pass over the log).
// Version 4: a checksum with each logged operation.
// Version 5: follow-up rounds after the event and their answers.
// Version 7: meetings pinned to a slot and precedences between meetings.
// Version 8: the standby list (participants.standby) and offers of freed slots (meetings.offered).
inline constexpr int kEventSchemaVersion = 8;

// Checks the file is an event database this program can read: not another program's SQLite
// file, not from a newer version. `name` is the file as messages show it. Writes nothing.
core::Status check_event_header(SQLite::Database& db, const std::string& name, bool allow_empty);

// Creates or migrates to kEventSchemaVersion in one transaction; on failure nothing changes.
core::Status migrate_event_database(SQLite::Database& db, const core::Taxonomy& taxonomy,
                                    const std::string& name);

}  // namespace crossmatch::storage::detail
