// Charts of the report as inline SVG: no script, no external file, readable without colour.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace crossmatch::print {

// Horizontal bars, one per stage, each labelled with its name and value.
std::string funnel_chart(const std::vector<std::pair<std::string, int>>& stages,
                         const std::string& title);

// Columns of the running total after each event, and a dashed line at the target (none when
// target <= 0).
std::string progress_chart(const std::vector<std::pair<std::string, int>>& cumulative, int target,
                           const std::string& title);

// Text made safe for HTML and SVG: & < > " '.
// `quotes` false: for an element's content, where quotes may stay as they are.
std::string escape_html(const std::string& text, bool quotes = true);

}  // namespace crossmatch::print
