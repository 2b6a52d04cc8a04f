// One simulated participant of the load generator. It speaks to the hub through net's client
// code: a HubLink on its shard's thread (no thread of its own: thousands share two), the wire
// codec to encode what it sends and to read every line the hub sends as a typed message (the
// heads of operations, net/wire_head.cpp). It joins with the event's code, registers, and keeps
// the meetings asked of it and those it asked for; what to do and when is its shard's.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/event/operation.hpp"
#include "net/hub_link.hpp"

namespace crossmatch::tools {

class SimulatedClient;

// What a simulated client tells the one that runs it; called on the client's io_context thread.
class ClientHost {
 public:
  virtual ~ClientHost() = default;
  // The profile client `index` registers with.
  virtual core::Profile profile_for(int index) = 0;
  virtual void client_ready(SimulatedClient& client) = 0;
  // Before it was ready: it could not connect, or its registration was refused.
  virtual void client_failed(SimulatedClient& client, const std::string& why) = 0;
  // A ready client's connection ended, or the hub sent a line it cannot read or an error.
  virtual void client_error(SimulatedClient& client, const std::string& what) = 0;
  // Bytes arrived: the lines that follow arrived at `at`.
  virtual void lines_read(std::chrono::steady_clock::time_point at) = 0;
  // An operation the client received (its line was `line_bytes` long).
  virtual void operation_received(SimulatedClient& client, const net::AppliedHead& head,
                                  std::size_t line_bytes) = 0;
  virtual void acknowledged(const std::string& id, std::uint64_t seq) = 0;
  virtual void refused(const std::string& id, const core::Error& error) = 0;
  virtual void ponged() = 0;
  // The client caught up for the first time, after `bytes` read from the connection.
  virtual void first_sync(std::uint64_t bytes) { (void)bytes; }
  // Its connection opened; closed (after it opened).
  virtual void connection_opened() {}
  virtual void connection_closed() {}
};

class SimulatedClient final : private net::HubLink::Listener {
 public:
  SimulatedClient(int index, ClientHost& host) : index_(index), host_(host) {}
  ~SimulatedClient() override;
  SimulatedClient(const SimulatedClient&) = delete;
  SimulatedClient& operator=(const SimulatedClient&) = delete;

  // Connects and says hello with the event's `code` (without its pin): live (no past operations)
  // or with a snapshot; asking for zstd frames or not.
  void connect(asio::io_context& io, const net::HubTarget& target, const std::string& code,
               bool snapshot = false, bool compress = true);
  // Sends `op`, giving it an id of this client's; returns the id.
  std::string submit(core::Operation op);
  void ping();

  int index() const { return index_; }
  core::ParticipantId participant() const { return participant_; }
  const core::Profile& profile() const { return profile_; }
  bool ready() const { return ready_ && !failed_; }  // registered and connected
  bool failed() const { return failed_; }

  // Requests awaiting this client's answer; its own open requests. The shard takes from them.
  std::vector<core::MeetingId>& incoming() { return incoming_; }
  std::vector<core::MeetingId>& outgoing() { return outgoing_; }
  int next_edit() { return ++edits_; }

 private:
  void link_opened(const std::string& fingerprint) override;
  void link_read() override;
  void link_line(std::string_view line) override;
  void link_ended(const net::LinkEnd& end) override;
  void on_operation(const net::AppliedHead& head, std::size_t line_bytes);
  void register_once();
  void fail(const std::string& why);

  int index_;
  ClientHost& host_;
  std::shared_ptr<net::HubLink> link_;
  core::ParticipantId participant_ = 0;
  core::Profile profile_;
  std::string register_id_;
  bool open_ = false;
  bool synced_ = false;
  bool ready_ = false;
  bool failed_ = false;
  std::vector<core::MeetingId> incoming_, outgoing_;
  int edits_ = 0;
  std::uint64_t submitted_ = 0;
};

}  // namespace crossmatch::tools
