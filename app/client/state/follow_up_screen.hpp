// After the event: a participant's answers for their held meetings while a follow-up round is
// open, and the organiser's rounds and the event's report (print/report_html.hpp).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/i18n/translation.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::client {

// A participant's held meeting to answer for, and their answer so far in the round.
struct FollowUpRow {
  core::MeetingId meeting = 0;
  core::ParticipantId partner = 0;
  std::optional<core::FollowUpOutcome> answered;
  std::string note;
};

// The round a participant answers in: the latest open one, or none.
const core::FollowUpRound* open_follow_up(const core::EventState& state);
// `me`'s held meetings, each with their answer in `round` so far.
std::vector<FollowUpRow> follow_up_rows(const core::EventState& state, core::ParticipantId me,
                                        const core::FollowUpRound& round);

struct FollowUpDraft {
  int outcome = static_cast<int>(core::FollowUpOutcome::Valuable);
  std::string note;
  bool started = false;  // filled from the answer given so far
};

struct FollowUpScreen {
  std::map<core::MeetingId, FollowUpDraft> drafts;  // a participant's answers being written
  // The organiser's name for the next round.
  // TRANSLATORS: the name first offered for a follow-up round, which the organiser may change
  std::string new_round = core::tr("3 months after");

  // The draft for a row, filled from the answer given so far the first time.
  FollowUpDraft& draft(const FollowUpRow& row);
};

// Writes the event's report as one HTML page, report.html in `folder`; the path written.
core::Result<std::string> write_event_report(const core::EventState& state,
                                             const core::Taxonomy& taxonomy,
                                             const std::string& folder);
// Opens `path` in the desktop's program for it (xdg-open), when xdg-open is installed; false
// when it is not. Does not wait for the program.
bool open_on_desktop(const std::string& path);

}  // namespace crossmatch::client
