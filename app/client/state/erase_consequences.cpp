#include "app/client/state/erase_consequences.hpp"

namespace crossmatch::client {

Confirmation erase_confirmation(const ClientSession& session, core::ParticipantId who) {
  const core::EventState& state = session.state();
  const bool self = session.me() == who;
  const std::string name = session.name_of(who);
  Confirmation c;
  c.question = self ? "Erase your data from this event, " + name + "?"
                    : "Erase the data of " + name + " from this event?";
  c.confirm_label = self ? "Erase my data" : "Erase their data";
  c.operations.push_back(core::Erase{.participant = who});
  c.done_message = self ? "Your data is erased" : "Erased: " + name;
  int requests = 0, meetings = 0, written = 0;
  if (const auto it = state.index.person_meetings.find(who);
      it != state.index.person_meetings.end()) {
    for (const core::MeetingId id : it->second) {
      const core::Meeting& m = state.meetings.at(id);
      if (m.open() && m.held == core::HeldState::Unknown)
        ++(m.status == core::MeetingStatus::Requested ? requests : meetings);
      if (!m.message.empty() || !m.requester_feedback.comment.empty() ||
          !m.invitee_feedback.comment.empty() || !m.close_reason.empty())
        ++written;
    }
  }
  const auto count = [](int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  c.consequences.push_back(
      "Forget the name, organisation, job title, e-mail, city, offers and seeks, languages, "
      "markets, working style and availability.");
  if (meetings > 0)
    c.consequences.push_back("Cancel " + count(meetings, "accepted meeting", "accepted meetings") +
                             "; the other people are told.");
  if (requests > 0)
    c.consequences.push_back("Cancel " + count(requests, "open request", "open requests") +
                             " (sent or received).");
  if (written > 0)
    c.consequences.push_back("Remove the messages and feedback comments of " +
                             count(written, "meeting", "meetings") + ".");
  if (state.clinic_themes.count(who)) c.consequences.push_back("Forget the clinic themes picked.");
  c.consequences.push_back(
      "Keep only the type of organisation, sector and country, without a name, for the event's "
      "statistics.");
  return c;
}

}  // namespace crossmatch::client
