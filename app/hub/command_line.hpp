// Command-line flags for the programs: `prog COMMAND --flag value --switch ...`, every value
// checked, unknown flags refused, each problem a clear message naming the flag.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace crossmatch::hub {

class CommandLine {
 public:
  // `value_flags` take a value ("--db FILE"); `switches` take none ("--insecure").
  // Positional arguments after the command are kept in order.
  static core::Result<CommandLine> parse(int argc, const char* const* argv, int first,
                                         const std::set<std::string>& value_flags,
                                         const std::set<std::string>& switches = {});

  bool has(const std::string& flag) const { return values_.count(flag) || switches_.count(flag); }
  std::optional<std::string> get(const std::string& flag) const;
  const std::vector<std::string>& positional() const { return positional_; }

  // The flag's value as a string, or an error when missing.
  core::Result<std::string> required(const std::string& flag) const;
  // Integer in [min, max]; `fallback` when the flag is absent.
  core::Result<std::int64_t> integer(const std::string& flag, std::int64_t fallback,
                                     std::int64_t min, std::int64_t max) const;
  // Number in [min, max]; `fallback` when absent.
  core::Result<double> number(const std::string& flag, double fallback, double min,
                              double max) const;

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> switches_;
  std::vector<std::string> positional_;
};

}  // namespace crossmatch::hub
