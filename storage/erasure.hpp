// Erasure in the operation log: rewrites every logged operation that carries an erased person's
// data, so the log holds only what the state keeps of them, and replaying it (as a replica
// catching up from the start does) still gives the same, anonymised state.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>

#include "storage/row_images.hpp"

namespace crossmatch::storage::detail {

// Rewrites the operations before `erased.erased_at` (the erase operation's sequence) for the
// participant `erased.person`; what others write later is not theirs to erase:
// each operation forgets what the operation catalogue's `forget` says its kind carries of them
// (register and edit_profile keep the anonymised profile the state keeps; in every meeting of
// theirs, messages, notes, reasons and feedback comments are dropped); and deletes their
// credentials. Throws SQLite::Exception.
void erase_from_log(SQLite::Database& db, const ErasedPerson& erased);

}  // namespace crossmatch::storage::detail
