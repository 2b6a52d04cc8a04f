// A thread of the hub's for work too long for the network thread (a shared snapshot's encoding and
// compression, reading a long line): each job runs there in turn and returns what to do next on the
// network thread, which is then posted to the io_context. Jobs not started when it is destroyed are
// dropped; the one running is finished first. Whoever posts a job whose answer touches it must
// outlive the io_context's handlers or check that it still lives.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace asio {
class io_context;
}

namespace crossmatch::net {

class HubWorker {
 public:
  using Then = std::function<void()>;  // on the network thread
  using Job = std::function<Then()>;   // on the worker's thread

  explicit HubWorker(asio::io_context& io);
  ~HubWorker();
  HubWorker(const HubWorker&) = delete;
  HubWorker& operator=(const HubWorker&) = delete;

  void run(Job job);

 private:
  void loop();

  asio::io_context& io_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace crossmatch::net
