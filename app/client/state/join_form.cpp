#include "app/client/state/join_form.hpp"

#include <cctype>

#include "app/common/host_port.hpp"
#include "core/i18n/translation.hpp"
#include "net/tls_identity.hpp"

namespace crossmatch::client {

using core::format_text;
using core::tr;

namespace {

std::string trimmed(std::string value) {
  while (!value.empty() && value.back() == ' ') value.pop_back();
  while (!value.empty() && value.front() == ' ') value.erase(value.begin());
  return value;
}

// The connection's reason without a lead-in the join screen says itself.
std::string without_prefix(const std::string& reason, const std::string& prefix) {
  if (reason.size() < prefix.size()) return reason;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(reason[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i])))
      return reason;
  }
  return reason.substr(prefix.size());
}

}  // namespace

void JoinForm::load(const ClientConfig& config) {
  hub = config.get("hub", "127.0.0.1:7420");
  code = config.get("code");
  token = config.get("token");
  remembered_token = !token.empty();
}

std::string JoinForm::pin_key(const std::string& hub) {
  return "pin." + hub;
}

bool JoinForm::choose_pin(Credential by, const std::string& value, const ClientConfig* config,
                          net::ClientOptions& options) {
  // A pin remembered from an earlier connection outranks one typed now: a hub whose certificate
  // changed is refused until the user forgets the old pin on purpose.
  const std::string remembered = config != nullptr ? config->get(pin_key(hub_key_)) : std::string();
  if (!remembered.empty()) {
    options.pin = remembered;
    options.pin_remembered = true;
    options.forget_hint = "remove the line '" + pin_key(hub_key_) + "=...' from " +
                          (config->folder() / "client.conf").string();
    return true;
  }
  if (by == Credential::Code) {
    // The code carries its own pin; the pin field belongs to the token and is not consulted, so
    // that a pin mistyped there earlier cannot make the right code fail.
    if (!net::split_join_code(value).pin.empty()) return true;
    problem_ =
        tr("This join code has no pin of the hub's certificate (its last three groups): type the "
           "whole code you were given.");
    return false;
  }
  const std::string typed = trimmed(pin);
  if (typed.empty()) {
    // TRANSLATORS: %s is the hub's address, "192.168.1.20:7420"
    problem_ = format_text(tr("This app has not joined the hub at %s before: enter the hub's pin "
                              "(the organiser has it), or join with the event's whole join code "
                              "first."),
                           hub_key_.c_str());
    return false;
  }
  options.pin = typed;
  return true;
}

bool JoinForm::join(Credential by, ClientSession& session, ClientConfig* config) {
  problem_.clear();
  auto address = app::parse_host_port(hub);
  if (!address) {
    problem_ = address.error().message;
    return false;
  }
  const std::string value = trimmed(by == Credential::Token ? token : code);
  if (value.empty()) {
    problem_ =
        by == Credential::Token ? tr("Enter your token.") : tr("Enter the event's join code.");
    return false;
  }
  net::ClientOptions options;
  options.host = address->host;
  options.port = address->port;
  (by == Credential::Token ? options.token : options.join_code) = value;
  options.insecure = insecure;
  hub_key_ = address->host + ":" + std::to_string(address->port);
  if (!insecure && !choose_pin(by, value, config, options)) return false;
  if (core::Status s = session.connect(options); !s) {
    problem_ = s.error().message;
    return false;
  }
  started_ = true;
  // Remembered once the hub lets this app in: a code or token it refuses is not offered again.
  to_remember_ = {{"hub", hub}, {by == Credential::Token ? "token" : "code", value}};
  return true;
}

std::string JoinForm::message(const ClientSession& session) const {
  if (!problem_.empty()) return problem_;
  if (!started_) return {};
  if (const auto& fatal = session.fatal_error()) return fatal->message;
  const LinkSummary link = session.link();
  if (link.status == LinkStatus::Reconnecting) {
    // The connection's reason may already start by saying so (in English, from net/): say it
    // once.
    const std::string reason =
        without_prefix(link.reason, "Cannot reach the hub at " + hub_key_ + ": ");
    // TRANSLATORS: the hub's address, "192.168.1.20:7420", then why it cannot be reached
    return format_text(tr("Cannot reach the hub at %s: %s"), hub_key_.c_str(), reason.c_str());
  }
  if (link.status == LinkStatus::Offline && !link.reason.empty()) return link.reason;
  return {};
}

bool JoinForm::waiting(const ClientSession& session) const {
  return started_ && !session.joined() && !session.fatal_error() &&
         session.link().status == LinkStatus::Connecting;
}

void JoinForm::remember_token(ClientSession& session, ClientConfig* config) {
  if (config != nullptr && !to_remember_.empty() && session.joined()) {
    for (const auto& [key, value] : to_remember_) config->set(key, value);
    to_remember_.clear();
    (void)config->save();
  }
  if (config != nullptr && started_ && !insecure && !hub_key_.empty()) {
    const std::string seen = session.hub_fingerprint();
    if (!seen.empty() && config->get(pin_key(hub_key_)).empty()) {
      config->set(pin_key(hub_key_), seen);
      (void)config->save();
    }
  }
  if (auto issued = session.take_issued_token()) {
    token = *issued;
    if (config != nullptr) {
      config->set("token", *issued);
      (void)config->save();
    }
  }
}

}  // namespace crossmatch::client
