// What a pitching session's screens show, derived from the state: who pitches now, the time left,
// who is next, who tapped "interested"; and, after a pitch, the meeting requests a pitcher sends
// to the interested in one step.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/event/operation.hpp"

namespace crossmatch::core {

struct PitchBoard {
  SessionId session = 0;
  PitchStatus status = PitchStatus::NotStarted;
  int current = -1;                // index of the pitch running or paused, else -1
  ParticipantId pitching_now = 0;  // its pitcher, else 0
  std::int64_t elapsed_ms = 0;     // how long the current pitch has run (paused time excluded)
  std::int64_t time_left_ms = 0;   // of the current pitch's minutes; negative when over time
  int next = -1;                   // the pitch after the current one (or the next to start)
  ParticipantId next_pitcher = 0;
  std::vector<ParticipantId> upcoming;    // every pitcher still to come after the current, in order
  std::vector<ParticipantId> interested;  // in the current pitch, in tapping order
  int done = 0, skipped = 0;
};

// The board at `now_ms` (unix ms, the client's clock). not_found when the session has no pitch
// order; wrong_session when it is not a pitching session.
Result<PitchBoard> pitch_board(const EventState& state, SessionId session, std::int64_t now_ms);

// One pitcher's follow-up: who tapped "interested" during the pitch.
struct PitchFollowUp {
  ParticipantId pitcher = 0;
  PitchOutcome outcome = PitchOutcome::Pending;
  std::vector<ParticipantId> interested;  // still active, in tapping order
  // Among them: those a request would reach (no open meeting or declined request between them).
  std::vector<ParticipantId> requestable;
};

// Every pitch of the session in order, with its interested people.
Result<std::vector<PitchFollowUp>> pitch_follow_ups(const EventState& state, SessionId session);

// The meeting requests `pitcher` sends to the people who were interested in their pitch (all of
// the requestable ones when `to` is empty, else those listed), ready to apply or queue: actor the
// pitcher, ids `id_prefix` + "-" + the invitee's id. The cap on open requests does not hold them
// back (the invitees asked). Refused while the pitch runs, for someone who did not pitch in this
// session, and for anyone listed who was not interested or cannot be requested.
Result<std::vector<Operation>> follow_up_requests(const EventState& state, SessionId session,
                                                  ParticipantId pitcher,
                                                  const std::vector<ParticipantId>& to,
                                                  const std::string& message,
                                                  const std::string& id_prefix);

}  // namespace crossmatch::core
