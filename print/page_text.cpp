#include "print/page_text.hpp"

#include "core/event/calendar.hpp"

namespace crossmatch::print {

std::string place_of(const core::Profile& profile, const core::Taxonomy& taxonomy) {
  const core::City* city = taxonomy.city(profile.city);
  const core::Country* country = taxonomy.country(profile.country);
  std::string out = city != nullptr ? city->name : profile.city;
  const std::string country_name = country != nullptr ? country->name : profile.country;
  if (!out.empty() && !country_name.empty()) out += ", ";
  return out + country_name;
}

std::string sector_of(const core::Profile& profile, const core::Taxonomy& taxonomy) {
  const core::Sector* sector = taxonomy.sector(profile.sector);
  return sector != nullptr ? sector->name : profile.sector;
}

std::string slot_when(const core::Session& session, int slot) {
  std::string out = core::format_day_label(session.date) + ", ";
  if (slot < 0 || slot >= session.slot_count())
    return out + core::format_time_of_day(session.start);
  return out + core::format_time_of_day(session.slot_starts[static_cast<std::size_t>(slot)]);
}

std::string session_when(const core::Session& session) {
  return core::format_day_label(session.date) + ", " + core::format_time_of_day(session.start) +
         "-" + core::format_time_of_day(session.end);
}

std::string table_name(const core::EventState& state, core::TableId table) {
  const core::Table* t = state.table(table);
  if (t == nullptr || t->name.empty()) return "Table " + std::to_string(table);
  return t->name;
}

std::string person_name(const core::EventState& state, core::ParticipantId id) {
  const core::Participant* p = state.participant(id);
  if (p == nullptr || p->status == core::ParticipantStatus::Erased ||
      p->profile.display_name.empty())
    return "Participant " + std::to_string(id);
  return p->profile.display_name;
}

}  // namespace crossmatch::print
