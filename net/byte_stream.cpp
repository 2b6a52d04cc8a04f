#include "net/byte_stream.hpp"

namespace crossmatch::net {

TcpStream::TcpStream(asio::ip::tcp::socket socket) : socket_(std::move(socket)) {
  std::error_code ec;
  const auto endpoint = socket_.remote_endpoint(ec);
  peer_ = ec ? std::string("unknown") : endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
  socket_.set_option(asio::ip::tcp::no_delay(true), ec);
}

void TcpStream::async_read_some(asio::mutable_buffer buffer, Handler handler) {
  socket_.async_read_some(buffer, std::move(handler));
}

void TcpStream::async_write(const std::vector<asio::const_buffer>& buffers, Handler handler) {
  asio::async_write(socket_, buffers, std::move(handler));
}

void TcpStream::close() {
  std::error_code ec;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ec);
  socket_.close(ec);
}

void async_connect_tcp(asio::io_context& io, const std::string& host, unsigned short port,
                       ConnectHandler handler) {
  auto resolver = std::make_shared<asio::ip::tcp::resolver>(io);
  auto socket = std::make_shared<asio::ip::tcp::socket>(io);
  resolver->async_resolve(
      host, std::to_string(port),
      [resolver, socket, handler = std::move(handler)](const std::error_code& ec,
                                                       asio::ip::tcp::resolver::results_type results) mutable {
        if (ec) return handler(ec, nullptr);
        asio::async_connect(*socket, results,
                            [socket, handler = std::move(handler)](const std::error_code& ec2,
                                                                   const asio::ip::tcp::endpoint&) {
                              if (ec2) return handler(ec2, nullptr);
                              handler(ec2, std::make_unique<TcpStream>(std::move(*socket)));
                            });
      });
}

}  // namespace crossmatch::net
