// TLS 1.3 over asio's SSL stream: the hub's context and lazy server-side handshake (behind the
// first read or write, so that the hub's handshake timeout and connection limit cover it), and
// the client's connect, handshake and certificate pinning. The only file that includes asio's
// TLS headers.
#include <cstddef>  // before asio: see byte_stream.hpp

#include <asio/ssl.hpp>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "net/byte_stream.hpp"
#include "net/messages.hpp"
#include "net/tls_identity.hpp"

namespace crossmatch::net {
namespace {

using SslSocket = asio::ssl::stream<asio::ip::tcp::socket>;
constexpr unsigned char kTlsHandshakeRecord = 0x16;

void tls13_only(asio::ssl::context& context) {
  SSL_CTX* ctx = context.native_handle();
  SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION);
  SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION);
  // AES-128-GCM first (OpenSSL's default puts AES-256 first): the same strength class for a
  // venue's event data, and less processor time for a hub encrypting one copy of every
  // broadcast per connection.
  SSL_CTX_set_ciphersuites(ctx, "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256");
  // Idle connections keep no read or write buffers: a hub holds thousands of them.
  SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
}

std::string peer_of(const asio::ip::tcp::socket& socket) {
  std::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  return ec ? std::string("unknown") : endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
}

// Kept alive by every operation under way on it: asio's TLS stream must outlive its operations,
// while the ByteStream that owns it may be dropped at any time.
struct TlsState {
  TlsState(asio::ip::tcp::socket socket, asio::ssl::context& context) : ssl(std::move(socket), context) {}
  enum class Phase { Fresh, Opening, Ready, Failed };
  SslSocket ssl;
  std::string peer;
  Phase phase = Phase::Fresh;
  std::error_code failure;
  std::vector<std::function<void()>> waiting;  // operations to start once the handshake is done
  unsigned char first = 0;
};

void settle(const std::shared_ptr<TlsState>& s, std::error_code failure) {
  s->phase = failure ? TlsState::Phase::Failed : TlsState::Phase::Ready;
  s->failure = failure;
  std::vector<std::function<void()>> waiting;
  waiting.swap(s->waiting);
  for (auto& start : waiting) start();
}

// The hub's side: a client that does not open with a TLS record is told so in a line of the
// protocol it can read; otherwise the handshake.
void open_server_side(const std::shared_ptr<TlsState>& s) {
  s->phase = TlsState::Phase::Opening;
  s->ssl.next_layer().async_receive(
      asio::buffer(&s->first, 1), asio::socket_base::message_peek, [s](const std::error_code& ec, std::size_t n) {
        if (ec || n == 0) return settle(s, ec ? ec : asio::error::eof);
        if (s->first != kTlsHandshakeRecord) {
          auto line = std::make_shared<std::string>(
              encode(ErrorMessage{core::make_error("tls_required", "",
                                                   "This hub speaks TLS: connect with TLS 1.3 and check the hub's "
                                                   "certificate against the pin in the join code "
                                                   "(docs/protocol.md, \"Connecting\"), or ask the organiser to run "
                                                   "the hub with --insecure."),
                                  true}) +
              "\n");
          asio::async_write(s->ssl.next_layer(), asio::buffer(*line), [s, line](const std::error_code&, std::size_t) {
            settle(s, TransportError::plain_client_on_tls_hub);
          });
          return;
        }
        s->ssl.async_handshake(asio::ssl::stream_base::server, [s](const std::error_code& hs) {
          // The client's alert when its pin names another certificate, said in words for the log.
          const bool refused = hs && hs.category() == asio::error::get_ssl_category() &&
                               (ERR_GET_REASON(static_cast<unsigned long>(hs.value())) == SSL_R_TLSV1_ALERT_UNKNOWN_CA ||
                                ERR_GET_REASON(static_cast<unsigned long>(hs.value())) == SSL_R_SSLV3_ALERT_BAD_CERTIFICATE);
          settle(s, refused ? std::error_code(TransportError::certificate_refused) : hs);
        });
      });
}

class TlsStream final : public ByteStream {
 public:
  explicit TlsStream(std::shared_ptr<TlsState> state) : s_(std::move(state)) {}
  ~TlsStream() override { close(); }

  void async_read_some(asio::mutable_buffer buffer, Handler handler) override {
    when_open([s = s_, buffer, handler = std::move(handler)]() mutable {
      if (s->phase == TlsState::Phase::Failed) return handler(s->failure, 0);
      s->ssl.async_read_some(buffer, [s, handler = std::move(handler)](const std::error_code& ec, std::size_t n) {
        handler(ec, n);
      });
    });
  }

  void async_write(const std::vector<asio::const_buffer>& buffers, Handler handler) override {
    // One contiguous copy: asio's TLS stream writes one buffer of a sequence per TLS record, and
    // a batch of short lines should travel in as few records (and system calls) as it can.
    auto data = std::make_shared<std::string>();
    std::size_t total = 0;
    for (const auto& b : buffers) total += b.size();
    data->reserve(total);
    for (const auto& b : buffers) data->append(static_cast<const char*>(b.data()), b.size());
    when_open([s = s_, data, handler = std::move(handler)]() mutable {
      if (s->phase == TlsState::Phase::Failed) return handler(s->failure, 0);
      asio::async_write(s->ssl, asio::buffer(*data),
                        [s, data, handler = std::move(handler)](const std::error_code& ec, std::size_t n) {
                          handler(ec, n);
                        });
    });
  }

  // No TLS close_notify exchange: a peer that does not answer must not hold the connection.
  void close() override {
    std::error_code ec;
    s_->ssl.lowest_layer().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    s_->ssl.lowest_layer().close(ec);
  }

  std::string peer() const override { return s_->peer; }

 private:
  void when_open(std::function<void()> start) {
    switch (s_->phase) {
      case TlsState::Phase::Ready: return start();
      case TlsState::Phase::Failed:
        // Completed later, never inside the call that started it.
        asio::post(s_->ssl.get_executor(), std::move(start));
        return;
      case TlsState::Phase::Fresh:
        s_->waiting.push_back(std::move(start));
        open_server_side(s_);
        return;
      case TlsState::Phase::Opening: s_->waiting.push_back(std::move(start)); return;
    }
  }

  std::shared_ptr<TlsState> s_;
};

// Reasons OpenSSL gives when the answer to a ClientHello is not TLS at all.
bool not_tls(const std::error_code& ec) {
  if (ec.category() != asio::error::get_ssl_category()) return false;
  const int reason = ERR_GET_REASON(static_cast<unsigned long>(ec.value()));
  return reason == SSL_R_WRONG_VERSION_NUMBER || reason == SSL_R_PACKET_LENGTH_TOO_LONG ||
         reason == SSL_R_UNKNOWN_PROTOCOL || reason == SSL_R_HTTP_REQUEST || reason == SSL_R_RECORD_LENGTH_MISMATCH;
}

std::string fingerprint_of(X509* certificate) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (certificate == nullptr || X509_digest(certificate, EVP_sha256(), digest, &length) != 1) return {};
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += digits[digest[i] >> 4];
    out += digits[digest[i] & 15];
  }
  return out;
}

// What the handshake's certificate check saw.
struct PinCheck {
  std::string pin;
  std::string fingerprint;
  bool matched = false;
};

}  // namespace

// [SECTION] The hub's side

class TlsServer::Context {
 public:
  asio::ssl::context ssl{asio::ssl::context::tls_server};
};

TlsServer::TlsServer() : context_(std::make_unique<Context>()) {}
TlsServer::~TlsServer() = default;

core::Result<std::unique_ptr<TlsServer>> TlsServer::make(const TlsIdentity& identity) {
  std::unique_ptr<TlsServer> server(new TlsServer());
  asio::ssl::context& ssl = server->context_->ssl;
  tls13_only(ssl);
  // Clients do not resume sessions: no tickets to send after each handshake.
  SSL_CTX_set_num_tickets(ssl.native_handle(), 0);
  std::error_code ec;
  ssl.use_certificate_chain(asio::buffer(identity.certificate_pem), ec);
  if (ec) return core::make_error("bad_certificate", "--cert", "OpenSSL does not take the hub's certificate: " + ec.message() + ".");
  ssl.use_private_key(asio::buffer(identity.key_pem), asio::ssl::context::pem, ec);
  if (ec) return core::make_error("bad_key", "--key", "OpenSSL does not take the hub's private key: " + ec.message() + ".");
  return server;
}

std::unique_ptr<ByteStream> TlsServer::wrap(asio::ip::tcp::socket socket) {
  std::error_code ec;
  socket.set_option(asio::ip::tcp::no_delay(true), ec);
  const std::string peer = peer_of(socket);
  auto state = std::make_shared<TlsState>(std::move(socket), context_->ssl);
  state->peer = peer;
  return std::make_unique<TlsStream>(std::move(state));
}

// [SECTION] The client's side

class TlsClient::Context {
 public:
  asio::ssl::context ssl{asio::ssl::context::tls_client};
};

TlsClient::TlsClient() : context_(std::make_unique<Context>()) { tls13_only(context_->ssl); }
TlsClient::~TlsClient() = default;

void TlsClient::async_connect(asio::io_context& io, const std::string& host, unsigned short port, std::string pin,
                              OutcomeHandler handler, double handshake_seconds) {
  auto state = std::make_shared<TlsState>(asio::ip::tcp::socket(io), context_->ssl);
  auto check = std::make_shared<PinCheck>();
  check->pin = std::move(pin);
  auto resolver = std::make_shared<asio::ip::tcp::resolver>(io);
  auto timer = std::make_shared<asio::steady_timer>(io);
  auto timed_out = std::make_shared<bool>(false);
  timer->expires_after(std::chrono::duration_cast<asio::steady_timer::duration>(std::chrono::duration<double>(handshake_seconds)));
  timer->async_wait([state, resolver, timed_out](const std::error_code& ec) {
    if (ec) return;
    *timed_out = true;
    resolver->cancel();
    std::error_code ignored;
    state->ssl.lowest_layer().close(ignored);
  });
  // The hub's certificate is checked by its fingerprint, not by a chain of authorities: a
  // self-signed certificate is expected. Only the hub's own certificate (depth 0) is judged.
  state->ssl.set_verify_mode(asio::ssl::verify_peer);
  state->ssl.set_verify_callback([check](bool, asio::ssl::verify_context& context) {
    X509_STORE_CTX* store = context.native_handle();
    if (X509_STORE_CTX_get_error_depth(store) != 0) return true;
    check->fingerprint = fingerprint_of(X509_STORE_CTX_get_current_cert(store));
    check->matched = !check->fingerprint.empty() && pin_matches(check->pin, check->fingerprint);
    return check->matched;
  });
  auto finish = [state, check, timer, timed_out, handler = std::move(handler)](std::error_code ec) mutable {
    timer->cancel();
    ConnectOutcome outcome;
    outcome.fingerprint = check->fingerprint;
    if (!ec) {
      // Checked again on the finished handshake, whatever the callback was asked.
      const std::string seen = fingerprint_of(SSL_get0_peer_certificate(state->ssl.native_handle()));
      if (seen.empty() || !pin_matches(check->pin, seen)) {
        outcome.fingerprint = seen;
        outcome.wrong_pin = true;
        outcome.error = asio::error::access_denied;
      }
    } else if (*timed_out) {
      outcome.error = TransportError::handshake_timeout;
    } else if (!check->fingerprint.empty() && !check->matched) {
      outcome.wrong_pin = true;
      outcome.error = ec;
    } else {
      outcome.not_tls = not_tls(ec);
      outcome.error = ec;
    }
    if (!outcome.error) {
      state->phase = TlsState::Phase::Ready;
      state->peer = peer_of(state->ssl.next_layer());
      outcome.stream = std::make_unique<TlsStream>(state);
    } else {
      std::error_code ignored;
      state->ssl.lowest_layer().close(ignored);
    }
    handler(std::move(outcome));
  };
  resolver->async_resolve(
      host, std::to_string(port),
      [state, resolver, finish = std::move(finish)](const std::error_code& ec,
                                                    asio::ip::tcp::resolver::results_type results) mutable {
        if (ec) return finish(ec);
        asio::async_connect(state->ssl.lowest_layer(), results,
                            [state, finish = std::move(finish)](const std::error_code& ec2,
                                                                const asio::ip::tcp::endpoint&) mutable {
                              if (ec2) return finish(ec2);
                              std::error_code ignored;
                              state->ssl.lowest_layer().set_option(asio::ip::tcp::no_delay(true), ignored);
                              state->ssl.async_handshake(asio::ssl::stream_base::client,
                                                         [finish = std::move(finish)](const std::error_code& hs) mutable {
                                                           finish(hs);
                                                         });
                            });
      });
}

}  // namespace crossmatch::net
