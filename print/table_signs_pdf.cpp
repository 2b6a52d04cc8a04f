// Table signs: the table's number as large as the page allows, then for each one-to-one meeting
// session, slot by slot, who meets at this table.
#include <cctype>
#include <string>

#include "core/event/calendar.hpp"
#include "core/i18n/translation.hpp"
#include "print/page_text.hpp"
#include "print/pdf_pages.hpp"

namespace crossmatch::print {

namespace {

constexpr double kSlotRow = 19;

// "Table 12" -> {"Table", "12"}: the number alone is printed huge. A name without a trailing
// number is printed whole.
std::pair<std::string, std::string> split_number(const std::string& name) {
  std::size_t digits = name.size();
  while (digits > 0 && std::isdigit(static_cast<unsigned char>(name[digits - 1]))) --digits;
  if (digits == name.size() || digits == 0 || name[digits - 1] != ' ') return {"", name};
  return {name.substr(0, digits - 1), name.substr(digits)};
}

// The big name at the top of each page; the height it took.
double table_title(PdfDocument& pdf, const std::string& name, bool continued) {
  const PageSize page = pdf.size();
  const double width = page.width - 2 * kMargin;
  const auto [label, number] = split_number(name);
  double y = kMargin;
  if (!label.empty()) {
    pdf.text({kMargin, y, width, 40}, label,
             {.size = 30, .bold = true, .align = Align::Centre, .min_size = 10, .max_lines = 1});
    y += 40;
  }
  const double big = continued ? 120 : 300;
  y += pdf.text({kMargin, y, width, big}, number,
                {.size = big * 0.95,
                 .bold = true,
                 .align = Align::Centre,
                 .min_size = 12,
                 .max_lines = label.empty() ? 2 : 1});
  return y + 8;
}

std::string who_meets(const core::EventState& state, core::TableId table, core::SlotRef slot) {
  const auto it = state.index.table_slot.find(core::table_slot_key(table, slot));
  // TRANSLATORS: on a table sign, a time slot in which nobody meets at the table
  if (it == state.index.table_slot.end()) return core::tr("free");
  const core::Meeting* meeting = state.meeting(it->second);
  // TRANSLATORS: on a table sign, a time slot in which nobody meets at the table
  if (meeting == nullptr) return core::tr("free");
  auto person = [&](core::ParticipantId id) {
    std::string out = person_name(state, id);
    const core::Participant* p = state.participant(id);
    if (p != nullptr && p->status != core::ParticipantStatus::Erased &&
        !p->profile.organisation.empty())
      out += " (" + p->profile.organisation + ")";
    return out;
  };
  // TRANSLATORS: on a table sign, the two people who meet at the table in a time slot, each
  // with their organisation; the two spaces around the word set the pair apart
  return core::format_text(core::tr("%s  and  %s"), person(meeting->requester).c_str(),
                           person(meeting->invitee).c_str());
}

void session_pages(PdfDocument& pdf, const core::EventState& state, const core::Table& table,
                   const core::Session& session, bool& first_page) {
  const PageSize page = pdf.size();
  const double width = page.width - 2 * kMargin;
  const std::string name = table.name.empty() ? table_name(state, table.id) : table.name;
  int slot = 0;
  bool continued = false;
  do {
    if (!first_page) pdf.next_page();
    first_page = false;
    double y = table_title(pdf, name, continued);
    pdf.line(kMargin, y, kMargin + width, y, 0.8);
    y += 8;
    pdf.text({kMargin, y, width, 22},
             // TRANSLATORS: at the top of a further page; %s is a person's or a session's name
             continued ? core::format_text(core::tr("%s (continued)"), session.name.c_str())
                       : session.name,
             {.size = 16, .bold = true, .min_size = 8, .max_lines = 1});
    y += 22;
    pdf.text({kMargin, y, width, 16}, session_when(session),
             {.size = 11, .min_size = 7, .max_lines = 1, .grey = 0.3});
    y += 22;
    for (; slot < session.slot_count() && y + kSlotRow <= page.height - kMargin; ++slot) {
      pdf.line(kMargin, y, kMargin + width, y, 0.3, 0.75);
      pdf.text({kMargin, y + 3, 48, kSlotRow - 4},
               core::format_time_of_day(session.slot_starts[static_cast<std::size_t>(slot)]),
               {.size = 11, .bold = true, .min_size = 7, .max_lines = 1});
      pdf.text({kMargin + 52, y + 3, width - 52, kSlotRow - 4},
               who_meets(state, table.id, core::SlotRef{session.id, slot}),
               {.size = 11, .min_size = 6, .max_lines = 1});
      y += kSlotRow;
    }
    continued = true;
  } while (slot < session.slot_count());
}

}  // namespace

void draw_table_signs(PdfDocument& pdf, const core::EventState& state) {
  bool first_page = true;
  for (const auto& [id, table] : state.tables) {
    bool any_session = false;
    for (const auto& [session_id, session] : state.sessions) {
      if (session.kind != core::SessionKind::Meetings) continue;
      any_session = true;
      session_pages(pdf, state, table, session, first_page);
    }
    if (!any_session) {
      if (!first_page) pdf.next_page();
      first_page = false;
      const std::string name = table.name.empty() ? table_name(state, id) : table.name;
      const double y = table_title(pdf, name, false);
      pdf.text({kMargin, y + 8, pdf.size().width - 2 * kMargin, 20},
               core::tr("No one-to-one meeting session yet."), {.size = 12, .max_lines = 1});
    }
  }
  if (state.tables.empty())
    pdf.text({kMargin, kMargin, pdf.size().width - 2 * kMargin, 40},
             core::tr("The event has no tables yet."), {.size = 14});
}

}  // namespace crossmatch::print
