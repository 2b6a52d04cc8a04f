#include "print/page_text.hpp"

#include "core/event/calendar.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::print {

// An empty name stays empty: an empty message would look up the catalogue's header.
std::string translated_name(const core::City& city) {
  return city.name.empty() ? std::string() : core::tr_ctx("city", city.name.c_str());
}

std::string translated_name(const core::Country& country) {
  return country.name.empty() ? std::string()
                              : core::tr_iso(core::IsoNames::Countries, country.name.c_str());
}

std::string translated_name(const core::Sector& sector) {
  return sector.name.empty() ? std::string() : core::tr_ctx("sector", sector.name.c_str());
}

std::string place_of(const core::Profile& profile, const core::Taxonomy& taxonomy) {
  const core::City* city = taxonomy.city(profile.city);
  const core::Country* country = taxonomy.country(profile.country);
  std::string out = city != nullptr ? translated_name(*city) : profile.city;
  const std::string country_name = country != nullptr ? translated_name(*country) : profile.country;
  if (!out.empty() && !country_name.empty()) out += ", ";
  return out + country_name;
}

std::string sector_of(const core::Profile& profile, const core::Taxonomy& taxonomy) {
  const core::Sector* sector = taxonomy.sector(profile.sector);
  return sector != nullptr ? translated_name(*sector) : profile.sector;
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
  // TRANSLATORS: a table at the venue that has no name of its own, by its number
  if (t == nullptr || t->name.empty()) return core::format_text(core::tr("Table %u"), table);
  return t->name;
}

std::string person_name(const core::EventState& state, core::ParticipantId id) {
  const core::Participant* p = state.participant(id);
  if (p == nullptr || p->status == core::ParticipantStatus::Erased ||
      p->profile.display_name.empty())
    // TRANSLATORS: someone whose name is not known (erased, or never given), by their number
    return core::format_text(core::tr("Participant %u"), id);
  return p->profile.display_name;
}

}  // namespace crossmatch::print
