// Reads long client lines on a thread of their own, so that the network thread, which every
// client shares, is never held by one line: a 4 MiB organiser line took the network thread
// 0.3 to 2.7 s to parse, and every other client waited that long for anything. Lines of up to
// kParseInlineBytes (every usual operation) are still read at once on the network thread: a
// thread hop costs more than they do. The connection reads nothing more of its own until its
// long line is read, so its lines keep their order.
#pragma once

#include <functional>
#include <string>

#include "core/error.hpp"
#include "net/hub_worker.hpp"
#include "net/messages.hpp"

namespace crossmatch::net {

inline constexpr std::size_t kParseInlineBytes = 16 * 1024;

// A client's line as the hub reads it: the message, or why it cannot be read and, when the line
// is an operation, its id, so that the refusal names the operation the client knows.
struct ReadLine {
  core::Result<ClientMessage> message;
  std::string op_id;
};
ReadLine read_client_line(std::string_view line);

class LineParser {
 public:
  using Done = std::function<void(ReadLine read)>;

  explicit LineParser(asio::io_context& io);
  ~LineParser();  // lines not read yet are dropped, with their callbacks
  LineParser(const LineParser&) = delete;
  LineParser& operator=(const LineParser&) = delete;

  // Reads `line` on the parser's thread; `done` is then posted to the io_context with what it
  // says. Lines are read in the order given.
  void parse(std::string line, Done done);

 private:
  HubWorker worker_;
};

}  // namespace crossmatch::net
