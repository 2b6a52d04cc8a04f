// The client's command line: where the hub is, how to join, and a screenshot mode for docs and
// tests. Bad flags give an error naming the flag. Defined in client_command_line.cpp, the
// client's one file that includes CLI11; the screen names come from the client's screen table.
#pragma once

#include <string>

#include "app/common/host_port.hpp"
#include "core/error.hpp"

namespace crossmatch::client {

struct ClientArgs {
  bool help = false;  // --help: print client_help()
  bool has_hub = false;
  app::HostPort hub;
  std::string code, token;
  std::string pin;
  bool insecure = false;
  std::string screen;
  std::string screenshot;
  double after = 3.0;
  std::string config_dir;
  std::string theme;        // --theme light|dark for this run; empty: the remembered one
  int zoom = 0;             // --zoom 100..200 for this run; 0: the remembered one
  std::string language;     // --language CODE for this run; empty: the remembered one
  std::string layout_dump;  // --layout-dump FILE: the text drawn and where, rewritten as it changes
  bool kiosk = false;       // --kiosk: a shared computer where people sign in by check-in code
};

core::Result<ClientArgs> parse_client_args(int argc, const char* const* argv);
// The usage and every flag, as --help prints them.
std::string client_help();

}  // namespace crossmatch::client
