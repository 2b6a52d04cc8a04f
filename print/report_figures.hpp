// The figures of the programme report: the funnel from request to agreement per event and for
// the programme, new cross-sector cross-border relationships against the target, meetings by city
// pair and sector pair, the study's recommended pairings, and each event's own figures. Counted
// from event states alone; people are recognised across events by e-mail and never named.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::print {

// One event of the programme, as loaded, and where it came from (a file name, for messages).
struct ReportEvent {
  std::string source;
  core::EventState state;
};

// From request to agreement; each stage counts the meetings that reached it or a later one.
struct Funnel {
  int requested = 0;    // every meeting requested or introduced
  int accepted = 0;     // both people accepted (held ones included; cancelled ones not)
  int held = 0;         // marked held
  int valuable = 0;     // held, and the better follow-up answer is a valuable contact or more
  int negotiation = 0;  // ... a negotiation started or an agreement
  int agreement = 0;    // ... a cooperation agreement reached
  bool operator==(const Funnel&) const = default;
  Funnel& operator+=(const Funnel& o);
};

// A count and the people it is about (their programme keys), so that a count about fewer than
// kMinPeople people can be merged away.
struct Cell {
  int count = 0;
  std::set<std::string> people;
  void add(int n, const std::string& a, const std::string& b = {});
};

inline constexpr std::size_t kMinPeople = 3;

// Meetings between two groups (cities or sectors), by the pair of group labels in order.
struct PairCell {
  Cell held;
  Cell agreements;
};
using PairMatrix = std::map<std::pair<std::string, std::string>, PairCell>;

// Counts by a label (a participant type, a country), with the labels' small groups merged.
struct Breakdown {
  std::vector<std::pair<std::string, int>> shown;  // label and people, largest first
  int other = 0;        // people in groups of fewer than kMinPeople, merged ("Other")
  int totals_only = 0;  // erased people, and an "Other" still too small to show
  int total = 0;
};

struct EventFigures {
  std::string name;
  std::string source;
  std::int64_t date = 0;  // days since 1970-01-01 of its first session; 0 when it has none
  std::string city;       // the host city's name: where most of its participants come from
  int participants = 0;   // everyone who registered, withdrawn and erased included
  int erased = 0;
  Breakdown by_type, by_country;
  Funnel funnel;
  int not_held = 0;
  double no_show_rate = 0;  // not held / (held + not held)
  int team_rounds = 0, teams = 0, people_in_teams = 0;
  int pitches = 0, pitches_done = 0, interested = 0;
  int clinic_tables = 0, clinic_outcomes = 0;
  int follow_up_rounds = 0, follow_up_answers = 0;
  int new_relationships = 0;  // new cross-sector, cross-border pairs first met here
};

// One row of the study's table: a partner city, its creative sectors, the sectors it should
// match with, and what the recommended pairings produced across the programme.
struct StudyRow {
  std::string city;
  std::vector<std::string> creative, matching;  // sector names
  Cell held, agreements;
  // Each recommended pairing that produced a held meeting: "Design - Health".
  std::vector<std::pair<std::string, PairCell>> pairings;
};

struct ProgrammeFigures {
  std::vector<EventFigures> events;  // in date order
  Funnel funnel;
  int people = 0;  // distinct people across the programme
  int relationships = 0;
  int target = 0;
  std::vector<int> cumulative_relationships;  // after each event, in date order
  PairMatrix cities, sectors;
  std::vector<std::string> city_labels, sector_labels;  // the matrices' rows, merged
  std::vector<StudyRow> study;
};

// Counts the figures of the events (any order; they are sorted by date). Refuses an empty list,
// and the same event twice (same name and join code, or the same file). The names of cities,
// sectors, countries and participant types, and the merged groups' labels ("Other cities"), are
// in the current language.
core::Result<ProgrammeFigures> programme_figures(const std::vector<ReportEvent>& events,
                                                 const core::Taxonomy& taxonomy, int target);

}  // namespace crossmatch::print
