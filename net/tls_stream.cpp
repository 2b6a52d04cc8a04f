// TLS 1.3 with OpenSSL straight on the connection's socket, driven by asio's readiness waits: the
// hub's context and lazy server-side handshake (behind the first read or write, so that the hub's
// handshake timeout and connection limit cover it), and the client's connect, handshake and
// certificate pinning. OpenSSL reads and writes the socket itself, so a broadcast line is
// encrypted once into the kernel's buffer: asio's ssl::stream would pass it through a BIO pair
// and two more buffers of 17 KiB per connection (bench/README.md, "Sync over TLS").
#include <cstddef>  // before asio: see byte_stream.hpp

#include <poll.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <asio/ssl/context.hpp>
#include <asio/ssl/error.hpp>

#include <algorithm>
#include <array>
#include <csignal>
#include <cstring>
#include <mutex>
#include <string_view>

#include "net/byte_stream.hpp"
#include "net/hex_digest.hpp"
#include "net/messages.hpp"
#include "net/tls_identity.hpp"

namespace crossmatch::net {
namespace {

constexpr unsigned char kTlsHandshakeRecord = 0x16;

// OpenSSL writes the socket with write(2), which raises SIGPIPE when the peer has gone and so
// would end the whole program (asio's own writes pass MSG_NOSIGNAL): the program ignores SIGPIPE
// instead, and the write fails with EPIPE like any other lost connection.
void ignore_sigpipe() {
  static std::once_flag once;
  std::call_once(once, [] { std::signal(SIGPIPE, SIG_IGN); });
}

void tls13_only(asio::ssl::context& context) {
  ignore_sigpipe();
  SSL_CTX* ctx = context.native_handle();
  SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION);
  SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION);
  // AES-128-GCM first (OpenSSL's default puts AES-256 first): the same strength class for a
  // venue's event data, and less processor time for a hub encrypting one copy of every
  // broadcast per connection.
  SSL_CTX_set_ciphersuites(
      ctx, "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256");
  // Idle connections keep no read or write buffers: a hub holds thousands of them. Writes may
  // end part-way (the rest is written when the socket can take it).
  SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ENABLE_PARTIAL_WRITE |
                            SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  // A peer that closes without TLS's close-notify (the hub does so) is an ordinary end of file.
  SSL_CTX_set_options(ctx, SSL_OP_IGNORE_UNEXPECTED_EOF);
  // Whole socket reads rather than a record header and then its body.
  SSL_CTX_set_read_ahead(ctx, 1);
}

std::string peer_of(const asio::ip::tcp::socket& socket) {
  std::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  return ec ? std::string("unknown")
            : endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
}

// Kept alive by every operation under way on it, while the ByteStream that owns it may be
// dropped at any time.
struct TlsState {
  TlsState(asio::ip::tcp::socket s, SSL_CTX* context)
      : socket(std::move(s)), ssl(SSL_new(context)) {}
  ~TlsState() { SSL_free(ssl); }
  TlsState(const TlsState&) = delete;
  TlsState& operator=(const TlsState&) = delete;

  enum class Phase { Fresh, Opening, Ready, Failed };
  asio::ip::tcp::socket socket;
  SSL* ssl;
  std::string peer;
  Phase phase = Phase::Fresh;
  std::error_code failure;
  // Operations to start once the handshake is done. The handshake's own handlers own the list:
  // were the state to own it, an owner's handler waiting in it would keep the state, and so
  // itself, alive for ever when the loop stops before the handshake ends.
  std::weak_ptr<std::vector<std::function<void()>>> waiting;
  unsigned char first = 0;
};
using StatePtr = std::shared_ptr<TlsState>;
using Waiting = std::shared_ptr<std::vector<std::function<void()>>>;

// Binds the SSL object to the socket (made non-blocking: OpenSSL's reads and writes say "want
// read/write" instead of waiting, and asio waits for the socket).
bool attach(const StatePtr& s, std::error_code& ec) {
  if (s->ssl == nullptr) {
    ec = asio::error::no_memory;
    return false;
  }
  s->socket.non_blocking(true, ec);
  if (ec) return false;
  if (SSL_set_fd(s->ssl, static_cast<int>(s->socket.native_handle())) != 1) {
    ec = std::error_code(static_cast<int>(ERR_get_error()), asio::error::get_ssl_category());
    return false;
  }
  return true;
}

// What an OpenSSL call's failure means: wait for the socket (`want` is the wait), or an error.
std::error_code failure_of(const StatePtr& s, int result, asio::socket_base::wait_type& want,
                           bool& again) {
  again = false;
  const int e = SSL_get_error(s->ssl, result);
  switch (e) {
    case SSL_ERROR_WANT_READ:
      want = asio::socket_base::wait_read;
      again = true;
      return {};
    case SSL_ERROR_WANT_WRITE:
      want = asio::socket_base::wait_write;
      again = true;
      return {};
    case SSL_ERROR_ZERO_RETURN:
      return asio::error::eof;
    case SSL_ERROR_SYSCALL: {
      const unsigned long err = ERR_get_error();
      if (err != 0) return std::error_code(static_cast<int>(err), asio::error::get_ssl_category());
      return errno != 0 ? std::error_code(errno, std::system_category())
                        : std::error_code(asio::error::eof);
    }
    default: {
      const unsigned long err = ERR_get_error();
      return std::error_code(static_cast<int>(err != 0 ? err : 1), asio::error::get_ssl_category());
    }
  }
}

using Done = std::function<void(const std::error_code&)>;

void drive_handshake(const StatePtr& s, Done done) {
  if (!s->socket.is_open()) return done(asio::error::bad_descriptor);
  ERR_clear_error();
  errno = 0;
  const int r = SSL_do_handshake(s->ssl);
  if (r == 1) return done({});
  asio::socket_base::wait_type want{};
  bool again = false;
  const std::error_code ec = failure_of(s, r, want, again);
  if (!again) return done(ec);
  s->socket.async_wait(want, [s, done = std::move(done)](const std::error_code& waited) mutable {
    if (waited) return done(waited);
    drive_handshake(s, std::move(done));
  });
}

// `inline_call`: still inside the call that started the operation, so its handler is posted.
void drive_read(const StatePtr& s, asio::mutable_buffer buffer, ByteStream::Handler handler,
                bool inline_call) {
  std::size_t n = 0;
  asio::socket_base::wait_type want{};
  bool again = false;
  std::error_code ec = asio::error::bad_descriptor;
  // A closed socket's number may already belong to another connection: OpenSSL must not touch it.
  if (s->socket.is_open()) {
    ERR_clear_error();
    errno = 0;
    const int r = SSL_read_ex(s->ssl, buffer.data(), buffer.size(), &n);
    ec = r == 1 ? std::error_code() : failure_of(s, r, want, again);
  }
  if (again) {
    s->socket.async_wait(
        want, [s, buffer, handler = std::move(handler)](const std::error_code& waited) mutable {
          if (waited) return handler(waited, 0);
          drive_read(s, buffer, std::move(handler), false);
        });
    return;
  }
  if (inline_call) {
    asio::post(s->socket.get_executor(), [handler = std::move(handler), ec, n] { handler(ec, n); });
  } else {
    handler(ec, n);
  }
}

// async_read_ready: once the socket is readable (or OpenSSL holds bytes already read), one
// SSL_read into the thread's buffer, handed to the handler. Never inside the starting call.
void read_now(const StatePtr& s, ByteStream::ReadyHandler handler);

void read_when_ready(const StatePtr& s, ByteStream::ReadyHandler handler,
                     asio::socket_base::wait_type want = asio::socket_base::wait_read) {
  if (SSL_has_pending(s->ssl) == 1) {
    asio::post(s->socket.get_executor(),
               [s, handler = std::move(handler)]() mutable { read_now(s, std::move(handler)); });
    return;
  }
  s->socket.async_wait(want,
                       [s, handler = std::move(handler)](const std::error_code& waited) mutable {
                         if (waited) return handler(waited, {});
                         read_now(s, std::move(handler));
                       });
}

void read_now(const StatePtr& s, ByteStream::ReadyHandler handler) {
  // A closed socket's number may already belong to another connection: OpenSSL must not touch it.
  if (!s->socket.is_open()) return handler(asio::error::bad_descriptor, {});
  const asio::mutable_buffer buffer = thread_read_buffer();
  ERR_clear_error();
  errno = 0;
  std::size_t n = 0;
  const int r = SSL_read_ex(s->ssl, buffer.data(), buffer.size(), &n);
  if (r == 1) return handler({}, std::string_view(static_cast<const char*>(buffer.data()), n));
  asio::socket_base::wait_type want{};
  bool again = false;
  const std::error_code ec = failure_of(s, r, want, again);
  if (again) return read_when_ready(s, std::move(handler), want);
  handler(ec, {});
}

// One write of the caller's buffers, handed to OpenSSL a TLS record's worth at a time: lines are
// gathered into the thread's chunk (one record for many short lines), a long buffer is passed as
// it is. A connection so holds no copy of its own, however much it was given to write (at
// doors-open thousands of connections are each in the middle of a snapshot's frames, which they
// share), and a write allocates nothing for its bytes.
struct WriteJob {
  static constexpr std::size_t kWriteChunk = 16 * 1024;  // one TLS record's worth
  std::vector<asio::const_buffer> buffers;               // the caller's, alive until the handler
  std::size_t index = 0;                                 // the first byte not written yet: buffer
  std::size_t offset = 0;                                // ... and where in it
  std::size_t total = 0;

  bool done() const { return index == buffers.size(); }

  // The next bytes to write, from the first one not written: the same bytes every time until
  // they are written (OpenSSL wants a write it asked to retry repeated with the same bytes).
  std::string_view next(char* chunk) {
    while (index < buffers.size() && offset == buffers[index].size()) {
      ++index;
      offset = 0;
    }
    if (index == buffers.size()) return {};
    const asio::const_buffer& first = buffers[index];
    if (first.size() - offset >= kWriteChunk)
      return {static_cast<const char*>(first.data()) + offset, kWriteChunk};
    std::size_t size = 0;
    std::size_t i = index, at = offset;
    for (; i < buffers.size() && size < kWriteChunk; ++i, at = 0) {
      const std::size_t take = std::min(kWriteChunk - size, buffers[i].size() - at);
      std::memcpy(chunk + size, static_cast<const char*>(buffers[i].data()) + at, take);
      size += take;
    }
    return {chunk, size};
  }

  void advance(std::size_t n) {
    while (n > 0) {
      const std::size_t take = std::min(n, buffers[index].size() - offset);
      offset += take;
      n -= take;
      if (offset == buffers[index].size()) {
        ++index;
        offset = 0;
      }
    }
  }
};

char* thread_write_chunk() {
  thread_local std::array<char, WriteJob::kWriteChunk> chunk;
  return chunk.data();
}

void drive_write(const StatePtr& s, std::shared_ptr<WriteJob> job, ByteStream::Handler handler,
                 bool inline_call) {
  std::error_code ec;
  for (;;) {
    const std::string_view bytes = job->next(thread_write_chunk());
    if (bytes.empty()) break;
    // A closed socket's number may already belong to another connection: OpenSSL must not touch it.
    if (!s->socket.is_open()) {
      ec = asio::error::bad_descriptor;
      break;
    }
    ERR_clear_error();
    errno = 0;
    std::size_t n = 0;
    const int r = SSL_write_ex(s->ssl, bytes.data(), bytes.size(), &n);
    if (r == 1) {
      job->advance(n);
      continue;
    }
    asio::socket_base::wait_type want{};
    bool again = false;
    ec = failure_of(s, r, want, again);
    if (!again) break;
    s->socket.async_wait(
        want, [s, job, handler = std::move(handler)](const std::error_code& waited) mutable {
          if (waited) return handler(waited, 0);
          drive_write(s, std::move(job), std::move(handler), false);
        });
    return;
  }
  const std::size_t written = ec ? 0 : job->total;
  if (inline_call) {
    asio::post(s->socket.get_executor(),
               [handler = std::move(handler), ec, written] { handler(ec, written); });
  } else {
    handler(ec, written);
  }
}

void settle(const StatePtr& s, const Waiting& waiting, std::error_code failure) {
  s->phase = failure ? TlsState::Phase::Failed : TlsState::Phase::Ready;
  s->failure = failure;
  std::vector<std::function<void()>> starts;
  starts.swap(*waiting);
  for (auto& start : starts) start();
}

// Whether the peer has closed its side already (its end of file is waiting to be read).
bool peer_has_left(asio::ip::tcp::socket& socket) {
  pollfd p{};
  p.fd = socket.native_handle();
  p.events = POLLRDHUP;
  return ::poll(&p, 1, 0) == 1 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}

// The hub's side: a client that does not open with a TLS record is told so in a line of the
// protocol it can read; otherwise the handshake.
void open_server_side(const StatePtr& s, const Waiting& waiting) {
  s->phase = TlsState::Phase::Opening;
  s->socket.async_receive(
      asio::buffer(&s->first, 1), asio::socket_base::message_peek,
      [s, waiting](const std::error_code& ec, std::size_t n) {
        if (ec || n == 0) return settle(s, waiting, ec ? ec : asio::error::eof);
        if (s->first != kTlsHandshakeRecord) {
          auto line = std::make_shared<std::string>(
              encode(ErrorMessage{
                  core::make_error("tls_required", "",
                                   "This hub speaks TLS: connect with TLS 1.3 and check the hub's "
                                   "certificate against the pin in the join code "
                                   "(docs/protocol.md, \"Transport\"), or ask the organiser to run "
                                   "the hub with --insecure."),
                  true}) +
              "\n");
          asio::async_write(s->socket, asio::buffer(*line),
                            [s, waiting, line](const std::error_code&, std::size_t) {
                              settle(s, waiting, TransportError::plain_client_on_tls_hub);
                            });
          return;
        }
        // A client that gave up while waiting in the accept queue (its handshake time ran out
        // and it closed) has sent its end of file already: no handshake for it. In a storm of
        // returning devices most of the hub's handshakes went to such clients.
        if (peer_has_left(s->socket)) return settle(s, waiting, asio::error::eof);
        std::error_code attached;
        if (!attach(s, attached)) return settle(s, waiting, attached);
        SSL_set_accept_state(s->ssl);
        drive_handshake(s, [s, waiting](const std::error_code& hs) {
          // The client's alert when its pin names another certificate, said in words for the log.
          const auto reason = ERR_GET_REASON(static_cast<unsigned long>(hs.value()));
          const bool refused = hs && hs.category() == asio::error::get_ssl_category() &&
                               (reason == SSL_R_TLSV1_ALERT_UNKNOWN_CA ||
                                reason == SSL_R_SSLV3_ALERT_BAD_CERTIFICATE);
          settle(s, waiting, refused ? std::error_code(TransportError::certificate_refused) : hs);
        });
      });
}

class TlsStream final : public ByteStream {
 public:
  explicit TlsStream(StatePtr state) : s_(std::move(state)) {}
  ~TlsStream() override { close(); }

  void async_read_some(asio::mutable_buffer buffer, Handler handler) override {
    when_open([s = s_, buffer, handler = std::move(handler)](bool inline_call) mutable {
      if (s->phase == TlsState::Phase::Failed) return handler(s->failure, 0);
      drive_read(s, buffer, std::move(handler), inline_call);
    });
  }

  void async_read_ready(ReadyHandler handler) override {
    when_open([s = s_, handler = std::move(handler)](bool) mutable {
      if (s->phase == TlsState::Phase::Failed) {
        // Only ever started from a handler (when_open posts for a failed stream).
        return handler(s->failure, {});
      }
      read_when_ready(s, std::move(handler));
    });
  }

  void async_write(const std::vector<asio::const_buffer>& buffers, Handler handler) override {
    auto job = std::make_shared<WriteJob>();
    job->buffers = buffers;
    for (const auto& b : buffers) job->total += b.size();
    when_open([s = s_, job, handler = std::move(handler)](bool inline_call) mutable {
      if (s->phase == TlsState::Phase::Failed) return handler(s->failure, 0);
      drive_write(s, std::move(job), std::move(handler), inline_call);
    });
  }

  // No TLS close-notify exchange: a peer that does not answer must not hold the connection.
  // Operations under way complete with an error.
  void close() override {
    std::error_code ec;
    s_->socket.shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    s_->socket.close(ec);
  }

  // At the transport, without TLS's close-notify either (see close()).
  void shutdown_send() override {
    std::error_code ec;
    s_->socket.shutdown(asio::ip::tcp::socket::shutdown_send, ec);
  }

  std::string peer() const override { return s_->peer; }

 private:
  // Runs `start` once the handshake is over (true: still inside the starting call).
  void when_open(std::function<void(bool)> start) {
    switch (s_->phase) {
      case TlsState::Phase::Ready:
        return start(true);
      case TlsState::Phase::Failed:
        asio::post(s_->socket.get_executor(), [start = std::move(start)] { start(false); });
        return;
      case TlsState::Phase::Fresh: {
        auto waiting = std::make_shared<std::vector<std::function<void()>>>();
        waiting->push_back([start = std::move(start)] { start(false); });
        s_->waiting = waiting;
        open_server_side(s_, waiting);
        return;
      }
      case TlsState::Phase::Opening:
        if (auto waiting = s_->waiting.lock()) {
          waiting->push_back([start = std::move(start)] { start(false); });
        } else {
          // The handshake's handlers are gone (the loop is being torn down): nothing will run.
          asio::post(s_->socket.get_executor(), [start = std::move(start)] { start(false); });
        }
        return;
    }
  }

  StatePtr s_;
};

// Reasons OpenSSL gives when the answer to a ClientHello is not TLS at all.
bool not_tls(const std::error_code& ec) {
  if (ec.category() != asio::error::get_ssl_category()) return false;
  const int reason = ERR_GET_REASON(static_cast<unsigned long>(ec.value()));
  return reason == SSL_R_WRONG_VERSION_NUMBER || reason == SSL_R_PACKET_LENGTH_TOO_LONG ||
         reason == SSL_R_UNKNOWN_PROTOCOL || reason == SSL_R_HTTP_REQUEST ||
         reason == SSL_R_RECORD_LENGTH_MISMATCH;
}

// What the handshake's certificate check saw.
struct PinCheck {
  std::string pin;
  std::string fingerprint;
  bool matched = false;
};

// The hub's certificate is checked by its fingerprint, not by a chain of authorities: a
// self-signed certificate is expected. Only the hub's own certificate (depth 0) is judged.
int verify_pin(int, X509_STORE_CTX* store) {
  if (X509_STORE_CTX_get_error_depth(store) != 0) return 1;
  SSL* ssl =
      static_cast<SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
  auto* check = ssl == nullptr ? nullptr : static_cast<PinCheck*>(SSL_get_app_data(ssl));
  if (check == nullptr) return 0;
  check->fingerprint = fingerprint_of(X509_STORE_CTX_get_current_cert(store));
  check->matched = !check->fingerprint.empty() && pin_matches(check->pin, check->fingerprint);
  return check->matched ? 1 : 0;
}

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
  if (ec)
    return core::make_error("bad_certificate", "--cert",
                            "OpenSSL does not take the hub's certificate: " + ec.message() + ".");
  ssl.use_private_key(asio::buffer(identity.key_pem), asio::ssl::context::pem, ec);
  if (ec)
    return core::make_error("bad_key", "--key",
                            "OpenSSL does not take the hub's private key: " + ec.message() + ".");
  return server;
}

std::unique_ptr<ByteStream> TlsServer::wrap(asio::ip::tcp::socket socket) {
  std::error_code ec;
  socket.set_option(asio::ip::tcp::no_delay(true), ec);
  const std::string peer = peer_of(socket);
  auto state = std::make_shared<TlsState>(std::move(socket), context_->ssl.native_handle());
  state->peer = peer;
  return std::make_unique<TlsStream>(std::move(state));
}

// [SECTION] The client's side

class TlsClient::Context {
 public:
  asio::ssl::context ssl{asio::ssl::context::tls_client};
};

TlsClient::TlsClient() : context_(std::make_unique<Context>()) {
  tls13_only(context_->ssl);
}
TlsClient::~TlsClient() = default;

void TlsClient::async_connect(asio::io_context& io, const std::string& host, unsigned short port,
                              std::string pin, OutcomeHandler handler, double handshake_seconds) {
  auto state = std::make_shared<TlsState>(asio::ip::tcp::socket(io), context_->ssl.native_handle());
  auto check = std::make_shared<PinCheck>();
  check->pin = std::move(pin);
  if (state->ssl != nullptr) {
    SSL_set_app_data(state->ssl, check.get());  // `check` outlives the handshake: `finish` holds it
    SSL_set_verify(state->ssl, SSL_VERIFY_PEER, verify_pin);
    SSL_set_connect_state(state->ssl);
  }
  auto resolver = std::make_shared<asio::ip::tcp::resolver>(io);
  auto timer = std::make_shared<asio::steady_timer>(io);
  auto timed_out = std::make_shared<bool>(false);
  auto finished = std::make_shared<bool>(false);
  timer->expires_after(std::chrono::duration_cast<asio::steady_timer::duration>(
      std::chrono::duration<double>(handshake_seconds)));
  // A timer that expired just as the handshake finished may still run: `finished` stops it.
  timer->async_wait([state, resolver, timed_out, finished](const std::error_code& ec) {
    if (ec || *finished) return;
    *timed_out = true;
    resolver->cancel();
    std::error_code ignored;
    state->socket.close(ignored);
  });
  auto finish = [state, check, timer, timed_out, finished,
                 handler = std::move(handler)](std::error_code ec) mutable {
    *finished = true;
    timer->cancel();
    ConnectOutcome outcome;
    outcome.fingerprint = check->fingerprint;
    if (!ec) {
      // Checked again on the finished handshake, whatever the callback was asked.
      const std::string seen = fingerprint_of(SSL_get0_peer_certificate(state->ssl));
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
    if (state->ssl != nullptr) SSL_set_app_data(state->ssl, nullptr);
    if (!outcome.error) {
      state->phase = TlsState::Phase::Ready;
      state->peer = peer_of(state->socket);
      outcome.stream = std::make_unique<TlsStream>(state);
    } else {
      std::error_code ignored;
      state->socket.close(ignored);
    }
    handler(std::move(outcome));
  };
  resolver->async_resolve(
      host, std::to_string(port),
      [state, resolver, finish = std::move(finish)](
          const std::error_code& ec, asio::ip::tcp::resolver::results_type results) mutable {
        if (ec) return finish(ec);
        asio::async_connect(
            state->socket, results,
            [state, finish = std::move(finish)](const std::error_code& ec2,
                                                const asio::ip::tcp::endpoint&) mutable {
              if (ec2) return finish(ec2);
              std::error_code attached;
              state->socket.set_option(asio::ip::tcp::no_delay(true), attached);
              if (!attach(state, attached)) return finish(attached);
              drive_handshake(state, [finish = std::move(finish)](
                                         const std::error_code& hs) mutable { finish(hs); });
            });
      });
}

}  // namespace crossmatch::net
