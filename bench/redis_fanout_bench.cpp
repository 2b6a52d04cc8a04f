// redis-fanout: the reference for the hub's fan-out. C subscribers on one Redis channel and one
// publisher sending messages of the hub's broadcast size at the same rate, measured as
// crossmatch-load measures the hub: from publishing to the last subscriber holding the message.
// Speaks RESP over asio itself (no client library), on one thread like the load generator.
// A standard header first: asio picks its allocation functions (aligned_alloc/free or operator
// new/delete) from a libstdc++ macro that only a standard header defines; every file must see
// the same choice, or memory allocated in one file is freed by the other pair in another.
#include <cstddef>

#include <asio.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench/bench_common.hpp"
#include "bench/bench_options.hpp"

namespace crossmatch::bench {
namespace {

using asio::ip::tcp;

constexpr const char* kName = "redis-fanout";
constexpr const char* kChannel = "ch";

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

std::string resp_command(const std::vector<std::string>& parts) {
  std::string out = "*" + std::to_string(parts.size()) + "\r\n";
  for (const std::string& p : parts) out += "$" + std::to_string(p.size()) + "\r\n" + p + "\r\n";
  return out;
}

struct Delivery {
  int count = 0;
  Clock::time_point last;
};

class Fanout;

// A subscriber: after its subscribe confirmation, every message is a frame of one fixed size.
class Subscriber : public std::enable_shared_from_this<Subscriber> {
 public:
  Subscriber(asio::io_context& io, Fanout& fanout) : socket_(io), fanout_(fanout) {}
  void connect(const tcp::endpoint& endpoint);
  tcp::socket socket_;

 private:
  void read();
  void consume();
  Fanout& fanout_;
  std::array<char, 64 * 1024> buffer_{};
  std::string pending_;
  bool subscribed_ = false;
};

class Fanout {
 public:
  Fanout(asio::io_context& io, int subscribers, double rate, std::size_t bytes, double seconds)
      : io_(io),
        subscribers_n_(subscribers),
        rate_(rate),
        bytes_(bytes),
        seconds_(seconds),
        publisher_(io),
        timer_(io) {
    // "*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$B\r\n<B bytes>\r\n"
    frame_header_ = "*3\r\n$7\r\nmessage\r\n$" + std::to_string(std::string(kChannel).size()) +
                    "\r\n" + kChannel + "\r\n$" + std::to_string(bytes_) + "\r\n";
    frame_bytes_ = frame_header_.size() + bytes_ + 2;
    subscribe_reply_ = "*3\r\n$9\r\nsubscribe\r\n$" + std::to_string(std::string(kChannel).size()) +
                       "\r\n" + kChannel + "\r\n:1\r\n";
  }

  void start(const tcp::endpoint& endpoint) {
    endpoint_ = endpoint;
    for (int i = 0; i < subscribers_n_; ++i)
      subscribers_.push_back(std::make_shared<Subscriber>(io_, *this));
    connect_more();
  }

  void connect_more() {
    for (int started = 0; next_ < subscribers_n_ && started < 50; ++started)
      subscribers_[next_++]->connect(endpoint_);
    if (next_ < subscribers_n_) {
      auto t = std::make_shared<asio::steady_timer>(io_, std::chrono::milliseconds(20));
      t->async_wait([this, t](const std::error_code&) { connect_more(); });
    }
  }

  void subscribed() {
    if (++subscribed_ + failed_ == subscribers_n_) begin();
  }
  void failed(const std::string& why) {
    if (failures_shown_++ < 5)
      std::fprintf(stderr, "crossmatch-bench redis-fanout: %s\n", why.c_str());
    if (subscribed_ + ++failed_ == subscribers_n_) begin();
  }

  void begin() {
    publisher_.async_connect(endpoint_, [this](const std::error_code& ec) {
      if (ec) {
        std::fprintf(stderr, "crossmatch-bench redis-fanout: publisher: %s\n",
                     ec.message().c_str());
        io_.stop();
        return;
      }
      publisher_.set_option(tcp::no_delay(true));
      read_publisher();
      start_ = Clock::now();
      tick();
    });
  }

  // The publisher's replies (":N" subscriber counts) are read and dropped.
  void read_publisher() {
    publisher_.async_read_some(asio::buffer(publisher_buffer_),
                               [this](const std::error_code& ec, std::size_t) {
                                 if (!ec) read_publisher();
                               });
  }

  void tick() {
    const double elapsed = seconds_since(start_);
    if (elapsed >= seconds_) return finish();
    std::string batch;
    while (static_cast<double>(published_) < elapsed * rate_) {
      const std::uint64_t seq = ++published_;
      std::string payload = "M" + std::to_string(seq) + ":";
      payload.resize(bytes_, 'x');
      batch += resp_command({"PUBLISH", kChannel, payload});
      sent_at_[seq] = Clock::now();
    }
    if (!batch.empty()) {
      auto data = std::make_shared<std::string>(std::move(batch));
      asio::async_write(publisher_, asio::buffer(*data),
                        [data](const std::error_code&, std::size_t) {});
    }
    timer_.expires_after(std::chrono::milliseconds(5));
    timer_.async_wait([this](const std::error_code& ec) {
      if (!ec) tick();
    });
  }

  void received(std::uint64_t seq) {
    Delivery& d = deliveries_[seq];
    ++d.count;
    d.last = Clock::now();
  }

  void finish() {
    // Messages published in the last moments get half a second to arrive.
    timer_.expires_after(std::chrono::milliseconds(500));
    timer_.async_wait([this](const std::error_code&) {
      std::vector<double> fanout;
      std::uint64_t complete = 0;
      for (const auto& [seq, at] : sent_at_) {
        const auto d = deliveries_.find(seq);
        if (d == deliveries_.end() || d->second.count < subscribed_) continue;
        ++complete;
        fanout.push_back(std::chrono::duration<double, std::milli>(d->second.last - at).count());
      }
      std::printf(
          "{\"bench\":\"redis-fanout\",\"subscribers\":%d,\"messages\":%llu,\"bytes\":%zu,\"fanout_"
          "p50_ms\":%.2f,"
          "\"fanout_p99_ms\":%.2f,\"complete\":%llu,\"failed_subscribers\":%d}\n",
          subscribed_, static_cast<unsigned long long>(published_), bytes_, percentile(fanout, 0.5),
          percentile(fanout, 0.99), static_cast<unsigned long long>(complete), failed_);
      std::fflush(stdout);
      io_.stop();
    });
  }

  const std::string& frame_header() const { return frame_header_; }
  std::size_t frame_bytes() const { return frame_bytes_; }
  const std::string& subscribe_reply() const { return subscribe_reply_; }

 private:
  asio::io_context& io_;
  int subscribers_n_;
  double rate_;
  std::size_t bytes_;
  double seconds_;
  tcp::socket publisher_;
  asio::steady_timer timer_;
  std::array<char, 4096> publisher_buffer_{};
  tcp::endpoint endpoint_;
  std::vector<std::shared_ptr<Subscriber>> subscribers_;
  int next_ = 0, subscribed_ = 0, failed_ = 0, failures_shown_ = 0;
  Clock::time_point start_;
  std::uint64_t published_ = 0;
  std::unordered_map<std::uint64_t, Clock::time_point> sent_at_;
  std::unordered_map<std::uint64_t, Delivery> deliveries_;
  std::string frame_header_, subscribe_reply_;
  std::size_t frame_bytes_ = 0;
};

void Subscriber::connect(const tcp::endpoint& endpoint) {
  socket_.async_connect(endpoint, [self = shared_from_this()](const std::error_code& ec) {
    if (ec) return self->fanout_.failed("connect: " + ec.message());
    std::error_code ignored;
    self->socket_.set_option(tcp::no_delay(true), ignored);
    auto command = std::make_shared<std::string>(resp_command({"SUBSCRIBE", kChannel}));
    asio::async_write(self->socket_, asio::buffer(*command),
                      [command](const std::error_code&, std::size_t) {});
    self->read();
  });
}

void Subscriber::read() {
  socket_.async_read_some(asio::buffer(buffer_),
                          [self = shared_from_this()](const std::error_code& ec, std::size_t n) {
                            if (ec) {
                              if (!self->subscribed_) self->fanout_.failed("read: " + ec.message());
                              return;
                            }
                            self->pending_.append(self->buffer_.data(), n);
                            self->consume();
                            self->read();
                          });
}

void Subscriber::consume() {
  if (!subscribed_) {
    const std::string& reply = fanout_.subscribe_reply();
    if (pending_.size() < reply.size()) return;
    if (pending_.compare(0, reply.size(), reply) != 0) {
      fanout_.failed("unexpected reply to SUBSCRIBE: " + pending_.substr(0, 40));
      socket_.close();
      return;
    }
    pending_.erase(0, reply.size());
    subscribed_ = true;
    fanout_.subscribed();
  }
  const std::size_t frame = fanout_.frame_bytes();
  const std::size_t header = fanout_.frame_header().size();
  std::size_t at = 0;
  while (pending_.size() - at >= frame) {
    // The payload starts "M<seq>:".
    std::uint64_t seq = 0;
    for (std::size_t i = at + header + 1; i < at + frame && pending_[i] != ':'; ++i)
      seq = seq * 10 + static_cast<std::uint64_t>(pending_[i] - '0');
    fanout_.received(seq);
    at += frame;
  }
  pending_.erase(0, at);
}

}  // namespace

int run_redis_fanout(const RedisFanoutOptions& options) {
  std::error_code ec;
  const auto address = asio::ip::make_address(options.host, ec);
  if (ec) return fail(kName, "--host must be an IP address");
  asio::io_context io(1);
  Fanout fanout(io, options.subscribers, options.rate, static_cast<std::size_t>(options.bytes),
                options.seconds);
  fanout.start(tcp::endpoint(address, static_cast<unsigned short>(options.port)));
  io.run();
  return 0;
}

}  // namespace crossmatch::bench
