#include "storage/csv_export.hpp"

#include "core/event/calendar.hpp"
#include "storage/csv.hpp"

namespace crossmatch::storage {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ';';
    out += item;
  }
  return out;
}

std::string joined(const std::vector<int>& values) {
  std::string out;
  for (const int v : values) {
    if (!out.empty()) out += ';';
    out += std::to_string(v);
  }
  return out;
}

const char* yes_no(bool value) {
  return value ? "yes" : "no";
}

struct SlotTimes {
  std::string session, date, start, end;
};

SlotTimes slot_times(const core::EventState& state, const core::SlotRef& slot) {
  const core::Session* s = state.session(slot.session);
  if (s == nullptr || slot.index < 0 || slot.index >= s->slot_count()) return {};
  const int start = s->slot_starts[static_cast<std::size_t>(slot.index)];
  return {s->name, core::format_date(s->date), core::format_time_of_day(start),
          core::format_time_of_day(start + s->slot_minutes)};
}

}  // namespace

const std::vector<std::string>& participant_columns() {
  static const std::vector<std::string> columns = {"id",
                                                   "status",
                                                   "display_name",
                                                   "organisation",
                                                   "job_title",
                                                   "type",
                                                   "size",
                                                   "city",
                                                   "country",
                                                   "sector",
                                                   "email",
                                                   "languages",
                                                   "offers",
                                                   "seeks",
                                                   "target_markets",
                                                   "known_markets",
                                                   "answers",
                                                   "consent_suggestions",
                                                   "consent_share_contact"};
  return columns;
}

std::string participants_csv(const core::EventState& state) {
  CsvWriter csv;
  csv.row(participant_columns());
  for (const auto& [id, p] : state.participants) {
    const core::Profile& f = p.profile;
    csv.row({std::to_string(id), core::to_string(p.status), f.display_name, f.organisation,
             f.job_title, core::to_string(f.type), core::to_string(f.size), f.city, f.country,
             f.sector, f.email, joined(f.languages), joined(f.offers), joined(f.seeks),
             joined(f.target_markets), joined(f.known_markets), joined(f.answers),
             yes_no(f.consent.suggestions), yes_no(f.consent.share_contact)});
  }
  return csv.text();
}

std::string meetings_csv(const core::EventState& state) {
  CsvWriter csv;
  csv.row({"id", "status", "introduced", "requester_id", "requester_name", "requester_organisation",
           "invitee_id", "invitee_name", "invitee_organisation", "session", "date", "start", "end",
           "table", "held", "requester_rating", "invitee_rating"});
  const auto who = [&](core::ParticipantId id) -> std::pair<std::string, std::string> {
    const core::Participant* p = state.participant(id);
    if (p == nullptr) return {};
    return {p->profile.display_name, p->profile.organisation};
  };
  for (const auto& [id, m] : state.meetings) {
    const auto [rname, rorg] = who(m.requester);
    const auto [iname, iorg] = who(m.invitee);
    SlotTimes when;
    std::string table;
    if (m.placement) {
      when = slot_times(state, m.placement->slot);
      if (const core::Table* t = state.table(m.placement->table)) table = t->name;
    }
    const auto rating = [](int r) { return r == 0 ? std::string() : std::to_string(r); };
    csv.row({std::to_string(id), core::to_string(m.status), yes_no(m.introduced),
             std::to_string(m.requester), rname, rorg, std::to_string(m.invitee), iname, iorg,
             when.session, when.date, when.start, when.end, table, core::to_string(m.held),
             rating(m.requester_feedback.rating), rating(m.invitee_feedback.rating)});
  }
  return csv.text();
}

std::string teams_csv(const core::EventState& state) {
  CsvWriter csv;
  csv.row({"round_id", "round", "session", "date", "start", "end", "team", "table",
           "participant_id", "name", "organisation", "sector", "country", "reasons"});
  for (const auto& [rid, round] : state.rounds) {
    const core::Session* s = state.session(round.session);
    const std::string session = s ? s->name : "";
    const std::string date = s ? core::format_date(s->date) : "";
    const std::string start = s ? core::format_time_of_day(s->start) : "";
    const std::string end = s ? core::format_time_of_day(s->end) : "";
    for (std::size_t t = 0; t < round.teams.size(); ++t) {
      const core::Team& team = round.teams[t];
      const core::Table* table = state.table(team.table);
      for (const core::ParticipantId member : team.members) {
        const core::Participant* p = state.participant(member);
        csv.row({std::to_string(rid), round.name, session, date, start, end, std::to_string(t + 1),
                 table ? table->name : "", std::to_string(member), p ? p->profile.display_name : "",
                 p ? p->profile.organisation : "", p ? p->profile.sector : "",
                 p ? p->profile.country : "", team.reasons});
      }
    }
  }
  return csv.text();
}

std::string clinics_csv(const core::EventState& state) {
  CsvWriter csv;
  csv.row({"clinic_table_id", "session", "date", "start", "end", "table", "theme", "participant_id",
           "name", "organisation", "type", "sector", "country", "reasons", "outcome"});
  for (const auto& [id, ct] : state.clinic_tables) {
    const core::Session* s = state.session(ct.session);
    const core::Table* table = state.table(ct.table);
    const std::vector<std::string> head = {std::to_string(id),
                                           s ? s->name : "",
                                           s ? core::format_date(s->date) : "",
                                           s ? core::format_time_of_day(s->start) : "",
                                           s ? core::format_time_of_day(s->end) : "",
                                           table ? table->name : "",
                                           ct.theme};
    const auto row = [&](const std::vector<std::string>& member) {
      std::vector<std::string> fields = head;
      fields.insert(fields.end(), member.begin(), member.end());
      fields.push_back(ct.reasons);
      fields.push_back(ct.outcome);
      csv.row(fields);
    };
    if (ct.members.empty()) row({"", "", "", "", "", ""});
    for (const core::ParticipantId member : ct.members) {
      const core::Participant* p = state.participant(member);
      row({std::to_string(member), p ? p->profile.display_name : "",
           p ? p->profile.organisation : "", p ? core::to_string(p->profile.type) : "",
           p ? p->profile.sector : "", p ? p->profile.country : ""});
    }
  }
  return csv.text();
}

std::string pitches_csv(const core::EventState& state) {
  CsvWriter csv;
  csv.row({"session", "date", "position", "pitcher_id", "name", "organisation", "minutes",
           "outcome", "interested", "interested_names", "interested_count"});
  for (const auto& [sid, ps] : state.pitching) {
    const core::Session* s = state.session(sid);
    for (std::size_t i = 0; i < ps.pitches.size(); ++i) {
      const core::Pitch& pitch = ps.pitches[i];
      const core::Participant* p = state.participant(pitch.pitcher);
      std::vector<std::string> interested, names;
      for (const core::ParticipantId who : pitch.interested) {
        interested.push_back(std::to_string(who));
        const core::Participant* fan = state.participant(who);
        names.push_back(fan ? fan->profile.display_name : "");
      }
      csv.row({s ? s->name : "", s ? core::format_date(s->date) : "", std::to_string(i + 1),
               std::to_string(pitch.pitcher), p ? p->profile.display_name : "",
               p ? p->profile.organisation : "", std::to_string(pitch.minutes),
               core::to_string(pitch.outcome), joined(interested), joined(names),
               std::to_string(interested.size())});
    }
  }
  return csv.text();
}

}  // namespace crossmatch::storage
