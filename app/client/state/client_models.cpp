#include "app/client/state/client_models.hpp"

namespace crossmatch::client {

bool ClientModels::submit(core::OperationPayload payload, const std::string& done_message) {
  auto id = session.submit(std::move(payload));
  last_action_failed = !id.ok();
  last_action = id.ok() ? done_message : id.error().message;
  return id.ok();
}

bool ClientModels::report(const core::Status& status, const std::string& done_message) {
  last_action_failed = !status.ok();
  last_action = status.ok() ? done_message : status.error().message;
  return status.ok();
}

bool ClientModels::report_saved(const core::Result<std::string>& path,
                                const std::string& done_prefix) {
  if (!path) return report(path.error(), "");
  return report(core::Status::success(), done_prefix + " " + *path);
}

}  // namespace crossmatch::client
