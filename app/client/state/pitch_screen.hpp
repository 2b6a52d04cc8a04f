// The pitching screen's model: the pitching session on show, its board (who pitches now, time
// left, who is next) and follow-ups at this frame's clock, the organiser's draft of the order,
// the pitcher's choice of whom to follow up, and the operations the screen's buttons make.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/client/state/client_session.hpp"
#include "app/client/state/confirmation.hpp"
#include "core/event/pitch_board.hpp"

namespace crossmatch::client {

class PitchScreen {
 public:
  // Follows the state: the pitching sessions, the one on show (the first one running, unless
  // chosen), its board at `now_ms` and its follow-ups; the order draft is loaded from the state
  // while the session has not started.
  void refresh(const ClientSession& session, std::int64_t now_ms);

  const std::vector<core::SessionId>& sessions() const { return sessions_; }
  core::SessionId session() const { return session_; }
  void choose(core::SessionId session);

  // None until the organiser sets the order (or when there is no pitching session).
  const std::optional<core::PitchBoard>& board() const { return board_; }
  const std::vector<core::PitchFollowUp>& follow_ups() const { return follow_ups_; }
  // The session's pitches in order (empty before the order is set).
  const std::vector<core::Pitch>& pitches() const { return pitches_; }
  bool started() const { return board_ && board_->status != core::PitchStatus::NotStarted; }
  bool finished() const { return board_ && board_->status == core::PitchStatus::Finished; }
  // A pitch runs or is paused.
  bool live() const {
    return board_ && (board_->status == core::PitchStatus::Pitching ||
                      board_->status == core::PitchStatus::Paused);
  }

  // [SECTION] The organiser's order draft
  const std::vector<core::PitchSlot>& order() const { return order_; }
  int minutes = 5;             // for the next company added
  std::string company_search;  // filters the companies that can be added
  // Active companies not in the draft, matching company_search, by name.
  std::vector<core::ParticipantId> candidates(const ClientSession& session) const;
  void add(core::ParticipantId pitcher);
  void remove(std::size_t index);
  void move(std::size_t index, int by);  // -1 earlier, +1 later
  void set_minutes(std::size_t index, int minutes);
  // Differs from the order stored in the state.
  bool order_changed() const { return order_ != stored_order_; }
  core::SetPitchOrder order_operation() const { return {session_, order_}; }
  core::ControlPitch control(core::PitchAction action) const { return {session_, action}; }

  // [SECTION] The organiser's controls that change what is to come
  // The company a skip drops now: the one pitching, or between pitches the next to come; 0 when
  // none is left.
  core::ParticipantId skip_target() const;
  // What Undo of that skip sends: the pitch re-opened, in its place in the order.
  UndoOffer skip_undo(const ClientSession& session) const;
  // Ending the session asks first: the pitch running counts as given, and every company still to
  // come is named, as they will not pitch.
  Confirmation finish_confirmation(const ClientSession& session) const;

  // [SECTION] A participant during a pitch
  // `me` tapped "interested" in the pitch running now.
  bool interested(core::ParticipantId me) const;
  core::MarkInterested interest_operation(core::ParticipantId me) const;

  // [SECTION] A pitcher after their pitch
  // The follow-up of `me`'s pitch, when they pitched and it is over.
  const core::PitchFollowUp* my_follow_up(core::ParticipantId me) const;
  // Whom the pitcher will request (all requestable ones are picked at first).
  bool picked(core::ParticipantId who) const { return !unpicked_.count(who); }
  void toggle_pick(core::ParticipantId who);
  std::string follow_up_message = "Thank you for your interest in our pitch. Shall we meet?";
  // The meeting requests to the picked, not yet sent from this screen; an error says why not.
  core::Result<std::vector<core::Operation>> follow_up_operations(
      const ClientSession& session) const;
  // Remembers them as sent, so that they are not offered again before the hub answers.
  void mark_sent(const std::vector<core::Operation>& ops);
  bool sent(core::ParticipantId who) const { return sent_.count({session_, who}) > 0; }

 private:
  std::vector<core::SessionId> sessions_;
  core::SessionId session_ = 0;
  bool chosen_ = false;  // by the person, not the default
  std::optional<core::PitchBoard> board_;
  std::vector<core::PitchFollowUp> follow_ups_;
  std::vector<core::Pitch> pitches_;
  std::vector<core::PitchSlot> order_, stored_order_;
  core::SessionId order_for_ = 0;
  std::uint64_t order_version_ = 0;
  std::set<core::ParticipantId> unpicked_;
  std::set<std::pair<core::SessionId, core::ParticipantId>> sent_;
};

}  // namespace crossmatch::client
