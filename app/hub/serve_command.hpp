// `crossmatch-hub serve --db FILE [--host H] [--port P] [--demo N] ...`: runs the hub of one
// event: the network thread (this one), the storage thread and the matcher thread.
#pragma once

#include "app/hub/command_line.hpp"

namespace crossmatch::hub {

// The flags `serve` takes, for the command-line parser.
extern const char* const kServeUsage;
std::set<std::string> serve_value_flags();
std::set<std::string> serve_switches();

int run_serve(const CommandLine& args);

}  // namespace crossmatch::hub
