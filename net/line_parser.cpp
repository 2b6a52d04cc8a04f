#include "net/line_parser.hpp"

#include <asio/io_context.hpp>
#include <asio/post.hpp>

namespace crossmatch::net {

ReadLine read_client_line(std::string_view line) {
  ReadLine read{parse_client_message(line), {}};
  if (!read.message) read.op_id = peek_operation_id(line);
  return read;
}

LineParser::LineParser(asio::io_context& io) : io_(io), thread_([this] { run(); }) {}

LineParser::~LineParser() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    jobs_.clear();
  }
  wake_.notify_one();
  thread_.join();
}

void LineParser::parse(std::string line, Done done) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(Job{std::move(line), std::move(done)});
  }
  wake_.notify_one();
}

void LineParser::run() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    ReadLine read = read_client_line(job.line);
    job.line = std::string();  // freed here, not on the network thread
    asio::post(io_, [done = std::move(job.done), read = std::move(read)]() mutable {
      done(std::move(read));
    });
  }
}

}  // namespace crossmatch::net
