// Where badges sit on a sheet: two across, four down, 95 x 65 mm each, the grid centred on the
// paper (tests find each badge here to read its QR code and check its text stays inside).
#pragma once

#include "print/pdf_document.hpp"

namespace crossmatch::print {

inline constexpr int kBadgeColumns = 2;
inline constexpr int kBadgeRows = 4;
inline constexpr int kBadgesPerPage = kBadgeColumns * kBadgeRows;
inline constexpr double kBadgeWidth = 95 * 72.0 / 25.4;
inline constexpr double kBadgeHeight = 65 * 72.0 / 25.4;

// The badge at `position` (0 .. kBadgesPerPage - 1, row by row) of a sheet of `paper`.
inline Box badge_box(Paper paper, int position) {
  const PageSize page = page_size(paper);
  const double left = (page.width - kBadgeColumns * kBadgeWidth) / 2;
  const double top = (page.height - kBadgeRows * kBadgeHeight) / 2;
  return {left + (position % kBadgeColumns) * kBadgeWidth,
          top + (position / kBadgeColumns) * kBadgeHeight, kBadgeWidth, kBadgeHeight};
}

}  // namespace crossmatch::print
