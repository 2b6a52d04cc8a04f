#include "net/byte_stream.hpp"

#include "net/messages.hpp"

#include <array>

namespace crossmatch::net {
namespace {

class TransportCategory final : public std::error_category {
 public:
  const char* name() const noexcept override { return "crossmatch transport"; }
  std::string message(int value) const override {
    switch (static_cast<TransportError>(value)) {
      case TransportError::plain_client_on_tls_hub:
        return "the client spoke without TLS to a hub that requires it (told so)";
      case TransportError::tls_client_on_plain_hub:
        return "the client opened a TLS handshake, but this hub runs without TLS (--insecure)";
      case TransportError::handshake_timeout:
        return "no TLS handshake in time";
      case TransportError::certificate_refused:
        return "the client refused the hub's certificate (its pin names another: a mistyped or old "
               "join code, "
               "a certificate changed since the client remembered it, or a connection through "
               "someone else's "
               "proxy)";
    }
    return "transport error";
  }
};

constexpr unsigned char kTlsHandshakeRecord = 0x16;

}  // namespace

const std::error_category& transport_category() {
  static const TransportCategory category;
  return category;
}

std::error_code make_error_code(TransportError e) {
  return {static_cast<int>(e), transport_category()};
}

TcpStream::TcpStream(asio::ip::tcp::socket socket, bool hub_side)
    : socket_(std::move(socket)), check_first_byte_(hub_side) {
  std::error_code ec;
  const auto endpoint = socket_.remote_endpoint(ec);
  peer_ = ec ? std::string("unknown")
             : endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
  socket_.set_option(asio::ip::tcp::no_delay(true), ec);
}

asio::mutable_buffer thread_read_buffer() {
  thread_local std::array<char, 16 * 1024> buffer;
  return asio::buffer(buffer);
}

// A TLS client cannot read this line, but its handshake fails on it at once (instead of waiting
// for a timeout), and a person trying the hub by hand reads why.
void TcpStream::refuse_tls(std::function<void()> then) {
  auto line = std::make_shared<std::string>(
      encode(ErrorMessage{core::make_error("tls_not_enabled", "",
                                           "This hub runs without TLS (--insecure); connect "
                                           "without TLS, or ask the organiser to run the hub "
                                           "with TLS."),
                          true}) +
      "\n");
  asio::async_write(
      socket_, asio::buffer(*line),
      [line, then = std::move(then)](const std::error_code&, std::size_t) { then(); });
}

void TcpStream::async_read_some(asio::mutable_buffer buffer, Handler handler) {
  if (!check_first_byte_) return socket_.async_read_some(buffer, std::move(handler));
  check_first_byte_ = false;
  socket_.async_read_some(buffer, [this, buffer, handler = std::move(handler)](
                                      const std::error_code& ec, std::size_t n) {
    if (ec || n == 0 || *static_cast<const unsigned char*>(buffer.data()) != kTlsHandshakeRecord)
      return handler(ec, n);
    refuse_tls([handler] { handler(TransportError::tls_client_on_plain_hub, 0); });
  });
}

void TcpStream::async_read_ready(ReadyHandler handler) {
  std::error_code ec;
  // Reads after the wait must not block when the readiness was spurious.
  if (!socket_.non_blocking()) socket_.non_blocking(true, ec);
  if (ec) {
    asio::post(socket_.get_executor(), [handler = std::move(handler), ec] { handler(ec, {}); });
    return;
  }
  read_when_ready(std::move(handler));
}

void TcpStream::read_when_ready(ReadyHandler handler) {
  socket_.async_wait(asio::socket_base::wait_read, [this, handler = std::move(handler)](
                                                       const std::error_code& waited) mutable {
    if (waited) return handler(waited, {});
    const asio::mutable_buffer buffer = thread_read_buffer();
    std::error_code ec;
    const std::size_t n = socket_.read_some(buffer, ec);
    if (ec == asio::error::would_block || ec == asio::error::try_again)
      return read_when_ready(std::move(handler));
    const std::string_view bytes(static_cast<const char*>(buffer.data()), ec ? 0 : n);
    if (check_first_byte_ && !ec && n > 0) {
      check_first_byte_ = false;
      if (static_cast<unsigned char>(bytes.front()) == kTlsHandshakeRecord) {
        refuse_tls([handler] { handler(TransportError::tls_client_on_plain_hub, {}); });
        return;
      }
    }
    handler(ec, bytes);
  });
}

void TcpStream::async_write(const std::vector<asio::const_buffer>& buffers, Handler handler) {
  asio::async_write(socket_, buffers, std::move(handler));
}

void TcpStream::shutdown_send() {
  std::error_code ec;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_send, ec);
}

void TcpStream::close() {
  std::error_code ec;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ec);
  socket_.close(ec);
}

void async_connect_tcp(asio::io_context& io, const std::string& host, unsigned short port,
                       ConnectHandler handler) {
  auto resolver = std::make_shared<asio::ip::tcp::resolver>(io);
  auto socket = std::make_shared<asio::ip::tcp::socket>(io);
  resolver->async_resolve(
      host, std::to_string(port),
      [resolver, socket, handler = std::move(handler)](
          const std::error_code& ec, asio::ip::tcp::resolver::results_type results) mutable {
        if (ec) return handler(ec, nullptr);
        asio::async_connect(*socket, results,
                            [socket, handler = std::move(handler)](const std::error_code& ec2,
                                                                   const asio::ip::tcp::endpoint&) {
                              if (ec2) return handler(ec2, nullptr);
                              handler(ec2, std::make_unique<TcpStream>(std::move(*socket)));
                            });
      });
}

}  // namespace crossmatch::net
