// The hub's log line and the small words every part of the hub server uses.
#include "net/hub_context.hpp"

#include <ctime>
#include <iomanip>
#include <utility>

#include "core/text.hpp"

namespace crossmatch::net {

void HubContext::note(const std::string& text) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  // Names, client programs and error messages come from the network: escaped, no text can start
  // a line of its own or send the terminal an escape sequence.
  out_ << std::put_time(&tm, "%Y-%m-%dT%H:%M:%SZ") << " " << core::escape_control_characters(text)
       << "\n"
       << std::flush;
}

ErrorMessage closing_error(std::string code, std::string field, std::string message) {
  return ErrorMessage{core::make_error(std::move(code), std::move(field), std::move(message)),
                      true};
}

std::string describe(const core::Viewer& v) {
  if (v.role != core::Role::Participant) return core::to_string(v.role);
  return v.participant == 0 ? "newcomer" : "participant " + std::to_string(v.participant);
}

}  // namespace crossmatch::net
