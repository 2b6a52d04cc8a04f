// A client's connection to the hub, for the GUI and for tools: its own asio thread connects,
// says hello, catches up, sends the operations the user makes (kept in an outbox until the hub
// answers), and reconnects with exponential back-off and jitter. Everything received goes into
// an inbox that the UI thread drains once per frame.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/error.hpp"
#include "core/event/operation.hpp"
#include "core/taxonomy.hpp"
#include "net/messages.hpp"

namespace crossmatch::net {

// Operations made but not yet answered by the hub, kept where a restart of the client finds
// them (the client's local SQLite file; MemoryOutbox for tools that need no restart).
class Outbox {
 public:
  virtual ~Outbox() = default;
  virtual core::Status add(const core::Operation& op) = 0;
  virtual core::Status remove(const std::string& id) = 0;
  // In the order they were added.
  virtual core::Result<std::vector<core::Operation>> pending() = 0;
};

class MemoryOutbox final : public Outbox {
 public:
  core::Status add(const core::Operation& op) override;
  core::Status remove(const std::string& id) override;
  core::Result<std::vector<core::Operation>> pending() override;

 private:
  std::mutex mutex_;
  std::vector<core::Operation> ops_;
};

// Whether a closing error with this code ends the client's attempts (a wrong token, another
// protocol, an erased person): the others (the hub full, busy, shutting down) say "try again".
bool gives_up_on(const std::string& error_code);

struct ClientOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 0;
  std::string join_code;  // a newcomer's join code as typed (with the hub's pin), or ...
  std::string token;      // ... the token the hub gave (replaces the code once registered)
  // A kiosk (`token` a helper's or the organiser's): the badge's check-in code of the participant
  // it signs in as.
  std::string check_in_code;
  // TLS 1.3 (the default) accepts only the hub whose certificate `pin` names: its SHA-256
  // fingerprint (64 hex digits) or the short pin (net/tls_identity.hpp); empty: the pin at the
  // end of `join_code`. `insecure`: plain TCP, no check.
  bool insecure = false;
  std::string pin;
  // `pin` was remembered from an earlier connection rather than typed: a certificate that does
  // not match it has changed since, and `forget_hint` tells the user how to forget the pin.
  bool pin_remembered = false;
  std::string forget_hint;
  // The last sequence number the local replica holds; none: ask for a snapshot.
  std::optional<std::uint64_t> after;
  // Without a replica: the last operation whose notices the person saw in an earlier run, so that
  // the snapshot comes with what they missed since (with a replica, its last sequence number).
  std::optional<std::uint64_t> notices_after;
  CatchUp catch_up = CatchUp::Replica;
  std::string client_name = "crossmatch 0.1.0";
  // Ask the hub to send snapshots and long catch-ups as zstd frames (docs/protocol.md,
  // "Compression"); off: plain lines only.
  bool compress = true;
  double backoff_initial_seconds = 0.5;
  double backoff_max_seconds = 30;
  double ping_seconds = 20;   // a ping after this long without sending
  double dead_seconds = 60;   // the hub is given up after this long without a line
  double resend_seconds = 2;  // a transient refusal (rate limit, shutdown) is retried after this
};

enum class ConnectionState {
  Connecting,    // opening the connection or waiting for the welcome
  CatchingUp,    // welcomed; receiving what happened meanwhile
  Online,        // caught up: live
  Reconnecting,  // lost; trying again after a back-off
  Offline,       // stopped, or refused for good (wrong token, other protocol)
};
const char* to_string(ConnectionState state);

// [SECTION] What the UI drains

struct StateChanged {
  ConnectionState state = ConnectionState::Connecting;
  std::string reason;           // why (for Reconnecting and Offline)
  double retry_in_seconds = 0;  // for Reconnecting
};

// The hub acknowledged a pending operation.
struct OperationDone {
  std::string id;
  std::uint64_t seq = 0;
  bool duplicate = false;
};

// The hub refused a pending operation for good: show it to the user with the reason.
struct OperationRefused {
  core::Operation op;
  core::Error error;
};

// A newcomer's registration was acknowledged: keep this token for later (it is shown once).
struct TokenIssued {
  core::ParticipantId participant = 0;
  std::string token;
};

// The hub refused the connection or reported a problem with it.
struct HubError {
  core::Error error;
  bool fatal = false;  // the connection will not be retried
};

using ClientEvent = std::variant<StateChanged, Welcome, Snapshot, Applied, CaughtUp, Pong,
                                 OperationDone, OperationRefused, TokenIssued, Teams, Notice,
                                 HubError, Missed, RegisteredFrom, SchedulePlanned>;

class ClientConnection {
 public:
  // The outbox must outlive the connection. Pending operations in it are sent on connecting.
  ClientConnection(const core::Taxonomy& taxonomy, ClientOptions options, Outbox& outbox);
  ~ClientConnection();
  ClientConnection(const ClientConnection&) = delete;
  ClientConnection& operator=(const ClientConnection&) = delete;

  // Starts the connection's thread. Fails only when the outbox cannot be read.
  core::Status start();
  // Closes the connection and joins the thread (pending operations stay in the outbox).
  void stop();

  // From any thread: keeps `op` in the outbox, then sends it when online. An empty id gets a
  // fresh random one. Returns the id.
  core::Result<std::string> submit(core::Operation op);
  // From any thread: sends a request that is not an operation (PlanSchedule, StopPlan) if the
  // connection is online when its thread gets to it; it is not kept for later.
  void request(ClientMessage message);

  // From the UI thread, once per frame: everything received since the last call, in order.
  std::vector<ClientEvent> drain();
  // Called on the connection's thread whenever the inbox gets something (to wake a UI loop).
  void set_wakeup(std::function<void()> wakeup);

  ConnectionState state() const;
  std::size_t pending() const;              // operations made and not yet answered
  std::uint64_t last_seq() const;           // the last sequence number delivered to the inbox
  std::string token() const;                // the token in use (after registering: the new one)
  core::ParticipantId participant() const;  // who this connection is, once welcomed
  // The SHA-256 fingerprint of the certificate the hub showed (TLS; hex), once connected: the
  // pin to remember for this hub.
  std::string hub_fingerprint() const;
  // Bytes read from the hub over every attempt so far (after TLS; frames as they came).
  std::uint64_t bytes_received() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// A fresh operation id: "c-" and 32 random hex digits.
std::string make_operation_id();

}  // namespace crossmatch::net
