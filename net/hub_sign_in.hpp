// Sign-in: a connection's hello (the protocol version, a join code or a token checked against
// the log's credentials), the welcome with the limits that apply to it, the tokens newcomers get
// when they register, and a fresh token for a registration sent again. Internal to the hub
// server; on the network thread.
#pragma once

#include <cstdint>
#include <string>

#include "net/hub_catch_up.hpp"
#include "net/hub_context.hpp"

namespace crossmatch::net {

// A fresh token for participant `p`, and the credential (the token's hash) the log stores.
struct IssuedToken {
  std::string token;
  HubCredential credential;
};
IssuedToken issue_token(core::ParticipantId p);

class HubSignIn {
 public:
  // Lines that arrive while a token is being checked wait in the connection until the client
  // is in (HubConnection::await_lines).
  HubSignIn(HubContext& hub, HubCatchUp& catch_up) : hub_(hub), catch_up_(catch_up) {}

  void hello(const ConnectionPtr& c, Hello h);
  // A newcomer sent the registration it made before (sequence `seq`, durable) again: its
  // acknowledgement and token were lost.
  // Only a resend carrying the secret the registration was claimed with gets a token.
  void resent_registration(const ConnectionPtr& c, const std::string& id, std::uint64_t seq,
                           const std::string& claim);

 private:
  // A kiosk's hello: the participant whose check-in code it carries, if the token is a helper's
  // or the organiser's.
  void kiosk(const ConnectionPtr& c, const HubCredential& credential, const Hello& h);
  void welcome(const ConnectionPtr& c, const core::Viewer& viewer, const Hello& h);

  HubContext& hub_;
  HubCatchUp& catch_up_;
};

}  // namespace crossmatch::net
