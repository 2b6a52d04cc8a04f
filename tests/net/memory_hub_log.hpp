// A hub log for tests of the hub in one process: it keeps what it is given, reports it durable at
// once (on the hub's io_context, as the storage thread would), and knows the credentials put in.
#pragma once

#include <asio/io_context.hpp>
#include <asio/post.hpp>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "net/hub_server.hpp"

namespace crossmatch::test {

class MemoryLog final : public net::HubLog {
 public:
  explicit MemoryLog(asio::io_context& io) : io_(io) {}
  std::vector<core::Operation> appended;
  std::map<std::string, net::HubCredential> credentials;  // by token hash

  void set_listener(net::DurabilityListener* listener) override { listener_ = listener; }
  void before_apply(const core::EventState&, const core::Operation&) override {}
  void append(core::Operation op, std::optional<net::HubCredential>,
              const core::EventState&) override {
    const std::uint64_t seq = op.sequence;
    appended.push_back(std::move(op));
    asio::post(io_, [this, seq] {
      if (listener_ != nullptr) listener_->on_durable(seq);
    });
  }
  void put_credential(net::HubCredential credential,
                      std::function<void(core::Status)> done) override {
    credentials[credential.token_hash] = credential;
    done(core::Status::success());
  }
  void find_credential(
      std::string hash,
      std::function<void(core::Result<std::optional<net::HubCredential>>)> done) override {
    const auto it = credentials.find(hash);
    done(it == credentials.end() ? std::optional<net::HubCredential>{}
                                 : std::optional<net::HubCredential>{it->second});
  }
  void read_after(std::uint64_t, std::size_t,
                  std::function<void(core::Result<std::vector<core::Operation>>)> done) override {
    done(std::vector<core::Operation>{});
  }

 private:
  asio::io_context& io_;
  net::DurabilityListener* listener_ = nullptr;
};

}  // namespace crossmatch::test
