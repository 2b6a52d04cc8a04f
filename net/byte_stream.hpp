// The byte stream under a connection, behind one small interface so that the transport (TLS 1.3,
// or plain TCP with --insecure) does not touch the protocol; and how each side opens one.
// Internal to net/ (and the load generator): includes asio, but not asio's TLS headers.
#pragma once

// A standard header first: asio picks its allocation functions (aligned_alloc/free or operator
// new/delete) from a libstdc++ macro that only a standard header defines; every file must see
// the same choice, or memory allocated in one file is freed by the other pair in another.
#include <cstddef>

#include <asio.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "core/error.hpp"

namespace crossmatch::net {

class ByteStream {
 public:
  using Handler = std::function<void(const std::error_code&, std::size_t)>;
  virtual ~ByteStream() = default;
  virtual void async_read_some(asio::mutable_buffer buffer, Handler handler) = 0;
  // Waits until bytes can be read, then reads what is there into a buffer the thread's streams
  // share and hands them to the handler (valid only while it runs; empty with an error). A
  // reader so holds no buffer of its own while idle: the hub keeps thousands of idle
  // connections. The handler never runs inside this call.
  using ReadyHandler = std::function<void(const std::error_code&, std::string_view)>;
  virtual void async_read_ready(ReadyHandler handler) = 0;
  // Writes all of `buffers` (the caller keeps them alive until the handler runs).
  virtual void async_write(const std::vector<asio::const_buffer>& buffers, Handler handler) = 0;
  // Closes both directions at once; pending operations complete with an error.
  virtual void close() = 0;
  // Ends the sending direction once what was written has gone (the peer reads an end of file
  // after it); reading goes on.
  virtual void shutdown_send() = 0;
  // "127.0.0.1:54321", for log lines.
  virtual std::string peer() const = 0;
};

// Plain TCP. On the hub's side (`hub_side`), a client that opens with a TLS ClientHello is told
// in a line of the protocol that this hub runs without TLS, and the first read fails with
// TransportError::tls_client_on_plain_hub.
class TcpStream final : public ByteStream {
 public:
  explicit TcpStream(asio::ip::tcp::socket socket, bool hub_side = false);
  void async_read_some(asio::mutable_buffer buffer, Handler handler) override;
  void async_read_ready(ReadyHandler handler) override;
  void async_write(const std::vector<asio::const_buffer>& buffers, Handler handler) override;
  void close() override;
  void shutdown_send() override;
  std::string peer() const override { return peer_; }

 private:
  // Tells a TLS client that this hub runs without TLS, then fails its read.
  void refuse_tls(std::function<void()> then);
  void read_when_ready(ReadyHandler handler);

  asio::ip::tcp::socket socket_;
  std::string peer_;
  bool check_first_byte_ = false;
};

// The buffer async_read_ready reads into: one per thread, 16 KiB (a TLS record's worth).
asio::mutable_buffer thread_read_buffer();

// Why a connection failed at the transport, beyond what the socket says.
enum class TransportError {
  plain_client_on_tls_hub = 1,  // told so in a line of the protocol, then closed
  tls_client_on_plain_hub,
  handshake_timeout,
  certificate_refused,  // the client's pin names another certificate
};
const std::error_category& transport_category();
std::error_code make_error_code(TransportError e);

struct TlsIdentity;

// The hub's side of TLS 1.3: one context for every connection.
class TlsServer {
 public:
  // Fails when OpenSSL will not take the certificate or the key.
  static core::Result<std::unique_ptr<TlsServer>> make(const TlsIdentity& identity);
  ~TlsServer();
  // An accepted connection. The handshake runs before its first read or write completes; a
  // client that opens without TLS is told in a line of the protocol that this hub speaks TLS,
  // and the read fails with TransportError::plain_client_on_tls_hub.
  std::unique_ptr<ByteStream> wrap(asio::ip::tcp::socket socket);

 private:
  TlsServer();
  class Context;
  std::unique_ptr<Context> context_;
};

// What a client learns while connecting.
struct ConnectOutcome {
  std::error_code error;
  std::unique_ptr<ByteStream> stream;  // none when `error`
  std::string fingerprint;             // the certificate the hub showed (TLS), hex SHA-256
  bool wrong_pin = false;              // it is not the pinned one (so `error`)
  bool not_tls = false;                // the hub answered without TLS (so `error`)
};
using OutcomeHandler = std::function<void(ConnectOutcome)>;

// The client's side of TLS 1.3: one context shared by many connections.
class TlsClient {
 public:
  TlsClient();
  ~TlsClient();
  // Resolves, connects and runs the handshake (at most `handshake_seconds`), accepting only a
  // hub whose certificate `pin` names (net/tls_identity.hpp): checked in the handshake, before
  // a byte of the protocol is sent.
  void async_connect(asio::io_context& io, const std::string& host, unsigned short port,
                     std::string pin, OutcomeHandler handler, double handshake_seconds = 15);

 private:
  class Context;
  std::unique_ptr<Context> context_;
};

// Resolves and connects; the handler gets a stream or the error.
using ConnectHandler = std::function<void(const std::error_code&, std::unique_ptr<ByteStream>)>;
void async_connect_tcp(asio::io_context& io, const std::string& host, unsigned short port,
                       ConnectHandler handler);

}  // namespace crossmatch::net

namespace std {
template <>
struct is_error_code_enum<crossmatch::net::TransportError> : true_type {};
}  // namespace std
