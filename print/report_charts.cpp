#include "print/report_charts.hpp"

#include <algorithm>

#include "core/i18n/translation.hpp"

namespace crossmatch::print {

std::string escape_html(const std::string& text, bool quotes) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += quotes ? "&quot;" : "\"";
        break;
      case '\'':
        out += quotes ? "&#39;" : "'";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

std::string number(double v) {
  // Whole pixels are enough for a chart and keep the text locale-free.
  return std::to_string(static_cast<long long>(v + 0.5));
}

}  // namespace

std::string funnel_chart(const std::vector<std::pair<std::string, int>>& stages,
                         const std::string& title) {
  constexpr int kLabel = 170, kBar = 420, kRow = 28, kWidth = kLabel + kBar + 60;
  const int height = static_cast<int>(stages.size()) * kRow + 10;
  int most = 1;
  for (const auto& [name, value] : stages) most = std::max(most, value);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" +
                    number(kWidth) + "\" height=\"" + number(height) + "\" viewBox=\"0 0 " +
                    number(kWidth) + " " + number(height) + "\"><title>" + escape_html(title) +
                    "</title>";
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const auto& [name, value] = stages[i];
    const double y = 5 + static_cast<double>(i) * kRow;
    const double w = std::max(1.0, static_cast<double>(value) / most * kBar);
    svg += "<text x=\"" + number(kLabel - 8) + "\" y=\"" + number(y + 18) +
           "\" text-anchor=\"end\" class=\"label\">" + escape_html(name) + "</text>";
    svg += "<rect x=\"" + number(kLabel) + "\" y=\"" + number(y + 4) + "\" width=\"" + number(w) +
           "\" height=\"" + number(kRow - 8) + "\" class=\"bar\"/>";
    svg += "<text x=\"" + number(kLabel + w + 6) + "\" y=\"" + number(y + 18) +
           "\" class=\"value\">" + std::to_string(value) + "</text>";
  }
  return svg + "</svg>";
}

std::string progress_chart(const std::vector<std::pair<std::string, int>>& cumulative, int target,
                           const std::string& title) {
  constexpr int kLeft = 40, kTop = 20, kPlot = 220, kColumn = 90, kBottom = 50;
  const int width = kLeft + std::max<int>(1, static_cast<int>(cumulative.size())) * kColumn + 20;
  const int height = kTop + kPlot + kBottom;
  int most = std::max(1, target);
  for (const auto& [name, value] : cumulative) most = std::max(most, value);
  const auto y_of = [&](int v) { return kTop + kPlot - static_cast<double>(v) / most * kPlot; };
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" +
                    number(width) + "\" height=\"" + number(height) + "\" viewBox=\"0 0 " +
                    number(width) + " " + number(height) + "\"><title>" + escape_html(title) +
                    "</title>";
  svg += "<line x1=\"" + number(kLeft) + "\" y1=\"" + number(kTop + kPlot) + "\" x2=\"" +
         number(width - 10) + "\" y2=\"" + number(kTop + kPlot) + "\" class=\"axis\"/>";
  for (std::size_t i = 0; i < cumulative.size(); ++i) {
    const auto& [name, value] = cumulative[i];
    const double x = kLeft + static_cast<double>(i) * kColumn + 15;
    const double y = y_of(value);
    svg += "<rect x=\"" + number(x) + "\" y=\"" + number(y) + "\" width=\"" + number(kColumn - 30) +
           "\" height=\"" + number(kTop + kPlot - y) + "\" class=\"bar\"/>";
    svg += "<text x=\"" + number(x + (kColumn - 30) / 2.0) + "\" y=\"" + number(y - 4) +
           "\" text-anchor=\"middle\" class=\"value\">" + std::to_string(value) + "</text>";
    svg += "<text x=\"" + number(x + (kColumn - 30) / 2.0) + "\" y=\"" + number(kTop + kPlot + 18) +
           "\" text-anchor=\"middle\" class=\"label\">" + escape_html(name) + "</text>";
  }
  if (target > 0) {
    const double y = y_of(target);
    svg += "<line x1=\"" + number(kLeft) + "\" y1=\"" + number(y) + "\" x2=\"" +
           number(width - 10) + "\" y2=\"" + number(y) + "\" class=\"target\"/>";
    svg += "<text x=\"" + number(kLeft) + "\" y=\"" + number(y - 5) + "\" class=\"label\">" +
           // TRANSLATORS: in the report's chart of new relationships, the label of the dashed
           // line at the number of relationships the programme aims for
           escape_html(core::format_text(core::tr("Target %d"), target)) + "</text>";
  }
  return svg + "</svg>";
}

}  // namespace crossmatch::print
