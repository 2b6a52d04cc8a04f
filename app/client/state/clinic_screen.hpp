// The policy clinic screen's model: the clinic on show and its workshop tables, the organiser's
// draft of a new table (theme and place), a participant's draft of the themes they pick, the
// outcome texts being typed per table, forming the tables, and what a member sees of their seat.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/client/state/client_session.hpp"
#include "app/client/state/confirmation.hpp"
#include "core/matching/clinic_forming.hpp"

namespace crossmatch::client {

class ClinicScreen {
 public:
  // Follows the state: the clinics, the one on show (the first, unless chosen), its tables, the
  // picks of `session.me()` (the draft is reloaded when the stored picks change and it was not
  // edited) and the reasons shown to a seated member.
  void refresh(const ClientSession& session);

  const std::vector<core::SessionId>& sessions() const { return sessions_; }
  core::SessionId session() const { return session_; }
  void choose(core::SessionId session);

  // The clinic's workshop tables, by id.
  const std::vector<core::ClinicTableId>& tables() const { return tables_; }
  // Its tables are formed (and so locked).
  bool formed() const { return formed_; }
  // How many active people picked at least one theme of this clinic.
  int people_with_picks() const { return people_with_picks_; }
  // How many picked this table's theme.
  int picks_of(core::ClinicTableId table) const;

  // [SECTION] The organiser
  std::string theme;        // the new table's theme, being typed
  core::TableId place = 0;  // where it sits (0: the first free table)
  // The event's tables not yet holding a theme of this clinic.
  std::vector<core::TableId> free_places(const ClientSession& session) const;
  core::Result<core::DefineClinicTable> define_operation(const ClientSession& session) const;
  // Seats everyone who picked themes (form_clinic_tables); the operation to submit and the
  // figures to show. The search stops after kFormingSteps or `max_seconds` of this thread's
  // time, whichever comes first (the organiser waits for it: about 43,000 steps a second at 500
  // people, see bench/README.md); under the step limit alone a seed repeats the seating.
  core::Result<core::ClinicForming> form(const ClientSession& session, std::uint64_t seed,
                                         double max_seconds = 2.0) const;
  static constexpr std::uint64_t kFormingSteps = 400'000;
  // Forming locks the clinic, so it asks first: how many people each table seats, how many of the
  // event's active participants have not picked a theme (they get no seat), who found no seat.
  Confirmation form_confirmation(const ClientSession& session,
                                 const core::ClinicForming& formed) const;

  // [SECTION] A participant picking themes
  bool picks_theme(core::ClinicTableId table) const;
  void toggle_theme(core::ClinicTableId table);
  // Differs from what the state holds.
  bool picks_changed() const { return picks_ != stored_picks_; }
  // The whole list of the participant's picks: those of other clinics are kept.
  core::PickThemes picks_operation(const ClientSession& session) const;

  // [SECTION] A member at a table
  // The table of this clinic `me` sits at, or 0.
  core::ClinicTableId my_table() const { return my_table_; }
  const std::vector<std::string>& my_reasons() const { return my_reasons_; }
  // The outcome being typed for a table (starts as the stored one).
  std::string& outcome_draft(const ClientSession& session, core::ClinicTableId table);
  bool outcome_changed(const ClientSession& session, core::ClinicTableId table) const;
  // Members of the table and the organiser record its outcome (as core allows).
  bool may_record(const ClientSession& session, core::ClinicTableId table) const;
  core::RecordClinicOutcome outcome_operation(core::ClinicTableId table) const;

 private:
  std::vector<core::SessionId> sessions_;
  core::SessionId session_ = 0;
  bool chosen_ = false;
  std::vector<core::ClinicTableId> tables_;
  bool formed_ = false;
  int people_with_picks_ = 0;
  std::map<core::ClinicTableId, int> picks_per_table_;
  std::vector<core::ClinicTableId> picks_, stored_picks_;  // of this clinic only
  core::SessionId picks_for_ = 0;
  core::ClinicTableId my_table_ = 0;
  std::vector<std::string> my_reasons_;
  std::uint64_t reasons_version_ = 0;
  core::ClinicTableId reasons_table_ = 0;
  std::map<core::ClinicTableId, std::string> outcomes_, stored_outcomes_;  // drafts, last seen
};

}  // namespace crossmatch::client
