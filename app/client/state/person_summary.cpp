#include "app/client/state/person_summary.hpp"

#include "core/i18n/taxonomy_names.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::client {

PersonSummary person_summary(const ClientSession& session, core::ParticipantId id) {
  PersonSummary out;
  out.name = session.name_of(id);
  const core::Participant* p = session.state().participant(id);
  if (p == nullptr) return out;
  const core::Profile& profile = p->profile;
  const core::Taxonomy& taxonomy = session.taxonomy();
  out.organisation = profile.organisation;
  out.type = core::label(profile.type);
  if (const core::Sector* s = taxonomy.sector(profile.sector)) {
    out.sector = core::sector_name(*s);
    if (s->kind == core::SectorKind::Creative) {
      // TRANSLATORS: a sector's name, then that it is one of the creative sectors
      out.sector = core::format_text(core::tr("%s (creative)"), core::sector_name(*s));
    }
  } else {
    out.sector = profile.sector;
  }
  const core::City* c = taxonomy.city(profile.city);
  out.city = c ? core::city_name(*c) : profile.city;
  out.country = profile.country;
  return out;
}

std::string name_with_type(const ClientSession& session, core::ParticipantId id) {
  const core::Participant* p = session.state().participant(id);
  if (p == nullptr) return session.name_of(id);
  return session.name_of(id) + " (" + core::label(p->profile.type) + ")";
}

std::string person_details(const ClientSession& session, core::ParticipantId id) {
  const PersonSummary s = person_summary(session, id);
  std::string out = s.type;
  for (const std::string* part : {&s.sector, &s.city, &s.country}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ", ";
    out += *part;
  }
  return out;
}

}  // namespace crossmatch::client
