#include "app/client/state/registration_sources.hpp"

#include <algorithm>

namespace crossmatch::client {

std::vector<AddressRegistrations> registrations_by_address(
    const core::EventState& state,
    const std::map<core::ParticipantId, std::string>& registered_from) {
  std::map<std::string, std::vector<core::ParticipantId>> by_address;
  for (const auto& [participant, address] : registered_from) {
    const core::Participant* p = state.participant(participant);
    if (p == nullptr || p->status == core::ParticipantStatus::Erased) continue;
    by_address[address].push_back(participant);
  }
  std::vector<AddressRegistrations> out;
  for (auto& [address, people] : by_address) out.push_back({address, std::move(people)});
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.people.size() > b.people.size(); });
  return out;
}

std::optional<Confirmation> plan_address_removal(
    const core::EventState& state,
    const std::map<core::ParticipantId, std::string>& registered_from, const std::string& address,
    std::size_t named) {
  std::vector<core::ParticipantId> people;
  for (const auto& [participant, from] : registered_from) {
    const core::Participant* p = state.participant(participant);
    if (from == address && p != nullptr && p->status != core::ParticipantStatus::Erased)
      people.push_back(participant);
  }
  if (people.empty()) return std::nullopt;
  const std::string count = std::to_string(people.size());
  Confirmation c;
  c.question = "Remove the " + count + (people.size() == 1 ? " person" : " people") +
               " registered from " + address + "?";
  c.consequences.push_back(
      "Their data is erased for good and their requests and meetings are cancelled; people "
      "behind the same network (a venue's Wi-Fi) may be real: check the names.");
  for (std::size_t i = 0; i < people.size() && i < named; ++i) {
    const core::Participant& p = *state.participant(people[i]);
    std::string line = p.profile.display_name + " (participant " + std::to_string(p.id);
    if (!p.profile.organisation.empty()) line += ", " + p.profile.organisation;
    c.consequences.push_back(line + ")");
  }
  if (people.size() > named)
    c.consequences.push_back("... and " + std::to_string(people.size() - named) + " more");
  c.confirm_label = "Remove " + count;
  for (const core::ParticipantId p : people) c.operations.push_back(core::Erase{p});
  c.done_message = "Removed " + count + " registered from " + address;
  return c;
}

}  // namespace crossmatch::client
