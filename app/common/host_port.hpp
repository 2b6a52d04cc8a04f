// "HOST:PORT" as people type it (on the command line, in the join form): checked where it comes in.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace crossmatch::app {

struct HostPort {
  std::string host;
  unsigned short port = 0;
};

// "HOST:PORT" (a port 1-65535; an IPv6 host in brackets: "[::1]:7420"). Errors name the field
// "hub": every address typed so far is a hub's.
core::Result<HostPort> parse_host_port(std::string_view text);

}  // namespace crossmatch::app
