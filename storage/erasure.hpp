// Erasure in the operation log: rewrites every logged operation that carries an erased person's
// data, so the log holds only what the state keeps of them, and replaying it (as a replica
// catching up from the start does) still gives the same, anonymised state.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>

#include "storage/row_images.hpp"

namespace crossmatch::storage::detail {

// What a comment-only feedback operation carries once its comment is erased: an operation with
// neither a held mark, a rating nor a comment would be refused on replay.
inline constexpr const char* kErasedText = "(erased)";

// Rewrites the operations before `erased.erased_at` (the erase operation's sequence) for the
// participant `erased.person`; what others write later is not theirs to erase:
//  - register and edit_profile carry the anonymised profile the state keeps (organisation type,
//    sector, country); register and set_availability carry no availability, pick_themes no
//    themes;
//  - in every meeting of theirs, the request's message, the broker's note, decline and cancel
//    reasons and feedback comments (everyone's) are dropped;
// and deletes their credentials. Throws SQLite::Exception.
void erase_from_log(SQLite::Database& db, const ErasedPerson& erased);

}  // namespace crossmatch::storage::detail
