#include "net/hub_connection.hpp"

#include <algorithm>

namespace crossmatch::net {
namespace {

constexpr std::size_t kLowWater = 64 * 1024;      // below this, the owner may send more catch-up
constexpr std::size_t kBacklogFill = 256 * 1024;  // backlog moves into the queue up to this
constexpr std::size_t kMaxWriteBytes = 256 * 1024;
constexpr std::size_t kMaxWriteLines = 256;

}  // namespace

Line make_line(std::string text) {
  text += '\n';
  return std::make_shared<const std::string>(std::move(text));
}

bool RateLimiter::take(std::chrono::steady_clock::time_point now) {
  if (last_) {
    const double elapsed = std::chrono::duration<double>(now - *last_).count();
    tokens_ = std::min(burst_, tokens_ + elapsed * rate_);
  }
  last_ = now;
  if (tokens_ < 1.0) return false;
  tokens_ -= 1.0;
  return true;
}

HubConnection::HubConnection(std::unique_ptr<ByteStream> stream, std::uint64_t id,
                             HubConnectionOwner& owner, std::size_t max_line_bytes,
                             std::size_t max_unsent_bytes, RateLimiter rate_limiter)
    : limiter(rate_limiter),
      stream_(std::move(stream)),
      id_(id),
      owner_(owner),
      peer_(stream_->peer()),
      splitter_(max_line_bytes),
      max_unsent_(max_unsent_bytes) {}

void HubConnection::start() {
  read();
}

void HubConnection::resume_reading() {
  paused_ = false;
  read();
}

void HubConnection::resume_lines() {
  if (awaiting_ > 0) --awaiting_;
  if (awaiting_ == 0) deliver();
}

void HubConnection::deliver() {
  const auto self = shared_from_this();
  while (awaiting_ == 0 && !lines_.empty()) {
    if (closing_ || closed_) return;
    std::string line = std::move(lines_.front());
    lines_.pop_front();
    owner_.on_line(self, std::move(line));
  }
  if (awaiting_ > 0 || closing_ || closed_) return;
  if (line_too_long_) {
    line_too_long_ = false;
    paused_ = true;
    owner_.on_line_too_long(self);
    return;
  }
  read();
}

void HubConnection::read() {
  if (paused_ || reading_ || closing_ || closed_ || awaiting_ > 0) return;
  reading_ = true;
  stream_->async_read_ready(
      [self = shared_from_this()](const std::error_code& ec, std::string_view bytes) {
        self->reading_ = false;
        if (self->closed_) return;
        if (ec) {
          self->close_now(ec == asio::error::eof ? "the client closed the connection"
                                                 : "read failed: " + ec.message());
          return;
        }
        if (self->closing_) {
          if (self->lingering_) self->discard();
          return;
        }
        self->last_received_ = Clock::now();
        std::vector<std::string> lines;
        const bool ok = self->splitter_.feed(bytes, lines);
        for (std::string& line : lines) self->lines_.push_back(std::move(line));
        self->line_too_long_ = !ok;
        self->deliver();
      });
}

void HubConnection::send(const Line& line) {
  if (closing_ || closed_ || !line) return;
  held_ = false;
  enqueue(line);
}

void HubConnection::send_held(const Line& line) {
  if (closing_ || closed_ || !line) return;
  held_ = true;
  enqueue(line);
}

void HubConnection::release() {
  held_ = false;
  if (!corked_) write();
}

void HubConnection::enqueue(const Line& line) {
  if (!backlog_.empty()) {
    backlog_.emplace_back(line, true);
    backlog_live_bytes_ += line->size();
  } else {
    queue_.push_back(line);
    queued_bytes_ += line->size();
  }
  if (unsent_bytes() > max_unsent_) {
    close_with(
        ErrorMessage{
            core::make_error("too_slow", "",
                             "The client did not read what the hub sent fast enough (more than " +
                                 std::to_string(max_unsent_ / (1024 * 1024)) +
                                 " MiB waiting); reconnect to catch up."),
            true},
        "too slow: more than " + std::to_string(max_unsent_) + " bytes unsent");
    return;
  }
  if (!corked_ && !held_) write();
}

void HubConnection::uncork() {
  corked_ = false;
  if (!held_) write();
}

void HubConnection::send_backlog(std::vector<Line> lines) {
  if (closing_ || closed_) return;
  // Anything queued behind an earlier backlog stays behind this one too.
  for (Line& line : lines) backlog_.emplace_back(std::move(line), false);
  fill_from_backlog();
  write();
}

void HubConnection::fill_from_backlog() {
  while (!backlog_.empty() && queued_bytes_ < kBacklogFill) {
    auto [line, live] = std::move(backlog_.front());
    backlog_.pop_front();
    if (live) backlog_live_bytes_ -= line->size();
    queued_bytes_ += line->size();
    queue_.push_back(std::move(line));
  }
}

std::optional<HubConnection::Clock::time_point> HubConnection::write_started() const {
  if (!write_in_flight_) return std::nullopt;
  return write_started_;
}

void HubConnection::write() {
  if (write_in_flight_ || queue_.empty() || closed_) return;
  writing_.clear();
  buffers_.clear();
  std::size_t bytes = 0;
  for (const Line& line : queue_) {
    if (!writing_.empty() &&
        (writing_.size() >= kMaxWriteLines || bytes + line->size() > kMaxWriteBytes))
      break;
    writing_.push_back(line);
    buffers_.push_back(asio::buffer(*line));
    bytes += line->size();
  }
  write_in_flight_ = true;
  write_started_ = Clock::now();
  stream_->async_write(
      buffers_, [self = shared_from_this(), bytes](const std::error_code& ec, std::size_t) {
        self->write_in_flight_ = false;
        if (self->closed_) return;
        if (ec) {
          self->close_now("write failed: " + ec.message());
          return;
        }
        for (std::size_t i = 0; i < self->writing_.size(); ++i) self->queue_.pop_front();
        self->queued_bytes_ -= bytes;
        self->writing_.clear();
        self->fill_from_backlog();
        if (self->closing_ && self->queue_.empty()) {
          self->linger();
          return;
        }
        self->write();
        if (!self->closing_ && self->queued_bytes_ < kLowWater && self->backlog_.empty())
          self->owner_.on_drained(self);
      });
}

void HubConnection::close_with(const ErrorMessage& error, const std::string& reason) {
  if (closing_ || closed_) return;
  close_reason_ = reason;
  closing_ = true;
  closing_since_ = Clock::now();
  paused_ = true;
  tell_closing();
  backlog_.clear();
  backlog_live_bytes_ = 0;
  // Whatever is not being written yet gives way to the error line.
  const std::size_t in_flight = write_in_flight_ ? writing_.size() : 0;
  while (queue_.size() > in_flight) {
    queued_bytes_ -= queue_.back()->size();
    queue_.pop_back();
  }
  const Line line = make_line(encode(error));
  queue_.push_back(line);
  queued_bytes_ += line->size();
  write();
}

// The error line is out. Closing the socket now, with lines the client sent still unread, would
// reset the connection, and the client could lose that line before reading it (a client
// flooding the hub, or sending an over-long line, is still writing). So the sending side ends
// here, what still arrives is read and dropped, and the socket closes when the client closes
// its side, or when the hub's grace for closing connections runs out.
void HubConnection::linger() {
  if (lingering_ || closed_) return;
  lingering_ = true;
  stream_->shutdown_send();
  discard();
}

void HubConnection::discard() {
  if (reading_ || closed_) return;
  reading_ = true;
  stream_->async_read_ready(
      [self = shared_from_this()](const std::error_code& ec, std::string_view) {
        self->reading_ = false;
        if (self->closed_) return;
        if (ec) {
          self->finish_close();
          return;
        }
        self->discard();
      });
}

void HubConnection::close_now(const std::string& reason) {
  if (closed_) return;
  if (close_reason_.empty()) close_reason_ = reason;
  finish_close();
}

void HubConnection::tell_closing() {
  if (closing_told_) return;
  closing_told_ = true;
  owner_.on_closing(*this);
}

void HubConnection::finish_close() {
  if (closed_) return;
  tell_closing();
  closed_ = true;
  stream_->close();
  backlog_.clear();
  owner_.on_closed(shared_from_this());
}

}  // namespace crossmatch::net
