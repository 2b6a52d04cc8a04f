#include "net/line_parser.hpp"

namespace crossmatch::net {

ReadLine read_client_line(std::string_view line) {
  ReadLine read{parse_client_message(line), {}};
  if (!read.message) read.op_id = peek_operation_id(line);
  return read;
}

LineParser::LineParser(asio::io_context& io) : worker_(io) {}

LineParser::~LineParser() = default;

void LineParser::parse(std::string line, Done done) {
  worker_.run([line = std::move(line), done = std::move(done)]() mutable -> HubWorker::Then {
    ReadLine read = read_client_line(line);
    line = std::string();  // freed here, not on the network thread
    return [done = std::move(done), read = std::move(read)]() mutable { done(std::move(read)); };
  });
}

}  // namespace crossmatch::net
