#include "app/client/state/command_line.hpp"

#include <charconv>
#include <cstdlib>

namespace crossmatch::client {

core::Result<HubAddress> parse_hub_address(std::string_view text) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return core::make_error("bad_hub", "hub", "The hub address must be HOST:PORT, e.g. 127.0.0.1:7420.");
  }
  std::string_view host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string_view port_text = text.substr(colon + 1);
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), value);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || value == 0 || value > 65535) {
    return core::make_error("bad_port", "hub", "The hub's port must be a number from 1 to 65535, not '" +
                                                   std::string(port_text) + "'.");
  }
  if (host.empty() || host.find_first_of(" \t/") != std::string_view::npos) {
    return core::make_error("bad_hub", "hub", "The hub's host name '" + std::string(host) + "' is not valid.");
  }
  return HubAddress{std::string(host), static_cast<unsigned short>(value)};
}

core::Result<ClientArgs> parse_client_args(int argc, const char* const* argv) {
  ClientArgs args;
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "-h" || flag == "--help") {
      args.help = true;
      continue;
    }
    if (flag == "--insecure") {
      args.insecure = true;
      continue;
    }
    if (i + 1 >= argc) return core::make_error("missing_value", std::string(flag), "The flag " + std::string(flag) + " needs a value.");
    const std::string value = argv[++i];
    if (flag == "--hub") {
      auto hub = parse_hub_address(value);
      if (!hub) return hub.error();
      args.hub = *hub;
      args.has_hub = true;
    } else if (flag == "--code") {
      args.code = value;
    } else if (flag == "--token") {
      args.token = value;
    } else if (flag == "--pin") {
      args.pin = value;
    } else if (flag == "--screen") {
      args.screen = value;
    } else if (flag == "--screenshot") {
      args.screenshot = value;
    } else if (flag == "--config") {
      args.config_dir = value;
    } else if (flag == "--after") {
      char* end = nullptr;
      args.after = std::strtod(value.c_str(), &end);
      if (end == value.c_str() || *end != '\0' || !(args.after >= 0 && args.after <= 3600)) {
        return core::make_error("bad_after", "--after", "--after takes seconds from 0 to 3600, not '" + value + "'.");
      }
    } else {
      return core::make_error("unknown_flag", std::string(flag), "Unknown flag " + std::string(flag) + ".");
    }
  }
  if (!args.code.empty() && !args.token.empty()) {
    return core::make_error("code_and_token", "--token", "Give --code or --token, not both.");
  }
  if (args.insecure && !args.pin.empty()) {
    return core::make_error("pin_and_insecure", "--pin", "--pin checks the hub's certificate; --insecure has none.");
  }
  if ((!args.code.empty() || !args.token.empty()) && !args.has_hub) {
    return core::make_error("missing_hub", "--hub", "--code and --token need --hub HOST:PORT.");
  }
  return args;
}

}  // namespace crossmatch::client
