// [SECTION] Page parts: head and style, summary, funnel, relationships, matrices, the study's
// table, each event, how the numbers were counted.
#include "print/report_html.hpp"

#include <cstdio>

#include "core/event/calendar.hpp"
#include "print/report_charts.hpp"

namespace crossmatch::print {

std::string cell_text(const Cell& cell) {
  if (cell.count == 0) return "0";
  if (cell.people.size() < kMinPeople) return "&lt;3";
  return std::to_string(cell.count);
}

namespace {

constexpr const char* kStyle = R"css(
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 1100px;
       color: #1d1d1f; background: #ffffff; line-height: 1.4; padding: 0 1em; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 2px solid #2a6f97; padding-bottom: 0.2em; }
h3 { font-size: 1.05em; margin-top: 1.4em; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.9em; }
th, td { border: 1px solid #c8ccd0; padding: 0.25em 0.6em; text-align: right; }
th { background: #eef3f7; }
th.row, td.row { text-align: left; }
p.lead { font-size: 1.1em; }
.figure { display: inline-block; margin: 0.4em 1.6em 0.4em 0; text-align: center; }
.figure b { display: block; font-size: 1.8em; color: #2a6f97; }
svg .bar { fill: #2a6f97; }
svg .label, svg .value { font-size: 12px; fill: #1d1d1f; }
svg .axis { stroke: #1d1d1f; stroke-width: 1; }
svg .target { stroke: #c0392b; stroke-width: 2; stroke-dasharray: 6 4; }
)css";

std::string esc(const std::string& s) {
  return escape_html(s);
}

std::string percent(double share) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", share * 100);
  return text;
}

std::string date_text(std::int64_t days) {
  return days > 0 ? core::format_date(days) : "-";
}

std::string td(const std::string& html, bool row = false) {
  return row ? "<td class=\"row\">" + html + "</td>" : "<td>" + html + "</td>";
}

std::string figure(const std::string& value, const std::string& label) {
  return "<div class=\"figure\"><b>" + value + "</b>" + esc(label) + "</div>";
}

std::vector<std::pair<std::string, int>> stages(const Funnel& f) {
  return {{"Requested", f.requested},
          {"Accepted", f.accepted},
          {"Held", f.held},
          {"Valuable contact", f.valuable},
          {"Negotiation started", f.negotiation},
          {"Agreement reached", f.agreement}};
}

std::string funnel_row(const std::string& name, const Funnel& f) {
  std::string row = "<tr>" + td(name, true);
  for (const auto& [stage, value] : stages(f)) row += td(std::to_string(value));
  return row + "</tr>";
}

// [SECTION] Summary

std::string summary(const ProgrammeFigures& p, bool single) {
  std::string html = "<p class=\"lead\">";
  if (single && !p.events.empty()) {
    const EventFigures& e = p.events.front();
    html += esc(e.city.empty() ? "" : e.city + ", ") + date_text(e.date) + ".";
  } else {
    html += std::to_string(p.events.size()) + " events";
    if (!p.events.empty())
      html += ", " + date_text(p.events.front().date) + " to " + date_text(p.events.back().date);
    html += ".";
  }
  html += "</p><div>";
  html += figure(std::to_string(p.people), single ? "participants" : "people");
  html += figure(std::to_string(p.funnel.held), "meetings held");
  html += figure(std::to_string(p.funnel.agreement), "cooperation agreements");
  std::string relationships = std::to_string(p.relationships);
  if (p.target > 0) relationships += " / " + std::to_string(p.target);
  html += figure(relationships, p.target > 0 ? "new relationships of the target"
                                             : "new cross-sector, cross-border relationships");
  return html + "</div>";
}

// [SECTION] Funnel and relationships

std::string funnel_section(const ProgrammeFigures& p, bool single) {
  std::string html = "<h2 id=\"funnel\">From request to agreement</h2>";
  html += funnel_chart(stages(p.funnel), single ? "The event's funnel" : "The programme's funnel");
  html += "<table><thead><tr><th class=\"row\">Event</th>";
  for (const auto& [stage, value] : stages(p.funnel)) html += "<th>" + esc(stage) + "</th>";
  html += "</tr></thead><tbody>";
  for (const EventFigures& e : p.events) html += funnel_row(esc(e.name), e.funnel);
  if (!single) html += funnel_row("<b>Programme</b>", p.funnel);
  return html + "</tbody></table>";
}

std::string relationships_section(const ProgrammeFigures& p) {
  std::string html = "<h2 id=\"relationships\">New cross-sector, cross-border relationships</h2>";
  std::vector<std::pair<std::string, int>> bars;
  for (std::size_t i = 0; i < p.events.size(); ++i)
    bars.emplace_back(date_text(p.events[i].date), p.cumulative_relationships[i]);
  html += progress_chart(bars, p.target, "New relationships over time, against the target");
  html +=
      "<table><thead><tr><th class=\"row\">Event</th><th>Date</th><th>New here</th>"
      "<th>So far</th>";
  if (p.target > 0) html += "<th>Of the target</th>";
  html += "</tr></thead><tbody>";
  for (std::size_t i = 0; i < p.events.size(); ++i) {
    const EventFigures& e = p.events[i];
    html += "<tr>" + td(esc(e.name), true) + td(date_text(e.date)) +
            td(std::to_string(e.new_relationships)) +
            td(std::to_string(p.cumulative_relationships[i]));
    if (p.target > 0)
      html += td(percent(static_cast<double>(p.cumulative_relationships[i]) / p.target));
    html += "</tr>";
  }
  return html + "</tbody></table>";
}

// [SECTION] Matrices

std::string matrix(const PairMatrix& m, const std::vector<std::string>& labels,
                   const std::string& caption) {
  std::string html = "<table><caption>" + esc(caption) + "</caption><thead><tr><th></th>";
  for (const std::string& l : labels) html += "<th>" + esc(l) + "</th>";
  html += "</tr></thead><tbody>";
  for (std::size_t r = 0; r < labels.size(); ++r) {
    html += "<tr><th class=\"row\">" + esc(labels[r]) + "</th>";
    for (std::size_t c = 0; c < labels.size(); ++c) {
      if (c < r) {
        html += "<td></td>";
        continue;
      }
      const auto key =
          labels[r] < labels[c] ? std::pair(labels[r], labels[c]) : std::pair(labels[c], labels[r]);
      const auto it = m.find(key);
      if (it == m.end()) {
        html += td("0");
        continue;
      }
      std::string text = cell_text(it->second.held);
      if (it->second.agreements.count > 0) text += " (" + cell_text(it->second.agreements) + ")";
      html += td(text);
    }
    html += "</tr>";
  }
  return html + "</tbody></table>";
}

std::string matrices_section(const ProgrammeFigures& p) {
  std::string html = "<h2 id=\"matrices\">Meetings held by city and by sector</h2>";
  html +=
      "<p>Each cell counts the meetings held between people of the two groups; agreements "
      "reached in brackets.</p>";
  html += matrix(p.cities, p.city_labels, "By the cities people come from");
  html += matrix(p.sectors, p.sector_labels, "By sector");
  return html;
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string study_section(const ProgrammeFigures& p) {
  std::string html = "<h2 id=\"study\">The study's recommended pairings</h2>";
  html +=
      "<p>The feasibility study names, for each partner city, the creative sectors to "
      "internationalise and the sectors they should match with. These are its benchmarking "
      "indicators: how many meetings and agreements each recommended pairing produced.</p>";
  html +=
      "<table><thead><tr><th class=\"row\">City</th><th class=\"row\">Creative sectors</th>"
      "<th class=\"row\">Should match with</th><th>Meetings held</th><th>Agreements</th>"
      "<th class=\"row\">Pairings that met</th></tr></thead><tbody>";
  for (const StudyRow& row : p.study) {
    std::string pairings;
    for (const auto& [name, cell] : row.pairings)
      pairings += (pairings.empty() ? "" : "<br>") + esc(name) + ": " + cell_text(cell.held);
    html += "<tr>" + td(esc(row.city), true) + td(esc(join(row.creative)), true) +
            td(esc(join(row.matching)), true) + td(cell_text(row.held)) +
            td(cell_text(row.agreements)) + td(pairings.empty() ? "-" : pairings, true) + "</tr>";
  }
  return html + "</tbody></table>";
}

// [SECTION] Each event

std::string breakdown_text(const Breakdown& b) {
  std::string out;
  for (const auto& [label, n] : b.shown)
    out += (out.empty() ? "" : ", ") + esc(label) + " " + std::to_string(n);
  if (b.other > 0)
    out += (out.empty() ? "" : ", ") + std::string("other ") + std::to_string(b.other);
  if (b.totals_only > 0)
    out += (out.empty() ? "" : ", ") + std::string("not shown ") + std::to_string(b.totals_only);
  return out.empty() ? "-" : out;
}

std::string event_section(const EventFigures& e) {
  std::string html = "<h3>" + esc(e.name) + "</h3><table><tbody>";
  const auto row = [&](const std::string& name, const std::string& value) {
    html += "<tr><th class=\"row\">" + name + "</th>" + td(value, true) + "</tr>";
  };
  row("Date", date_text(e.date));
  row("City", esc(e.city.empty() ? "-" : e.city));
  row("Participants", std::to_string(e.participants) +
                          (e.erased > 0 ? " (" + std::to_string(e.erased) + " erased)" : ""));
  row("By type", breakdown_text(e.by_type));
  row("By country", breakdown_text(e.by_country));
  row("Meetings", std::to_string(e.funnel.requested) + " requested, " +
                      std::to_string(e.funnel.accepted) + " accepted, " +
                      std::to_string(e.funnel.held) + " held");
  row("No-show rate", e.funnel.held + e.not_held > 0 ? percent(e.no_show_rate) + " (" +
                                                           std::to_string(e.not_held) + " not held)"
                                                     : "-");
  row("Team rounds", std::to_string(e.team_rounds) + " rounds, " + std::to_string(e.teams) +
                         " teams, " + std::to_string(e.people_in_teams) + " places");
  row("Pitches", std::to_string(e.pitches_done) + " of " + std::to_string(e.pitches) +
                     " pitched, " + std::to_string(e.interested) + " marks of interest");
  row("Policy clinic", std::to_string(e.clinic_outcomes) + " of " +
                           std::to_string(e.clinic_tables) + " tables recorded an outcome");
  row("Follow-up", std::to_string(e.follow_up_rounds) + " rounds, " +
                       std::to_string(e.follow_up_answers) + " answers");
  row("Source", esc(e.source));
  return html + "</tbody></table>";
}

// [SECTION] How the numbers were counted

constexpr const char* kMethod = R"html(
<h2 id="method">How the numbers were counted</h2>
<ul>
<li><b>Requested</b> counts every meeting someone asked for or a broker proposed.
<b>Accepted</b> counts those both people accepted and nobody cancelled. <b>Held</b> counts those
marked as held, by one of the two people or the organiser.</li>
<li>After the event the organiser opens follow-up rounds (for example three and six months
later). Each person answers for each of their held meetings: no further contact; no further
contact but knowledge gained; valuable contact; negotiation started; cooperation agreement
reached. A meeting's outcome is the better of the two people's answers over every round, so an
agreement reported at three months stays counted. <b>Valuable contact</b> counts held meetings
whose outcome is a valuable contact or better, <b>Negotiation started</b> a negotiation or an
agreement, <b>Agreement reached</b> an agreement. A meeting nobody answered for counts as held
only.</li>
<li>A person is recognised across events by their e-mail address (letter case ignored); the
report shows no names and no addresses. A <b>new relationship</b> is a pair of people who held a
meeting at an event and had held none at an earlier event of the programme, where one works in a
creative sector and the other in another growth sector, and they come from different countries.
Events are taken in the order of their first session's date.</li>
<li>The <b>city</b> of an event is the city most of its participants come from. The <b>no-show
rate</b> is the share of meetings marked as not held among those marked held or not held.</li>
<li>No one can be picked out: a city, sector, type or country with fewer than 3 people is merged
into "other"; an "other" that is still smaller than 3 people, and people who asked to be erased,
count only in the totals. A count about fewer than 3 people is shown as "&lt;3" (it still counts
in the totals).</li>
<li>The study's pairings count held meetings between someone from a partner city working in one of
its creative sectors and someone in a sector the study says that city should match with.</li>
</ul>
)html";

}  // namespace

std::string report_html(const ProgrammeFigures& p, bool single) {
  const std::string title =
      single && !p.events.empty() ? "Event report: " + p.events.front().name : "Programme report";
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>" +
      esc(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  html += "<h1>" + esc(title) + "</h1>\n";
  html += summary(p, single) + "\n";
  html += funnel_section(p, single) + "\n";
  html += relationships_section(p) + "\n";
  html += matrices_section(p) + "\n";
  html += study_section(p) + "\n";
  html += std::string("<h2 id=\"events\">") + (single ? "The event" : "Each event") + "</h2>\n";
  for (const EventFigures& e : p.events) html += event_section(e) + "\n";
  html += kMethod;
  html += "</body>\n</html>\n";
  return html;
}

}  // namespace crossmatch::print
