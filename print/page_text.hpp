// The words printed pages share: where a participant is from, their sector and type, when a
// slot is, which table; each read from the event's state and the taxonomy.
#pragma once

#include <string>

#include "core/event/event_state.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::print {

// A city's, country's or sector's name in the current language: the taxonomy's English name is
// the catalogue's key (cities and sectors come from the taxonomy's files, countries from
// iso-codes).
std::string translated_name(const core::City& city);
std::string translated_name(const core::Country& country);
std::string translated_name(const core::Sector& sector);

// "Vilnius, Lithuania"; the ids themselves when the taxonomy does not know them.
std::string place_of(const core::Profile& profile, const core::Taxonomy& taxonomy);
// "Architecture"
std::string sector_of(const core::Profile& profile, const core::Taxonomy& taxonomy);
// "Thu 14 May, 09:20"
std::string slot_when(const core::Session& session, int slot);
// "Thu 14 May, 09:00-12:30"
std::string session_when(const core::Session& session);
// The table's name, or "Table 7" for one that has none.
std::string table_name(const core::EventState& state, core::TableId table);
// The participant's display name, or "Participant 17" when erased or unknown.
std::string person_name(const core::EventState& state, core::ParticipantId id);

}  // namespace crossmatch::print
