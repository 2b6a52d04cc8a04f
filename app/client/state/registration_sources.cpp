#include "app/client/state/registration_sources.hpp"

#include <algorithm>

#include "core/i18n/translation.hpp"

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
  const std::size_t count = people.size();
  Confirmation c;
  // TRANSLATORS: %zu people, then the network address they registered from
  c.question = core::format_text(core::tr_n("Remove the %zu person registered from %s?",
                                            "Remove the %zu people registered from %s?", count),
                                 count, address.c_str());
  c.consequences.push_back(
      core::tr("Their data is erased for good and their requests and meetings are cancelled; "
               "people behind the same network (a venue's Wi-Fi) may be real: check the names."));
  for (std::size_t i = 0; i < people.size() && i < named; ++i) {
    const core::Participant& p = *state.participant(people[i]);
    const unsigned number = p.id;
    if (p.profile.organisation.empty()) {
      // TRANSLATORS: a person's name and their participant number
      c.consequences.push_back(core::format_text(core::tr("%s (participant %u)"),
                                                 p.profile.display_name.c_str(), number));
    } else {
      // TRANSLATORS: a person's name, their participant number and their organisation
      c.consequences.push_back(core::format_text(core::tr("%s (participant %u, %s)"),
                                                 p.profile.display_name.c_str(), number,
                                                 p.profile.organisation.c_str()));
    }
  }
  if (people.size() > named) {
    const std::size_t more = people.size() - named;
    c.consequences.push_back(core::format_text(
        // TRANSLATORS: after a list of names, how many more are not listed
        core::tr_n("... and %zu more", "... and %zu more", more), more));
  }
  // TRANSLATORS: the button that removes that many people
  c.confirm_label = core::format_text(core::tr_n("Remove %zu", "Remove %zu", count), count);
  for (const core::ParticipantId p : people) c.operations.push_back(core::Erase{p});
  c.done_message = core::format_text(
      // TRANSLATORS: %zu people, then the network address they registered from
      core::tr_n("Removed %zu registered from %s", "Removed %zu registered from %s", count), count,
      address.c_str());
  return c;
}

}  // namespace crossmatch::client
