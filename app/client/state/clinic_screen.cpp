#include "app/client/state/clinic_screen.hpp"

#include <algorithm>
#include <chrono>

#include "core/i18n/translation.hpp"

namespace crossmatch::client {

using core::format_text;
using core::tr;
using core::tr_n;

void ClinicScreen::refresh(const ClientSession& session) {
  const core::EventState& state = session.state();
  sessions_.clear();
  for (const auto& [id, s] : state.sessions) {
    if (s.kind == core::SessionKind::PolicyClinic) sessions_.push_back(id);
  }
  if (std::find(sessions_.begin(), sessions_.end(), session_) == sessions_.end()) {
    session_ = 0;
    chosen_ = false;
  }
  if (!chosen_) session_ = sessions_.empty() ? 0 : sessions_.front();

  tables_.clear();
  formed_ = false;
  my_table_ = 0;
  picks_per_table_.clear();
  for (const auto& [id, ct] : state.clinic_tables) {
    if (ct.session != session_) continue;
    tables_.push_back(id);
    if (!ct.members.empty()) formed_ = true;
    if (session.me() != 0 &&
        std::find(ct.members.begin(), ct.members.end(), session.me()) != ct.members.end())
      my_table_ = id;
    // A draft nobody edited follows what is stored (another member may have recorded it).
    const auto seen = stored_outcomes_.find(id);
    const auto draft = outcomes_.find(id);
    if (draft != outcomes_.end() && seen != stored_outcomes_.end() && draft->second == seen->second)
      draft->second = ct.outcome;
    stored_outcomes_[id] = ct.outcome;
  }
  people_with_picks_ = 0;
  for (const auto& [person, themes] : state.clinic_themes) {
    const core::Participant* p = state.participant(person);
    if (p == nullptr || !p->active()) continue;
    bool counted = false;
    for (const core::ClinicTableId t : themes) {
      if (std::find(tables_.begin(), tables_.end(), t) == tables_.end()) continue;
      ++picks_per_table_[t];
      if (!counted) ++people_with_picks_, counted = true;
    }
  }

  std::vector<core::ClinicTableId> stored;
  const auto mine = state.clinic_themes.find(session.me());
  if (mine != state.clinic_themes.end()) {
    for (const core::ClinicTableId t : mine->second) {
      if (std::find(tables_.begin(), tables_.end(), t) != tables_.end()) stored.push_back(t);
    }
  }
  if (picks_for_ != session_ || (stored != stored_picks_ && picks_ == stored_picks_))
    picks_ = stored;
  picks_for_ = session_;
  stored_picks_ = std::move(stored);

  if (my_table_ == 0) {
    my_reasons_.clear();
    reasons_table_ = 0;
  } else if (my_table_ != reasons_table_ || session.version() != reasons_version_) {
    auto reasons = core::explain_clinic_seat(state, session.taxonomy(), my_table_, session.me());
    my_reasons_ = reasons ? std::move(*reasons) : std::vector<std::string>{};
    reasons_table_ = my_table_;
    reasons_version_ = session.version();
  }
}

void ClinicScreen::choose(core::SessionId session) {
  if (session == session_) return;
  session_ = session;
  chosen_ = true;
  place = 0;
}

int ClinicScreen::picks_of(core::ClinicTableId table) const {
  const auto it = picks_per_table_.find(table);
  return it == picks_per_table_.end() ? 0 : it->second;
}

std::vector<core::TableId> ClinicScreen::free_places(const ClientSession& session) const {
  const core::EventState& state = session.state();
  std::vector<core::TableId> out;
  for (const auto& [id, table] : state.tables) {
    const bool used = std::any_of(tables_.begin(), tables_.end(), [&](core::ClinicTableId ct) {
      return state.clinic_tables.at(ct).table == id;
    });
    if (!used) out.push_back(id);
  }
  // The largest first: a workshop table seats several people.
  std::stable_sort(out.begin(), out.end(), [&](core::TableId a, core::TableId b) {
    return state.tables.at(a).seats > state.tables.at(b).seats;
  });
  return out;
}

core::Result<core::DefineClinicTable> ClinicScreen::define_operation(
    const ClientSession& session) const {
  if (session_ == 0)
    return core::make_error("no_clinic", "session",
                            tr("Add a policy-clinic session on the Event screen first."));
  if (theme.find_first_not_of(" \t") == std::string::npos)
    return core::make_error("required", "theme", tr("Write the table's theme first."));
  core::TableId where = place;
  const auto free = free_places(session);
  if (where == 0 || std::find(free.begin(), free.end(), where) == free.end()) {
    if (free.empty())
      return core::make_error("no_table", "table",
                              tr("Every table holds a theme already: add tables first."));
    where = free.front();
  }
  return core::DefineClinicTable{.session = session_, .table = where, .theme = theme};
}

core::Result<core::ClinicForming> ClinicScreen::form(const ClientSession& session,
                                                     std::uint64_t seed, double max_seconds) const {
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                            std::chrono::duration<double>(max_seconds));
  core::SearchBudget budget(kFormingSteps,
                            [deadline] { return std::chrono::steady_clock::now() >= deadline; });
  return core::form_clinic_tables(session.state(), session.taxonomy(), session_, budget, seed);
}

Confirmation ClinicScreen::form_confirmation(const ClientSession& session,
                                             const core::ClinicForming& formed) const {
  const core::EventState& state = session.state();
  const core::Session* clinic = state.session(session_);
  const std::string name = clinic != nullptr ? clinic->name
                                             // TRANSLATORS: in place of a clinic's name, in
                                             // "Form the tables of '%s' now?"
                                             : std::string(tr("the clinic"));
  Confirmation c;
  // TRANSLATORS: %s is the name of the policy-clinic session
  c.question = format_text(tr("Form the tables of '%s' now?"), name.c_str());
  // TRANSLATORS: button that seats the people at the clinic's tables
  c.confirm_label = tr("Form the tables");
  const std::size_t seated = formed.people.size() - formed.unseated.size();
  // The message, then what else befell the forming, each part counted on its own.
  c.done_message = format_text(
      tr_n("Tables formed: %zu person seated", "Tables formed: %zu people seated", seated), seated);
  if (!formed.unseated.empty())
    c.done_message += format_text(
        // TRANSLATORS: added to "Tables formed: 5 people seated": how many found no seat
        tr_n(", %zu without a seat", ", %zu without a seat", formed.unseated.size()),
        formed.unseated.size());
  if (formed.plan.mix_violations > 0)
    c.done_message += format_text(
        // TRANSLATORS: added to "Tables formed: 5 people seated": how many tables lack a type of
        // participant (company, researcher...)
        tr_n("; %d table misses a type (the fewest the people allow)",
             "; %d tables miss a type (the fewest the people allow)", formed.plan.mix_violations),
        formed.plan.mix_violations);
  c.operations.push_back(formed.operation);
  for (const core::ClinicSeating& table : formed.operation.seating) {
    const auto ct = state.clinic_tables.find(table.clinic_table);
    const std::string theme = ct != state.clinic_tables.end()
                                  ? ct->second.theme
                                  // TRANSLATORS: in place of a clinic table's theme, in
                                  // "Seat 3 people at '%s'."
                                  : std::string(tr("a table"));
    c.consequences.push_back(format_text(
        // TRANSLATORS: %s is the theme of a clinic table
        tr_n("Seat %zu person at '%s'.", "Seat %zu people at '%s'.", table.members.size()),
        table.members.size(), theme.c_str()));
  }
  std::size_t active = 0;
  for (const auto& [id, p] : state.participants) active += p.active() ? 1 : 0;
  const std::size_t without = active - std::min(active, formed.people.size());
  if (without > 0)
    c.consequences.push_back(format_text(
        // TRANSLATORS: the first %zu (which picks the form) is how many have not picked a theme,
        // the second how many take part in the event
        tr_n("%zu of %zu participants has not picked a theme: they get no seat at this clinic.",
             "%zu of %zu participants have not picked a theme: they get no seat at this clinic.",
             without),
        without, active));
  if (!formed.unseated.empty())
    c.consequences.push_back(
        format_text(tr_n("%zu person who picked a theme finds no seat: the tables are full.",
                         "%zu people who picked a theme find no seat: the tables are full.",
                         formed.unseated.size()),
                    formed.unseated.size()));
  c.consequences.push_back(
      tr("Lock the clinic: nobody can pick themes or be seated at it afterwards."));
  return c;
}

bool ClinicScreen::picks_theme(core::ClinicTableId table) const {
  return std::find(picks_.begin(), picks_.end(), table) != picks_.end();
}

void ClinicScreen::toggle_theme(core::ClinicTableId table) {
  const auto it = std::find(picks_.begin(), picks_.end(), table);
  if (it != picks_.end()) {
    picks_.erase(it);
  } else if (picks_.size() < core::kMaxThemesPicked) {
    picks_.push_back(table);
  }
}

core::PickThemes ClinicScreen::picks_operation(const ClientSession& session) const {
  core::PickThemes op{session.me(), {}};
  const auto mine = session.state().clinic_themes.find(session.me());
  if (mine != session.state().clinic_themes.end()) {
    for (const core::ClinicTableId t : mine->second) {
      if (std::find(tables_.begin(), tables_.end(), t) == tables_.end()) op.themes.push_back(t);
    }
  }
  op.themes.insert(op.themes.end(), picks_.begin(), picks_.end());
  if (op.themes.size() > core::kMaxThemesPicked) op.themes.resize(core::kMaxThemesPicked);
  return op;
}

std::string& ClinicScreen::outcome_draft(const ClientSession& session, core::ClinicTableId table) {
  const auto it = outcomes_.find(table);
  if (it != outcomes_.end()) return it->second;
  const auto ct = session.state().clinic_tables.find(table);
  return outcomes_[table] =
             ct == session.state().clinic_tables.end() ? std::string() : ct->second.outcome;
}

bool ClinicScreen::outcome_changed(const ClientSession& session, core::ClinicTableId table) const {
  const auto it = outcomes_.find(table);
  const auto ct = session.state().clinic_tables.find(table);
  return it != outcomes_.end() && ct != session.state().clinic_tables.end() &&
         it->second != ct->second.outcome;
}

bool ClinicScreen::may_record(const ClientSession& session, core::ClinicTableId table) const {
  const auto ct = session.state().clinic_tables.find(table);
  if (ct == session.state().clinic_tables.end() || ct->second.members.empty()) return false;
  if (session.role() == core::Role::Organiser) return true;
  return session.role() == core::Role::Participant &&
         std::find(ct->second.members.begin(), ct->second.members.end(), session.me()) !=
             ct->second.members.end();
}

core::RecordClinicOutcome ClinicScreen::outcome_operation(core::ClinicTableId table) const {
  const auto it = outcomes_.find(table);
  return {table, it == outcomes_.end() ? std::string() : it->second};
}

}  // namespace crossmatch::client
