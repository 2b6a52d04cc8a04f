#include "app/common/host_port.hpp"

#include <charconv>

namespace crossmatch::app {

core::Result<HostPort> parse_host_port(std::string_view text) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return core::make_error("bad_hub", "hub",
                            "The hub address must be HOST:PORT, e.g. 127.0.0.1:7420.");
  }
  std::string_view host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  const std::string_view port_text = text.substr(colon + 1);
  unsigned value = 0;
  const auto [end, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), value);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || value == 0 ||
      value > 65535) {
    return core::make_error(
        "bad_port", "hub",
        "The hub's port must be a number from 1 to 65535, not '" + std::string(port_text) + "'.");
  }
  if (host.empty() || host.find_first_of(" \t/") != std::string_view::npos) {
    return core::make_error("bad_hub", "hub",
                            "The hub's host name '" + std::string(host) + "' is not valid.");
  }
  return HostPort{std::string(host), static_cast<unsigned short>(value)};
}

}  // namespace crossmatch::app
