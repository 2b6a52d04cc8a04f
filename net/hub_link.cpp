#include "net/hub_link.hpp"

#include <algorithm>

#include "net/protocol.hpp"
#include "net/tls_identity.hpp"

namespace crossmatch::net {

namespace {

constexpr std::size_t kReadBytes = 64 * 1024;
constexpr std::size_t kLinesPerWrite = 64;

// The connection went; another attempt may work.
LinkEnd lost(std::string reason) {
  return LinkEnd{std::move(reason), std::nullopt, false};
}
// The hub is not the one to talk to (or not in this way): another attempt cannot help.
LinkEnd refused(core::Error error) {
  return LinkEnd{error.message, std::move(error), true};
}

}  // namespace

HubLink::HubLink(asio::io_context& io, HubTarget target, Listener& listener, bool frames)
    : io_(io),
      target_(std::move(target)),
      listener_(&listener),
      reader_(kMaxHubLineBytes, frames) {}

HubLink::~HubLink() = default;

std::shared_ptr<HubLink> HubLink::open(asio::io_context& io, const HubTarget& target,
                                       const Hello& hello, Listener& listener) {
  const bool frames =
      std::find(hello.compress.begin(), hello.compress.end(), "zstd") != hello.compress.end();
  std::shared_ptr<HubLink> link(new HubLink(io, target, listener, frames));
  link->connect(encode(ClientMessage{hello}));
  return link;
}

void HubLink::connect(std::string hello_line) {
  if (target_.tls == nullptr) {
    async_connect_tcp(io_, target_.host, target_.port,
                      [self = shared_from_this(), hello_line = std::move(hello_line)](
                          const std::error_code& ec, std::unique_ptr<ByteStream> stream) mutable {
                        if (self->listener_ == nullptr) return;
                        if (ec)
                          return self->end(lost("cannot reach the hub at " + self->target_.where() +
                                                ": " + ec.message()));
                        self->opened(std::move(stream), {}, std::move(hello_line));
                      });
    return;
  }
  const std::string& pin = target_.pin;
  if (pin.empty()) {
    const auto error = core::make_error("no_pin", "pin",
                                        "There is no pin to check the hub at " + target_.where() +
                                            " by: join with the whole join code (its last three "
                                            "groups are the hub's pin), or give the pin "
                                            "the hub printed; nothing was sent.");
    // Told from the io_context's thread, like every other end.
    asio::post(io_, [self = shared_from_this(), error] { self->end(refused(error)); });
    return;
  }
  if (!valid_pin(pin)) {
    const auto error =
        core::make_error("invalid_pin", "pin",
                         "'" + pin +
                             "' is not a pin: three groups of four letters and digits "
                             "(ABCD-EFGH-JKLM) or a SHA-256 fingerprint of 64 hex digits.");
    asio::post(io_, [self = shared_from_this(), error] { self->end(refused(error)); });
    return;
  }
  target_.tls->async_connect(
      io_, target_.host, target_.port, pin,
      [self = shared_from_this(),
       hello_line = std::move(hello_line)](ConnectOutcome outcome) mutable {
        if (self->listener_ == nullptr) return;
        if (outcome.wrong_pin) {
          const core::Error error = self->pin_refusal(outcome.fingerprint);
          return self->end(refused(error));
        }
        if (outcome.not_tls) {
          const auto error =
              core::make_error("hub_without_tls", "",
                               "The hub at " + self->target_.where() +
                                   " answered without TLS: it runs with --insecure. Connect with "
                                   "--insecure only on a network you "
                                   "trust, or ask the organiser to run the hub with TLS.");
          return self->end(refused(error));
        }
        if (outcome.error)
          return self->end(lost("cannot reach the hub at " + self->target_.where() + ": " +
                                outcome.error.message()));
        self->opened(std::move(outcome.stream), outcome.fingerprint, std::move(hello_line));
      });
}

core::Error HubLink::pin_refusal(const std::string& seen) const {
  const std::string shown = seen.empty() ? std::string("none") : short_pin(seen);
  if (target_.pin_remembered)
    return core::make_error(
        "certificate_changed", "pin",
        "The hub at " + target_.where() +
            " shows a different certificate from the one remembered from an earlier "
            "connection (SHA-256 " +
            target_.pin + " then, " + seen +
            " now). Someone on this network may be posing as "
            "the hub, or the organiser replaced its certificate. Ask the organiser; only if they "
            "replaced it, " +
            (target_.forget_hint.empty() ? std::string("forget the remembered pin")
                                         : target_.forget_hint) +
            " and join again with the new join code. Nothing was sent.");
  return core::make_error("wrong_pin", "pin",
                          "The hub at " + target_.where() + " shows a certificate with pin " +
                              shown + ", not the pin " + target_.pin +
                              " given for it (in the join code or typed): it may not be the "
                              "event's hub but someone between you and it on this network. "
                              "Check the join code or pin with the organiser. Nothing was sent.");
}

void HubLink::opened(std::unique_ptr<ByteStream> stream, const std::string& fingerprint,
                     std::string hello_line) {
  stream_ = std::move(stream);
  read_buffer_.resize(kReadBytes);
  send(std::move(hello_line));
  if (listener_ != nullptr) listener_->link_opened(fingerprint);
  if (listener_ != nullptr) read();
}

void HubLink::end(LinkEnd why) {
  Listener* listener = listener_;
  close();
  if (listener != nullptr) listener->link_ended(why);
}

void HubLink::close() {
  listener_ = nullptr;
  if (pause_) pause_->cancel();
  if (stream_) stream_->close();
  queue_.clear();
}

void HubLink::send(std::string line) {
  if (!is_open()) return;
  line += '\n';
  queue_.push_back(std::move(line));
  write();
}

void HubLink::write() {
  if (writing_ || queue_.empty() || !is_open()) return;
  writing_ = true;
  batch_.clear();
  while (!queue_.empty() && batch_.size() < kLinesPerWrite) {
    batch_.push_back(std::move(queue_.front()));
    queue_.pop_front();
  }
  buffers_.clear();
  for (const std::string& line : batch_) buffers_.push_back(asio::buffer(line));
  stream_->async_write(buffers_,
                       [self = shared_from_this()](const std::error_code& ec, std::size_t) {
                         self->writing_ = false;
                         if (self->listener_ == nullptr) return;
                         if (ec) return self->end(lost("connection lost: " + ec.message()));
                         self->write();
                       });
}

void HubLink::read() {
  stream_->async_read_some(
      asio::buffer(read_buffer_),
      [self = shared_from_this()](const std::error_code& ec, std::size_t n) {
        if (self->listener_ == nullptr) return;
        if (ec)
          return self->end(lost(
              (ec == asio::error::eof ? "the hub closed the connection"
                                      : "connection lost: " + ec.message()) +
              (self->reader_.frame_buffered() > 0 ? " in the middle of a compressed frame" : "")));
        self->bytes_received_ += n;
        self->listener_->link_read();
        const core::Status read = self->reader_.feed(std::string_view(self->read_buffer_.data(), n),
                                                     [&self](std::string_view line) {
                                                       if (self->listener_ == nullptr) return false;
                                                       self->listener_->link_line(line);
                                                       return self->listener_ != nullptr;
                                                     });
        if (self->listener_ == nullptr) return;
        if (!read) {
          // The connection is dropped and made again; the error says what the hub sent wrong.
          if (read.error().code == "line_too_long")
            return self->end(lost("the hub sent a line longer than the protocol allows"));
          return self->end(LinkEnd{read.error().message, read.error(), false});
        }
        const std::chrono::nanoseconds wait =
            self->pace_ ? self->pace_(n) : std::chrono::nanoseconds(0);
        if (wait.count() <= 0) return self->read();
        if (!self->pause_) self->pause_ = std::make_unique<asio::steady_timer>(self->io_);
        self->pause_->expires_after(wait);
        self->pause_->async_wait([self](const std::error_code& e) {
          if (!e && self->listener_ != nullptr) self->read();
        });
      });
}

}  // namespace crossmatch::net
