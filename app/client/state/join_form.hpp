// The join screen's model: the hub address, the event's join code (newcomers) and a token
// (returning participants, organisers, brokers) in fields of their own, remembered in the config
// (the last hub, the code, the participant's token once issued, and each hub's certificate pin
// once connected), and the messages that explain why joining did not work: a bad address, an
// unreachable hub, a wrong code or token, a certificate that is not the hub's, another protocol
// version.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/client/state/client_config.hpp"
#include "app/client/state/client_session.hpp"

namespace crossmatch::client {

// What a join attempt signs in with.
enum class Credential { Code, Token };

class JoinForm {
 public:
  std::string hub;          // "HOST:PORT"
  std::string code;         // the event's join code as typed, with the hub's pin
  std::string token;        // a participant's, the organiser's or a broker's token
  std::string pin;          // the hub's pin, for a token on a first visit
  bool show_token = false;  // the token is masked unless the person asks to see it
  bool insecure = false;    // plain TCP (a hub run with --insecure)
  // The token came from the config: this app has been signed in here before.
  bool remembered_token = false;

  // The config key that remembers the certificate of the hub at "HOST:PORT".
  static std::string pin_key(const std::string& hub);

  // Fills the fields from what was remembered.
  void load(const ClientConfig& config);
  // Checks the fields and starts connecting with the code or the token; false with a message
  // when they are wrong. The pin typed for a token never overrides the pin a join code carries.
  bool join(Credential by, ClientSession& session, ClientConfig* config);
  // The message to show now: the form's own, or the connection's (refused, unreachable).
  std::string message(const ClientSession& session) const;
  bool waiting(const ClientSession& session) const;  // connecting and no answer yet
  // Remembers the hub and the code or token once the hub let this app in, a token the hub issued
  // to this newcomer, and the certificate of a hub joined for the first time (call each frame).
  void remember_token(ClientSession& session, ClientConfig* config);

 private:
  // The pin that checks the hub, or false with problem_ set.
  bool choose_pin(Credential by, const std::string& value, const ClientConfig* config,
                  net::ClientOptions& options);

  std::string problem_;
  std::string hub_key_;  // "HOST:PORT" of the hub joined
  // The hub and the code or token of the attempt under way, saved once the hub accepts them.
  std::vector<std::pair<std::string, std::string>> to_remember_;
  bool started_ = false;
};

}  // namespace crossmatch::client
