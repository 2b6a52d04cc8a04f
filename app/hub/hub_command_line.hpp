// crossmatch-hub's command line: its commands (serve, export, import, backup, assets,
// demo-event, replay) and their flags, defined once for parsing, usage and --help.
#pragma once

namespace crossmatch::hub {

// Parses the command line and runs the command it names; returns the exit status (2 for a
// command line that cannot run, with one line on standard error naming the flag).
int run_command_line(int argc, const char* const* argv);

}  // namespace crossmatch::hub
