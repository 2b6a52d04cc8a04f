#include "net/hub_worker.hpp"

#include <asio/io_context.hpp>
#include <asio/post.hpp>

namespace crossmatch::net {

HubWorker::HubWorker(asio::io_context& io) : io_(io), thread_([this] { loop(); }) {}

HubWorker::~HubWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    jobs_.clear();
  }
  wake_.notify_one();
  thread_.join();
}

void HubWorker::run(Job job) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  wake_.notify_one();
}

void HubWorker::loop() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    Then then = job();
    if (then) asio::post(io_, std::move(then));
  }
}

}  // namespace crossmatch::net
