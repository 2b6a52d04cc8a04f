// Badges: the name large, the organisation, where they come from, sector and type, and a QR code
// with the code that checks them in.
#include "core/event/check_in_code.hpp"
#include "core/i18n/translation.hpp"
#include "print/badge_layout.hpp"
#include "print/page_text.hpp"
#include "print/pdf_pages.hpp"
#include "print/print_job.hpp"

namespace crossmatch::print {

namespace {

constexpr int kColumns = kBadgeColumns;
constexpr int kRows = kBadgeRows;
constexpr double kPadding = 12;
constexpr double kBadgeQrSide = 84;
constexpr double kMarkLength = 14;
constexpr double kMarkGap = 3;

// Cut marks: short lines in the margins continuing every cut line of the grid.
void cut_marks(PdfDocument& pdf, double left, double top) {
  const double right = left + kColumns * kBadgeWidth;
  const double bottom = top + kRows * kBadgeHeight;
  for (int c = 0; c <= kColumns; ++c) {
    const double x = left + c * kBadgeWidth;
    pdf.line(x, top - kMarkGap, x, top - kMarkGap - kMarkLength, 0.4);
    pdf.line(x, bottom + kMarkGap, x, bottom + kMarkGap + kMarkLength, 0.4);
  }
  for (int r = 0; r <= kRows; ++r) {
    const double y = top + r * kBadgeHeight;
    pdf.line(left - kMarkGap, y, left - kMarkGap - kMarkLength, y, 0.4);
    pdf.line(right + kMarkGap, y, right + kMarkGap + kMarkLength, y, 0.4);
  }
}

core::Status badge(PdfDocument& pdf, double x, double y, const core::EventState& state,
                   const core::Taxonomy& taxonomy, const core::Participant& person) {
  const core::Profile& profile = person.profile;
  pdf.rectangle({x, y, kBadgeWidth, kBadgeHeight}, 0.3, 0.8);
  const double inner = kBadgeWidth - 2 * kPadding;
  const double left = x + kPadding;
  const double column = inner - kBadgeQrSide - 8;  // beside the QR code
  pdf.text({left, y + 9, inner, 12}, state.event.name,
           {.size = 8, .min_size = 5, .max_lines = 1, .grey = 0.4});
  pdf.text({left, y + 24, inner, 50}, profile.display_name,
           {.size = 24, .bold = true, .min_size = 9, .max_lines = 3});
  pdf.text({left, y + 78, column, 28}, profile.organisation,
           {.size = 12, .bold = true, .min_size = 7, .max_lines = 3});
  pdf.text({left, y + 110, column, 13}, place_of(profile, taxonomy),
           {.size = 10, .min_size = 6, .max_lines = 1});
  pdf.text({left, y + 125, column, 13}, sector_of(profile, taxonomy),
           {.size = 10, .min_size = 6, .max_lines = 1});
  pdf.text({left, y + 140, column, 13}, core::label(profile.type),
           {.size = 10, .min_size = 6, .max_lines = 1, .grey = 0.3});
  const std::string code = badge_code(person);
  // The code printed as people read it out and type it ("ABCD-EFGH"); the QR code carries it
  // bare.
  pdf.text({left, y + 160, column, 11}, core::format_check_in_code(code),
           {.size = 8, .min_size = 6, .max_lines = 1, .grey = 0.4});
  return pdf.qr_code(x + kBadgeWidth - kPadding - kBadgeQrSide + 4,
                     y + kBadgeHeight - kPadding - kBadgeQrSide + 4, kBadgeQrSide, code);
}

}  // namespace

core::Status draw_badges(PdfDocument& pdf, const core::EventState& state,
                         const core::Taxonomy& taxonomy,
                         const std::vector<core::ParticipantId>& participants) {
  const PageSize page = pdf.size();
  const double left = (page.width - kColumns * kBadgeWidth) / 2;
  const double top = (page.height - kRows * kBadgeHeight) / 2;
  const std::size_t per_page = kColumns * kRows;
  for (std::size_t i = 0; i < participants.size(); ++i) {
    const std::size_t slot = i % per_page;
    if (slot == 0) {
      if (i > 0) pdf.next_page();
      cut_marks(pdf, left, top);
    }
    const core::Participant* person = state.participant(participants[i]);
    if (person == nullptr) continue;
    const double x = left + static_cast<double>(slot % kColumns) * kBadgeWidth;
    const double y = top + static_cast<double>(slot / kColumns) * kBadgeHeight;
    if (auto s = badge(pdf, x, y, state, taxonomy, *person); !s) return s;
  }
  if (participants.empty())
    pdf.text({kMargin, kMargin, page.width - 2 * kMargin, 40},
             core::tr("No participants to print badges for."), {.size = 14});
  return core::Status();
}

}  // namespace crossmatch::print
