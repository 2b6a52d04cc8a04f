// Applying a pitching session's operations: the order, the organiser's controls, "interested".
#include <algorithm>

#include "core/event/apply_context.hpp"

namespace crossmatch::core::detail {
namespace {

Result<const Session*> pitching_session(const ApplyContext& ctx, SessionId id) {
  const Session* s = ctx.state.session(id);
  if (s == nullptr)
    return refuse("not_found", "session", "There is no session " + std::to_string(id) + ".");
  if (s->kind != SessionKind::Pitching)
    return refuse("wrong_session", "session", "'" + s->name + "' is not a pitching session.");
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

}  // namespace

Status apply(ApplyContext& ctx, const SetPitchOrder& op) {
  auto session = pitching_session(ctx, op.session);
  if (!session) return session.error();
  const auto existing = ctx.state.pitching.find(op.session);
  if (existing != ctx.state.pitching.end() && existing->second.status != PitchStatus::NotStarted)
    return refuse("pitching_started", "session",
                  "The pitches of '" + (*session)->name + "' have started; the order is fixed.");
  if (op.pitches.empty() || op.pitches.size() > kMaxPitches)
    return refuse("invalid", "pitches",
                  "A pitch order has 1 to " + std::to_string(kMaxPitches) + " companies.");
  for (std::size_t i = 0; i < op.pitches.size(); ++i) {
    const std::string field = "pitches[" + std::to_string(i) + "]";
    auto p = find_active_participant(ctx, op.pitches[i].pitcher, field + ".pitcher");
    if (!p) return p.error();
    if ((*p)->profile.type != ParticipantType::Company)
      return refuse("not_a_company", field + ".pitcher",
                    person_name(ctx.state, op.pitches[i].pitcher) + " is a " +
                        std::string(label((*p)->profile.type)) + "; companies pitch.");
    if (op.pitches[i].minutes < 1 || op.pitches[i].minutes > kMaxPitchMinutes)
      return refuse("out_of_range", field + ".minutes",
                    "A pitch lasts 1 to " + std::to_string(kMaxPitchMinutes) + " minutes.");
    for (std::size_t j = 0; j < i; ++j) {
      if (op.pitches[j].pitcher == op.pitches[i].pitcher)
        return refuse("duplicate", field + ".pitcher",
                      person_name(ctx.state, op.pitches[i].pitcher) + " pitches twice.");
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
                  "Set the pitch order of '" + (*session)->name + "' first.");
  PitchSession ps = it->second;  // changed on a copy, stored only on success
  const std::int64_t now = ctx.op.at;
  if (ps.status == PitchStatus::Finished)
    return refuse("pitching_finished", "action",
                  "The pitching session '" + (*session)->name + "' is over.");
  const auto not_running = [&](const char* what) {
    return refuse("not_pitching", "action", std::string("No pitch is ") + what + " now.");
  };
  switch (op.action) {
    case PitchAction::Start: {
      if (ps.status == PitchStatus::Pitching || ps.status == PitchStatus::Paused)
        return refuse("already_pitching", "action",
                      person_name(ctx.state, ps.pitches[ps.current].pitcher) +
                          " is pitching; end or skip that pitch first.");
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
        return refuse("no_pitch_left", "action", "Every pitch has been given or skipped.");
      ps.current = next;
      ps.status = PitchStatus::Pitching;
      ps.running_since = now;
      ps.elapsed_before = 0;
      break;
    }
    case PitchAction::Pause:
      if (ps.status != PitchStatus::Pitching) return not_running("running");
      ps.elapsed_before += std::max<std::int64_t>(0, now - ps.running_since);
      ps.status = PitchStatus::Paused;
      break;
    case PitchAction::Resume:
      if (ps.status != PitchStatus::Paused) return not_running("paused");
      ps.running_since = now;
      ps.status = PitchStatus::Pitching;
      break;
    case PitchAction::End:
      if (ps.current < 0) return not_running("running or paused");
      ps.pitches[ps.current].outcome = PitchOutcome::Done;
      after_pitch(ps);
      break;
    case PitchAction::Skip: {
      int target = ps.current;
      if (target < 0) target = ps.next_pending();
      if (target < 0) return refuse("no_pitch_left", "action", "There is no pitch left to skip.");
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
                  "Set the pitch order of '" + (*session)->name + "' first.");
  PitchSession& ps = it->second;
  const auto pitch = std::find_if(ps.pitches.begin(), ps.pitches.end(),
                                  [&](const Pitch& p) { return p.pitcher == op.pitcher; });
  if (pitch == ps.pitches.end())
    return refuse(
        "not_found", "pitcher",
        person_name(ctx.state, op.pitcher) + " is not in the order of '" + (*session)->name + "'.");
  if (pitch->outcome != PitchOutcome::Skipped)
    return refuse("not_skipped", "pitcher",
                  person_name(ctx.state, op.pitcher) + (pitch->outcome == PitchOutcome::Done
                                                            ? " has pitched already."
                                                            : " has not been skipped."));
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
    return refuse("not_pitching", "pitcher",
                  person_name(ctx.state, op.pitcher) + " is not pitching now.");
  if (me == op.pitcher)
    return refuse("invalid", "pitcher", "You cannot be interested in your own pitch.");
  auto& interested = it->second.pitches[it->second.current].interested;
  const auto at = std::find(interested.begin(), interested.end(), me);
  const auto key = pair_key(me, op.pitcher);
  if (op.interested) {
    if (at != interested.end())
      return refuse("already_interested", "pitcher", "You are already marked as interested.");
    interested.push_back(me);
    ++ctx.state.index.interest[key];
  } else {
    if (at == interested.end())
      return refuse("not_interested", "pitcher", "You were not marked as interested.");
    interested.erase(at);
    if (--ctx.state.index.interest[key] <= 0) ctx.state.index.interest.erase(key);
  }
  return Status::success();
}

}  // namespace crossmatch::core::detail
