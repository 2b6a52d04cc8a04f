// Applying a policy clinic's operations: workshop tables and themes, seating, outcomes.
#include <algorithm>
#include <unordered_set>

#include "core/event/apply_context.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::core::detail {
namespace {

Result<const Session*> clinic_session(const ApplyContext& ctx, SessionId id) {
  const Session* s = ctx.state.session(id);
  if (s == nullptr)
    // TRANSLATORS: %u is the number of a session
    return refuse("not_found", "session", format_text(tr("There is no session %u."), id));
  if (s->kind != SessionKind::PolicyClinic)
    return refuse("wrong_session", "session",
                  // TRANSLATORS: %s is the name of a session
                  format_text(tr("'%s' is not a policy clinic."), s->name.c_str()));
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
                  // TRANSLATORS: %u is the number of a clinic table
                  format_text(tr("There is no clinic table %u."), op.clinic_table));
  if (creating && state.clinic_tables.size() >= kMaxClinicTables)
    return refuse("too_many", "clinic_table",
                  format_text(tr_n("At most %zu clinic table.", "At most %zu clinic tables.",
                                   kMaxClinicTables),
                              kMaxClinicTables));
  const Table* table = state.table(op.table);
  if (table == nullptr)
    // TRANSLATORS: %u is the number of a table
    return refuse("not_found", "table", format_text(tr("There is no table %u."), op.table));
  if (Status s = check_field_text(op.theme, "theme", tr("The theme"), kMaxThemeLength, true); !s)
    return s;
  for (const auto& [id, ct] : state.clinic_tables) {
    if (id != op.clinic_table && ct.session == op.session && ct.table == op.table)
      return refuse("duplicate", "table",
                    // TRANSLATORS: %1$s is the name of a table, %2$s a clinic theme
                    format_text(tr("%s already holds the theme '%s'."), table->name.c_str(),
                                ct.theme.c_str()));
  }
  if (!creating && !existing->second.members.empty() &&
      (existing->second.session != op.session || existing->second.table != op.table))
    return refuse("clinic_locked", "table",
                  tr("People are seated at this clinic table; it stays where it is."));
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
    return refuse(
        "too_many", "themes",
        format_text(tr_n("Pick at most %zu theme.", "Pick at most %zu themes.", kMaxThemesPicked),
                    kMaxThemesPicked));
  for (std::size_t i = 0; i < op.themes.size(); ++i) {
    const std::string field = "themes[" + std::to_string(i) + "]";
    if (!ctx.state.clinic_tables.count(op.themes[i]))
      return refuse("not_found", field,
                    // TRANSLATORS: %u is the number of a clinic table
                    format_text(tr("There is no clinic table %u."), op.themes[i]));
    if (std::find(op.themes.begin(), op.themes.begin() + static_cast<std::ptrdiff_t>(i),
                  op.themes[i]) != op.themes.begin() + static_cast<std::ptrdiff_t>(i))
      return refuse("duplicate", field,
                    // TRANSLATORS: %s is a clinic theme
                    format_text(tr("The theme '%s' is picked twice."),
                                ctx.state.clinic_tables.at(op.themes[i]).theme.c_str()));
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
                  // TRANSLATORS: %s is the name of a policy clinic session
                  format_text(tr("The tables of '%s' are already formed; they are locked."),
                              (*session)->name.c_str()));
  if (op.seating.empty())
    return refuse("invalid", "seating", tr("Seat people at one table at least."));
  std::unordered_set<ClinicTableId> tables;
  std::unordered_set<ParticipantId> people;
  for (std::size_t i = 0; i < op.seating.size(); ++i) {
    const ClinicSeating& s = op.seating[i];
    const std::string field = "seating[" + std::to_string(i) + "]";
    const auto ct = state.clinic_tables.find(s.clinic_table);
    if (ct == state.clinic_tables.end() || ct->second.session != op.session)
      return refuse("not_found", field + ".clinic_table",
                    // TRANSLATORS: %u is the number of a clinic table
                    format_text(tr("Clinic table %u is not in this clinic."), s.clinic_table));
    if (!tables.insert(s.clinic_table).second)
      return refuse("duplicate", field + ".clinic_table",
                    // TRANSLATORS: %s is a clinic theme
                    format_text(tr("The table '%s' is seated twice."), ct->second.theme.c_str()));
    const Table& table = state.tables.at(ct->second.table);
    if (s.members.empty() || static_cast<int>(s.members.size()) > table.seats)
      return refuse(
          "too_small", field + ".members",
          format_text(
              // TRANSLATORS: %1$s is the name of a table, %2$d its seats, %3$zu how
              // many people were put there
              tr_n("%s seats 1 to %d person, not %zu.", "%s seats 1 to %d people, not %zu.",
                   static_cast<unsigned long>(table.seats)),
              table.name.c_str(), table.seats, s.members.size()));
    if (Status st = check_field_text(s.reasons, field + ".reasons", tr("The reasons"),
                                     kMaxMessageLength, false, true);
        !st)
      return st;
    for (const ParticipantId p : s.members) {
      auto found = find_active_participant(ctx, p, field + ".members");
      if (!found) return found.error();
      if (!people.insert(p).second)
        return refuse("duplicate", field + ".members",
                      // TRANSLATORS: %s is a person
                      format_text(tr("%s is seated twice."), person_name(state, p).c_str()));
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
                  // TRANSLATORS: %u is the number of a clinic table
                  format_text(tr("There is no clinic table %u."), op.clinic_table));
  const ClinicTable& ct = it->second;
  const bool member =
      ctx.actor().role == Role::Participant &&
      std::find(ct.members.begin(), ct.members.end(), ctx.actor().participant) != ct.members.end();
  if (!ctx.organiser() && !member) return forbidden<RecordClinicOutcome>();
  if (ct.members.empty())
    return refuse("not_formed", "clinic_table", tr("Nobody is seated at this table yet."));
  if (Status s =
          check_field_text(op.outcome, "outcome", tr("The outcome"), kMaxOutcomeLength, true, true);
      !s)
    return s;
  it->second.outcome = op.outcome;
  return Status::success();
}

}  // namespace crossmatch::core::detail
