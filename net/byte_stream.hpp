// The byte stream under a connection, behind one small interface so that the transport can be
// swapped (plain TCP now; TLS slots in as another implementation) without touching the protocol.
// Internal to net/: includes asio.
#pragma once

// A standard header before asio, so that asio's configuration sees the library's
// _GLIBCXX_HAVE_ALIGNED_ALLOC in every file: otherwise files that include asio first allocate
// handler memory with operator new and others free it with std::free (AddressSanitizer reports
// the mismatch as soon as a client connection runs).
#include <cstddef>

#include <asio.hpp>

#include <functional>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

namespace crossmatch::net {

class ByteStream {
 public:
  using Handler = std::function<void(const std::error_code&, std::size_t)>;
  virtual ~ByteStream() = default;
  virtual void async_read_some(asio::mutable_buffer buffer, Handler handler) = 0;
  // Writes all of `buffers` (the caller keeps them alive until the handler runs).
  virtual void async_write(const std::vector<asio::const_buffer>& buffers, Handler handler) = 0;
  // Closes both directions at once; pending operations complete with an error.
  virtual void close() = 0;
  // "127.0.0.1:54321", for log lines.
  virtual std::string peer() const = 0;
};

class TcpStream final : public ByteStream {
 public:
  explicit TcpStream(asio::ip::tcp::socket socket);
  void async_read_some(asio::mutable_buffer buffer, Handler handler) override;
  void async_write(const std::vector<asio::const_buffer>& buffers, Handler handler) override;
  void close() override;
  std::string peer() const override { return peer_; }

 private:
  asio::ip::tcp::socket socket_;
  std::string peer_;
};

// Resolves and connects; the handler gets a stream or the error.
using ConnectHandler = std::function<void(const std::error_code&, std::unique_ptr<ByteStream>)>;
void async_connect_tcp(asio::io_context& io, const std::string& host, unsigned short port,
                       ConnectHandler handler);

}  // namespace crossmatch::net
