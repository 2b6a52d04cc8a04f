#include "storage/erasure.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <type_traits>

#include "core/event/json_codec.hpp"

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
  SQLite::Statement select(db,
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
    // Operations about a person (the first four) and about a meeting (the rest) are of
    // different kinds, so the kind says why the row matched.
    const bool changed = std::visit(
        [&](auto& p) {
          using P = std::decay_t<decltype(p)>;
          if constexpr (std::is_same_v<P, core::Register>) {
            p.profile = erased.profile;
            p.availability = erased.availability;
            return true;
          } else if constexpr (std::is_same_v<P, core::EditProfile>) {
            p.profile = erased.profile;
            return true;
          } else if constexpr (std::is_same_v<P, core::SetAvailability>) {
            p.availability = erased.availability;
            return true;
          } else if constexpr (std::is_same_v<P, core::PickThemes>) {
            p.themes.clear();  // the state forgets what they picked
            return true;
          } else if constexpr (std::is_same_v<P, core::RequestMeeting>) {
            p.message.clear();
            return true;
          } else if constexpr (std::is_same_v<P, core::Introduce>) {
            p.note.clear();
            return true;
          } else if constexpr (std::is_same_v<P, core::DeclineMeeting> ||
                               std::is_same_v<P, core::CancelMeeting>) {
            p.reason.clear();
            return true;
          } else if constexpr (std::is_same_v<P, core::GiveFeedback>) {
            if (p.comment.empty()) return false;
            const bool comment_only = p.held == core::HeldState::Unknown && p.rating == 0;
            p.comment = comment_only ? kErasedText : "";
            return true;
          }
          return false;
        },
        op->payload);
    if (changed) rewritten.emplace_back(select.getColumn(0).getInt64(), core::operation_to_json(*op));
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
