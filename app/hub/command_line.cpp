#include "app/hub/command_line.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace crossmatch::hub {

core::Result<CommandLine> CommandLine::parse(int argc, const char* const* argv, int first,
                                             const std::set<std::string>& value_flags,
                                             const std::set<std::string>& switches) {
  CommandLine cl;
  for (int i = first; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--", 0) == 0) {
      std::string flag = arg;
      std::optional<std::string> inline_value;
      if (const auto eq = arg.find('='); eq != std::string::npos) {
        flag = arg.substr(0, eq);
        inline_value = arg.substr(eq + 1);
      }
      if (value_flags.count(flag)) {
        if (cl.values_.count(flag))
          return core::make_error("duplicate_flag", flag, flag + " is given twice.");
        if (inline_value) {
          cl.values_[flag] = *inline_value;
        } else if (i + 1 < argc) {
          cl.values_[flag] = argv[++i];
        } else {
          return core::make_error("missing_value", flag, flag + " needs a value.");
        }
      } else if (switches.count(flag) && !inline_value) {
        cl.switches_.insert(flag);
      } else {
        return core::make_error("unknown_flag", flag, "Unknown option " + flag + ".");
      }
    } else {
      cl.positional_.push_back(arg);
    }
  }
  return cl;
}

std::optional<std::string> CommandLine::get(const std::string& flag) const {
  const auto it = values_.find(flag);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

core::Result<std::string> CommandLine::required(const std::string& flag) const {
  auto value = get(flag);
  if (!value || value->empty())
    return core::make_error("missing_flag", flag, flag + " is required.");
  return *value;
}

core::Result<std::int64_t> CommandLine::integer(const std::string& flag, std::int64_t fallback,
                                                std::int64_t min, std::int64_t max) const {
  const auto text = get(flag);
  if (!text) return fallback;
  errno = 0;
  char* end = nullptr;
  const long long value = std::strtoll(text->c_str(), &end, 10);
  if (text->empty() || *end != '\0' || errno == ERANGE)
    return core::make_error("not_a_number", flag, flag + " needs a whole number, not '" + *text + "'.");
  if (value < min || value > max)
    return core::make_error("out_of_range", flag,
                            flag + " is " + *text + "; it must be between " + std::to_string(min) +
                                " and " + std::to_string(max) + ".");
  return static_cast<std::int64_t>(value);
}

core::Result<double> CommandLine::number(const std::string& flag, double fallback, double min,
                                         double max) const {
  const auto text = get(flag);
  if (!text) return fallback;
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(text->c_str(), &end);
  if (text->empty() || *end != '\0' || errno == ERANGE || !std::isfinite(value))
    return core::make_error("not_a_number", flag, flag + " needs a number, not '" + *text + "'.");
  if (value < min || value > max)
    return core::make_error("out_of_range", flag,
                            flag + " is " + *text + "; it must be between " +
                                std::to_string(min) + " and " + std::to_string(max) + ".");
  return value;
}

}  // namespace crossmatch::hub
