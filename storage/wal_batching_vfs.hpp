// A SQLite VFS over the system's one that writes a commit's write-ahead log frames in one system
// call. SQLite writes each frame's header and page separately, two calls a page; this layer holds
// consecutive writes to a connection's "-wal" file and writes them together as soon as SQLite
// syncs, reads, truncates, sizes or closes that file, or touches the database's shared memory
// (where it publishes frames to other connections). So nothing SQLite believes synced, and no
// frame another connection may read, is ever only held here: durability and what readers see are
// SQLite's own. A failed write is reported by the commit's sync when there is one
// (synchronous=FULL, as on every connection here), before anything is published.
#pragma once

namespace crossmatch::storage::detail {

// The VFS's name, for sqlite3_open_v2; registered (not as the default) on the first call.
const char* wal_batching_vfs();

}  // namespace crossmatch::storage::detail
