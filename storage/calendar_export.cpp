#include "storage/calendar_export.hpp"

#include <algorithm>
#include <tuple>
#include <vector>

#include "core/event/calendar.hpp"
#include "storage/icalendar.hpp"
#include "storage/time_zone.hpp"

namespace crossmatch::storage {
namespace {

struct Entry {
  std::string uid;
  std::uint64_t sequence = 0;
  std::int64_t day = 0;
  int start = 0, end = 0;  // minutes since local midnight
  std::string summary, location, description;
  bool cancelled = false;
};

class Calendar {
 public:
  Calendar(const core::EventState& state, const CalendarHistory& history)
      : state_(state), history_(history) {}

  std::string uid(const std::string& what) const {
    return what + "." + history_.event_key + "@crossmatch";
  }

  std::string person(core::ParticipantId id) const {
    const core::Participant* p = state_.participant(id);
    if (p == nullptr || p->status == core::ParticipantStatus::Erased)
      return "an erased participant";
    if (p->profile.organisation.empty()) return p->profile.display_name;
    return p->profile.display_name + " (" + p->profile.organisation + ")";
  }

  std::uint64_t session_change(core::SessionId id) const {
    const auto it = history_.sessions.find(id);
    return it == history_.sessions.end() ? 0 : it->second;
  }
  std::uint64_t table_change(core::TableId id) const {
    const auto it = history_.tables.find(id);
    return it == history_.tables.end() ? 0 : it->second;
  }

  void add_session(const core::Session& s) {
    Entry e;
    e.uid = uid("session-" + std::to_string(s.id));
    e.sequence = session_change(s.id);
    e.day = s.date;
    e.start = s.start;
    e.end = s.end;
    e.summary = s.name;
    e.description = core::label(s.kind);
    entries_.push_back(std::move(e));
  }

  // A meeting with a time: booked now, or cancelled after it was booked.
  void add_meeting(const core::Meeting& m, core::ParticipantId viewer) {
    if (m.status != core::MeetingStatus::Accepted && m.status != core::MeetingStatus::Cancelled)
      return;
    const auto h = history_.meetings.find(m.id);
    std::optional<core::Placement> placement = m.placement;
    if (!placement && h != history_.meetings.end()) placement = h->second.last_placement;
    if (!placement) return;
    const core::Session* s = state_.session(placement->slot.session);
    if (s == nullptr || placement->slot.index < 0 || placement->slot.index >= s->slot_count())
      return;
    Entry e;
    e.uid = uid("meeting-" + std::to_string(m.id));
    e.sequence = std::max({h == history_.meetings.end() ? 0 : h->second.last_change,
                           session_change(s->id), table_change(placement->table)});
    e.day = s->date;
    e.start = s->slot_starts[static_cast<std::size_t>(placement->slot.index)];
    e.end = e.start + s->slot_minutes;
    e.summary = viewer == 0 ? "Meeting: " + person(m.requester) + " and " + person(m.invitee)
                            : "Meeting with " + person(m.other(viewer));
    if (const core::Table* t = state_.table(placement->table)) e.location = t->name;
    e.description = s->name;
    if (viewer != 0) {
      const core::Participant* other = state_.participant(m.other(viewer));
      if (other != nullptr && other->status != core::ParticipantStatus::Erased &&
          !other->profile.job_title.empty())
        e.description = person(m.other(viewer)) + ", " + other->profile.job_title + ". " + s->name;
    }
    e.cancelled = m.status == core::MeetingStatus::Cancelled;
    entries_.push_back(std::move(e));
  }

  void add_team(const core::TeamRound& round, std::size_t index, core::ParticipantId viewer) {
    const core::Team& team = round.teams[index];
    const core::Session* s = state_.session(round.session);
    if (s == nullptr) return;
    Entry e;
    e.uid = uid("team-" + std::to_string(round.id) + "-" + std::to_string(index + 1));
    e.sequence = std::max(session_change(s->id), table_change(team.table));
    e.day = s->date;
    e.start = s->start;
    e.end = s->end;
    e.summary = round.name + ": team " + std::to_string(index + 1);
    if (const core::Table* t = state_.table(team.table)) e.location = t->name;
    std::string members;
    for (const core::ParticipantId p : team.members) {
      if (p == viewer) continue;
      members += (members.empty() ? "" : "; ") + person(p);
    }
    e.description = (viewer == 0 ? "Members: " : "With: ") + members;
    if (!team.reasons.empty()) e.description += "\n" + team.reasons;
    entries_.push_back(std::move(e));
  }

  // A policy clinic's workshop table: its theme, where it sits and who is at it.
  void add_clinic_table(const core::ClinicTable& ct, core::ParticipantId viewer) {
    const core::Session* s = state_.session(ct.session);
    if (s == nullptr) return;
    const auto h = history_.clinic_tables.find(ct.id);
    Entry e;
    e.uid = uid("clinic-" + std::to_string(ct.id));
    e.sequence = std::max({h == history_.clinic_tables.end() ? 0 : h->second, session_change(s->id),
                           table_change(ct.table)});
    e.day = s->date;
    e.start = s->start;
    e.end = s->end;
    e.summary = s->name + ": " + ct.theme;
    if (const core::Table* t = state_.table(ct.table)) e.location = t->name;
    std::string members;
    for (const core::ParticipantId p : ct.members) {
      if (p == viewer) continue;
      members += (members.empty() ? "" : "; ") + person(p);
    }
    if (!members.empty()) e.description = (viewer == 0 ? "Members: " : "With: ") + members;
    if (!ct.reasons.empty()) e.description += (e.description.empty() ? "" : "\n") + ct.reasons;
    entries_.push_back(std::move(e));
  }

  core::Result<std::string> write(const std::string& name, std::int64_t now_ms) {
    auto zone = TimeZone::load(state_.event.time_zone);
    if (!zone) return zone.error();
    ICalendarWriter ics;
    ics.line("BEGIN", "VCALENDAR");
    ics.line("VERSION", "2.0");
    ics.line("PRODID", "-//crossmatch//crossmatch event calendar//EN");
    ics.line("CALSCALE", "GREGORIAN");
    ics.line("METHOD", "PUBLISH");
    ics.text("X-WR-CALNAME", name);
    ics.text("X-WR-TIMEZONE", zone->name());
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      return std::tie(a.day, a.start, a.uid) < std::tie(b.day, b.start, b.uid);
    });
    if (!entries_.empty()) {
      // The zone's offsets from the first year of the entries to the end of the last.
      const auto year = [](std::int64_t day) {
        return std::stoi(core::format_date(day).substr(0, 4));
      };
      const std::int64_t from =
          core::days_from_civil(year(entries_.front().day), 1, 1) * 86400 - 86400;
      const std::int64_t to =
          core::days_from_civil(year(entries_.back().day) + 1, 1, 1) * 86400 + 86400;
      ics.time_zone(*zone, from, to);
    }
    const std::string tzid = "TZID=" + zone->name();
    const std::string stamp = utc_date_time(now_ms / 1000);
    for (const Entry& e : entries_) {
      ics.line("BEGIN", "VEVENT");
      ics.line("UID", e.uid);
      ics.line("DTSTAMP", stamp);
      ics.line("SEQUENCE", std::to_string(e.sequence));
      ics.line("DTSTART;" + tzid, local_date_time(e.day, e.start));
      ics.line("DTEND;" + tzid, local_date_time(e.day, e.end));
      ics.text("SUMMARY", e.summary);
      if (!e.location.empty()) ics.text("LOCATION", e.location);
      if (!e.description.empty()) ics.text("DESCRIPTION", e.description);
      ics.line("STATUS", e.cancelled ? "CANCELLED" : "CONFIRMED");
      ics.line("TRANSP", e.cancelled ? "TRANSPARENT" : "OPAQUE");
      ics.line("END", "VEVENT");
    }
    ics.line("END", "VCALENDAR");
    return ics.str();
  }

 private:
  const core::EventState& state_;
  const CalendarHistory& history_;
  std::vector<Entry> entries_;
};

core::Status require_event(const core::EventState& state) {
  if (state.event.created) return core::Status::success();
  return core::make_error("no_event", "db",
                          "The database holds no event yet; create the event first.");
}

}  // namespace

core::Result<std::string> event_calendar(const core::EventState& state,
                                         const CalendarHistory& history, std::int64_t now_ms) {
  if (auto s = require_event(state); !s) return s.error();
  Calendar calendar(state, history);
  for (const auto& [id, s] : state.sessions) calendar.add_session(s);
  for (const auto& [id, m] : state.meetings) calendar.add_meeting(m, 0);
  for (const auto& [id, round] : state.rounds) {
    for (std::size_t t = 0; t < round.teams.size(); ++t) calendar.add_team(round, t, 0);
  }
  for (const auto& [id, ct] : state.clinic_tables) calendar.add_clinic_table(ct, 0);
  return calendar.write(state.event.name, now_ms);
}

core::Result<std::string> participant_calendar(const core::EventState& state,
                                               const CalendarHistory& history,
                                               core::ParticipantId participant,
                                               std::int64_t now_ms) {
  if (auto s = require_event(state); !s) return s.error();
  const core::Participant* p = state.participant(participant);
  if (p == nullptr)
    return core::make_error("not_found", "participant",
                            "There is no participant " + std::to_string(participant) + ".");
  if (p->status == core::ParticipantStatus::Erased)
    return core::make_error("erased", "participant",
                            "Participant " + std::to_string(participant) +
                                " was erased; nothing of theirs is left to export.");
  Calendar calendar(state, history);
  for (const auto& [id, s] : state.sessions) {
    if (s.kind == core::SessionKind::Pitching || s.kind == core::SessionKind::PolicyClinic)
      calendar.add_session(s);
  }
  if (const auto it = state.index.person_meetings.find(participant);
      it != state.index.person_meetings.end()) {
    for (const core::MeetingId id : it->second)
      calendar.add_meeting(state.meetings.at(id), participant);
  }
  for (const auto& [id, round] : state.rounds) {
    for (std::size_t t = 0; t < round.teams.size(); ++t) {
      const auto& members = round.teams[t].members;
      if (std::find(members.begin(), members.end(), participant) != members.end())
        calendar.add_team(round, t, participant);
    }
  }
  for (const auto& [id, ct] : state.clinic_tables) {
    if (std::find(ct.members.begin(), ct.members.end(), participant) != ct.members.end())
      calendar.add_clinic_table(ct, participant);
  }
  return calendar.write(state.event.name + ": " + p->profile.display_name, now_ms);
}

}  // namespace crossmatch::storage
