#include "app/client/state/join_form.hpp"

#include "app/client/state/command_line.hpp"

namespace crossmatch::client {

void JoinForm::load(const ClientConfig& config) {
  hub = config.get("hub", "127.0.0.1:7420");
  const std::string token = config.get("token");
  if (!token.empty()) {
    code_or_token = token;
    use_token = true;
  } else {
    code_or_token = config.get("code");
    use_token = false;
  }
}

bool JoinForm::join(ClientSession& session, ClientConfig* config) {
  problem_.clear();
  auto address = parse_hub_address(hub);
  if (!address) {
    problem_ = address.error().message;
    return false;
  }
  std::string value = code_or_token;
  while (!value.empty() && value.back() == ' ') value.pop_back();
  while (!value.empty() && value.front() == ' ') value.erase(value.begin());
  if (value.empty()) {
    problem_ = use_token ? "Enter your token." : "Enter the event's join code.";
    return false;
  }
  net::ClientOptions options;
  options.host = address->host;
  options.port = address->port;
  (use_token ? options.token : options.join_code) = value;
  if (core::Status s = session.connect(options); !s) {
    problem_ = s.error().message;
    return false;
  }
  started_ = true;
  if (config != nullptr) {
    config->set("hub", hub);
    config->set(use_token ? "token" : "code", value);
    (void)config->save();
  }
  return true;
}

std::string JoinForm::message(const ClientSession& session) const {
  if (!problem_.empty()) return problem_;
  if (!started_) return {};
  if (const auto& fatal = session.fatal_error()) return fatal->message;
  const LinkSummary link = session.link();
  if (link.status == LinkStatus::Reconnecting) return "Cannot reach the hub at " + hub + ": " + link.reason;
  if (link.status == LinkStatus::Offline && !link.reason.empty()) return link.reason;
  return {};
}

bool JoinForm::waiting(const ClientSession& session) const {
  return started_ && !session.joined() && !session.fatal_error() && session.link().status == LinkStatus::Connecting;
}

void JoinForm::remember_token(ClientSession& session, ClientConfig* config) {
  if (auto token = session.take_issued_token()) {
    code_or_token = *token;
    use_token = true;
    if (config != nullptr) {
      config->set("token", *token);
      (void)config->save();
    }
  }
}

}  // namespace crossmatch::client
