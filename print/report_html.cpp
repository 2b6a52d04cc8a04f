// [SECTION] Page parts: head and style, summary, funnel, relationships, matrices, the study's
// table, each event, how the numbers were counted.
#include "print/report_html.hpp"

#include <cstdio>

#include "core/event/calendar.hpp"
#include "core/i18n/translation.hpp"
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

// Text made safe as an element's content (& < >; quotes may stay): for the page's own words,
// which a translation may give any character.
std::string html_text(const std::string& text) {
  return escape_html(text, false);
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

// The funnel's stages, by the names the report's charts, tables and explanation give them.
std::vector<std::pair<std::string, int>> stages(const Funnel& f) {
  // TRANSLATORS: a stage of the report's funnel (a column head): meetings someone asked for
  return {{core::tr("Requested"), f.requested},
          // TRANSLATORS: a stage of the report's funnel (a column head): meetings both accepted
          {core::tr("Accepted"), f.accepted},
          // TRANSLATORS: a stage of the report's funnel (a column head): meetings that took place
          {core::tr("Held"), f.held},
          // TRANSLATORS: a stage of the report's funnel (a column head): held meetings that gave
          // a valuable contact or more
          {core::tr("Valuable contact"), f.valuable},
          // TRANSLATORS: a stage of the report's funnel (a column head): held meetings after which
          // a negotiation started
          {core::tr("Negotiation started"), f.negotiation},
          // TRANSLATORS: a stage of the report's funnel (a column head): held meetings that led to
          // a cooperation agreement
          {core::tr("Agreement reached"), f.agreement}};
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
    const std::size_t n = p.events.size();
    if (p.events.empty()) {
      html += html_text(core::format_text(core::tr_n("%zu event.", "%zu events.", n), n));
    } else {
      html += html_text(core::format_text(
          // TRANSLATORS: the report's opening line: how many events, from the first one's date
          // to the last one's (dates as YYYY-MM-DD)
          core::tr_n("%zu event, %s to %s.", "%zu events, %s to %s.", n), n,
          date_text(p.events.front().date).c_str(), date_text(p.events.back().date).c_str()));
    }
  }
  html += "</p><div>";
  // The figures' words are captions under a large number, whatever the number.
  const char* people =
      single
          // TRANSLATORS: caption under the number of an event's participants (report's summary)
          ? core::tr("participants")
          // TRANSLATORS: caption under the number of distinct people across the programme's
          // events (the report's summary)
          : core::tr("people");
  html += figure(std::to_string(p.people), people);
  // TRANSLATORS: caption under a number in the report's summary
  html += figure(std::to_string(p.funnel.held), core::tr("meetings held"));
  // TRANSLATORS: caption under a number in the report's summary
  html += figure(std::to_string(p.funnel.agreement), core::tr("cooperation agreements"));
  std::string relationships = std::to_string(p.relationships);
  if (p.target > 0) relationships += " / " + std::to_string(p.target);
  const char* caption = p.target > 0
                            // TRANSLATORS: caption under "12 / 50" in the report's summary: the new
                            // relationships so far and the number the programme aims for
                            ? core::tr("new relationships of the target")
                            // TRANSLATORS: caption under a number in the report's summary
                            : core::tr("new cross-sector, cross-border relationships");
  html += figure(relationships, caption);
  return html + "</div>";
}

// [SECTION] Funnel and relationships

std::string funnel_section(const ProgrammeFigures& p, bool single) {
  std::string html = "<h2 id=\"funnel\">" +
                     // TRANSLATORS: heading of the report's funnel section
                     html_text(core::tr("From request to agreement")) + "</h2>";
  const char* chart_title =
      single
          // TRANSLATORS: the title of the report's funnel chart (read out by screen readers)
          ? core::tr("The event's funnel")
          // TRANSLATORS: the title of the report's funnel chart (read out by screen readers)
          : core::tr("The programme's funnel");
  html += funnel_chart(stages(p.funnel), chart_title);
  // TRANSLATORS: a column head in the report's tables: the event each row is about
  html += "<table><thead><tr><th class=\"row\">" + html_text(core::tr("Event")) + "</th>";
  for (const auto& [stage, value] : stages(p.funnel)) html += "<th>" + esc(stage) + "</th>";
  html += "</tr></thead><tbody>";
  for (const EventFigures& e : p.events) html += funnel_row(esc(e.name), e.funnel);
  // TRANSLATORS: the last row of the report's funnel table: all the programme's events together
  if (!single) html += funnel_row("<b>" + html_text(core::tr("Programme")) + "</b>", p.funnel);
  return html + "</tbody></table>";
}

std::string relationships_section(const ProgrammeFigures& p) {
  std::string html = "<h2 id=\"relationships\">" +
                     // TRANSLATORS: heading of the report's section on new relationships
                     html_text(core::tr("New cross-sector, cross-border relationships")) + "</h2>";
  std::vector<std::pair<std::string, int>> bars;
  for (std::size_t i = 0; i < p.events.size(); ++i)
    bars.emplace_back(date_text(p.events[i].date), p.cumulative_relationships[i]);
  html += progress_chart(bars, p.target,
                         // TRANSLATORS: the title of the report's chart of new relationships (read
                         // out by screen readers)
                         core::tr("New relationships over time, against the target"));
  // TRANSLATORS: a column head in the report's tables: the event each row is about
  html += "<table><thead><tr><th class=\"row\">" + html_text(core::tr("Event")) + "</th>";
  // TRANSLATORS: a column head in the report's tables: the date of an event
  html += "<th>" + html_text(core::tr("Date")) + "</th>";
  // TRANSLATORS: a column head in the report: new relationships made at this event
  html += "<th>" + html_text(core::tr("New here")) + "</th>";
  // TRANSLATORS: a column head in the report: new relationships up to and with this event
  html += "<th>" + html_text(core::tr("So far")) + "</th>";
  // TRANSLATORS: a column head in the report: the share of the target reached so far
  if (p.target > 0) html += "<th>" + html_text(core::tr("Of the target")) + "</th>";
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
  std::string html = "<h2 id=\"matrices\">" +
                     // TRANSLATORS: heading of the report's tables of meetings by city and sector
                     html_text(core::tr("Meetings held by city and by sector")) + "</h2>";
  html += "<p>" +
          html_text(core::tr("Each cell counts the meetings held between people of the two groups; "
                             "agreements reached in brackets.")) +
          "</p>";
  // TRANSLATORS: caption of the report's table of meetings between people of two cities
  html += matrix(p.cities, p.city_labels, core::tr("By the cities people come from"));
  // TRANSLATORS: caption of the report's table of meetings between people of two sectors
  html += matrix(p.sectors, p.sector_labels, core::tr("By sector"));
  return html;
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string study_section(const ProgrammeFigures& p) {
  std::string html = "<h2 id=\"study\">" +
                     // TRANSLATORS: heading of the report's section on the feasibility study's
                     // recommended pairings of sectors
                     html_text(core::tr("The study's recommended pairings")) + "</h2>";
  html += "<p>" +
          html_text(core::tr("The feasibility study names, for each partner city, the creative "
                             "sectors to internationalise and the sectors they should match with. "
                             "These are its benchmarking indicators: how many meetings and "
                             "agreements each recommended pairing produced.")) +
          "</p>";
  // TRANSLATORS: a column head in the report's study table: a partner city
  html += "<table><thead><tr><th class=\"row\">" + html_text(core::tr("City")) + "</th>";
  // TRANSLATORS: a column head in the report's study table: the city's creative sectors
  html += "<th class=\"row\">" + html_text(core::tr("Creative sectors")) + "</th>";
  // TRANSLATORS: a column head in the report's study table: the sectors the city's creative
  // sectors should be matched with
  html += "<th class=\"row\">" + html_text(core::tr("Should match with")) + "</th>";
  // TRANSLATORS: a column head in the report's study table
  html += "<th>" + html_text(core::tr("Meetings held")) + "</th>";
  // TRANSLATORS: a column head in the report's study table: cooperation agreements reached
  html += "<th>" + html_text(core::tr("Agreements")) + "</th>";
  // TRANSLATORS: a column head in the report's study table: the recommended pairs of sectors
  // that had meetings
  html += "<th class=\"row\">" + html_text(core::tr("Pairings that met")) + "</th>";
  html += "</tr></thead><tbody>";
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
    out += (out.empty() ? "" : ", ") +
           html_text(core::format_text(
               // TRANSLATORS: in the report, after the groups of people by type or by country:
               // the people of the groups too small to show, merged ("Company 12, other 4")
               core::tr_n("other %d", "other %d", b.other), b.other));
  if (b.totals_only > 0)
    out += (out.empty() ? "" : ", ") +
           html_text(core::format_text(
               // TRANSLATORS: in the report, after the groups of people by type or by country:
               // people counted in the totals only (erased, or in a group still too small)
               core::tr_n("not shown %d", "not shown %d", b.totals_only), b.totals_only));
  return out.empty() ? "-" : out;
}

std::string event_section(const EventFigures& e) {
  std::string html = "<h3>" + esc(e.name) + "</h3><table><tbody>";
  const auto row = [&](const std::string& name, const std::string& value) {
    html += "<tr><th class=\"row\">" + html_text(name) + "</th>" + td(value, true) + "</tr>";
  };
  // Each count in words whose form the number decides; the counts of a row listed.
  std::string participants = std::to_string(e.participants);
  if (e.erased > 0)
    participants += " (" +
                    html_text(core::format_text(
                        // TRANSLATORS: in the report, after the number of an event's
                        // participants: how many of them asked to be erased
                        core::tr_n("%d erased", "%d erased", e.erased), e.erased)) +
                    ")";
  const std::string meetings = html_text(join({
      core::format_text(
          // TRANSLATORS: in the report, a number of meetings requested
          core::tr_n("%d requested", "%d requested", e.funnel.requested), e.funnel.requested),
      core::format_text(
          // TRANSLATORS: in the report, a number of meetings accepted
          core::tr_n("%d accepted", "%d accepted", e.funnel.accepted), e.funnel.accepted),
      core::format_text(
          // TRANSLATORS: in the report, a number of meetings held (that took place)
          core::tr_n("%d held", "%d held", e.funnel.held), e.funnel.held),
  }));
  std::string no_shows = "-";
  if (e.funnel.held + e.not_held > 0)
    no_shows = percent(e.no_show_rate) + " (" +
               html_text(core::format_text(
                   // TRANSLATORS: in the report, after the no-show rate: the meetings not held
                   core::tr_n("%d not held", "%d not held", e.not_held), e.not_held)) +
               ")";
  const std::string team_rounds = html_text(join({
      core::format_text(
          // TRANSLATORS: in the report, a number of rounds (of team forming, or of follow-up)
          core::tr_n("%d round", "%d rounds", e.team_rounds), e.team_rounds),
      core::format_text(
          // TRANSLATORS: in the report, a number of teams formed
          core::tr_n("%d team", "%d teams", e.teams), e.teams),
      core::format_text(
          // TRANSLATORS: in the report, a number of places in teams (people in them)
          core::tr_n("%d place", "%d places", e.people_in_teams), e.people_in_teams),
  }));
  const std::string pitches = html_text(join({
      core::format_text(
          // TRANSLATORS: in the report, how many of an event's pitches were given: "4 of 5
          // pitched"
          core::tr_n("%d of %d pitched", "%d of %d pitched", e.pitches), e.pitches_done, e.pitches),
      core::format_text(
          // TRANSLATORS: in the report, how many times people marked their interest in a pitch
          core::tr_n("%d mark of interest", "%d marks of interest", e.interested), e.interested),
  }));
  const std::string clinic = html_text(core::format_text(
      // TRANSLATORS: in the report, how many of an event's policy-clinic tables recorded an
      // outcome
      core::tr_n("%d of %d table recorded an outcome", "%d of %d tables recorded an outcome",
                 e.clinic_tables),
      e.clinic_outcomes, e.clinic_tables));
  const std::string follow_up = html_text(join({
      core::format_text(
          // TRANSLATORS: in the report, a number of rounds (of team forming, or of follow-up)
          core::tr_n("%d round", "%d rounds", e.follow_up_rounds), e.follow_up_rounds),
      core::format_text(
          // TRANSLATORS: in the report, a number of answers to follow-up questions
          core::tr_n("%d answer", "%d answers", e.follow_up_answers), e.follow_up_answers),
  }));

  // TRANSLATORS: a row head in the report's table of one event's figures
  row(core::tr("Date"), date_text(e.date));
  // TRANSLATORS: a row head in the report's table of one event's figures: the host city
  row(core::tr("City"), esc(e.city.empty() ? "-" : e.city));
  // TRANSLATORS: a row head in the report's table of one event's figures
  row(core::tr("Participants"), participants);
  // TRANSLATORS: a row head in the report's table of one event's figures: people by their type
  row(core::tr("By type"), breakdown_text(e.by_type));
  // TRANSLATORS: a row head in the report's table of one event's figures: people by country
  row(core::tr("By country"), breakdown_text(e.by_country));
  // TRANSLATORS: a row head in the report's table of one event's figures
  row(core::tr("Meetings"), meetings);
  // TRANSLATORS: a row head in the report's table of one event's figures: the share of meetings
  // that did not take place
  row(core::tr("No-show rate"), no_shows);
  // TRANSLATORS: a row head in the report's table of one event's figures
  row(core::tr("Team rounds"), team_rounds);
  // TRANSLATORS: a row head in the report's table of one event's figures
  row(core::tr("Pitches"), pitches);
  // TRANSLATORS: a row head in the report's table of one event's figures
  row(core::tr("Policy clinic"), clinic);
  // TRANSLATORS: a row head in the report's table of one event's figures: the follow-up rounds
  // after the event
  row(core::tr("Follow-up"), follow_up);
  // TRANSLATORS: a row head in the report's table of one event's figures: the file it came from
  row(core::tr("Source"), esc(e.source));
  return html + "</tbody></table>";
}

// [SECTION] How the numbers were counted

// Where the i-th term in bold goes in a translated sentence until the sentence is escaped:
// control characters, which no translation holds.
const char* term_mark(int i) {
  static constexpr const char* kMarks[] = {"\x01\x11", "\x01\x12", "\x01\x13"};
  return kMarks[i];
}

// `sentence`, made with term_mark(i) where the i-th term goes, escaped; each mark replaced by its
// term, escaped and in bold.
std::string with_bold_terms(const std::string& sentence, const std::vector<const char*>& terms) {
  const std::string safe = html_text(sentence);
  std::string out;
  for (std::size_t i = 0; i < safe.size(); ++i) {
    if (safe[i] == '\x01' && i + 1 < safe.size()) {
      const auto k = static_cast<std::size_t>(safe[i + 1] - '\x11');
      if (k < terms.size()) out += "<b>" + html_text(terms[k]) + "</b>";
      ++i;
      continue;
    }
    out += safe[i];
  }
  return out;
}

// How the numbers were counted. The funnel's stages are named as in its tables; the line breaks
// inside the sentences are the page source's, and a translation may place its own.
std::string method_section() {
  std::string html =
      "\n<h2 id=\"method\">" +
      // TRANSLATORS: heading of the report's last section, which explains the figures
      html_text(core::tr("How the numbers were counted")) + "</h2>\n<ul>\n";
  const std::vector<const char*> stage = {core::tr("Requested"),
                                          core::tr("Accepted"),
                                          core::tr("Held"),
                                          core::tr("Valuable contact"),
                                          core::tr("Negotiation started"),
                                          core::tr("Agreement reached")};
  html += "<li>" +
          with_bold_terms(
              core::format_text(
                  // TRANSLATORS: in the report's explanation; each %s is the name of a stage of
                  // the funnel, in bold: "Requested", "Accepted" and "Held"
                  core::tr("%s counts every meeting someone asked for or a broker proposed.\n"
                           "%s counts those both people accepted and nobody cancelled. %s counts "
                           "those\nmarked as held, by one of the two people or the organiser."),
                  term_mark(0), term_mark(1), term_mark(2)),
              {stage[0], stage[1], stage[2]}) +
          "</li>\n";
  html += "<li>" +
          with_bold_terms(
              core::format_text(
                  // TRANSLATORS: in the report's explanation; the answers listed are those of the
                  // follow-up questions; each %s is the name of a stage of the funnel, in bold:
                  // "Valuable contact", "Negotiation started" and "Agreement reached"
                  core::tr("After the event the organiser opens follow-up rounds (for example "
                           "three and six months\nlater). Each person answers for each of their "
                           "held meetings: no further contact; no further\ncontact but knowledge "
                           "gained; valuable contact; negotiation started; cooperation "
                           "agreement\nreached. A meeting's outcome is the better of the two "
                           "people's answers over every round, so an\nagreement reported at three "
                           "months stays counted. %s counts held meetings\nwhose outcome is a "
                           "valuable contact or better, %s a negotiation or an\nagreement, %s an "
                           "agreement. A meeting nobody answered for counts as held\nonly."),
                  term_mark(0), term_mark(1), term_mark(2)),
              {stage[3], stage[4], stage[5]}) +
          "</li>\n";
  html += "<li>" +
          with_bold_terms(
              core::format_text(
                  // TRANSLATORS: in the report's explanation; %s is the term it defines, in bold:
                  // "new relationship"
                  core::tr("A person is recognised across events by their e-mail address (letter "
                           "case ignored); the\nreport shows no names and no addresses. A %s is a "
                           "pair of people who held a\nmeeting at an event and had held none at an "
                           "earlier event of the programme, where one works in a\ncreative sector "
                           "and the other in another growth sector, and they come from different "
                           "countries.\nEvents are taken in the order of their first session's "
                           "date."),
                  term_mark(0)),
              // TRANSLATORS: in the report's explanation, in bold: the term it defines
              {core::tr("new relationship")}) +
          "</li>\n";
  html += "<li>" +
          with_bold_terms(
              core::format_text(
                  // TRANSLATORS: in the report's explanation; each %s is a term it defines, in
                  // bold: "city" and "no-show rate"
                  core::tr("The %s of an event is the city most of its participants come from. "
                           "The %s is the share of meetings marked as not held among those marked "
                           "held or not held."),
                  term_mark(0), term_mark(1)),
              // TRANSLATORS: in the report's explanation, in bold: the term it defines (the city
              // of an event)
              {core::tr("city"),
               // TRANSLATORS: in the report's explanation, in bold: the term it defines
               core::tr("no-show rate")}) +
          "</li>\n";
  html += "<li>" +
          html_text(core::tr(
              // TRANSLATORS: in the report's explanation; "other" is the word the report's
              // tables use for merged small groups; "<3" is how the report shows a count about
              // fewer than 3 people
              "No one can be picked out: a city, sector, type or country with fewer than 3 people "
              "is merged\ninto \"other\"; an \"other\" that is still smaller than 3 people, and "
              "people who asked to be erased,\ncount only in the totals. A count about fewer than "
              "3 people is shown as \"<3\" (it still counts\nin the totals).")) +
          "</li>\n";
  html += "<li>" +
          // TRANSLATORS: in the report's explanation
          html_text(core::tr("The study's pairings count held meetings between someone from a "
                             "partner city working in one of\nits creative sectors and someone in "
                             "a sector the study says that city should match with.")) +
          "</li>\n";
  return html + "</ul>\n";
}

}  // namespace

std::string report_html(const ProgrammeFigures& p, bool single) {
  const std::string title =
      single && !p.events.empty()
          // TRANSLATORS: the title of the report of one event; %s is the event's name
          ? core::format_text(core::tr("Event report: %s"), p.events.front().name.c_str())
          // TRANSLATORS: the title of the report on all the programme's events
          : std::string(core::tr("Programme report"));
  // The page's language, for browsers, screen readers and hyphenation.
  const char* language = core::current_language_code();
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + esc(language) +
                     "\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>" +
                     esc(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  html += "<h1>" + esc(title) + "</h1>\n";
  html += summary(p, single) + "\n";
  html += funnel_section(p, single) + "\n";
  html += relationships_section(p) + "\n";
  html += matrices_section(p) + "\n";
  html += study_section(p) + "\n";
  html += "<h2 id=\"events\">" +
          // TRANSLATORS: heading of the report's section with the figures of its one event
          html_text(single ? core::tr("The event")
                           // TRANSLATORS: heading of the report's section with each event's figures
                           : core::tr("Each event")) +
          "</h2>\n";
  for (const EventFigures& e : p.events) html += event_section(e) + "\n";
  html += method_section();
  html += "</body>\n</html>\n";
  return html;
}

}  // namespace crossmatch::print
