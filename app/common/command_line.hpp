// The programs' command lines: CLI11 (Debian's libcli11-dev) with the checks the programs share
// and one clear line for each problem, naming the flag. A program defines its flags once, in one
// file that includes <CLI/CLI.hpp>; its usage and --help come from those definitions. CLI11 is a
// heavy header: this one only names its types.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace crossmatch::app {

class CommandLine {
 public:
  // `program` names the program in messages and in the usage line; `about` opens its help.
  CommandLine(std::string program, std::string about);
  ~CommandLine();
  CommandLine(const CommandLine&) = delete;
  CommandLine& operator=(const CommandLine&) = delete;

  // The program's flags and subcommands are added here.
  CLI::App& app();
  const std::string& program() const;

  // Checks for an option made with CLI11's add_option (each returns it). A value that fails one
  // is reported as "--port is 99999; it must be between 0 and 65535." and the like; the help
  // shows the range. They run on the text, before CLI11 converts it into the option's variable.
  CLI::Option* whole_number(CLI::Option* option, std::int64_t min, std::int64_t max);
  CLI::Option* number(CLI::Option* option, double min, double max);
  CLI::Option* one_of(CLI::Option* option, std::vector<std::string> values);
  // "HOST:PORT" (app/common/host_port.hpp).
  CLI::Option* host_port(CLI::Option* option);
  // A check of a program's own: `test` gets the flag and the text and returns the problem, if any.
  using Test =
      std::function<std::optional<core::Error>(const std::string& flag, const std::string& text)>;
  CLI::Option* check(CLI::Option* option, Test test);

  enum class Outcome { Run, Help };
  // Parses the command line. Help: --help was given (help() is the text). An error is one
  // sentence naming the flag (code "unknown_flag", "missing_value", "missing_flag", "invalid",
  // "out_of_range", "not_a_number", "conflicting_flags", "unexpected_argument",
  // "unknown_command").
  core::Result<Outcome> parse(int argc, const char* const* argv);
  // The help of the command given (a subcommand's when one was given).
  std::string help() const;
  // The program's own help, whatever subcommand was given.
  std::string usage() const;
  // parse(), then: the help on standard output and 0, or "program: message" on standard error
  // and 2; nullopt when the program should run.
  std::optional<int> parse_or_exit(int argc, const char* const* argv);

  // Whether the option was on the command line (for a flag whose absence means something other
  // than any value: "the assets beside the program").
  static bool given(const CLI::Option* option);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace crossmatch::app
