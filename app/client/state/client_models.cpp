#include "app/client/state/client_models.hpp"

namespace crossmatch::client {

bool ClientModels::submit(core::OperationPayload payload, const std::string& done_message) {
  auto id = session.submit(std::move(payload));
  last_action_failed = !id.ok();
  last_action = id.ok() ? done_message : id.error().message;
  return id.ok();
}

}  // namespace crossmatch::client
