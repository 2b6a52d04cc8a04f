#include "app/client/state/erase_consequences.hpp"

#include "core/i18n/translation.hpp"

namespace crossmatch::client {

using core::format_text;
using core::tr;
using core::tr_n;

Confirmation erase_confirmation(const ClientSession& session, core::ParticipantId who) {
  const core::EventState& state = session.state();
  const bool self = session.me() == who;
  const std::string name = session.name_of(who);
  Confirmation c;
  c.question = self ? format_text(tr("Erase your data from this event, %s?"), name.c_str())
                    : format_text(tr("Erase the data of %s from this event?"), name.c_str());
  c.confirm_label = self ? tr("Erase my data") : tr("Erase their data");
  c.operations.push_back(core::Erase{.participant = who});
  c.done_message =
      self ? std::string(tr("Your data is erased")) : format_text(tr("Erased: %s"), name.c_str());
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
  c.consequences.push_back(
      tr("Forget the name, organisation, job title, e-mail, city, offers and seeks, languages, "
         "markets, working style and availability."));
  if (meetings > 0)
    c.consequences.push_back(
        format_text(tr_n("Cancel %d accepted meeting; the other people are told.",
                         "Cancel %d accepted meetings; the other people are told.", meetings),
                    meetings));
  if (requests > 0)
    c.consequences.push_back(
        format_text(tr_n("Cancel %d open request (sent or received).",
                         "Cancel %d open requests (sent or received).", requests),
                    requests));
  if (written > 0)
    c.consequences.push_back(
        format_text(tr_n("Remove the messages and feedback comments of %d meeting.",
                         "Remove the messages and feedback comments of %d meetings.", written),
                    written));
  if (state.clinic_themes.count(who))
    c.consequences.push_back(tr("Forget the clinic themes picked."));
  c.consequences.push_back(
      tr("Keep only the type of organisation, sector and country, without a name, for the event's "
         "statistics."));
  return c;
}

}  // namespace crossmatch::client
