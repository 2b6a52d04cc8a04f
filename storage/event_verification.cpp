#include "storage/event_verification.hpp"

#include <SQLiteCpp/Database.h>

#include "core/event/apply.hpp"
#include "core/event/json_codec.hpp"
#include "storage/event_schema.hpp"
#include "storage/log_verification.hpp"
#include "storage/sqlite_support.hpp"
#include "storage/state_loader.hpp"

namespace crossmatch::storage {
namespace {

class Problems {
 public:
  explicit Problems(VerifyReport& report) : report_(report) {}
  void add(std::string problem) {
    if (report_.problems.size() < kMaxProblems)
      report_.problems.push_back(std::move(problem));
    else
      ++report_.problems_left_out;
  }

 private:
  VerifyReport& report_;
};

void check_integrity(SQLite::Database& db, Problems& problems) {
  detail::Rows rows(db, "PRAGMA integrity_check");
  while (rows.next()) {
    const std::string line = rows.string(0);
    if (line != "ok") problems.add("SQLite's integrity check: " + line);
  }
}

// The derived tables hold what a replay of the log gives; names the parts that differ.
void compare_with_replay(const core::EventState& stored, const core::EventState& replayed,
                         Problems& problems) {
  std::string differ;
  const auto part = [&](bool same, const char* name) {
    if (!same) differ += (differ.empty() ? "" : ", ") + std::string(name);
  };
  part(stored.event == replayed.event, "event");
  part(stored.sessions == replayed.sessions, "sessions");
  part(stored.tables == replayed.tables, "tables");
  part(stored.participants == replayed.participants, "participants");
  part(stored.meetings == replayed.meetings, "meetings");
  part(stored.rounds == replayed.rounds, "team rounds");
  part(stored.announcements == replayed.announcements, "announcements");
  part(stored.pitching == replayed.pitching, "pitching sessions");
  part(stored.clinic_tables == replayed.clinic_tables, "clinic tables");
  part(stored.clinic_themes == replayed.clinic_themes, "clinic themes");
  part(stored.follow_ups == replayed.follow_ups, "follow-up rounds");
  if (differ.empty() && !(stored == replayed)) differ = "the next ids";
  if (!differ.empty())
    problems.add("the derived tables differ from a replay of the log in: " + differ);
}

}  // namespace

core::Result<VerifyReport> verify_event_database(const std::filesystem::path& file,
                                                 const core::Taxonomy& taxonomy) {
  const std::string name = detail::display_name(file);
  auto opened = detail::open_database(file, false, true);
  if (!opened) return opened.error();
  SQLite::Database& db = **opened;
  VerifyReport report;
  Problems problems(report);
  try {
    db.exec("PRAGMA busy_timeout = 5000");
    if (auto s = detail::check_event_header(db, name, false); !s) return s.error();
    if (detail::user_version(db) < detail::kEventSchemaVersion)
      return core::make_error("old_schema", "file",
                              name + " has schema version " +
                                  std::to_string(detail::user_version(db)) +
                                  ", without checksums in its log; open it once for writing (start "
                                  "the hub on it) to migrate it, then verify it.");
    check_integrity(db, problems);
    // One read transaction: one consistent moment even while a hub appends.
    db.exec("BEGIN");
    core::EventState replayed;
    bool replaying = true;
    std::int64_t expected = 1;
    detail::Rows rows(db, detail::kCheckedLogRow.select("ORDER BY seq"));
    constexpr auto& c = detail::kCheckedLogRow;
    while (rows.next()) {
      ++report.operations;
      const detail::RowChecksums sums = detail::row_checksums(rows);
      report.last_sequence = static_cast<std::uint64_t>(sums.seq);
      if (sums.seq != expected) {
        problems.add("the log jumps from operation " + std::to_string(expected - 1) + " to " +
                     std::to_string(sums.seq));
        replaying = false;  // what follows a gap cannot be replayed meaningfully
      }
      expected = sums.seq + 1;
      if (sums.stored_null) {
        problems.add("operation " + std::to_string(sums.seq) + " has no checksum");
        replaying = false;
        continue;
      }
      if (!sums.matches()) {
        problems.add("operation " + std::to_string(sums.seq) +
                     " does not match its checksum: it was changed after it was stored");
        replaying = false;
        continue;
      }
      if (!replaying) continue;
      auto op = core::operation_from_json(rows.text(c.column("operation")));
      if (!op) {
        problems.add("operation " + std::to_string(sums.seq) +
                     " cannot be read: " + op.error().message);
        replaying = false;
        continue;
      }
      auto applied = core::apply_operation(replayed, taxonomy, *op, core::ApplyMode::Follow);
      if (!applied) {
        problems.add("operation " + std::to_string(sums.seq) +
                     " does not apply to the event before it: " + applied.error().message);
        replaying = false;
      }
    }
    if (replaying) {
      auto stored = detail::read_state(db, taxonomy);
      if (!stored)
        problems.add("the derived tables cannot be read: " + stored.error().message);
      else
        compare_with_replay(*stored, replayed, problems);
    } else {
      problems.add("the derived tables were not compared with the log, which cannot be replayed");
    }
    db.exec("COMMIT");
  } catch (const std::exception& e) {
    return detail::to_error(e, "Cannot verify " + name);
  }
  return report;
}

}  // namespace crossmatch::storage
