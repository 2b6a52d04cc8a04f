// Applying a pitching session's operations: the order, the organiser's controls, "interested".
#include <algorithm>

#include "core/event/apply_context.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::core::detail {
namespace {

Result<const Session*> pitching_session(const ApplyContext& ctx, SessionId id) {
  const Session* s = ctx.state.session(id);
  if (s == nullptr)
    // TRANSLATORS: %u is the number of a session
    return refuse("not_found", "session", format_text(tr("There is no session %u."), id));
  if (s->kind != SessionKind::Pitching)
    return refuse("wrong_session", "session",
                  // TRANSLATORS: %s is the name of a session
                  format_text(tr("'%s' is not a pitching session."), s->name.c_str()));
  return s;
}

// After the current pitch: between pitches, or finished when none is left.
void after_pitch(PitchSession& ps) {
  ps.current = -1;
  ps.elapsed_before = 0;
  ps.running_since = 0;
  const bool pending = std::any_of(ps.pitches.begin(), ps.pitches.end(), [](const Pitch& p) {
    return p.outcome == PitchOutcome::Pending;
  });
  ps.status = pending ? PitchStatus::Between : PitchStatus::Finished;
}

// "Ana Silva is a Policy maker; companies pitch.": a whole message for each type but companies.
std::string not_a_company(const std::string& name, ParticipantType type) {
  switch (type) {
    case ParticipantType::PolicyMaker:
      // TRANSLATORS: %s is a person; only companies pitch
      return format_text(tr("%s is a Policy maker; companies pitch."), name.c_str());
    case ParticipantType::Intermediary:
      // TRANSLATORS: %s is a person; only companies pitch
      return format_text(tr("%s is a Broker or intermediary; companies pitch."), name.c_str());
    case ParticipantType::Company:  // companies pitch: not asked
    case ParticipantType::Researcher:
      break;
  }
  // TRANSLATORS: %s is a person; only companies pitch
  return format_text(tr("%s is a Researcher or university; companies pitch."), name.c_str());
}

}  // namespace

Status apply(ApplyContext& ctx, const SetPitchOrder& op) {
  auto session = pitching_session(ctx, op.session);
  if (!session) return session.error();
  const auto existing = ctx.state.pitching.find(op.session);
  if (existing != ctx.state.pitching.end() && existing->second.status != PitchStatus::NotStarted)
    return refuse("pitching_started", "session",
                  // TRANSLATORS: %s is the name of a pitching session
                  format_text(tr("The pitches of '%s' have started; the order is fixed."),
                              (*session)->name.c_str()));
  if (op.pitches.empty() || op.pitches.size() > kMaxPitches)
    return refuse("invalid", "pitches",
                  format_text(tr_n("A pitch order has 1 to %zu company.",
                                   "A pitch order has 1 to %zu companies.", kMaxPitches),
                              kMaxPitches));
  for (std::size_t i = 0; i < op.pitches.size(); ++i) {
    const std::string field = "pitches[" + std::to_string(i) + "]";
    auto p = find_active_participant(ctx, op.pitches[i].pitcher, field + ".pitcher");
    if (!p) return p.error();
    if ((*p)->profile.type != ParticipantType::Company)
      return refuse(
          "not_a_company", field + ".pitcher",
          not_a_company(person_name(ctx.state, op.pitches[i].pitcher), (*p)->profile.type));
    if (op.pitches[i].minutes < 1 || op.pitches[i].minutes > kMaxPitchMinutes)
      return refuse("out_of_range", field + ".minutes",
                    format_text(tr_n("A pitch lasts 1 to %d minute.",
                                     "A pitch lasts 1 to %d minutes.", kMaxPitchMinutes),
                                kMaxPitchMinutes));
    for (std::size_t j = 0; j < i; ++j) {
      if (op.pitches[j].pitcher == op.pitches[i].pitcher)
        return refuse("duplicate", field + ".pitcher",
                      // TRANSLATORS: %s is a person
                      format_text(tr("%s pitches twice."),
                                  person_name(ctx.state, op.pitches[i].pitcher).c_str()));
    }
  }
  PitchSession ps;
  ps.session = op.session;
  for (const PitchSlot& slot : op.pitches)
    ps.pitches.push_back(Pitch{slot.pitcher, slot.minutes, PitchOutcome::Pending, {}});
  ctx.state.pitching[op.session] = std::move(ps);
  return Status::success();
}

Status apply(ApplyContext& ctx, const ControlPitch& op) {
  auto session = pitching_session(ctx, op.session);
  if (!session) return session.error();
  const auto it = ctx.state.pitching.find(op.session);
  if (it == ctx.state.pitching.end())
    return refuse("no_pitch_order", "session",
                  // TRANSLATORS: %s is the name of a pitching session
                  format_text(tr("Set the pitch order of '%s' first."), (*session)->name.c_str()));
  PitchSession ps = it->second;  // changed on a copy, stored only on success
  const std::int64_t now = ctx.op.at;
  if (ps.status == PitchStatus::Finished)
    return refuse("pitching_finished", "action",
                  // TRANSLATORS: %s is the name of a pitching session
                  format_text(tr("The pitching session '%s' is over."), (*session)->name.c_str()));
  const auto not_running = [&](const char* message) {
    return refuse("not_pitching", "action", message);
  };
  switch (op.action) {
    case PitchAction::Start: {
      if (ps.status == PitchStatus::Pitching || ps.status == PitchStatus::Paused)
        return refuse("already_pitching", "action",
                      // TRANSLATORS: %s is the person pitching
                      format_text(tr("%s is pitching; end or skip that pitch first."),
                                  person_name(ctx.state, ps.pitches[ps.current].pitcher).c_str()));
      // The next company still here; those who left meanwhile are skipped.
      int next = -1;
      for (int i = 0; i < static_cast<int>(ps.pitches.size()); ++i) {
        Pitch& p = ps.pitches[i];
        if (p.outcome != PitchOutcome::Pending) continue;
        const Participant* who = ctx.state.participant(p.pitcher);
        if (who == nullptr || !who->active()) {
          p.outcome = PitchOutcome::Skipped;
          continue;
        }
        next = i;
        break;
      }
      if (next < 0)
        return refuse("no_pitch_left", "action", tr("Every pitch has been given or skipped."));
      ps.current = next;
      ps.status = PitchStatus::Pitching;
      ps.running_since = now;
      ps.elapsed_before = 0;
      break;
    }
    case PitchAction::Pause:
      if (ps.status != PitchStatus::Pitching) return not_running(tr("No pitch is running now."));
      ps.elapsed_before += std::max<std::int64_t>(0, now - ps.running_since);
      ps.status = PitchStatus::Paused;
      break;
    case PitchAction::Resume:
      if (ps.status != PitchStatus::Paused) return not_running(tr("No pitch is paused now."));
      ps.running_since = now;
      ps.status = PitchStatus::Pitching;
      break;
    case PitchAction::End:
      if (ps.current < 0) return not_running(tr("No pitch is running or paused now."));
      ps.pitches[ps.current].outcome = PitchOutcome::Done;
      after_pitch(ps);
      break;
    case PitchAction::Skip: {
      int target = ps.current;
      if (target < 0) target = ps.next_pending();
      if (target < 0)
        return refuse("no_pitch_left", "action", tr("There is no pitch left to skip."));
      ps.pitches[target].outcome = PitchOutcome::Skipped;
      after_pitch(ps);
      break;
    }
    case PitchAction::Finish:
      if (ps.current >= 0) ps.pitches[ps.current].outcome = PitchOutcome::Done;
      for (Pitch& p : ps.pitches) {
        if (p.outcome == PitchOutcome::Pending) p.outcome = PitchOutcome::Skipped;
      }
      after_pitch(ps);
      break;
  }
  it->second = std::move(ps);
  return Status::success();
}

Status apply(ApplyContext& ctx, const ReopenPitch& op) {
  auto session = pitching_session(ctx, op.session);
  if (!session) return session.error();
  const auto it = ctx.state.pitching.find(op.session);
  if (it == ctx.state.pitching.end())
    return refuse("no_pitch_order", "session",
                  // TRANSLATORS: %s is the name of a pitching session
                  format_text(tr("Set the pitch order of '%s' first."), (*session)->name.c_str()));
  PitchSession& ps = it->second;
  const auto pitch = std::find_if(ps.pitches.begin(), ps.pitches.end(),
                                  [&](const Pitch& p) { return p.pitcher == op.pitcher; });
  if (pitch == ps.pitches.end())
    return refuse(
        "not_found", "pitcher",
        // TRANSLATORS: %1$s is a person, %2$s the name of a pitching session
        format_text(tr("%s is not in the order of '%s'."),
                    person_name(ctx.state, op.pitcher).c_str(), (*session)->name.c_str()));
  if (pitch->outcome != PitchOutcome::Skipped)
    return refuse(
        "not_skipped", "pitcher",
        pitch->outcome == PitchOutcome::Done
            // TRANSLATORS: %s is a person
            ? format_text(tr("%s has pitched already."), person_name(ctx.state, op.pitcher).c_str())
            // TRANSLATORS: %s is a person
            : format_text(tr("%s has not been skipped."),
                          person_name(ctx.state, op.pitcher).c_str()));
  auto found = find_active_participant(ctx, op.pitcher, "pitcher");
  if (!found) return found.error();
  pitch->outcome = PitchOutcome::Pending;
  // Over only because nothing was left: it goes on between pitches.
  if (ps.status == PitchStatus::Finished) ps.status = PitchStatus::Between;
  return Status::success();
}

Status apply(ApplyContext& ctx, const MarkInterested& op) {
  const ParticipantId me = ctx.actor().participant;
  auto found = find_active_participant(ctx, me, "actor");
  if (!found) return found.error();
  auto session = pitching_session(ctx, op.session);
  if (!session) return session.error();
  const auto it = ctx.state.pitching.find(op.session);
  const bool live =
      it != ctx.state.pitching.end() && it->second.current >= 0 &&
      (it->second.status == PitchStatus::Pitching || it->second.status == PitchStatus::Paused);
  if (!live || it->second.pitches[it->second.current].pitcher != op.pitcher)
    return refuse(
        "not_pitching", "pitcher",
        // TRANSLATORS: %s is a person
        format_text(tr("%s is not pitching now."), person_name(ctx.state, op.pitcher).c_str()));
  if (me == op.pitcher)
    return refuse("invalid", "pitcher", tr("You cannot be interested in your own pitch."));
  auto& interested = it->second.pitches[it->second.current].interested;
  const auto at = std::find(interested.begin(), interested.end(), me);
  const auto key = pair_key(me, op.pitcher);
  if (op.interested) {
    if (at != interested.end())
      return refuse("already_interested", "pitcher", tr("You are already marked as interested."));
    interested.push_back(me);
    ++ctx.state.index.interest[key];
  } else {
    if (at == interested.end())
      return refuse("not_interested", "pitcher", tr("You were not marked as interested."));
    interested.erase(at);
    if (--ctx.state.index.interest[key] <= 0) ctx.state.index.interest.erase(key);
  }
  return Status::success();
}

}  // namespace crossmatch::core::detail
