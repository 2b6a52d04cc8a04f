#include "core/event/pitch_board.hpp"

#include <algorithm>

#include "core/i18n/translation.hpp"

namespace crossmatch::core {
namespace {

std::string name_of(const EventState& state, ParticipantId id) {
  const Participant* p = state.participant(id);
  if (p != nullptr && !p->profile.display_name.empty()) return p->profile.display_name;
  // TRANSLATORS: a participant the event no longer knows, by their number
  return format_text(tr("participant %u"), id);
}

Result<const PitchSession*> find_pitching(const EventState& state, SessionId session) {
  const Session* s = state.session(session);
  if (s == nullptr)
    return make_error("not_found", "session",
                      // TRANSLATORS: %u is the number of a session
                      format_text(tr("There is no session %u."), session));
  if (s->kind != SessionKind::Pitching)
    return make_error("wrong_session", "session",
                      // TRANSLATORS: %s is the name of a session
                      format_text(tr("'%s' is not a pitching session."), s->name.c_str()));
  const auto it = state.pitching.find(session);
  if (it == state.pitching.end())
    return make_error("no_pitch_order", "session",
                      // TRANSLATORS: %s is the name of a pitching session
                      format_text(tr("The pitch order of '%s' is not set yet."), s->name.c_str()));
  return &it->second;
}

// Neither an open meeting nor a declined request lies between them.
bool requestable(const EventState& state, ParticipantId a, ParticipantId b) {
  const auto it = state.index.pair_meetings.find(pair_key(a, b));
  if (it == state.index.pair_meetings.end()) return true;
  return std::none_of(it->second.begin(), it->second.end(), [&](MeetingId id) {
    const Meeting& m = state.meetings.at(id);
    return m.open() || m.status == MeetingStatus::Declined;
  });
}

}  // namespace

Result<PitchBoard> pitch_board(const EventState& state, SessionId session, std::int64_t now_ms) {
  auto found = find_pitching(state, session);
  if (!found) return found.error();
  const PitchSession& ps = **found;
  PitchBoard b;
  b.session = session;
  b.status = ps.status;
  b.current = ps.current;
  if (ps.current >= 0) {
    const Pitch& now = ps.pitches[ps.current];
    b.pitching_now = now.pitcher;
    b.elapsed_ms = std::max<std::int64_t>(0, ps.elapsed(now_ms));
    b.time_left_ms = static_cast<std::int64_t>(now.minutes) * 60'000 - b.elapsed_ms;
    b.interested = now.interested;
  }
  if (ps.status != PitchStatus::Finished) {
    for (int i = ps.current + 1; i < static_cast<int>(ps.pitches.size()); ++i) {
      const Pitch& p = ps.pitches[i];
      if (p.outcome != PitchOutcome::Pending) continue;
      // A company that withdrew is skipped when its turn comes; do not announce it.
      const Participant* who = state.participant(p.pitcher);
      if (who == nullptr || !who->active()) continue;
      if (b.next < 0) {
        b.next = i;
        b.next_pitcher = p.pitcher;
      }
      b.upcoming.push_back(p.pitcher);
    }
  }
  for (const Pitch& p : ps.pitches) {
    b.done += p.outcome == PitchOutcome::Done;
    b.skipped += p.outcome == PitchOutcome::Skipped;
  }
  return b;
}

Result<std::vector<PitchFollowUp>> pitch_follow_ups(const EventState& state, SessionId session) {
  auto found = find_pitching(state, session);
  if (!found) return found.error();
  std::vector<PitchFollowUp> out;
  for (const Pitch& p : (*found)->pitches) {
    PitchFollowUp f;
    f.pitcher = p.pitcher;
    f.outcome = p.outcome;
    for (const ParticipantId who : p.interested) {
      const Participant* person = state.participant(who);
      if (person == nullptr || !person->active()) continue;
      f.interested.push_back(who);
      if (requestable(state, p.pitcher, who)) f.requestable.push_back(who);
    }
    out.push_back(std::move(f));
  }
  return out;
}

Result<std::vector<Operation>> follow_up_requests(const EventState& state, SessionId session,
                                                  ParticipantId pitcher,
                                                  const std::vector<ParticipantId>& to,
                                                  const std::string& message,
                                                  const std::string& id_prefix) {
  auto found = find_pitching(state, session);
  if (!found) return found.error();
  const PitchSession& ps = **found;
  const auto pitch = std::find_if(ps.pitches.begin(), ps.pitches.end(),
                                  [&](const Pitch& p) { return p.pitcher == pitcher; });
  if (pitch == ps.pitches.end())
    return make_error(
        "not_a_pitcher", "pitcher",
        // TRANSLATORS: %s is a person
        format_text(tr("%s does not pitch in this session."), name_of(state, pitcher).c_str()));
  if (pitch->outcome == PitchOutcome::Pending)
    return make_error("pitch_not_over", "pitcher",
                      // TRANSLATORS: %s is the person who pitches
                      format_text(tr("The pitch of %s is not over yet; follow up once it ends."),
                                  name_of(state, pitcher).c_str()));
  const Participant* me = state.participant(pitcher);
  if (me == nullptr || !me->active())
    return make_error("not_active", "pitcher",
                      // TRANSLATORS: %s is a person
                      format_text(tr("%s has left the event."), name_of(state, pitcher).c_str()));

  const auto follow_ups = pitch_follow_ups(state, session);
  if (!follow_ups) return follow_ups.error();
  const PitchFollowUp& mine = (*follow_ups)[static_cast<std::size_t>(pitch - ps.pitches.begin())];
  std::vector<ParticipantId> targets = to.empty() ? mine.requestable : to;
  std::vector<Operation> out;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const ParticipantId who = targets[i];
    const std::string field = "to[" + std::to_string(i) + "]";
    if (std::find(mine.interested.begin(), mine.interested.end(), who) == mine.interested.end())
      return make_error("not_interested", field,
                        // TRANSLATORS: %s is a person; "interested" is the button they tap
                        format_text(tr("%s did not tap \"interested\" during your pitch."),
                                    name_of(state, who).c_str()));
    if (std::find(mine.requestable.begin(), mine.requestable.end(), who) == mine.requestable.end())
      return make_error(
          "already_requested", field,
          // TRANSLATORS: %s is a person
          format_text(tr("You and %s already have a meeting or a request, or one was declined."),
                      name_of(state, who).c_str()));
    if (std::find(targets.begin(), targets.begin() + static_cast<std::ptrdiff_t>(i), who) !=
        targets.begin() + static_cast<std::ptrdiff_t>(i))
      return make_error("duplicate", field,
                        // TRANSLATORS: %s is a person, or a slot, listed twice
                        format_text(tr("%s is listed twice."), name_of(state, who).c_str()));
    Operation op;
    op.id = id_prefix + "-" + std::to_string(who);
    op.actor = Actor{Role::Participant, pitcher};
    op.payload = RequestMeeting{0, pitcher, who, message, {}};
    out.push_back(std::move(op));
  }
  return out;
}

}  // namespace crossmatch::core
