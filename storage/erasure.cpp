#include "storage/erasure.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <type_traits>

#include "core/event/json_codec.hpp"

namespace crossmatch::storage::detail {
namespace {

template <class Change>
void rewrite(SQLite::Statement& select, SQLite::Statement& update, std::int64_t key,
             std::uint64_t before, Change change) {
  select.bind(1, key);
  select.bind(2, static_cast<std::int64_t>(before));
  std::vector<std::pair<std::int64_t, std::string>> rewritten;
  while (select.executeStep()) {
    auto op = core::operation_from_json(select.getColumn(1).getString());
    if (!op)
      throw SQLite::Exception("operation " + std::to_string(select.getColumn(0).getInt64()) +
                              " of the log cannot be read: " + op.error().message);
    if (change(*op)) rewritten.emplace_back(select.getColumn(0).getInt64(), core::operation_to_json(*op));
  }
  select.reset();
  for (const auto& [seq, json] : rewritten) {
    update.bind(1, json);
    update.bind(2, seq);
    update.exec();
    update.reset();
  }
}

}  // namespace

void erase_from_log(SQLite::Database& db, const core::EventState& after, core::ParticipantId person,
                    std::uint64_t erased_at) {
  const core::Participant& erased = after.participants.at(person);
  SQLite::Statement update(db, "UPDATE operations SET operation = ? WHERE seq = ?");
  SQLite::Statement by_person(db, "SELECT seq, operation FROM operations WHERE participant = ? AND seq < ?");
  rewrite(by_person, update, person, erased_at, [&](core::Operation& op) {
    return std::visit(
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
          }
          return false;
        },
        op.payload);
  });

  SQLite::Statement by_meeting(db, "SELECT seq, operation FROM operations WHERE meeting = ? AND seq < ?");
  const auto it = after.index.person_meetings.find(person);
  if (it != after.index.person_meetings.end()) {
    for (const core::MeetingId meeting : it->second) {
      rewrite(by_meeting, update, meeting, erased_at, [](core::Operation& op) {
        return std::visit(
            [](auto& p) {
              using P = std::decay_t<decltype(p)>;
              if constexpr (std::is_same_v<P, core::RequestMeeting>) {
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
            op.payload);
      });
    }
  }
  SQLite::Statement credentials(db, "DELETE FROM credentials WHERE participant = ?");
  credentials.bind(1, static_cast<std::int64_t>(person));
  credentials.exec();
}

}  // namespace crossmatch::storage::detail
