#include "print/agenda_content.hpp"

#include <algorithm>
#include <tuple>

#include "core/i18n/translation.hpp"
#include "core/matching/event_population.hpp"
#include "core/matching/pair_reasons.hpp"
#include "print/page_text.hpp"

namespace crossmatch::print {

namespace {

struct MeetingOrder {
  std::int64_t time = 0;
  core::TableId table = 0;
  core::MeetingId meeting = 0;
  bool placed = false;
};

std::vector<AgendaMeeting> meetings_of(const core::EventState& state,
                                       const core::Taxonomy& taxonomy,
                                       const core::EventPopulation& population,
                                       const core::PairScorer& scorer, core::ParticipantId id) {
  std::vector<MeetingOrder> order;
  if (const auto it = state.index.person_meetings.find(id); it != state.index.person_meetings.end())
    for (const core::MeetingId m : it->second) {
      const core::Meeting* meeting = state.meeting(m);
      if (meeting == nullptr || meeting->status != core::MeetingStatus::Accepted) continue;
      MeetingOrder o{.meeting = m};
      if (const auto& p = meeting->placement) {
        const core::Session* session = state.session(p->slot.session);
        if (session != nullptr && p->slot.index >= 0 && p->slot.index < session->slot_count()) {
          o.placed = true;
          o.time = session->slot_time(p->slot.index);
          o.table = p->table;
        }
      }
      order.push_back(o);
    }
  // Placed meetings by time, then those waiting for a time, each by id to break ties.
  std::sort(order.begin(), order.end(), [](const MeetingOrder& a, const MeetingOrder& b) {
    return std::tuple(!a.placed, a.time, a.table, a.meeting) <
           std::tuple(!b.placed, b.time, b.table, b.meeting);
  });
  std::vector<AgendaMeeting> out;
  out.reserve(order.size());
  const int self = population.index(id);
  for (const MeetingOrder& o : order) {
    const core::Meeting& meeting = *state.meeting(o.meeting);
    const core::ParticipantId other = meeting.other(id);
    AgendaMeeting line;
    if (o.placed) {
      line.when =
          slot_when(*state.session(meeting.placement->slot.session), meeting.placement->slot.index);
      line.table = table_name(state, o.table);
    } else {
      // TRANSLATORS: on a printed agenda, the time of an accepted meeting not given a time yet
      line.when = core::tr("to be scheduled");
    }
    line.partner = person_name(state, other);
    if (const core::Participant* p = state.participant(other);
        p != nullptr && p->status != core::ParticipantStatus::Erased) {
      line.organisation = p->profile.organisation;
      line.sector = sector_of(p->profile, taxonomy);
      line.place = place_of(p->profile, taxonomy);
    }
    const int partner = population.index(other);
    if (self >= 0 && partner >= 0) {
      const auto reasons = core::explain_pair(scorer, self, partner, 1);
      if (!reasons.empty()) line.reason = reasons.front().text;
    }
    // TRANSLATORS: on a printed agenda, why two people meet: a broker introduced them
    if (line.reason.empty() && meeting.introduced) line.reason = core::tr("introduced by a broker");
    out.push_back(std::move(line));
  }
  return out;
}

std::vector<AgendaTeam> teams_of(const core::EventState& state, core::ParticipantId id) {
  std::vector<AgendaTeam> out;
  const auto it = state.index.person_rounds.find(id);
  if (it == state.index.person_rounds.end()) return out;
  for (const core::RoundId r : it->second) {
    const auto round = state.rounds.find(r);
    if (round == state.rounds.end()) continue;
    for (const core::Team& team : round->second.teams) {
      if (std::find(team.members.begin(), team.members.end(), id) == team.members.end()) continue;
      AgendaTeam line{.round = round->second.name};
      if (const core::Session* s = state.session(round->second.session))
        line.when = session_when(*s);
      if (team.table != 0) line.table = table_name(state, team.table);
      for (const core::ParticipantId m : team.members)
        if (m != id) line.members.push_back(person_name(state, m));
      out.push_back(std::move(line));
    }
  }
  return out;
}

std::vector<AgendaPitch> pitches_of(const core::EventState& state, core::ParticipantId id) {
  std::vector<AgendaPitch> out;
  for (const auto& [session_id, pitching] : state.pitching) {
    for (std::size_t i = 0; i < pitching.pitches.size(); ++i) {
      if (pitching.pitches[i].pitcher != id) continue;
      AgendaPitch line{.position = static_cast<int>(i) + 1,
                       .pitches = static_cast<int>(pitching.pitches.size())};
      if (const core::Session* s = state.session(session_id)) {
        line.session = s->name;
        line.when = session_when(*s);
      }
      out.push_back(std::move(line));
    }
  }
  return out;
}

std::vector<AgendaClinic> clinics_of(const core::EventState& state, core::ParticipantId id) {
  std::vector<AgendaClinic> out;
  for (const auto& [table_id, table] : state.clinic_tables) {
    if (std::find(table.members.begin(), table.members.end(), id) == table.members.end()) continue;
    AgendaClinic line{.table = table_name(state, table.table), .theme = table.theme};
    if (const core::Session* s = state.session(table.session)) {
      line.session = s->name;
      line.when = session_when(*s);
    }
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace

std::vector<Agenda> agendas(const core::EventState& state, const core::Taxonomy& taxonomy,
                            const std::vector<core::ParticipantId>& participants) {
  const core::EventPopulation population = core::event_population(state, taxonomy);
  const core::PairScorer scorer(population.population, state.event.settings.matching.weights);
  std::vector<Agenda> out;
  out.reserve(participants.size());
  for (const core::ParticipantId id : participants) {
    const core::Participant* p = state.participant(id);
    if (p == nullptr || p->status == core::ParticipantStatus::Erased) continue;
    Agenda agenda{.participant = id,
                  .name = p->profile.display_name,
                  .organisation = p->profile.organisation,
                  .place = place_of(p->profile, taxonomy)};
    agenda.meetings = meetings_of(state, taxonomy, population, scorer, id);
    agenda.teams = teams_of(state, id);
    agenda.pitches = pitches_of(state, id);
    agenda.clinics = clinics_of(state, id);
    out.push_back(std::move(agenda));
  }
  return out;
}

}  // namespace crossmatch::print
