// The hub's worker thread: jobs run off the network thread, one at a time in the order posted,
// and what each returns runs on the network thread (the io_context's).
#include <doctest/doctest.h>

#include <asio/executor_work_guard.hpp>
#include <asio/io_context.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "net/hub_worker.hpp"

namespace {

using namespace crossmatch;

TEST_CASE("hub worker: jobs in order off the network thread, their answers on it") {
  asio::io_context io;
  auto guard = asio::make_work_guard(io);
  const auto network = std::this_thread::get_id();
  std::vector<int> ran, answered;
  bool off_network = true, on_network = true;
  {
    net::HubWorker worker(io);
    for (int i = 0; i < 5; ++i) {
      worker.run([&, i]() -> net::HubWorker::Then {
        off_network = off_network && std::this_thread::get_id() != network;
        ran.push_back(i);       // one job at a time: no lock needed
        if (i == 2) return {};  // nothing to do afterwards
        return [&, i] {
          on_network = on_network && std::this_thread::get_id() == network;
          answered.push_back(i);
          if (answered.size() == 4) guard.reset();
        };
      });
    }
    io.run_for(std::chrono::seconds(10));
  }
  CHECK(ran == std::vector<int>{0, 1, 2, 3, 4});
  CHECK(answered == std::vector<int>{0, 1, 3, 4});
  CHECK(off_network);
  CHECK(on_network);
}

TEST_CASE("hub worker: jobs not started when it stops are dropped, the running one finishes") {
  asio::io_context io;
  std::atomic<bool> started{false}, release{false}, finished{false};
  std::atomic<int> later{0};
  std::thread releaser;
  {
    net::HubWorker worker(io);
    worker.run([&]() -> net::HubWorker::Then {
      started = true;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      finished = true;
      return {};
    });
    for (int i = 0; i < 3; ++i)
      worker.run([&]() -> net::HubWorker::Then {
        ++later;
        return {};
      });
    while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    releaser = std::thread([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      release = true;
    });
  }  // the destructor waits for the running job
  releaser.join();
  CHECK(finished);
  CHECK(later == 0);
}

}  // namespace
