// One client's connection to the hub: reads lines (bounded), writes with one write in flight,
// streams large backlogs (snapshots) as the socket drains, and closes with a reason. The hub's
// logic lives in HubServer and its parts (net/hub_*.hpp); this is the socket side. Internal to
// net/: includes asio.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "net/byte_stream.hpp"
#include "net/line_splitter.hpp"
#include "net/messages.hpp"
#include "net/operation_lines.hpp"

namespace crossmatch::net {

class HubConnection;
using Line = std::shared_ptr<const std::string>;  // one line with its newline, shared by readers

Line make_line(std::string text);  // appends the newline

// What the connection tells the hub's logic, on the network thread.
class HubConnectionOwner {
 public:
  virtual ~HubConnectionOwner() = default;
  virtual void on_line(const std::shared_ptr<HubConnection>& connection, std::string line) = 0;
  // The line was longer than the connection's limit; the connection stays paused.
  virtual void on_line_too_long(const std::shared_ptr<HubConnection>& connection) = 0;
  // The connection has begun to close (it is gone within the hub's grace): it no longer counts
  // against the hub's limits on connections.
  virtual void on_closing(HubConnection& connection) = 0;
  // The write queue has drained below the low-water mark (time to send more catch-up).
  virtual void on_drained(const std::shared_ptr<HubConnection>& connection) = 0;
  virtual void on_closed(const std::shared_ptr<HubConnection>& connection) = 0;
};

// A token bucket: `rate` lines a second, up to `burst` at once.
class RateLimiter {
 public:
  RateLimiter(double rate, double burst) : rate_(rate), burst_(burst), tokens_(burst) {}
  bool take(std::chrono::steady_clock::time_point now);
  void set(double rate, double burst) {
    rate_ = rate;
    burst_ = burst;
    tokens_ = std::min(tokens_, burst);
  }

 private:
  double rate_, burst_, tokens_;
  std::optional<std::chrono::steady_clock::time_point> last_;
};

class HubConnection : public std::enable_shared_from_this<HubConnection> {
 public:
  using Clock = std::chrono::steady_clock;
  enum class Phase { AwaitingHello, Authenticating, Ready, Closing };
  enum class Sync { None, Snapshot, CatchingUp, Live };
  // How the connection counts against the hub's cap (net/hub_admission.hpp).
  enum class Admission { NotAdmitted, SigningIn, SignedIn, Left };

  HubConnection(std::unique_ptr<ByteStream> stream, std::uint64_t id, HubConnectionOwner& owner,
                std::size_t max_line_bytes, std::size_t max_unsent_bytes, RateLimiter limiter);

  void start();
  // Queues a line (behind any backlog). A client whose unsent bytes pass the bound is closed.
  void send(const Line& line);
  void send(std::string text) { send(make_line(std::move(text))); }
  // While corked, send() only queues; uncork() writes everything queued at once. The hub corks
  // the connections it sends a group of durable operations to, so that each gets one write for
  // the group instead of one per line.
  void cork() { corked_ = true; }
  void uncork();
  bool corked() const { return corked_; }
  // Queues a line that may wait until release() or the next send(): the hub holds other
  // people's operations for a few milliseconds, so that a busy hub writes each client once per
  // interval instead of once per group; the client's own replies are never held.
  void send_held(const Line& line);
  void release();
  bool held() const { return held_; }
  // Lines to stream as the socket drains (a snapshot); they do not count against the bound.
  void send_backlog(std::vector<Line> lines);
  // Sends the error (when it can) and closes once it is written, or after a short grace.
  void close_with(const ErrorMessage& error, const std::string& reason);
  // Closes at once.
  void close_now(const std::string& reason);
  void pause_reading() { paused_ = true; }
  void resume_reading();
  // While the hub is busy with one of this client's lines elsewhere (reading a long line on the
  // parser's thread, looking up a token on the storage thread), the lines after it wait here, in
  // order, and nothing more is read. Calls nest: lines flow again once each await has its resume.
  void await_lines() { ++awaiting_; }
  void resume_lines();

  std::uint64_t id() const { return id_; }
  const std::string& peer() const { return peer_; }
  const std::string& close_reason() const { return close_reason_; }
  bool open() const { return !closed_; }
  std::size_t unsent_bytes() const { return queued_bytes_ + backlog_live_bytes_; }
  bool backlog_empty() const { return backlog_.empty(); }
  Clock::time_point connected_at() const { return connected_at_; }
  Clock::time_point last_received() const { return last_received_; }
  // When the write under way started, or nothing when none is.
  std::optional<Clock::time_point> write_started() const;
  bool closing() const { return closing_; }
  Clock::time_point closing_since() const { return closing_since_; }
  void set_max_line_bytes(std::size_t bytes) { splitter_.set_max(bytes); }

  // The hub's view of this client, kept here for the hub's logic.
  std::string address;  // the peer's address as the hub's per-address limits count it
  Admission admission = Admission::NotAdmitted;
  Phase phase = Phase::AwaitingHello;
  Sync sync = Sync::None;
  core::Viewer viewer;
  bool kiosk = false;              // a participant at a kiosk, signed in by their check-in code
  bool compress = false;           // the hello asked for zstd frames (docs/protocol.md)
  std::uint64_t sent_seq = 0;      // everything up to here has been queued for the client
  std::uint64_t snapshot_seq = 0;  // a snapshot waiting for durability
  bool read_in_flight = false;     // a catch-up read from the store is under way
  // The person's notices the hello asked for (after this sequence number), and how far the ones
  // a snapshot holds have been sent: up to missed_to, the snapshot's sequence number.
  std::optional<std::uint64_t> notices_after;
  std::uint64_t missed_sent = 0, missed_to = 0;
  RateLimiter limiter;
  int rate_refusals = 0;  // in a row
  bool rate_logged = false;
  std::string client_name;

 private:
  void read();
  // Hands the waiting lines to the owner, in order, until one makes the hub wait; then reads on.
  void deliver();
  void enqueue(const Line& line);
  void write();
  void finish_close();
  void linger();
  void discard();
  void fill_from_backlog();
  void tell_closing();

  std::unique_ptr<ByteStream> stream_;
  std::uint64_t id_;
  HubConnectionOwner& owner_;
  std::string peer_;
  LineSplitter splitter_;
  std::size_t max_unsent_;
  std::deque<std::string> lines_;  // read, not yet handed to the owner
  bool line_too_long_ = false;     // after lines_: the line that passed the limit
  int awaiting_ = 0;
  std::deque<Line> queue_;
  Clock::time_point write_started_;
  Clock::time_point closing_since_;
  std::size_t queued_bytes_ = 0;
  std::deque<std::pair<Line, bool>> backlog_;  // (line, counts against the bound)
  std::size_t backlog_live_bytes_ = 0;
  std::vector<Line> writing_;
  std::vector<asio::const_buffer> buffers_;
  bool write_in_flight_ = false;
  bool corked_ = false;
  bool held_ = false;
  bool paused_ = false;
  bool reading_ = false;
  bool closing_ = false;
  bool lingering_ = false;  // the last line is out: reading and dropping until the client closes
  bool closed_ = false;
  bool closing_told_ = false;
  std::string close_reason_;
  Clock::time_point connected_at_ = Clock::now();
  Clock::time_point last_received_ = Clock::now();
};

}  // namespace crossmatch::net
