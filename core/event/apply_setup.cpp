// Applying the organiser's set-up operations: the event, settings, sessions, tables, announcements.
#include <algorithm>

#include "core/event/apply_context.hpp"
#include "core/event/calendar.hpp"
#include "core/event/event_index.hpp"
#include "core/event/request_expiry.hpp"
#include "core/event/session_rules.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::core::detail {
namespace {

bool is_join_code(const std::string& code) {
  if (code.size() < 4 || code.size() > 64) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

Status check_weight(double w, const std::string& field, const std::string& label) {
  if (!(w >= 0.0 && w <= kMaxWeight))
    return refuse(
        "out_of_range", field,
        // TRANSLATORS: %1$s is the name of a matching weight as the settings file gives
        // it ("working_style"), %2$d the highest weight
        format_text(tr("%s weight must be between 0 and %d."), label.c_str(), int(kMaxWeight)));
  return Status::success();
}

}  // namespace

Status apply(ApplyContext& ctx, const CreateEvent& op) {
  if (ctx.state.event.created)
    return refuse("already_created", "type",
                  // TRANSLATORS: %s is the name of the event
                  format_text(tr("The event '%s' already exists."), ctx.state.event.name.c_str()));
  if (Status s =
          check_field_text(op.name, "name", tr("The event's name"), kMaxEventNameLength, true);
      !s)
    return s;
  if (!is_plausible_time_zone(op.time_zone))
    return refuse("invalid", "time_zone",
                  // TRANSLATORS: %s is the time zone given; zone names are not translated
                  format_text(tr("Time zone '%s' is not a zone name like 'Europe/Lisbon' or "
                                 "'UTC'."),
                              op.time_zone.c_str()));
  if (!is_join_code(op.join_code))
    return refuse("invalid", "join_code", tr("A join code has 4 to 64 letters, digits or dashes."));
  EventInfo& e = ctx.state.event;
  e.created = true;
  e.name = op.name;
  e.time_zone = op.time_zone;
  e.join_code = op.join_code;
  e.registration_open = false;
  return Status::success();
}

Status apply(ApplyContext& ctx, const SetRegistration& op) {
  ctx.state.event.registration_open = op.open;
  return Status::success();
}

Status apply(ApplyContext& ctx, const SetSettings& op) {
  const EventSettings& st = op.settings;
  const ScoreWeights& w = st.matching.weights;
  const std::pair<double, const char*> weights[] = {{w.sector, "sector"},
                                                    {w.working_style, "working_style"},
                                                    {w.international, "international"},
                                                    {w.offers_seeks, "offers_seeks"},
                                                    {w.market_bridge, "market_bridge"},
                                                    {w.participant_types, "participant_types"}};
  double sum = 0;
  for (const auto& [value, name] : weights) {
    if (Status s = check_weight(value, std::string("settings.matching.weights.") + name, name); !s)
      return s;
    sum += value;
  }
  if (sum <= 0)
    return refuse("invalid", "settings.matching.weights",
                  tr("At least one weight must be above 0."));
  const MatchingSettings& m = st.matching;
  if (m.team_min < kMinTeamSize || m.team_max > kMaxTeamSize || m.team_min > m.team_max)
    return refuse("out_of_range", "settings.matching.team_min",
                  // TRANSLATORS: the least and the most people in a team
                  format_text(tr("Team sizes must satisfy %d <= smallest <= largest <= %d."),
                              kMinTeamSize, kMaxTeamSize));
  if (st.max_open_requests < 1 || st.max_open_requests > kMaxOpenRequestsCap)
    return refuse(
        "out_of_range", "settings.max_open_requests",
        format_text(tr("The cap on open requests must be between 1 and %d."), kMaxOpenRequestsCap));
  if (st.max_incoming_requests < 1 || st.max_incoming_requests > kMaxOpenRequestsCap)
    return refuse(
        "out_of_range", "settings.max_incoming_requests",
        format_text(
            tr("The cap on requests awaiting one person's answer must be between 1 and %d."),
            kMaxOpenRequestsCap));
  if (st.max_requests_per_pair < 1 || st.max_requests_per_pair > kMaxRequestsPerPairCap)
    return refuse(
        "out_of_range", "settings.max_requests_per_pair",
        format_text(
            tr("The requests one person may send the same person must be between 1 and %d."),
            kMaxRequestsPerPairCap));
  if (st.relationship_target < 0 || st.relationship_target > kMaxRelationshipTarget)
    return refuse("out_of_range", "settings.relationship_target",
                  format_text(tr("The target for new relationships must be between 0 (none) and "
                                 "%d."),
                              kMaxRelationshipTarget));
  if (st.request_expiry_minutes != 0 && (st.request_expiry_minutes < kMinRequestExpiryMinutes ||
                                         st.request_expiry_minutes > kMaxRequestExpiryMinutes))
    return refuse("out_of_range", "settings.request_expiry_minutes",
                  // TRANSLATORS: the shortest and the longest time a request may wait ("15 min",
                  // "3 days")
                  format_text(tr("Requests expire after %s to %s, or never (0)."),
                              format_expiry(kMinRequestExpiryMinutes).c_str(),
                              format_expiry(kMaxRequestExpiryMinutes).c_str()));
  if (st.afternoon_start < 0 || st.afternoon_start > 24 * 60)
    return refuse("out_of_range", "settings.afternoon_start",
                  tr("The afternoon starts between 00:00 and 24:00."));
  if (st.afternoon_start != ctx.state.event.settings.afternoon_start) {
    // Moving the boundary must not put a booked meeting on the wrong side of someone's requirement.
    for (const auto& [id, m] : ctx.state.meetings) {
      if (m.status != MeetingStatus::Accepted || !m.placement) continue;
      const Session& s = ctx.state.sessions.at(m.placement->slot.session);
      const bool morning = s.slot_starts[m.placement->slot.index] < st.afternoon_start;
      for (const ParticipantId p : {m.requester, m.invitee}) {
        const TimeOfDay only = ctx.state.participants.at(p).availability.only;
        if ((only == TimeOfDay::Morning && !morning) || (only == TimeOfDay::Afternoon && morning))
          return refuse("conflict", "settings.afternoon_start",
                        // TRANSLATORS: %1$u is the number of a meeting, %2$s a person
                        format_text(tr("Meeting %u of %s would fall outside their time-of-day "
                                       "requirement; move it first."),
                                    id, person_name(ctx.state, p).c_str()));
      }
    }
  }
  ctx.state.event.settings = st;
  return Status::success();
}

Status apply(ApplyContext& ctx, const DefineSession& op) {
  auto session = checked_session(ctx.state, op);
  if (!session) return session.error();
  EventState& state = ctx.state;
  // Sessions and tables are public, so every replica sees every creation and counts alike.
  if (op.session == 0) session->id = state.next_session++;
  state.sessions[session->id] = std::move(*session);
  return Status::success();
}

Status apply(ApplyContext& ctx, const RemoveSession& op) {
  if (Status s = check_session_removal(ctx.state, op); !s) return s;
  EventState& state = ctx.state;
  // Preferences, unavailability and pins in the removed session no longer mean anything.
  for (auto& [id, p] : state.participants) {
    auto& u = p.availability.unavailable;
    u.erase(std::remove_if(u.begin(), u.end(), [&](SlotRef s) { return s.session == op.session; }),
            u.end());
  }
  for (auto& [id, m] : state.meetings) {
    auto& pref = m.preferred;
    pref.erase(std::remove_if(pref.begin(), pref.end(),
                              [&](SlotRef s) { return s.session == op.session; }),
               pref.end());
    if (m.pinned && m.pinned->session == op.session) m.pinned.reset();
  }
  state.sessions.erase(op.session);
  return Status::success();
}

Status apply(ApplyContext& ctx, const DefineTable& op) {
  EventState& state = ctx.state;
  const bool creating = op.table == 0;
  if (!creating && state.table(op.table) == nullptr)
    // TRANSLATORS: %u is the number of a table
    return refuse("not_found", "table", format_text(tr("There is no table %u."), op.table));
  if (creating && state.tables.size() >= kMaxTables)
    return refuse("too_many", "table",
                  format_text(tr_n("An event has at most %zu table.",
                                   "An event has at most %zu tables.", kMaxTables),
                              kMaxTables));
  if (Status s =
          check_field_text(op.name, "name", tr("The table's name"), kMaxTableNameLength, true);
      !s)
    return s;
  if (op.seats < kMinSeats || op.seats > kMaxSeats)
    return refuse("out_of_range", "seats",
                  // TRANSLATORS: the least and the most seats of a table
                  format_text(tr("A table seats %d to %d people."), kMinSeats, kMaxSeats));
  for (const auto& [id, t] : state.tables) {
    if (id != op.table && t.name == op.name)
      return refuse("duplicate", "name",
                    // TRANSLATORS: %s is the name of a table
                    format_text(tr("There is already a table named '%s'."), op.name.c_str()));
  }
  if (!creating) {
    for (const auto& [rid, round] : state.rounds) {
      for (const Team& team : round.teams) {
        if (team.table == op.table && static_cast<int>(team.members.size()) > op.seats)
          return refuse("in_use", "seats",
                        format_text(
                            // TRANSLATORS: %1$s is the name of a team round, %2$zu people
                            tr_n("Round '%s' seats %zu person at this table.",
                                 "Round '%s' seats %zu people at this table.", team.members.size()),
                            round.name.c_str(), team.members.size()));
      }
    }
  }
  const TableId id = creating ? state.next_table : op.table;
  if (creating) state.next_table = id + 1;
  const bool reseated = !creating && state.tables.at(id).seats != op.seats;
  state.tables[id] = Table{id, op.name, op.seats};
  if (creating) {
    index_new_table(state, id);
  } else if (reseated) {
    index_tables(state);
  }
  return Status::success();
}

Status apply(ApplyContext& ctx, const RemoveTable& op) {
  EventState& state = ctx.state;
  if (state.table(op.table) == nullptr)
    // TRANSLATORS: %u is the number of a table
    return refuse("not_found", "table", format_text(tr("There is no table %u."), op.table));
  for (const auto& [id, m] : state.meetings) {
    if (m.status == MeetingStatus::Accepted && m.placement && m.placement->table == op.table)
      return refuse("in_use", "table",
                    tr("Meetings are booked at this table; move or cancel them first."));
  }
  for (const auto& [rid, round] : state.rounds) {
    for (const Team& team : round.teams) {
      if (team.table == op.table)
        return refuse(
            "in_use", "table",
            // TRANSLATORS: %s is the name of a team round
            format_text(tr("Round '%s' uses this table; it is locked."), round.name.c_str()));
    }
  }
  for (const auto& [id, ct] : state.clinic_tables) {
    if (ct.table == op.table)
      return refuse("in_use", "table",
                    // TRANSLATORS: %s is the theme of a policy clinic table
                    format_text(tr("The clinic theme '%s' sits at this table."), ct.theme.c_str()));
  }
  state.tables.erase(op.table);
  index_tables(state);
  return Status::success();
}

Status apply(ApplyContext& ctx, const Announce& op) {
  if (Status s =
          check_field_text(op.text, "text", tr("The announcement"), kMaxMessageLength, true, true);
      !s)
    return s;
  EventState& state = ctx.state;
  const AnnouncementId id = ctx.deciding() ? state.next_announcement : op.announcement;
  if (id == 0)
    return refuse("invalid", "announcement", tr("An applied announcement carries its id."));
  ctx.applied_payload<Announce>().announcement = id;
  state.next_announcement = std::max(state.next_announcement, id + 1);
  state.announcements.push_back(Announcement{id, op.text, ctx.op.at});
  if (state.announcements.size() > kKeptAnnouncements) {
    const auto excess =
        static_cast<std::ptrdiff_t>(state.announcements.size() - kKeptAnnouncements);
    state.announcements.erase(state.announcements.begin(), state.announcements.begin() + excess);
  }
  return Status::success();
}

}  // namespace crossmatch::core::detail
