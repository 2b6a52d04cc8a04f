// The join screen's model: the hub address and a join code or token as typed, remembered in the
// config (the last hub, and the participant's token once issued), and the messages that explain
// why joining did not work: a bad address, an unreachable hub, a wrong code or token, another
// protocol version.
#pragma once

#include <optional>
#include <string>

#include "app/client/state/client_config.hpp"
#include "app/client/state/client_session.hpp"

namespace crossmatch::client {

class JoinForm {
 public:
  std::string hub;         // "HOST:PORT"
  std::string code_or_token;
  bool use_token = false;  // what code_or_token holds

  // Fills the fields from what was remembered.
  void load(const ClientConfig& config);
  // Checks the fields and starts connecting; false with a message when they are wrong.
  bool join(ClientSession& session, ClientConfig* config);
  // The message to show now: the form's own, or the connection's (refused, unreachable).
  std::string message(const ClientSession& session) const;
  bool waiting(const ClientSession& session) const;  // connecting and no answer yet
  // Remembers a token the hub issued to this newcomer (call each frame).
  void remember_token(ClientSession& session, ClientConfig* config);

 private:
  std::string problem_;
  bool started_ = false;
};

}  // namespace crossmatch::client
