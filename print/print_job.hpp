// What the organiser prints for the venue, as one PDF: badges, personal agendas, table signs or
// the join poster, made from the event's state alone (the same state gives the same bytes).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/taxonomy.hpp"
#include "print/pdf_document.hpp"

namespace crossmatch::print {

enum class PrintKind { Badges, Agendas, TableSigns, Poster };

inline constexpr PrintKind kPrintKinds[] = {PrintKind::Badges, PrintKind::Agendas,
                                            PrintKind::TableSigns, PrintKind::Poster};

// "badges", "agendas", "tables", "poster"
const char* to_string(PrintKind kind);
bool parse_print_kind(std::string_view text, PrintKind& out);
// "Badges (PDF)", in the current language
const char* label(PrintKind kind);
// "badges.pdf"
const char* file_name(PrintKind kind);

struct PrintRequest {
  PrintKind what = PrintKind::Badges;
  Paper paper = Paper::A4;
  // Badges and agendas of these participants, in this order; empty: every active participant.
  std::vector<core::ParticipantId> participants;
  std::string hub_address;  // the poster's "where to join", host:port as people type it
  std::string join_code;    // the code as people type it (with the hub's pin); empty: the event's
};

// The PDF's bytes, or why not: an unknown, erased or withdrawn participant asked for, an event
// not created yet, a poster with no join code.
core::Result<std::string> print_pdf(const core::EventState& state, const core::Taxonomy& taxonomy,
                                    const PrintRequest& request);

// What a badge's QR code carries for a participant: their check-in code, or for someone
// registered before check-in codes existed, their id as "P" and its number ("P17").
std::string badge_code(const core::Participant& person);

}  // namespace crossmatch::print
