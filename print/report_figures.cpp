#include "print/report_figures.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/event/follow_up_outcome.hpp"
#include "core/event/statistics.hpp"
#include "core/i18n/translation.hpp"
#include "print/page_text.hpp"

namespace crossmatch::print {
namespace {

// [SECTION] People across events

// The key a person has across the programme: their e-mail in lower case, or (no e-mail, or
// erased) one of this event alone.
std::string person_key(std::size_t event, const core::Participant& p) {
  if (p.status != core::ParticipantStatus::Erased && !p.profile.email.empty()) {
    std::string key = p.profile.email;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return key;
  }
  return "#" + std::to_string(event) + ":" + std::to_string(p.id);
}

std::pair<std::string, std::string> ordered(std::string a, std::string b) {
  if (b < a) std::swap(a, b);
  return {std::move(a), std::move(b)};
}

bool erased(const core::Participant& p) {
  return p.status == core::ParticipantStatus::Erased;
}

// The names of cities, sectors and countries are counted and shown in the current language.
std::string city_name(const core::Taxonomy& taxonomy, const core::Profile& p) {
  const core::City* c = taxonomy.city(p.city);
  return c != nullptr ? translated_name(*c) : std::string();
}

std::string sector_name(const core::Taxonomy& taxonomy, const core::Profile& p) {
  const core::Sector* s = taxonomy.sector(p.sector);
  return s != nullptr ? translated_name(*s) : std::string();
}

// [SECTION] Small groups merged

// People per label, with labels of fewer than kMinPeople merged into `other`; erased people
// (and an `other` still too small) count in the total only.
Breakdown breakdown(const std::map<std::string, int>& people_by_label, int uncounted) {
  Breakdown b;
  b.totals_only = uncounted;
  b.total = uncounted;
  for (const auto& [label, n] : people_by_label) {
    b.total += n;
    if (static_cast<std::size_t>(n) >= kMinPeople) {
      b.shown.emplace_back(label, n);
    } else {
      b.other += n;
    }
  }
  if (b.other > 0 && static_cast<std::size_t>(b.other) < kMinPeople) {
    b.totals_only += b.other;
    b.other = 0;
  }
  std::stable_sort(b.shown.begin(), b.shown.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  return b;
}

// The labels people fall in, with those of fewer than kMinPeople people merged into `other`.
std::map<std::string, std::string> merged_labels(
    const std::map<std::string, std::set<std::string>>& people, const std::string& other) {
  std::map<std::string, std::string> out;
  for (const auto& [label, who] : people) out[label] = who.size() >= kMinPeople ? label : other;
  return out;
}

// [SECTION] One event

std::int64_t first_date(const core::EventState& s) {
  std::int64_t date = 0;
  for (const auto& [id, session] : s.sessions) {
    if (date == 0 || session.date < date) date = session.date;
  }
  return date;
}

std::string host_city(const core::EventState& s, const core::Taxonomy& taxonomy) {
  std::map<std::string, int> count;
  for (const auto& [id, p] : s.participants) {
    if (!erased(p) && !p.profile.city.empty()) ++count[city_name(taxonomy, p.profile)];
  }
  count.erase("");
  std::string best;
  int most = 0;
  for (const auto& [name, n] : count) {
    if (n > most) {
      best = name;
      most = n;
    }
  }
  return best;
}

std::optional<core::FollowUpOutcome> held_outcome(const core::EventState& s,
                                                  const core::Meeting& m) {
  if (m.held != core::HeldState::Held) return std::nullopt;
  return core::meeting_outcome(s, m.id);
}

Funnel event_funnel(const core::EventState& s) {
  Funnel f;
  for (const auto& [id, m] : s.meetings) {
    ++f.requested;
    if (m.status == core::MeetingStatus::Accepted) ++f.accepted;
    if (m.held != core::HeldState::Held) continue;
    ++f.held;
    const auto outcome = held_outcome(s, m);
    if (!outcome) continue;
    if (*outcome >= core::FollowUpOutcome::Valuable) ++f.valuable;
    if (*outcome >= core::FollowUpOutcome::Negotiation) ++f.negotiation;
    if (*outcome == core::FollowUpOutcome::Agreement) ++f.agreement;
  }
  return f;
}

EventFigures event_figures(const ReportEvent& e, const core::Taxonomy& taxonomy) {
  const core::EventState& s = e.state;
  EventFigures f;
  f.name = s.event.name;
  f.source = e.source;
  f.date = first_date(s);
  f.city = host_city(s, taxonomy);
  std::map<std::string, int> types, countries;
  for (const auto& [id, p] : s.participants) {
    ++f.participants;
    if (erased(p)) {
      ++f.erased;
      continue;
    }
    ++types[core::label(p.profile.type)];
    const core::Country* c = taxonomy.country(p.profile.country);
    ++countries[c != nullptr ? translated_name(*c) : p.profile.country];
  }
  f.by_type = breakdown(types, f.erased);
  f.by_country = breakdown(countries, f.erased);
  f.funnel = event_funnel(s);
  for (const auto& [id, m] : s.meetings) {
    if (m.held == core::HeldState::NotHeld) ++f.not_held;
  }
  const int marked = f.funnel.held + f.not_held;
  f.no_show_rate = marked > 0 ? static_cast<double>(f.not_held) / marked : 0;
  f.team_rounds = static_cast<int>(s.rounds.size());
  for (const auto& [id, round] : s.rounds) {
    f.teams += static_cast<int>(round.teams.size());
    for (const core::Team& t : round.teams) f.people_in_teams += static_cast<int>(t.members.size());
  }
  for (const auto& [id, ps] : s.pitching) {
    for (const core::Pitch& p : ps.pitches) {
      ++f.pitches;
      if (p.outcome == core::PitchOutcome::Done) ++f.pitches_done;
      f.interested += static_cast<int>(p.interested.size());
    }
  }
  f.clinic_tables = static_cast<int>(s.clinic_tables.size());
  for (const auto& [id, ct] : s.clinic_tables) {
    if (!ct.outcome.empty()) ++f.clinic_outcomes;
  }
  f.follow_up_rounds = static_cast<int>(s.follow_ups.size());
  for (const auto& [id, round] : s.follow_ups)
    f.follow_up_answers += static_cast<int>(round.answers.size());
  return f;
}

core::Status check_distinct(const std::vector<ReportEvent>& events) {
  for (std::size_t i = 0; i < events.size(); ++i) {
    for (std::size_t k = 0; k < i; ++k) {
      const core::EventInfo& a = events[i].state.event;
      const core::EventInfo& b = events[k].state.event;
      const bool same_file = events[i].source == events[k].source;
      const bool same_event = a.name == b.name && a.join_code == b.join_code;
      if (same_file || same_event)
        return core::make_error("duplicate_event", "--db",
                                events[i].source + " is the same event as " + events[k].source +
                                    " ('" + a.name + "'); give each event of the programme once.");
    }
  }
  return core::Status::success();
}

}  // namespace

Funnel& Funnel::operator+=(const Funnel& o) {
  requested += o.requested;
  accepted += o.accepted;
  held += o.held;
  valuable += o.valuable;
  negotiation += o.negotiation;
  agreement += o.agreement;
  return *this;
}

void Cell::add(int n, const std::string& a, const std::string& b) {
  count += n;
  if (!a.empty()) people.insert(a);
  if (!b.empty()) people.insert(b);
}

// [SECTION] The programme

core::Result<ProgrammeFigures> programme_figures(const std::vector<ReportEvent>& given,
                                                 const core::Taxonomy& taxonomy, int target) {
  if (given.empty())
    return core::make_error("missing", "--db", "Give at least one event database.");
  if (core::Status s = check_distinct(given); !s) return s.error();
  std::vector<const ReportEvent*> events;
  for (const ReportEvent& e : given) events.push_back(&e);
  std::stable_sort(events.begin(), events.end(), [](const ReportEvent* a, const ReportEvent* b) {
    return first_date(a->state) < first_date(b->state);
  });

  ProgrammeFigures out;
  out.target = target;
  std::set<std::string> people;
  // Who comes from which city and sector, over the programme, to merge small groups.
  std::map<std::string, std::set<std::string>> city_people, sector_people;
  for (std::size_t i = 0; i < events.size(); ++i) {
    for (const auto& [id, p] : events[i]->state.participants) {
      const std::string key = person_key(i, p);
      people.insert(key);
      if (erased(p)) continue;
      if (const std::string c = city_name(taxonomy, p.profile); !c.empty())
        city_people[c].insert(key);
      if (const std::string s = sector_name(taxonomy, p.profile); !s.empty())
        sector_people[s].insert(key);
    }
  }
  out.people = static_cast<int>(people.size());
  // TRANSLATORS: in the report's table of meetings by city, the row and column of the cities
  // with too few people to show on their own
  const std::string other_cities = core::tr("Other cities");
  // TRANSLATORS: in the report's table of meetings by sector, the row and column of the sectors
  // with too few people to show on their own
  const std::string other_sectors = core::tr("Other sectors");
  const auto city_label = merged_labels(city_people, other_cities);
  const auto sector_label = merged_labels(sector_people, other_sectors);
  for (const auto& [name, label] : city_label) {
    if (std::find(out.city_labels.begin(), out.city_labels.end(), label) == out.city_labels.end())
      out.city_labels.push_back(label);
  }
  for (const auto& [name, label] : sector_label) {
    if (std::find(out.sector_labels.begin(), out.sector_labels.end(), label) ==
        out.sector_labels.end())
      out.sector_labels.push_back(label);
  }
  // "Other cities" and "Other sectors" last.
  std::stable_partition(out.city_labels.begin(), out.city_labels.end(),
                        [&](const std::string& l) { return l != other_cities; });
  std::stable_partition(out.sector_labels.begin(), out.sector_labels.end(),
                        [&](const std::string& l) { return l != other_sectors; });

  for (const core::City* city : taxonomy.partner_cities()) {
    StudyRow row;
    row.city = translated_name(*city);
    for (const int s : city->creative_sectors)
      row.creative.push_back(translated_name(taxonomy.sectors()[s]));
    for (const int s : city->matching_sectors)
      row.matching.push_back(translated_name(taxonomy.sectors()[s]));
    out.study.push_back(std::move(row));
  }
  const auto partners = taxonomy.partner_cities();

  std::set<std::pair<std::string, std::string>> met;  // pairs with a held meeting so far
  int relationships = 0;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const core::EventState& s = events[i]->state;
    EventFigures figures = event_figures(*events[i], taxonomy);
    std::set<std::pair<std::string, std::string>> met_here;
    for (const auto& [id, m] : s.meetings) {
      if (m.held != core::HeldState::Held) continue;
      const core::Participant* a = s.participant(m.requester);
      const core::Participant* b = s.participant(m.invitee);
      if (a == nullptr || b == nullptr) continue;
      const std::string ka = person_key(i, *a), kb = person_key(i, *b);
      const auto pair = ordered(ka, kb);
      const bool agreement = held_outcome(s, m) == core::FollowUpOutcome::Agreement;
      const bool cross = core::is_cross_sector(taxonomy, a->profile, b->profile) &&
                         a->profile.country != b->profile.country;
      if (cross && !met.count(pair) && met_here.insert(pair).second) ++figures.new_relationships;

      // Matrices: erased people count in totals only.
      if (erased(*a) || erased(*b)) continue;
      const auto add = [&](PairMatrix& matrix, const std::map<std::string, std::string>& labels,
                           const std::string& x, const std::string& y) {
        const auto lx = labels.find(x), ly = labels.find(y);
        if (lx == labels.end() || ly == labels.end()) return;
        PairCell& cell = matrix[ordered(lx->second, ly->second)];
        cell.held.add(1, ka, kb);
        if (agreement) cell.agreements.add(1, ka, kb);
      };
      add(out.cities, city_label, city_name(taxonomy, a->profile), city_name(taxonomy, b->profile));
      add(out.sectors, sector_label, sector_name(taxonomy, a->profile),
          sector_name(taxonomy, b->profile));

      // The study's pairings: a creative sector of a partner city with a sector it should match.
      for (std::size_t c = 0; c < partners.size(); ++c) {
        const int city = taxonomy.city_index(partners[c]->id);
        std::string pairing;
        for (const auto& [x, y] : {std::pair{a, b}, std::pair{b, a}}) {
          if (x->profile.city != partners[c]->id) continue;
          const int cs = taxonomy.sector_index(x->profile.sector);
          const int gs = taxonomy.sector_index(y->profile.sector);
          if (cs >= 0 && gs >= 0 && taxonomy.study_matches(city, cs, gs)) {
            pairing = translated_name(taxonomy.sectors()[cs]) + " - " +
                      translated_name(taxonomy.sectors()[gs]);
            break;
          }
        }
        if (pairing.empty()) continue;
        StudyRow& row = out.study[c];
        row.held.add(1, ka, kb);
        if (agreement) row.agreements.add(1, ka, kb);
        auto it = std::find_if(row.pairings.begin(), row.pairings.end(),
                               [&](const auto& p) { return p.first == pairing; });
        if (it == row.pairings.end()) it = row.pairings.insert(row.pairings.end(), {pairing, {}});
        it->second.held.add(1, ka, kb);
        if (agreement) it->second.agreements.add(1, ka, kb);
      }
    }
    for (const auto& [id, m] : s.meetings) {
      if (m.held != core::HeldState::Held) continue;
      const core::Participant* a = s.participant(m.requester);
      const core::Participant* b = s.participant(m.invitee);
      if (a != nullptr && b != nullptr) met.insert(ordered(person_key(i, *a), person_key(i, *b)));
    }
    relationships += figures.new_relationships;
    out.cumulative_relationships.push_back(relationships);
    out.funnel += figures.funnel;
    out.events.push_back(std::move(figures));
  }
  out.relationships = relationships;
  return out;
}

}  // namespace crossmatch::print
