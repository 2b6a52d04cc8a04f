// The hub's latest operations kept in memory: reads they cover are answered from memory, only
// durable operations are ever answered, and older reads go to the log underneath.
#include <doctest/doctest.h>

#include <asio/io_context.hpp>
#include <asio/post.hpp>

#include "net/recent_log.hpp"

namespace {

using namespace crossmatch;

// A log underneath that keeps what it is given, answers reads from it, and lets the test say
// when operations are durable.
class ListLog final : public net::HubLog {
 public:
  std::vector<core::Operation> ops;
  int reads = 0;
  net::DurabilityListener* listener = nullptr;

  void set_listener(net::DurabilityListener* l) override { listener = l; }
  void before_apply(const core::EventState&, const core::Operation&) override {}
  void append(core::Operation op, std::optional<net::HubCredential>,
              const core::EventState&) override {
    ops.push_back(std::move(op));
  }
  void put_credential(net::HubCredential, std::function<void(core::Status)> done) override {
    done(core::Status::success());
  }
  void find_credential(
      std::string,
      std::function<void(core::Result<std::optional<net::HubCredential>>)> done) override {
    done(std::optional<net::HubCredential>{});
  }
  void read_after(std::uint64_t after, std::size_t limit,
                  std::function<void(core::Result<std::vector<core::Operation>>)> done) override {
    ++reads;
    std::vector<core::Operation> out;
    for (const auto& op : ops)
      if (op.sequence > after && out.size() < limit) out.push_back(op);
    done(std::move(out));
  }
};

class Durable final : public net::DurabilityListener {
 public:
  std::uint64_t seq = 0;
  bool failed = false;
  void on_durable(std::uint64_t s) override { seq = s; }
  void on_storage_failed(const core::Error&) override { failed = true; }
};

core::Operation op(std::uint64_t seq) {
  core::Operation o;
  o.sequence = seq;
  o.id = "op" + std::to_string(seq);
  o.payload = core::Announce{.text = "Note " + std::to_string(seq)};
  return o;
}

std::vector<std::uint64_t> read_back(asio::io_context& io, net::HubLog& log, std::uint64_t after,
                                     std::size_t limit = 100) {
  std::vector<std::uint64_t> seqs;
  bool answered = false;
  log.read_after(after, limit, [&](core::Result<std::vector<core::Operation>> ops) {
    answered = true;
    REQUIRE(ops.ok());
    for (const auto& o : *ops) seqs.push_back(o.sequence);
  });
  io.restart();
  io.run();
  CHECK(answered);
  return seqs;
}

}  // namespace

TEST_CASE(
    "the latest operations are read from memory, only once durable, older ones from the log") {
  asio::io_context io;
  ListLog under;
  net::RecentLog recent(io, under, 5);
  Durable durable;
  recent.set_listener(&durable);
  const core::EventState state;
  for (std::uint64_t s = 1; s <= 10; ++s) recent.append(op(s), std::nullopt, state);
  CHECK(under.ops.size() == 10);  // everything goes on to the log

  // Durability passes through to the hub; nothing past it is ever read back.
  under.listener->on_durable(8);
  CHECK(durable.seq == 8);
  CHECK(read_back(io, recent, 6) == std::vector<std::uint64_t>{7, 8});
  CHECK(read_back(io, recent, 5) == std::vector<std::uint64_t>{6, 7, 8});
  CHECK(read_back(io, recent, 5, 2) == std::vector<std::uint64_t>{6, 7});
  CHECK(read_back(io, recent, 8).empty());
  CHECK(under.reads == 0);
  CHECK(recent.served_from_memory() == 4);

  // Operation 5 is no longer kept (5 kept: 6 to 10): the log answers.
  CHECK(read_back(io, recent, 4) == std::vector<std::uint64_t>{5, 6, 7, 8, 9, 10});
  CHECK(under.reads == 1);
  CHECK(recent.served_from_log() == 1);

  // A failed commit: 9 and 10 are lost and never read from memory.
  under.listener->on_storage_failed(core::Error{"storage_failed", "", "disk full"});
  CHECK(durable.failed);
  under.listener->on_durable(10);  // even were durability to move on
  CHECK(read_back(io, recent, 8).empty());
}

TEST_CASE(
    "after a restart nothing is in memory: reads before the restored sequence go to the log") {
  asio::io_context io;
  ListLog under;
  for (std::uint64_t s = 1; s <= 4; ++s) under.ops.push_back(op(s));
  net::RecentLog recent(io, under);
  recent.restored(4);
  CHECK(read_back(io, recent, 2) == std::vector<std::uint64_t>{3, 4});
  CHECK(under.reads == 1);
  CHECK(read_back(io, recent, 4).empty());  // nothing after the restored state yet
  const core::EventState state;
  recent.append(op(5), std::nullopt, state);
  under.listener->on_durable(5);
  CHECK(read_back(io, recent, 4) == std::vector<std::uint64_t>{5});
  CHECK(under.reads == 1);
}
