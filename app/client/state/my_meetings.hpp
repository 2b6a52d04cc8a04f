// A participant's meetings as the requests, agenda and feedback screens show them: requests
// awaiting their answer, requests awaiting the other person, the agenda by slot, and meetings
// that have started and still need feedback. Rebuilt when meetings change.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/client/state/client_session.hpp"

namespace crossmatch::client {

struct MeetingRow {
  core::MeetingId id = 0;
  core::ParticipantId partner = 0;
  std::string partner_name;
  std::string partner_type;  // "Policy maker"
  std::string message;
  bool introduced = false;
  bool offered = false;       // a freed slot offered to two people on standby
  std::string when;           // "Thu 14 May 09:20" or what was proposed
  std::string where;          // table name, when booked
  std::int64_t start_ms = 0;  // 0 when not booked
};

// Where a request came from, said after the person's details: "  (a freed slot, offered to you
// both)", "  (introduced by a broker)", or nothing for a participant's own request.
const char* request_origin(const MeetingRow& row);

class MyMeetings {
 public:
  // Rebuilds when the session's meetings or profiles changed; true when it did.
  bool refresh(const ClientSession& session);

  const std::vector<MeetingRow>& incoming() const { return incoming_; }  // awaiting my answer
  const std::vector<MeetingRow>& outgoing() const { return outgoing_; }  // awaiting theirs
  const std::vector<MeetingRow>& agenda() const { return agenda_; }      // accepted, by time
  // Accepted, booked meetings that started by `now_ms` and have no feedback of mine yet.
  std::vector<const MeetingRow*> feedback_due(const ClientSession& session,
                                              std::int64_t now_ms) const;

 private:
  std::vector<MeetingRow> incoming_, outgoing_, agenda_;
  std::uint64_t meetings_version_ = 0, profiles_version_ = 0;
  core::ParticipantId me_ = 0;
  bool built_ = false;
};

// A published team round that has the participant in it.
struct MyTeam {
  core::RoundId round = 0;
  std::string round_name;
  std::string when;  // the round's session start
  std::int64_t start_ms = 0;
  std::string table;
  std::vector<core::ParticipantId> members;
  std::string reasons;
};
std::vector<MyTeam> my_teams(const ClientSession& session);

}  // namespace crossmatch::client
