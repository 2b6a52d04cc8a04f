// Who may open a connection to the hub: the cap on connections, the part of it kept for people
// who have signed in, and how many connections from one address may be signing in at once (the
// TLS handshake, the hello and the token check still under way); and whether the hub is near its
// cap, when a silent connection gets less time to say hello. Internal to the hub server; on the
// network thread.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

#include "net/hub_connection.hpp"
#include "net/hub_server.hpp"

namespace crossmatch::net {

class HubAdmission {
 public:
  explicit HubAdmission(const HubOptions& options) : options_(options) {}

  // The refusal for a new connection (and the reason for the log), or nothing: it is admitted
  // and counted as signing in until signed_in() or closing().
  struct Refusal {
    ErrorMessage error;
    std::string reason;
  };
  std::optional<Refusal> admit(HubConnection& c);
  // The connection was welcomed: it counts only against the whole cap from now on.
  void signed_in(HubConnection& c);
  // The connection is closing (or closed): it counts no more; it is gone within the grace.
  void closing(HubConnection& c);

  // Connections that may be signing in at once: the cap less the share kept for those signed in.
  int max_signing_in() const;
  // At three quarters of the cap, or of what may be signing in, the hub is near its cap.
  bool near_cap() const;
  // How long a connection has to shake hands and say hello now.
  int handshake_seconds() const;
  // Whether the hub may take another connection from the system's queue: fewer than
  // max_handshakes are signing in.
  bool may_accept() const { return signing_in_ < options_.max_handshakes; }
  // Called whenever a connection stops signing in (welcomed or closing).
  void set_room_listener(std::function<void()> listener) { room_listener_ = std::move(listener); }
  int open() const { return open_; }
  int signing_in() const { return signing_in_; }

 private:
  const HubOptions& options_;
  int open_ = 0;                                          // admitted and not closing
  int signing_in_ = 0;                                    // ... and not yet welcomed
  std::unordered_map<std::string, int> signing_in_from_;  // by address
  std::function<void()> room_listener_;
};

}  // namespace crossmatch::net
