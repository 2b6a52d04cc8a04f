// The programme report (or one event's) as one self-contained HTML page: no script, no external
// file, charts as inline SVG. Small groups and cells are merged so that no one can be picked out.
#pragma once

#include <string>

#include "print/report_figures.hpp"

namespace crossmatch::print {

// The page for the figures; `single_event` titles it as one event's report.
std::string report_html(const ProgrammeFigures& figures, bool single_event = false);

// A count as the report shows it: the number, or "<3" when it is about fewer than kMinPeople
// people (the count itself still adds to the totals).
std::string cell_text(const Cell& cell);

}  // namespace crossmatch::print
