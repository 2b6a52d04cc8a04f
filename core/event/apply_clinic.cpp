// Applying a policy clinic's operations: workshop tables and themes, seating, outcomes.
#include <algorithm>
#include <unordered_set>

#include "core/event/apply_context.hpp"

namespace crossmatch::core::detail {
namespace {

Result<const Session*> clinic_session(const ApplyContext& ctx, SessionId id) {
  const Session* s = ctx.state.session(id);
  if (s == nullptr)
    return refuse("not_found", "session", "There is no session " + std::to_string(id) + ".");
  if (s->kind != SessionKind::PolicyClinic)
    return refuse("wrong_session", "session", "'" + s->name + "' is not a policy clinic.");
  return s;
}

bool seated(const EventState& state, SessionId session) {
  return std::any_of(state.clinic_tables.begin(), state.clinic_tables.end(),
                     [&](const auto& entry) {
                       return entry.second.session == session && !entry.second.members.empty();
                     });
}

}  // namespace

Status apply(ApplyContext& ctx, const DefineClinicTable& op) {
  EventState& state = ctx.state;
  auto session = clinic_session(ctx, op.session);
  if (!session) return session.error();
  const bool creating = op.clinic_table == 0;
  const auto existing = state.clinic_tables.find(op.clinic_table);
  if (!creating && existing == state.clinic_tables.end())
    return refuse("not_found", "clinic_table",
                  "There is no clinic table " + std::to_string(op.clinic_table) + ".");
  if (creating && state.clinic_tables.size() >= kMaxClinicTables)
    return refuse("too_many", "clinic_table",
                  "At most " + std::to_string(kMaxClinicTables) + " clinic tables.");
  const Table* table = state.table(op.table);
  if (table == nullptr)
    return refuse("not_found", "table", "There is no table " + std::to_string(op.table) + ".");
  if (Status s = check_field_text(op.theme, "theme", "The theme", kMaxThemeLength, true); !s)
    return s;
  for (const auto& [id, ct] : state.clinic_tables) {
    if (id != op.clinic_table && ct.session == op.session && ct.table == op.table)
      return refuse("duplicate", "table",
                    table->name + " already holds the theme '" + ct.theme + "'.");
  }
  if (!creating && !existing->second.members.empty() &&
      (existing->second.session != op.session || existing->second.table != op.table))
    return refuse("clinic_locked", "table",
                  "People are seated at this clinic table; it stays where it is.");
  ClinicTable ct = creating ? ClinicTable{} : existing->second;
  ct.id = creating ? state.next_clinic_table++ : op.clinic_table;
  ct.session = op.session;
  ct.table = op.table;
  ct.theme = op.theme;
  state.clinic_tables[ct.id] = std::move(ct);
  return Status::success();
}

Status apply(ApplyContext& ctx, const PickThemes& op) {
  if (Status s = require_self_or_organiser<PickThemes>(ctx, op.participant); !s) return s;
  auto found = find_active_participant(ctx, op.participant, "participant");
  if (!found) return found.error();
  if (op.themes.size() > kMaxThemesPicked)
    return refuse("too_many", "themes",
                  "Pick at most " + std::to_string(kMaxThemesPicked) + " themes.");
  for (std::size_t i = 0; i < op.themes.size(); ++i) {
    const std::string field = "themes[" + std::to_string(i) + "]";
    if (!ctx.state.clinic_tables.count(op.themes[i]))
      return refuse("not_found", field,
                    "There is no clinic table " + std::to_string(op.themes[i]) + ".");
    if (std::find(op.themes.begin(), op.themes.begin() + static_cast<std::ptrdiff_t>(i),
                  op.themes[i]) != op.themes.begin() + static_cast<std::ptrdiff_t>(i))
      return refuse(
          "duplicate", field,
          "The theme '" + ctx.state.clinic_tables.at(op.themes[i]).theme + "' is picked twice.");
  }
  if (op.themes.empty()) {
    ctx.state.clinic_themes.erase(op.participant);
  } else {
    ctx.state.clinic_themes[op.participant] = op.themes;
  }
  return Status::success();
}

Status apply(ApplyContext& ctx, const FormClinicTables& op) {
  EventState& state = ctx.state;
  auto session = clinic_session(ctx, op.session);
  if (!session) return session.error();
  if (seated(state, op.session))
    return refuse("clinic_locked", "session",
                  "The tables of '" + (*session)->name + "' are already formed; they are locked.");
  if (op.seating.empty()) return refuse("invalid", "seating", "Seat people at one table at least.");
  std::unordered_set<ClinicTableId> tables;
  std::unordered_set<ParticipantId> people;
  for (std::size_t i = 0; i < op.seating.size(); ++i) {
    const ClinicSeating& s = op.seating[i];
    const std::string field = "seating[" + std::to_string(i) + "]";
    const auto ct = state.clinic_tables.find(s.clinic_table);
    if (ct == state.clinic_tables.end() || ct->second.session != op.session)
      return refuse("not_found", field + ".clinic_table",
                    "Clinic table " + std::to_string(s.clinic_table) + " is not in this clinic.");
    if (!tables.insert(s.clinic_table).second)
      return refuse("duplicate", field + ".clinic_table",
                    "The table '" + ct->second.theme + "' is seated twice.");
    const Table& table = state.tables.at(ct->second.table);
    if (s.members.empty() || static_cast<int>(s.members.size()) > table.seats)
      return refuse("too_small", field + ".members",
                    table.name + " seats 1 to " + std::to_string(table.seats) + " people, not " +
                        std::to_string(s.members.size()) + ".");
    if (Status st = check_field_text(s.reasons, field + ".reasons", "The reasons",
                                     kMaxMessageLength, false, true);
        !st)
      return st;
    for (const ParticipantId p : s.members) {
      auto found = find_active_participant(ctx, p, field + ".members");
      if (!found) return found.error();
      if (!people.insert(p).second)
        return refuse("duplicate", field + ".members", person_name(state, p) + " is seated twice.");
    }
  }
  for (const ClinicSeating& s : op.seating) {
    ClinicTable& ct = state.clinic_tables.at(s.clinic_table);
    ct.members = s.members;
    ct.reasons = s.reasons;
  }
  return Status::success();
}

Status apply(ApplyContext& ctx, const RecordClinicOutcome& op) {
  EventState& state = ctx.state;
  const auto it = state.clinic_tables.find(op.clinic_table);
  if (it == state.clinic_tables.end())
    return refuse("not_found", "clinic_table",
                  "There is no clinic table " + std::to_string(op.clinic_table) + ".");
  const ClinicTable& ct = it->second;
  const bool member =
      ctx.actor().role == Role::Participant &&
      std::find(ct.members.begin(), ct.members.end(), ctx.actor().participant) != ct.members.end();
  if (!ctx.organiser() && !member) return forbidden<RecordClinicOutcome>();
  if (ct.members.empty())
    return refuse("not_formed", "clinic_table", "Nobody is seated at this table yet.");
  if (Status s =
          check_field_text(op.outcome, "outcome", "The outcome", kMaxOutcomeLength, true, true);
      !s)
    return s;
  it->second.outcome = op.outcome;
  return Status::success();
}

}  // namespace crossmatch::core::detail
