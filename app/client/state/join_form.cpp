#include "app/client/state/join_form.hpp"

#include "app/common/host_port.hpp"
#include "net/tls_identity.hpp"

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

std::string JoinForm::pin_key(const std::string& hub) {
  return "pin." + hub;
}

bool JoinForm::join(ClientSession& session, ClientConfig* config) {
  problem_.clear();
  auto address = app::parse_host_port(hub);
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
  options.insecure = insecure;
  hub_key_ = address->host + ":" + std::to_string(address->port);
  if (!insecure) {
    // A pin remembered from an earlier connection outranks one typed now: a hub whose
    // certificate changed is refused until the user forgets the old pin on purpose.
    const std::string remembered =
        config != nullptr ? config->get(pin_key(hub_key_)) : std::string();
    if (!remembered.empty()) {
      options.pin = remembered;
      options.pin_remembered = true;
      options.forget_hint = "remove the line '" + pin_key(hub_key_) + "=...' from " +
                            (config->folder() / "client.conf").string();
    } else if (!pin.empty()) {
      options.pin = pin;
    } else if (use_token || net::split_join_code(value).pin.empty()) {
      problem_ =
          use_token
              ? "This app has not joined the hub at " + hub_key_ +
                    " before: enter the hub's pin (the organiser has it), or join with the event's "
                    "whole join code first."
              : "This join code has no pin of the hub's certificate (its last three groups): type "
                "the whole code you were given.";
      return false;
    }
  }
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
  if (link.status == LinkStatus::Reconnecting)
    return "Cannot reach the hub at " + hub + ": " + link.reason;
  if (link.status == LinkStatus::Offline && !link.reason.empty()) return link.reason;
  return {};
}

bool JoinForm::waiting(const ClientSession& session) const {
  return started_ && !session.joined() && !session.fatal_error() &&
         session.link().status == LinkStatus::Connecting;
}

void JoinForm::remember_token(ClientSession& session, ClientConfig* config) {
  if (config != nullptr && started_ && !insecure && !hub_key_.empty()) {
    const std::string seen = session.hub_fingerprint();
    if (!seen.empty() && config->get(pin_key(hub_key_)).empty()) {
      config->set(pin_key(hub_key_), seen);
      (void)config->save();
    }
  }
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
