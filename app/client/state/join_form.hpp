// The join screen's model: the hub address and a join code or token as typed, remembered in the
// config (the last hub, the participant's token once issued, and each hub's certificate pin once
// connected), and the messages that explain why joining did not work: a bad address, an
// unreachable hub, a wrong code or token, a certificate that is not the hub's, another protocol
// version.
#pragma once

#include <optional>
#include <string>

#include "app/client/state/client_config.hpp"
#include "app/client/state/client_session.hpp"

namespace crossmatch::client {

class JoinForm {
 public:
  std::string hub;  // "HOST:PORT"
  std::string code_or_token;
  bool use_token = false;  // what code_or_token holds
  std::string pin;         // the hub's pin when neither the code nor the config has it
  bool insecure = false;   // plain TCP (a hub run with --insecure)

  // The config key that remembers the certificate of the hub at "HOST:PORT".
  static std::string pin_key(const std::string& hub);

  // Fills the fields from what was remembered.
  void load(const ClientConfig& config);
  // Checks the fields and starts connecting; false with a message when they are wrong.
  bool join(ClientSession& session, ClientConfig* config);
  // The message to show now: the form's own, or the connection's (refused, unreachable).
  std::string message(const ClientSession& session) const;
  bool waiting(const ClientSession& session) const;  // connecting and no answer yet
  // Remembers a token the hub issued to this newcomer, and the certificate of a hub joined for
  // the first time (call each frame).
  void remember_token(ClientSession& session, ClientConfig* config);

 private:
  std::string problem_;
  std::string hub_key_;  // "HOST:PORT" of the hub joined
  bool started_ = false;
};

}  // namespace crossmatch::client
