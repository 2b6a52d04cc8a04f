// What a personal agenda says, before it is drawn: the participant, their meetings in time order
// with each partner and the first reason they were matched, their teams, the pitching sessions
// they pitch in and the policy-clinic tables they sit at.
#pragma once

#include <string>
#include <vector>

#include "core/event/event_state.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::print {

struct AgendaMeeting {
  std::string when;   // "Thu 14 May, 09:20"; "to be scheduled" for an accepted meeting not placed
  std::string table;  // empty when not placed
  std::string partner;
  std::string organisation;
  std::string sector;
  std::string place;   // the partner's city and country
  std::string reason;  // the first reason the two were matched, for this participant; may be empty
};

struct AgendaTeam {
  std::string round;  // the team round's name
  std::string when;
  std::string table;
  std::vector<std::string> members;  // the others, by name
};

struct AgendaPitch {
  std::string session;
  std::string when;
  int position = 0;  // 1-based place in the pitching order
  int pitches = 0;
};

struct AgendaClinic {
  std::string session;
  std::string when;
  std::string table;
  std::string theme;
};

struct Agenda {
  core::ParticipantId participant = 0;
  std::string name;
  std::string organisation;
  std::string place;
  std::vector<AgendaMeeting> meetings;
  std::vector<AgendaTeam> teams;
  std::vector<AgendaPitch> pitches;
  std::vector<AgendaClinic> clinics;

  bool empty() const {
    return meetings.empty() && teams.empty() && pitches.empty() && clinics.empty();
  }
};

// The agendas of these participants (each known and not erased), in this order.
std::vector<Agenda> agendas(const core::EventState& state, const core::Taxonomy& taxonomy,
                            const std::vector<core::ParticipantId>& participants);

}  // namespace crossmatch::print
