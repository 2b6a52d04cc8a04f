#include "app/client/state/client_models.hpp"

#include "core/event/operation_catalogue.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::client {

bool ClientModels::submit(core::OperationPayload payload, const std::string& done_message) {
  std::vector<core::OperationPayload> one;
  one.push_back(std::move(payload));
  return submit_all(std::move(one), done_message);
}

bool ClientModels::submit_undoable(core::OperationPayload payload, const std::string& done_message,
                                   UndoOffer offer) {
  const bool sent = submit(std::move(payload), done_message);
  if (sent) pending_undo = std::move(offer);
  return sent;
}

bool ClientModels::submit_all(std::vector<core::OperationPayload> payloads,
                              const std::string& done_message) {
  ActionStatus next;
  next.done_message = done_message;
  // The catalogue's action ("Save the session") in the person's language.
  if (!payloads.empty())
    next.action = core::tr(std::string(core::operation_action(payloads.front())).c_str());
  for (auto& payload : payloads) {
    auto id = session.submit(std::move(payload));
    if (!id) {
      next.state = ActionState::Failed;
      next.reason = id.error().message;
      next.settled_ms = now_ms;
      action = std::move(next);
      return false;
    }
    next.operations.push_back(std::move(*id));
  }
  next.state = ActionState::Pending;
  action = std::move(next);
  undo.reset();  // a new action: the last one's Undo would now undo out of order
  pending_undo.reset();
  return true;
}

void ClientModels::follow(std::int64_t now) {
  now_ms = now;
  if (action.follow(session, now_ms) && pending_undo) {
    if (action.state == ActionState::Done) {
      undo = std::move(pending_undo);
      undo_until_ms = now_ms + kUndoWindowMs;
    }
    pending_undo.reset();
  }
  if (undo && now_ms > undo_until_ms) undo.reset();
}

void ClientModels::show_profile(core::ParticipantId person, core::ParticipantId relative_to) {
  profile_person = person;
  profile_relative_to = relative_to != 0                            ? relative_to
                        : session.role() == core::Role::Participant ? session.me()
                                                                    : 0;
}

void ClientModels::ask(Confirmation confirmation) {
  asking = std::move(confirmation);
}

bool ClientModels::confirm() {
  if (!asking) return false;
  Confirmation c = std::move(*asking);
  asking.reset();
  const bool sent = submit_all(std::move(c.operations), c.done_message);
  if (sent && c.undo) pending_undo = std::move(c.undo);
  return sent;
}

void ClientModels::cancel() {
  asking.reset();
}

bool ClientModels::take_undo() {
  if (!undo) return false;
  UndoOffer offer = std::move(*undo);
  undo.reset();
  return submit_all(std::move(offer.operations), offer.done_message);
}

std::string ClientModels::action_text() const {
  return action.text(session.link().status == LinkStatus::Online);
}

bool ClientModels::report(const core::Status& status, const std::string& done_message) {
  action = ActionStatus{};
  action.state = status.ok() ? ActionState::Done : ActionState::Failed;
  action.done_message = done_message;
  if (!status.ok()) action.reason = status.error().message;
  action.settled_ms = now_ms;
  return status.ok();
}

bool ClientModels::report_saved(const core::Result<std::string>& path, const char* done_message) {
  if (!path) return report(path.error(), "");
  return report(core::Status::success(), core::format_text(done_message, path->c_str()));
}

}  // namespace crossmatch::client
