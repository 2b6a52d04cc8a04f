#include "core/matching/clinic_forming.hpp"

#include <algorithm>
#include <array>

#include "core/i18n/translation.hpp"
#include "core/matching/event_population.hpp"
#include "core/matching/pair_reasons.hpp"
#include "core/matching/teams.hpp"

namespace crossmatch::core {
namespace {

// "a company", "3 companies": the count inside the translated message (plural rules differ).
std::string counted(ParticipantType type, unsigned long k) {
  switch (type) {
    case ParticipantType::Company:
      return format_text(tr_n("a company", "%lu companies", k), k);
    case ParticipantType::PolicyMaker:
      return format_text(tr_n("a policy maker", "%lu policy makers", k), k);
    case ParticipantType::Intermediary:
      return format_text(tr_n("a broker or intermediary", "%lu brokers or intermediaries", k), k);
    case ParticipantType::Researcher:
      return format_text(tr_n("a researcher or university", "%lu researchers or universities", k),
                         k);
  }
  return "";
}

// "a; b; c", cut at a whole part so that it fits an operation's text limit.
std::string join_parts(const std::vector<std::string>& parts, std::size_t limit) {
  std::string out;
  for (const auto& part : parts) {
    const std::size_t extra = (out.empty() ? 0 : 2) + part.size();
    if (out.size() + extra > limit) break;
    if (!out.empty()) out += "; ";
    out += part;
  }
  return out;
}

const Session* clinic_session(const EventState& state, SessionId id, Error& error) {
  const Session* s = state.session(id);
  if (s == nullptr) {
    // TRANSLATORS: %u is the number of a session
    error = make_error("not_found", "session", format_text(tr("There is no session %u."), id));
  } else if (s->kind != SessionKind::PolicyClinic) {
    error = make_error("wrong_session", "session",
                       // TRANSLATORS: %s is the name of a session
                       format_text(tr("'%s' is not a policy clinic."), s->name.c_str()));
    s = nullptr;
  }
  return s;
}

std::string name_of(const EventState& state, ParticipantId id) {
  const Participant* p = state.participant(id);
  // TRANSLATORS: a participant the event no longer knows, by their number
  if (p == nullptr) return format_text(tr("participant %u"), id);
  std::string out = p->profile.display_name;
  if (!p->profile.organisation.empty()) out += " (" + p->profile.organisation + ")";
  return out;
}

// Members' population indices, skipping anyone no longer in it.
std::vector<int> indices(const EventPopulation& ep, const std::vector<ParticipantId>& members) {
  std::vector<int> out;
  for (const ParticipantId id : members) {
    const int i = ep.index(id);
    if (i >= 0) out.push_back(i);
  }
  return out;
}

std::vector<std::string> table_reasons(const EventState& state, const EventPopulation& ep,
                                       ClinicTableId table,
                                       const std::vector<ParticipantId>& members) {
  std::vector<std::string> out;
  std::vector<ParticipantType> types;
  int picked = 0;
  for (const ParticipantId id : members) {
    if (const Participant* p = state.participant(id)) types.push_back(p->profile.type);
    const auto themes = state.clinic_themes.find(id);
    if (themes != state.clinic_themes.end() &&
        std::find(themes->second.begin(), themes->second.end(), table) != themes->second.end())
      ++picked;
  }
  out.push_back(describe_type_mix(types));
  out.push_back(format_text(
      // TRANSLATORS: why a clinic table was formed: "3 of 5 picked this theme"
      tr_n("%d of %zu picked this theme", "%d of %zu picked this theme", members.size()), picked,
      members.size()));
  for (auto& r : explain_team(ep.population, indices(ep, members))) out.push_back(std::move(r));
  return out;
}

}  // namespace

std::string describe_type_mix(const std::vector<ParticipantType>& types) {
  static constexpr std::array<ParticipantType, 4> kOrder = {
      ParticipantType::PolicyMaker, ParticipantType::Company, ParticipantType::Intermediary,
      ParticipantType::Researcher};
  std::vector<std::string> parts;
  for (const ParticipantType t : kOrder) {
    const auto k = std::count(types.begin(), types.end(), t);
    if (k > 0) parts.push_back(counted(t, static_cast<unsigned long>(k)));
  }
  return parts.empty() ? tr("nobody yet") : list_words(parts);
}

Result<ClinicForming> form_clinic_tables(const EventState& state, const Taxonomy& taxonomy,
                                         SessionId session, SearchBudget& budget,
                                         std::uint64_t seed) {
  Error error;
  const Session* s = clinic_session(state, session, error);
  if (s == nullptr) return error;
  ClinicForming out;
  std::vector<int> seats;
  for (const auto& [id, ct] : state.clinic_tables) {
    if (ct.session != session) continue;
    if (!ct.members.empty())
      return make_error("clinic_locked", "session",
                        // TRANSLATORS: %s is the name of a policy clinic session
                        format_text(tr("The tables of '%s' are already formed; they are locked."),
                                    s->name.c_str()));
    const Table* place = state.table(ct.table);
    out.tables.push_back(id);
    seats.push_back(place != nullptr ? place->seats : 0);
  }
  if (out.tables.empty())
    return make_error(
        "no_tables", "session",
        // TRANSLATORS: %s is the name of a policy clinic session
        format_text(tr("'%s' has no workshop tables yet; define them with their themes first."),
                    s->name.c_str()));

  const EventPopulation ep = event_population(state, taxonomy);
  std::vector<ClinicPerson> people;
  for (const auto& [id, themes] : state.clinic_themes) {
    const Participant* p = state.participant(id);
    if (p == nullptr || !p->active() || ep.index(id) < 0) continue;
    ClinicPerson person;
    person.index = ep.index(id);
    for (const ClinicTableId theme : themes) {
      const auto at = std::find(out.tables.begin(), out.tables.end(), theme);
      if (at != out.tables.end())
        person.themes.push_back(static_cast<int>(at - out.tables.begin()));
    }
    if (person.themes.empty()) continue;  // themes of another clinic only
    people.push_back(std::move(person));
    out.people.push_back(id);
  }
  if (people.empty())
    return make_error("no_participants", "session",
                      // TRANSLATORS: %s is the name of a policy clinic session
                      format_text(tr("Nobody has picked a theme of '%s' yet."), s->name.c_str()));

  out.plan = seat_clinic(ep.population, state.event.settings.matching.weights, people, seats,
                         budget, seed);
  out.operation.session = session;
  for (std::size_t t = 0; t < out.tables.size(); ++t) {
    if (out.plan.members[t].empty()) continue;
    ClinicSeating seating;
    seating.clinic_table = out.tables[t];
    for (const int p : out.plan.members[t]) seating.members.push_back(out.people[p]);
    seating.reasons = join_parts(table_reasons(state, ep, seating.clinic_table, seating.members),
                                 kMaxMessageLength);
    out.operation.seating.push_back(std::move(seating));
  }
  for (const int p : out.plan.unseated) out.unseated.push_back(out.people[p]);
  return out;
}

std::vector<std::string> explain_clinic_table(const EventState& state, const Taxonomy& taxonomy,
                                              ClinicTableId table,
                                              const std::vector<ParticipantId>& members) {
  const EventPopulation ep = event_population(state, taxonomy);
  return table_reasons(state, ep, table, members);
}

Result<std::vector<std::string>> explain_clinic_seat(const EventState& state,
                                                     const Taxonomy& taxonomy, ClinicTableId table,
                                                     ParticipantId member) {
  const auto it = state.clinic_tables.find(table);
  if (it == state.clinic_tables.end())
    return make_error("not_found", "clinic_table",
                      // TRANSLATORS: %u is the number of a clinic table
                      format_text(tr("There is no clinic table %u."), table));
  const ClinicTable& ct = it->second;
  if (std::find(ct.members.begin(), ct.members.end(), member) == ct.members.end())
    return make_error("not_seated", "participant",
                      // TRANSLATORS: %1$s is a person, %2$s the theme of a clinic table
                      format_text(tr("%s is not seated at '%s'."), name_of(state, member).c_str(),
                                  ct.theme.c_str()));
  std::vector<std::string> out;

  const auto themes = state.clinic_themes.find(member);
  int rank = -1;
  if (themes != state.clinic_themes.end()) {
    const auto at = std::find(themes->second.begin(), themes->second.end(), table);
    if (at != themes->second.end()) rank = static_cast<int>(at - themes->second.begin());
  }
  const Participant* me = state.participant(member);
  std::vector<ParticipantType> others;
  for (const ParticipantId id : ct.members) {
    if (id == member) continue;
    if (const Participant* p = state.participant(id)) others.push_back(p->profile.type);
  }
  if (rank == 0) {
    out.push_back(format_text(tr("you picked this theme first: %s"), ct.theme.c_str()));
  } else if (rank > 0) {
    out.push_back(format_text(tr("you picked this theme: %s"), ct.theme.c_str()));
  } else if (me != nullptr && std::none_of(others.begin(), others.end(), [&](ParticipantType t) {
               return clinic_role(t) == clinic_role(me->profile.type);
             })) {
    // TRANSLATORS: why a person sits at a clinic table; %s is "a company", "a policy maker", ...
    out.push_back(format_text(tr("not a theme you picked: the table needed %s"),
                              counted(me->profile.type, 1).c_str()));
  } else {
    out.push_back(tr("not a theme you picked: the tables you picked were full"));
  }
  // TRANSLATORS: who else sits at the table: "with a policy maker and 2 companies"
  if (!others.empty()) out.push_back(format_text(tr("with %s"), describe_type_mix(others).c_str()));

  // The member they have most in common with, and why.
  const EventPopulation ep = event_population(state, taxonomy);
  const int self = ep.index(member);
  if (self >= 0) {
    const PairScorer scorer(ep.population, state.event.settings.matching.weights);
    int best = -1;
    double best_score = -1;
    for (const ParticipantId id : ct.members) {
      const int j = ep.index(id);
      if (j < 0 || j == self || !scorer.allowed(self, j)) continue;
      const double score = scorer.score(self, j);
      if (score > best_score) best = j, best_score = score;
    }
    if (best >= 0) {
      const auto reasons = explain_pair(scorer, self, best, 2);
      std::string line = name_of(state, ep.ids[best]);
      if (!reasons.empty()) {
        // TRANSLATORS: a person and why they suit the table: "Ana Silva: from Lisbon, Portugal"
        line = format_text(tr("%s: %s"), line.c_str(), join_reasons(reasons).c_str());
      }
      out.push_back(line);
    }
  }
  return out;
}

}  // namespace crossmatch::core
