// One connection to the hub on the caller's io_context: opens it (TLS 1.3 with the hub's pin
// checked, or plain TCP with --insecure), says hello, hands over the hub's lines one by one (each
// bounded by the protocol's limit) and writes the client's, one write in flight. No thread and no
// reconnecting of its own: ClientConnection adds those for the app, one connection per thread;
// the load generator runs thousands of links on two threads. Internal to net/ and the load
// generator (it includes asio through byte_stream.hpp).
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "net/byte_stream.hpp"
#include "net/messages.hpp"
#include "net/zstd_frame.hpp"

namespace crossmatch::net {

// Where the hub is and how to know it.
struct HubTarget {
  std::string host;
  unsigned short port = 0;
  TlsClient* tls = nullptr;  // none: plain TCP (--insecure)
  std::string pin;           // with TLS: the pin the hub's certificate must match
  // The pin was remembered from an earlier connection: a refusal says the certificate changed,
  // and `forget_hint` tells how to forget the pin.
  bool pin_remembered = false;
  std::string forget_hint;

  std::string where() const { return host + ":" + std::to_string(port); }
};

// How a link ended by itself.
struct LinkEnd {
  std::string reason;  // for the status line and logs: "the hub closed the connection"
  std::optional<core::Error> error;  // what to show beside it (a refused certificate), if anything
  bool fatal = false;                // trying again cannot help (the pin, TLS on one side only)
};

class HubLink : public std::enable_shared_from_this<HubLink> {
 public:
  // Called on the io_context's thread; never after the link ended or was closed.
  class Listener {
   public:
    virtual ~Listener() = default;
    // The connection is open and the hello on its way. `fingerprint`: the hub's certificate
    // (SHA-256, hex; empty over plain TCP).
    virtual void link_opened(const std::string& fingerprint) { (void)fingerprint; }
    // Bytes arrived (before the lines they complete): the hub is alive.
    virtual void link_read() {}
    // One line from the hub, without its newline; the view is valid during the call.
    virtual void link_line(std::string_view line) = 0;
    virtual void link_ended(const LinkEnd& end) = 0;
  };

  // Starts connecting. The listener must outlive the link or close() it first; the target's TLS
  // client must outlive the io_context. When the hello asks for "zstd", the hub's compressed
  // frames are taken apart here and their lines handed over like the others.
  static std::shared_ptr<HubLink> open(asio::io_context& io, const HubTarget& target,
                                       const Hello& hello, Listener& listener);
  ~HubLink();
  HubLink(const HubLink&) = delete;
  HubLink& operator=(const HubLink&) = delete;

  // One line without its newline; dropped unless the link is open.
  void send(std::string line);
  void send(const ClientMessage& message) { send(encode(message)); }
  // Closes the connection; the listener hears nothing more.
  void close();
  bool is_open() const { return stream_ != nullptr && listener_ != nullptr; }
  // Bytes read from the connection so far (after TLS; frames as they came, compressed).
  std::uint64_t bytes_received() const { return bytes_received_; }

  // For the load generator, called before the link opens. Compressed frames are counted and
  // passed over, their lines not handed on:
  void skip_frame_contents() { reader_.skip_frame_contents(); }
  // After each read of n bytes, `pause(n)` says how long to wait before reading on: a client on
  // a slower network than loopback (the hub's writes then wait, as they would).
  using ReadPace = std::function<std::chrono::nanoseconds(std::size_t)>;
  void pace_reads(ReadPace pace) { pace_ = std::move(pace); }

 private:
  HubLink(asio::io_context& io, HubTarget target, Listener& listener, bool frames);
  void connect(std::string hello_line);
  void opened(std::unique_ptr<ByteStream> stream, const std::string& fingerprint,
              std::string hello_line);
  void end(LinkEnd why);
  core::Error pin_refusal(const std::string& seen) const;
  void read();
  void write();

  asio::io_context& io_;
  HubTarget target_;
  Listener* listener_;  // none once closed or ended
  std::unique_ptr<ByteStream> stream_;
  HubLineReader reader_;
  std::uint64_t bytes_received_ = 0;
  std::vector<char> read_buffer_;
  ReadPace pace_;
  std::unique_ptr<asio::steady_timer> pause_;
  std::deque<std::string> queue_;
  std::vector<std::string> batch_;
  std::vector<asio::const_buffer> buffers_;
  bool writing_ = false;
};

}  // namespace crossmatch::net
