#include "app/client/state/pitch_screen.hpp"

#include <algorithm>
#include <cctype>

#include "app/client/state/person_summary.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::client {

using core::format_text;
using core::tr;

namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool running(const core::PitchSession& ps) {
  return ps.status == core::PitchStatus::Pitching || ps.status == core::PitchStatus::Paused ||
         ps.status == core::PitchStatus::Between;
}

// "Acme Lda (Ana Silva)", or the name alone for a company without an organisation.
std::string company_name(const ClientSession& session, core::ParticipantId id) {
  const PersonSummary p = person_summary(session, id);
  return p.organisation.empty() ? p.name : p.organisation + " (" + p.name + ")";
}

}  // namespace

void PitchScreen::refresh(const ClientSession& session, std::int64_t now_ms) {
  const core::EventState& state = session.state();
  sessions_.clear();
  for (const auto& [id, s] : state.sessions) {
    if (s.kind == core::SessionKind::Pitching) sessions_.push_back(id);
  }
  if (std::find(sessions_.begin(), sessions_.end(), session_) == sessions_.end()) {
    session_ = 0;
    chosen_ = false;
  }
  if (!chosen_) {
    // The one running now, else the first.
    core::SessionId pick = sessions_.empty() ? 0 : sessions_.front();
    for (const core::SessionId id : sessions_) {
      const auto it = state.pitching.find(id);
      if (it != state.pitching.end() && running(it->second)) {
        pick = id;
        break;
      }
    }
    session_ = pick;
  }

  board_.reset();
  follow_ups_.clear();
  pitches_.clear();
  std::vector<core::PitchSlot> stored;
  const auto ps = state.pitching.find(session_);
  if (ps != state.pitching.end()) {
    pitches_ = ps->second.pitches;
    for (const core::Pitch& p : pitches_) stored.push_back({p.pitcher, p.minutes});
    if (auto board = core::pitch_board(state, session_, now_ms)) board_ = std::move(*board);
    if (auto follow = core::pitch_follow_ups(state, session_)) follow_ups_ = std::move(*follow);
  }
  // The draft follows the state unless the organiser has edited it; once started it is the
  // state's order.
  if (order_for_ != session_ || started() || (stored != stored_order_ && order_ == stored_order_)) {
    order_ = stored;
  }
  order_for_ = session_;
  stored_order_ = std::move(stored);
  // Sent follow-ups are forgotten once the state knows of them.
  for (auto it = sent_.begin(); it != sent_.end();) {
    bool still = false;
    for (const core::PitchFollowUp& f : follow_ups_) {
      if (it->first == session_ &&
          std::find(f.requestable.begin(), f.requestable.end(), it->second) != f.requestable.end())
        still = true;
    }
    it = still || it->first != session_ ? std::next(it) : sent_.erase(it);
  }
}

void PitchScreen::choose(core::SessionId session) {
  if (session == session_) return;
  session_ = session;
  chosen_ = true;
  unpicked_.clear();
}

std::vector<core::ParticipantId> PitchScreen::candidates(const ClientSession& session) const {
  std::vector<core::ParticipantId> out;
  const std::string needle = lower(company_search);
  for (const auto& [id, p] : session.state().participants) {
    if (!p.active() || p.profile.type != core::ParticipantType::Company) continue;
    if (std::any_of(order_.begin(), order_.end(),
                    [&](const core::PitchSlot& s) { return s.pitcher == id; }))
      continue;
    if (!needle.empty() &&
        lower(p.profile.display_name + " " + p.profile.organisation).find(needle) ==
            std::string::npos)
      continue;
    out.push_back(id);
  }
  const auto& people = session.state().participants;
  std::stable_sort(out.begin(), out.end(), [&](core::ParticipantId a, core::ParticipantId b) {
    return people.at(a).profile.organisation < people.at(b).profile.organisation;
  });
  return out;
}

void PitchScreen::add(core::ParticipantId pitcher) {
  if (std::any_of(order_.begin(), order_.end(),
                  [&](const core::PitchSlot& s) { return s.pitcher == pitcher; }))
    return;
  order_.push_back({pitcher, std::clamp(minutes, 1, core::kMaxPitchMinutes)});
}

void PitchScreen::remove(std::size_t index) {
  if (index < order_.size()) order_.erase(order_.begin() + static_cast<std::ptrdiff_t>(index));
}

void PitchScreen::move(std::size_t index, int by) {
  const long to = static_cast<long>(index) + by;
  if (index >= order_.size() || to < 0 || to >= static_cast<long>(order_.size())) return;
  std::swap(order_[index], order_[static_cast<std::size_t>(to)]);
}

void PitchScreen::set_minutes(std::size_t index, int value) {
  if (index < order_.size()) order_[index].minutes = std::clamp(value, 1, core::kMaxPitchMinutes);
}

core::ParticipantId PitchScreen::skip_target() const {
  if (!board_ || board_->status == core::PitchStatus::Finished) return 0;
  if (board_->current >= 0 && board_->current < static_cast<int>(pitches_.size()))
    return pitches_[static_cast<std::size_t>(board_->current)].pitcher;
  // As core skips between pitches: the first pitch still to come.
  for (const core::Pitch& p : pitches_) {
    if (p.outcome == core::PitchOutcome::Pending) return p.pitcher;
  }
  return 0;
}

UndoOffer PitchScreen::skip_undo(const ClientSession& session) const {
  const core::ParticipantId pitcher = skip_target();
  const std::string name = company_name(session, pitcher);
  UndoOffer undo;
  // TRANSLATORS: undoes skipping a pitch; %s is the company, "Acme Lda (Ana Silva)"
  undo.label = format_text(tr("Re-open the pitch of %s"), name.c_str());
  undo.operations.push_back(core::ReopenPitch{.session = session_, .pitcher = pitcher});
  undo.done_message =
      format_text(tr("Pitch re-opened: %s pitches when their turn comes"), name.c_str());
  return undo;
}

Confirmation PitchScreen::finish_confirmation(const ClientSession& session) const {
  Confirmation c;
  const core::Session* s = session.state().session(session_);
  // TRANSLATORS: stands for the name of a pitching session that is not known
  const std::string name = s != nullptr ? s->name : std::string(tr("the pitching session"));
  c.question = format_text(tr("End the pitching session '%s'?"), name.c_str());
  c.confirm_label = tr("End the session");
  c.done_message = format_text(tr("Pitching session over: %s"), name.c_str());
  c.operations.push_back(control(core::PitchAction::Finish));
  const int current = board_ ? board_->current : -1;
  int never = 0;
  for (int i = 0; i < static_cast<int>(pitches_.size()); ++i) {
    const core::Pitch& p = pitches_[static_cast<std::size_t>(i)];
    if (i == current) {
      c.consequences.push_back(format_text(tr("The pitch of %s ends now and counts as given."),
                                           company_name(session, p.pitcher).c_str()));
    } else if (p.outcome == core::PitchOutcome::Pending) {
      c.consequences.push_back(format_text(tr("%s will never pitch: skipped for good."),
                                           company_name(session, p.pitcher).c_str()));
      ++never;
    }
  }
  if (never == 0) c.consequences.push_back(tr("No company is left to pitch."));
  c.consequences.push_back(
      tr("Every screen shows the session as over; it cannot be started again."));
  return c;
}

bool PitchScreen::interested(core::ParticipantId me) const {
  return live() && std::find(board_->interested.begin(), board_->interested.end(), me) !=
                       board_->interested.end();
}

core::MarkInterested PitchScreen::interest_operation(core::ParticipantId me) const {
  return {session_, board_ ? board_->pitching_now : 0, !interested(me)};
}

const core::PitchFollowUp* PitchScreen::my_follow_up(core::ParticipantId me) const {
  for (const core::PitchFollowUp& f : follow_ups_) {
    if (f.pitcher == me && f.outcome != core::PitchOutcome::Pending) return &f;
  }
  return nullptr;
}

void PitchScreen::toggle_pick(core::ParticipantId who) {
  if (!unpicked_.erase(who)) unpicked_.insert(who);
}

core::Result<std::vector<core::Operation>> PitchScreen::follow_up_operations(
    const ClientSession& session) const {
  const core::PitchFollowUp* mine = my_follow_up(session.me());
  if (mine == nullptr)
    return core::make_error("not_a_pitcher", "pitcher",
                            tr("You have no finished pitch in this session."));
  std::vector<core::ParticipantId> to;
  for (const core::ParticipantId who : mine->requestable) {
    if (picked(who) && !sent(who)) to.push_back(who);
  }
  if (to.empty())
    return core::make_error("nobody", "to", tr("Pick at least one person to send a request to."));
  return core::follow_up_requests(session.state(), session_, session.me(), to, follow_up_message,
                                  "follow-up-" + std::to_string(session_));
}

void PitchScreen::mark_sent(const std::vector<core::Operation>& ops) {
  for (const core::Operation& op : ops) {
    if (const auto* r = std::get_if<core::RequestMeeting>(&op.payload))
      sent_.insert({session_, r->to});
  }
}

}  // namespace crossmatch::client
