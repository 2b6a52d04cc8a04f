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

void send_registered_from(const HubContext& hub, const ConnectionPtr& organiser) {
  if (organiser->viewer.role != core::Role::Organiser || hub.registered_from.empty()) return;
  RegisteredFrom message;
  for (const auto& [participant, address] : hub.registered_from) {
    message.entries.push_back({participant, address});
    if (message.entries.size() == kMaxRegisteredFromEntries) {
      organiser->send(encode(message));
      message.entries.clear();
    }
  }
  if (!message.entries.empty()) organiser->send(encode(message));
}

void report_registration(const HubContext& hub, core::ParticipantId participant) {
  const auto it = hub.registered_from.find(participant);
  if (it == hub.registered_from.end()) return;
  const Line line = make_line(encode(RegisteredFrom{{{participant, it->second}}}));
  for (const std::uint64_t id : hub.roster.privileged()) {
    const ConnectionPtr c = hub.roster.find(id);
    if (c && c->viewer.role == core::Role::Organiser && c->sync == HubConnection::Sync::Live)
      c->send(line);
  }
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
