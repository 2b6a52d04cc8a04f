#include "print/print_job.hpp"

#include <algorithm>

#include "core/event/calendar.hpp"
#include "core/i18n/translation.hpp"
#include "print/agenda_content.hpp"
#include "print/pdf_pages.hpp"

namespace crossmatch::print {

const char* to_string(PrintKind kind) {
  switch (kind) {
    case PrintKind::Badges:
      return "badges";
    case PrintKind::Agendas:
      return "agendas";
    case PrintKind::TableSigns:
      return "tables";
    case PrintKind::Poster:
      return "poster";
  }
  return "badges";
}

bool parse_print_kind(std::string_view text, PrintKind& out) {
  for (const PrintKind kind : kPrintKinds) {
    if (text == to_string(kind)) {
      out = kind;
      return true;
    }
  }
  return false;
}

const char* label(PrintKind kind) {
  switch (kind) {
    case PrintKind::Badges:
      // TRANSLATORS: what the organiser can print: name badges, as one PDF file
      return core::tr("Badges (PDF)");
    case PrintKind::Agendas:
      // TRANSLATORS: what the organiser can print: each participant's personal agenda, as a PDF
      return core::tr("Agendas (PDF)");
    case PrintKind::TableSigns:
      // TRANSLATORS: what the organiser can print: a sign for each meeting table, as a PDF
      return core::tr("Table signs (PDF)");
    case PrintKind::Poster:
      // TRANSLATORS: what the organiser can print: a poster telling people how to join, as a PDF
      return core::tr("Join poster (PDF)");
  }
  return "PDF";
}

const char* file_name(PrintKind kind) {
  switch (kind) {
    case PrintKind::Badges:
      return "badges.pdf";
    case PrintKind::Agendas:
      return "agendas.pdf";
    case PrintKind::TableSigns:
      return "table-signs.pdf";
    case PrintKind::Poster:
      return "join-poster.pdf";
  }
  return "print.pdf";
}

std::string badge_code(const core::Participant& person) {
  if (!person.check_in_code.empty()) return person.check_in_code;
  return "P" + std::to_string(person.id);
}

namespace {

// The people asked for, each checked; every active participant when none were named.
core::Result<std::vector<core::ParticipantId>> chosen(const core::EventState& state,
                                                      const std::vector<core::ParticipantId>& ids) {
  std::vector<core::ParticipantId> out;
  if (ids.empty()) {
    for (const auto& [id, p] : state.participants)
      if (p.active()) out.push_back(id);
    return out;
  }
  for (const core::ParticipantId id : ids) {
    const core::Participant* p = state.participant(id);
    if (p == nullptr || p->status == core::ParticipantStatus::Erased)
      return core::make_error("unknown_participant", "participants",
                              core::format_text(core::tr("No participant %u in this event."), id));
    if (!p->active())
      return core::make_error(
          "withdrawn", "participants",
          // TRANSLATORS: a participant asked for in a print job; %u is their number, %s their name
          core::format_text(core::tr("Participant %u (%s) has withdrawn."), id,
                            p->profile.display_name.c_str()));
    out.push_back(id);
  }
  return out;
}

// The document's creation date: the event's first day, so that the same event gives the same
// bytes; a fixed date before any session exists.
std::string creation_date(const core::EventState& state) {
  std::int64_t first = -1;
  for (const auto& [id, session] : state.sessions)
    if (first < 0 || session.date < first) first = session.date;
  if (first < 0) return "2026-01-01T00:00:00";
  return core::format_date(first) + "T00:00:00";
}

}  // namespace

core::Result<std::string> print_pdf(const core::EventState& state, const core::Taxonomy& taxonomy,
                                    const PrintRequest& request) {
  if (!state.event.created)
    return core::make_error("no_event", "db", core::tr("The event has not been created yet."));
  const bool for_people = request.what == PrintKind::Badges || request.what == PrintKind::Agendas;
  if (!for_people && !request.participants.empty())
    return core::make_error("invalid", "participants",
                            core::tr("Participants are chosen for badges and agendas only."));
  const std::string join_code =
      request.join_code.empty() ? state.event.join_code : request.join_code;
  if (request.what == PrintKind::Poster && join_code.empty())
    return core::make_error("no_join_code", "join_code",
                            core::tr("The event has no join code to print."));
  auto people = chosen(state, request.participants);
  if (!people) return people.error();

  PdfDocument pdf(request.paper, {.title = state.event.name + " - " + label(request.what),
                                  .creation_date = creation_date(state)});
  core::Status drawn;
  switch (request.what) {
    case PrintKind::Badges:
      drawn = draw_badges(pdf, state, taxonomy, *people);
      break;
    case PrintKind::Agendas:
      drawn = draw_agendas(pdf, state, agendas(state, taxonomy, *people), join_code);
      break;
    case PrintKind::TableSigns:
      draw_table_signs(pdf, state);
      break;
    case PrintKind::Poster:
      drawn = draw_join_poster(pdf, state, request.hub_address, join_code);
      break;
  }
  if (!drawn) return drawn.error();
  return pdf.finish();
}

}  // namespace crossmatch::print
