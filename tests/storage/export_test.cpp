// Exports read back by real parsers: CSV through Python's csv module and our own reader, the
// calendars through python3-icalendar, with times checked against Python's zoneinfo.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/event/calendar.hpp"
#include "core/matching/clinic_forming.hpp"
#include "storage/calendar_export.hpp"
#include "storage/csv.hpp"
#include "storage/csv_export.hpp"
#include "storage/time_zone.hpp"
#include "tests/storage/export_support.hpp"

using namespace crossmatch;

namespace {

constexpr std::int64_t kNow = 1'790'000'000'000;  // the export's time (DTSTAMP)

// An event with words that need quoting, a meeting after the clocks go back, a booked meeting
// cancelled, and a team round with reasons over two lines.
struct ExportEvent {
  test::EventScript script{61};
  std::unique_ptr<storage::EventStore> store;
  core::MeetingId autumn = 0, cancelled = 0;

  explicit ExportEvent(const std::filesystem::path& file) {
    auto ops = script.set_up(12);
    auto more = script.random_in_order(150, false);
    ops.insert(ops.end(), more.begin(), more.end());
    // Newcomers, a table of their own and one for a team, so the random past does not get in
    // the way.
    for (int i = 0; i < 8; ++i) {
      const auto r =
          script.must(test::newcomer(), core::Register{.profile = script.fresh_profile()});
      ops.push_back(r);
      people_.push_back(std::get<core::Register>(r.payload).participant);
    }
    ops.push_back(script.must(test::organiser(), core::DefineTable{.name = "Window table"}));
    ops.push_back(
        script.must(test::organiser(), core::DefineTable{.name = "Team table", .seats = 6}));
    const core::TableId team_table = script.state().next_table - 1;
    const auto& ids = people_;
    core::Profile p = script.state().participants.at(ids[0]).profile;
    p.organisation = "Café \"Bar\", Lda";
    p.job_title = "Head of Ideas; Design, Games";
    p.offers = {"3D, printing", "naïve \"art\""};
    ops.push_back(script.must(test::participant(ids[0]),
                              core::EditProfile{.participant = ids[0], .profile = p}));
    const auto book = [&](core::ParticipantId a, core::ParticipantId b, core::SlotRef slot) {
      const auto r = script.must(test::participant(a),
                                 core::RequestMeeting{.from = a, .to = b, .message = "Hello"});
      ops.push_back(r);
      const auto id = std::get<core::RequestMeeting>(r.payload).meeting;
      ops.push_back(
          script.must(test::participant(b), core::AcceptMeeting{.meeting = id, .slot = slot}));
      return id;
    };
    autumn = book(ids[0], ids[1], {3, 1});  // 2026-10-26 09:20, Lisbon back on UTC+0
    book(ids[0], ids[2], {1, 0});           // 2026-05-14 09:00, UTC+1
    cancelled = book(ids[3], ids[4], {2, 2});
    store = test::open_store(file);
    test::append_all(*store, ops, 25);
    // Cancelled once it was stored as booked (a calendar may have shown it): the entry stays.
    ops.clear();
    ops.push_back(
        script.must(test::participant(ids[3]),
                    core::CancelMeeting{.meeting = cancelled, .reason = "Flight delayed"}));
    ops.push_back(script.must(
        test::organiser(),
        core::PublishTeamRound{
            .name = "Morning teams",
            .session = 5,
            .teams = {{{ids[5], ids[6], ids[7]}, team_table, "Shared markets:\nPT, ES"}}}));
    test::append_all(*store, ops, 25);
  }

  std::vector<core::ParticipantId> people_;
  const std::vector<core::ParticipantId>& people() const { return people_; }
  const core::EventState& state() const { return script.state(); }
  storage::CalendarHistory history() {
    auto h = store->calendar_history();
    REQUIRE(h.ok());
    return *h;
  }
};

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ";") + item;
  return out;
}

// "2026-05-14T09:20:00" from a session's date and a minute of the day.
std::string iso_local(std::int64_t day, int minutes) {
  return core::format_date(day) + "T" + core::format_time_of_day(minutes) + ":00";
}

}  // namespace

TEST_CASE("participants, meetings and teams as CSV, read back by Python's csv module") {
  test::TempDir dir;
  ExportEvent event(dir / "event.db");
  const auto& state = event.state();

  const auto participants = test::read_back(dir, "csv", storage::participants_csv(state));
  REQUIRE(participants.size() == state.participants.size());
  for (const auto& row : participants) {
    const auto id = static_cast<core::ParticipantId>(std::stoul(row["id"].get<std::string>()));
    const core::Participant& p = state.participants.at(id);
    CAPTURE(id);
    CHECK(row["status"] == core::to_string(p.status));
    CHECK(row["display_name"] == p.profile.display_name);
    CHECK(row["organisation"] == p.profile.organisation);
    CHECK(row["job_title"] == p.profile.job_title);
    CHECK(row["email"] == p.profile.email);
    CHECK(row["sector"] == p.profile.sector);
    CHECK(row["offers"] == joined(p.profile.offers));
    CHECK(row["languages"] == joined(p.profile.languages));
  }
  const auto first = event.people()[0];
  CHECK(state.participants.at(first).profile.organisation == "Café \"Bar\", Lda");

  // Our own reader reads the same fields.
  auto ours = storage::parse_csv(storage::participants_csv(state));
  REQUIRE(ours.ok());
  REQUIRE(ours->size() == participants.size() + 1);
  CHECK((*ours)[0].fields == storage::participant_columns());
  for (std::size_t i = 0; i < participants.size(); ++i) {
    for (std::size_t c = 0; c < storage::participant_columns().size(); ++c)
      CHECK((*ours)[i + 1].fields[c] == participants[i][storage::participant_columns()[c]]);
  }

  const auto meetings = test::read_back(dir, "csv", storage::meetings_csv(state));
  REQUIRE(meetings.size() == state.meetings.size());
  bool saw_autumn = false;
  for (const auto& row : meetings) {
    const auto id = static_cast<core::MeetingId>(std::stoul(row["id"].get<std::string>()));
    const core::Meeting& m = state.meetings.at(id);
    CHECK(row["status"] == core::to_string(m.status));
    CHECK(row["requester_id"] == std::to_string(m.requester));
    // Names beside the ids.
    CHECK(row["requester_name"] == state.participants.at(m.requester).profile.display_name);
    CHECK(row["invitee_id"] == std::to_string(m.invitee));
    CHECK(row["invitee_name"] == state.participants.at(m.invitee).profile.display_name);
    CHECK(row["table"].get<std::string>().empty() == !m.placement);
    if (id == event.autumn) {
      saw_autumn = true;
      CHECK(row["date"] == "2026-10-26");
      CHECK(row["start"] == "09:20");
      CHECK(row["end"] == "09:40");
      CHECK(row["session"] == "Autumn meetings");
      CHECK(row["requester_organisation"] == "Café \"Bar\", Lda");
    }
  }
  CHECK(saw_autumn);

  const auto teams = test::read_back(dir, "csv", storage::teams_csv(state));
  std::size_t members = 0;
  for (const auto& [id, round] : state.rounds)
    for (const auto& team : round.teams) members += team.members.size();
  REQUIRE(teams.size() == members);
  const auto ours_team = std::find_if(
      teams.begin(), teams.end(), [](const auto& row) { return row["round"] == "Morning teams"; });
  REQUIRE(ours_team != teams.end());
  CHECK((*ours_team)["reasons"] == "Shared markets:\nPT, ES");
  CHECK((*ours_team)["date"] == "2026-05-15");
  CHECK((*ours_team)["start"] == "11:00");
  CHECK((*ours_team)["table"] == "Team table");
}

TEST_CASE("policy-clinic tables with their outcomes, and pitches, exported from the stored event") {
  test::TempDir dir;
  test::EventScript script{62};
  auto ops = script.set_up(14);
  const auto session_of = [&](core::SessionKind kind) {
    for (const auto& [id, s] : script.state().sessions) {
      if (s.kind == kind) return id;
    }
    return core::SessionId{0};
  };
  const core::SessionId clinic = session_of(core::SessionKind::PolicyClinic);
  const core::SessionId pitching = session_of(core::SessionKind::Pitching);
  ops.push_back(script.must(
      test::organiser(),
      core::DefineClinicTable{
          .session = clinic, .table = 5, .theme = "Mobility vouchers, for creative companies"}));
  ops.push_back(
      script.must(test::organiser(),
                  core::DefineClinicTable{
                      .session = clinic, .table = 6, .theme = "Affordable space for start-ups"}));
  ops.push_back(script.must(
      test::organiser(),
      core::DefineClinicTable{.session = clinic, .table = 4, .theme = "A theme nobody picked"}));
  std::vector<core::ParticipantId> people;
  for (const auto& [id, p] : script.state().participants) people.push_back(id);
  for (std::size_t i = 0; i < 9; ++i) {
    const core::ClinicTableId theme = 1 + static_cast<core::ClinicTableId>(i % 2);
    ops.push_back(script.must(test::participant(people[i]),
                              core::PickThemes{.participant = people[i], .themes = {theme}}));
  }
  core::SearchBudget budget(50'000);
  auto formed = core::form_clinic_tables(script.state(), test::taxonomy(), clinic, budget, 1);
  REQUIRE_MESSAGE(formed.ok(), formed.error().message);
  ops.push_back(script.must(test::organiser(), formed->operation));
  const std::string measures = "1. A voucher for \"cross-sector\" pilots,\n2. Fast-track approval";
  ops.push_back(script.must(test::organiser(),
                            core::RecordClinicOutcome{.clinic_table = 1, .outcome = measures}));

  // A pitch with two people interested.
  core::ParticipantId pitcher = 0;
  for (const auto id : people) {
    if (script.state().participants.at(id).profile.type == core::ParticipantType::Company)
      pitcher = id;
  }
  REQUIRE(pitcher != 0);
  ops.push_back(script.must(test::organiser(),
                            core::SetPitchOrder{.session = pitching, .pitches = {{pitcher, 4}}}));
  ops.push_back(script.must(test::organiser(), core::ControlPitch{.session = pitching}));
  std::vector<core::ParticipantId> fans;
  for (const auto id : people) {
    if (id != pitcher && fans.size() < 2) fans.push_back(id);
  }
  for (const auto id : fans)
    ops.push_back(script.must(test::participant(id),
                              core::MarkInterested{.session = pitching, .pitcher = pitcher}));
  ops.push_back(
      script.must(test::organiser(),
                  core::ControlPitch{.session = pitching, .action = core::PitchAction::End}));

  {
    auto store = test::open_store(dir / "event.db");
    test::append_all(*store, ops, 9);
  }
  // Read back from the file, as the export command does.
  auto store = test::open_store(dir / "event.db", false);
  auto loaded = store->load();
  REQUIRE(loaded.ok());
  const core::EventState& state = loaded->state;
  REQUIRE(state.clinic_tables.size() == 3);

  const auto rows = test::read_back(dir, "csv", storage::clinics_csv(state));
  std::size_t members = 0;
  for (const auto& [id, ct] : state.clinic_tables)
    members += std::max<std::size_t>(1, ct.members.size());
  REQUIRE(rows.size() == members);
  std::set<std::string> seated;
  bool saw_outcome = false, saw_empty = false;
  for (const auto& row : rows) {
    const auto id =
        static_cast<core::ClinicTableId>(std::stoul(row["clinic_table_id"].get<std::string>()));
    const core::ClinicTable& ct = state.clinic_tables.at(id);
    CHECK(row["theme"] == ct.theme);
    CHECK(row["session"] == "Policy clinic");
    CHECK(row["date"] == "2026-05-15");
    CHECK(row["reasons"] == ct.reasons);
    CHECK(row["outcome"] == ct.outcome);
    if (id == 1) {
      saw_outcome = true;
      CHECK(row["outcome"] == measures);
      CHECK(row["theme"] == "Mobility vouchers, for creative companies");
    }
    if (ct.members.empty()) {
      saw_empty = true;
      CHECK(row["participant_id"] == "");
      continue;
    }
    const auto member =
        static_cast<core::ParticipantId>(std::stoul(row["participant_id"].get<std::string>()));
    CHECK(std::count(ct.members.begin(), ct.members.end(), member) == 1);
    const core::Profile& p = state.participants.at(member).profile;
    CHECK(row["name"] == p.display_name);
    CHECK(row["type"] == core::to_string(p.type));
    seated.insert(row["participant_id"].get<std::string>());
  }
  CHECK(saw_outcome);
  CHECK(saw_empty);
  CHECK(seated.size() == 9);
  // Our own reader agrees, quotes and line breaks included.
  auto ours = storage::parse_csv(storage::clinics_csv(state));
  REQUIRE(ours.ok());
  REQUIRE(ours->size() == rows.size() + 1);
  CHECK((*ours)[0].fields.back() == "outcome");

  const auto pitches = test::read_back(dir, "csv", storage::pitches_csv(state));
  REQUIRE(pitches.size() == 1);
  CHECK(pitches[0]["pitcher_id"] == std::to_string(pitcher));
  CHECK(pitches[0]["outcome"] == "done");
  CHECK(pitches[0]["interested"] == std::to_string(fans[0]) + ";" + std::to_string(fans[1]));
  CHECK(pitches[0]["interested_count"] == "2");
  // The names beside the ids, in the same order.
  CHECK(pitches[0]["interested_names"] == state.participants.at(fans[0]).profile.display_name +
                                              ";" +
                                              state.participants.at(fans[1]).profile.display_name);
}

TEST_CASE("CSV for spreadsheets: a byte-order mark first, read back as the same rows") {
  test::TempDir dir;
  ExportEvent event(dir / "event.db");
  const auto& state = event.state();
  const std::string plain = storage::meetings_csv(state);
  const std::string sheet = storage::for_spreadsheets(plain);
  CHECK(sheet.rfind("\xEF\xBB\xBF"
                    "id,status,introduced,requester_id,requester_name,",
                    0) == 0);
  CHECK(sheet.substr(3) == plain);
  CHECK(plain.find("\r\n") != std::string::npos);  // CRLF line ends, as spreadsheets expect
  // Python reads it as spreadsheet programs do (utf-8-sig), and as the plain file.
  CHECK(test::read_back(dir, "csv-sig", sheet) == test::read_back(dir, "csv", plain));
  const auto rows =
      test::read_back(dir, "csv-sig", storage::for_spreadsheets(storage::participants_csv(state)));
  const auto first = std::to_string(event.people()[0]);
  bool saw = false;
  for (const auto& row : rows) {
    if (row["id"] != first) continue;
    saw = true;
    CHECK(row["organisation"] == "Café \"Bar\", Lda");  // accented, as typed
  }
  CHECK(saw);
  // Our own reader (the import's) skips the mark.
  auto ours = storage::parse_csv(sheet);
  REQUIRE(ours.ok());
  CHECK((*ours)[0].fields[0] == "id");
}

TEST_CASE("the CSV reader: RFC 4180 quoting, line ends, and clear errors") {
  auto r = storage::parse_csv(
      "\xEF\xBB\xBF"
      "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nlast,,\n");
  REQUIRE(r.ok());
  REQUIRE(r->size() == 3);
  CHECK((*r)[0].fields == std::vector<std::string>{"a", "b", "c"});
  CHECK((*r)[1].fields == std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"});
  CHECK((*r)[1].line == 2);
  CHECK((*r)[2].fields == std::vector<std::string>{"last", "", ""});
  CHECK((*r)[2].line == 5);

  const auto error = [](std::string_view text) {
    auto parsed = storage::parse_csv(text);
    REQUIRE_FALSE(parsed.ok());
    return parsed.error();
  };
  CHECK(error("a,b\n\"open,c\n").message.find("Line 2") != std::string::npos);
  CHECK(error("a,b\n\"x\"y,c\n").message.find("Line 2: text follows a closing quote") !=
        std::string::npos);
  CHECK(error("a,b\nx,y\"z\n").message.find("Line 2: a quote inside") != std::string::npos);
  CHECK(error("a,b\nok,\xff\xfe\n").message.find("Line 2: the text is not UTF-8") !=
        std::string::npos);
  CHECK(error(std::string(storage::kMaxCsvFieldBytes + 10, 'x')).message.find("longer than") !=
        std::string::npos);
}

TEST_CASE(
    "calendars read back by python3-icalendar: stable UIDs, SEQUENCE, cancellations, local times") {
  test::TempDir dir;
  ExportEvent event(dir / "event.db");
  const auto& state = event.state();
  const auto history = event.history();
  auto zone = storage::TimeZone::load("Europe/Lisbon");
  REQUIRE(zone.ok());

  auto ics = storage::event_calendar(state, history, kNow);
  REQUIRE(ics.ok());
  const auto parsed = test::read_back(dir, "ics", *ics);
  CHECK(parsed["name"] == "Cross Innovation Lisbon");
  std::map<std::string, nlohmann::json> by_uid;
  for (const auto& e : parsed["events"]) {
    CHECK(by_uid.emplace(e["uid"].get<std::string>(), e).second);  // unique
    // The file's own VTIMEZONE and the system's zoneinfo agree on every moment.
    CHECK(e["dtstart"]["utc_own"] == e["dtstart"]["utc_zoneinfo"]);
    CHECK(e["dtend"]["utc_own"] == e["dtend"]["utc_zoneinfo"]);
    CHECK(e["dtstart"]["tzid"] == "Europe/Lisbon");
    CHECK(e["dtstamp"] == "2026-09-21T14:13:20+00:00");
  }
  std::size_t expected = state.sessions.size();
  for (const auto& [id, round] : state.rounds) expected += round.teams.size();
  expected += state.clinic_tables.size();
  REQUIRE_FALSE(state.clinic_tables.empty());
  const std::string key = history.event_key;
  for (const auto& [id, m] : state.meetings) {
    const std::string uid = "meeting-" + std::to_string(id) + "." + key + "@crossmatch";
    const auto placement = m.placement ? m.placement : history.meetings.at(id).last_placement;
    // Booked, or cancelled after booking, in a session that is still there.
    const bool listed = ((m.status == core::MeetingStatus::Accepted && m.placement) ||
                         (m.status == core::MeetingStatus::Cancelled && placement.has_value())) &&
                        state.sessions.count(placement->slot.session) > 0;
    CAPTURE(uid);
    REQUIRE(by_uid.count(uid) == (listed ? 1u : 0u));
    if (!listed) continue;
    ++expected;
    const auto& e = by_uid.at(uid);
    const core::Session& s = state.sessions.at(placement->slot.session);
    const int start = s.slot_starts[static_cast<std::size_t>(placement->slot.index)];
    CHECK(e["dtstart"]["local"] == iso_local(s.date, start));
    CHECK(e["dtend"]["local"] == iso_local(s.date, start + s.slot_minutes));
    CHECK(e["status"] == (m.status == core::MeetingStatus::Cancelled ? "CANCELLED" : "CONFIRMED"));
    if (state.tables.count(placement->table))
      CHECK(e["location"] == state.tables.at(placement->table).name);
    // Our own conversion of the local time agrees with Python's zoneinfo too.
    const std::int64_t utc = zone->to_utc((s.date * 1440 + start) * 60);
    CHECK(e["dtstart"]["utc_zoneinfo"].get<std::string>().substr(0, 19) ==
          iso_local(utc / 86400, static_cast<int>(utc % 86400 / 60)));
  }
  CHECK(parsed["events"].size() == expected);
  const auto& autumn =
      by_uid.at("meeting-" + std::to_string(event.autumn) + "." + key + "@crossmatch");
  CHECK(autumn["dtstart"]["utc_zoneinfo"] == "2026-10-26T09:20:00+00:00");  // WET: UTC+0
  CHECK(by_uid.at("meeting-" + std::to_string(event.cancelled) + "." + key +
                  "@crossmatch")["status"] == "CANCELLED");

  // One participant's calendar: their meetings, their team, the programme.
  const auto who = event.people()[0];
  auto mine = storage::participant_calendar(state, history, who, kNow);
  REQUIRE(mine.ok());
  const auto own = test::read_back(dir, "ics", *mine);
  CHECK(own["name"].get<std::string>().find(state.participants.at(who).profile.display_name) !=
        std::string::npos);
  for (const auto& e : own["events"]) {
    const std::string uid = e["uid"];
    CHECK(by_uid.count(uid) == 1);  // the same entries as in the event's calendar
    CHECK(e["sequence"] == by_uid.at(uid)["sequence"]);
    if (uid.rfind("meeting-", 0) == 0)
      CHECK(e["summary"].get<std::string>().rfind("Meeting with ", 0) == 0);
  }
  CHECK(own["events"].size() >= 3);  // the autumn meeting, the May one, the pitching session

  auto missing = storage::participant_calendar(state, history, 9999, kNow);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == "not_found");
}

TEST_CASE("a newer calendar updates the entries that changed: same UIDs, larger SEQUENCE") {
  test::TempDir dir;
  ExportEvent event(dir / "event.db");
  auto before_ics = storage::event_calendar(event.state(), event.history(), kNow);
  REQUIRE(before_ics.ok());
  const auto before = test::read_back(dir, "ics", *before_ics);

  // Move the autumn meeting, cancel another booked one, rename the table of a third.
  const core::Meeting& autumn = event.state().meetings.at(event.autumn);
  std::vector<core::Operation> ops;
  ops.push_back(event.script.must(
      test::organiser(),
      core::ApplySchedule{.sessions = {3},
                          .moves_allowed = true,
                          .placements = {{event.autumn, {{3, 2}, autumn.placement->table}}}}));
  core::MeetingId to_cancel = 0, renamed = 0;
  for (const auto& [id, m] : event.state().meetings) {
    if (id == event.autumn || m.status != core::MeetingStatus::Accepted || !m.placement) continue;
    if (to_cancel == 0)
      to_cancel = id;
    else if (m.placement->table != event.state().meetings.at(to_cancel).placement->table) {
      renamed = id;
      break;
    }
  }
  REQUIRE(to_cancel != 0);
  REQUIRE(renamed != 0);
  const core::TableId table = event.state().meetings.at(renamed).placement->table;
  ops.push_back(event.script.must(test::participant(event.state().meetings.at(to_cancel).requester),
                                  core::CancelMeeting{.meeting = to_cancel}));
  ops.push_back(event.script.must(
      test::organiser(),
      core::DefineTable{
          .table = table, .name = "Garden table", .seats = event.state().tables.at(table).seats}));
  REQUIRE(event.store->append(ops).ok());

  auto after_ics = storage::event_calendar(event.state(), event.history(), kNow + 60000);
  REQUIRE(after_ics.ok());
  const auto after = test::read_back(dir, "ics", *after_ics);
  std::map<std::string, nlohmann::json> old_entries, new_entries;
  for (const auto& e : before["events"]) old_entries[e["uid"]] = e;
  for (const auto& e : after["events"]) new_entries[e["uid"]] = e;
  for (const auto& [uid, e] : old_entries) {
    CAPTURE(uid);
    REQUIRE(new_entries.count(uid) ==
            1);  // nothing disappears: an importer updates, never duplicates
    const auto& n = new_entries.at(uid);
    if (n["dtstart"] != e["dtstart"] || n["status"] != e["status"] ||
        n.value("location", "") != e.value("location", ""))
      CHECK(n["sequence"].get<int>() > e["sequence"].get<int>());
    else
      CHECK(n["sequence"] == e["sequence"]);
  }
  const std::string key = event.history().event_key;
  const auto uid = [&](core::MeetingId id) {
    return "meeting-" + std::to_string(id) + "." + key + "@crossmatch";
  };
  CHECK(new_entries.at(uid(event.autumn))["dtstart"]["local"] == "2026-10-26T09:40:00");
  CHECK(new_entries.at(uid(to_cancel))["status"] == "CANCELLED");
  CHECK(new_entries.at(uid(renamed))["location"] == "Garden table");
}

TEST_CASE("time zones from the tz database") {
  const auto at = [](int y, int mo, int d, int h, int mi) {
    return core::days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
  };
  auto lisbon = storage::TimeZone::load("Europe/Lisbon");
  REQUIRE(lisbon.ok());
  auto changes = lisbon->transitions(at(2026, 1, 1, 0, 0), at(2027, 1, 1, 0, 0));
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].at == at(2026, 3, 29, 1, 0));
  CHECK(changes[0].after.utc_offset == 3600);
  CHECK(changes[0].after.abbreviation == "WEST");
  CHECK(changes[1].at == at(2026, 10, 25, 1, 0));
  CHECK(changes[1].after.utc_offset == 0);
  // Past the file's listed changes, its closing rule: the last Sundays of March and October.
  changes = lisbon->transitions(at(2050, 1, 1, 0, 0), at(2051, 1, 1, 0, 0));
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].at == at(2050, 3, 27, 1, 0));
  CHECK(changes[1].at == at(2050, 10, 30, 1, 0));
  CHECK(lisbon->offset_at(at(2050, 7, 1, 0, 0)).utc_offset == 3600);
  // Local to UTC: plain, in the gap of spring, in the overlap of autumn (the earlier moment).
  CHECK(lisbon->to_utc(at(2026, 5, 14, 9, 20)) == at(2026, 5, 14, 8, 20));
  CHECK(lisbon->to_utc(at(2026, 3, 29, 1, 30)) == at(2026, 3, 29, 1, 30));
  CHECK(lisbon->to_utc(at(2026, 10, 25, 1, 30)) == at(2026, 10, 25, 0, 30));

  // The southern hemisphere: summer time over the new year.
  auto sydney = storage::TimeZone::load("Australia/Sydney");
  REQUIRE(sydney.ok());
  CHECK(sydney->offset_at(at(2026, 1, 15, 0, 0)).utc_offset == 11 * 3600);
  CHECK(sydney->offset_at(at(2026, 1, 15, 0, 0)).dst);
  changes = sydney->transitions(at(2060, 1, 1, 0, 0), at(2061, 1, 1, 0, 0));
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].after.utc_offset == 10 * 3600);
  CHECK(changes[1].after.utc_offset == 11 * 3600);

  auto utc = storage::TimeZone::load("UTC");
  REQUIRE(utc.ok());
  CHECK(utc->offset_at(at(2026, 5, 14, 0, 0)).utc_offset == 0);
  CHECK(utc->transitions(at(2000, 1, 1, 0, 0), at(2100, 1, 1, 0, 0)).empty());

  // Rules with odd times, as Greenland's.
  auto nuuk = storage::TimeZone::parse_rule("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
  REQUIRE(nuuk.has_value());
  CHECK(nuuk->standard.utc_offset == -7200);
  CHECK(nuuk->daylight.utc_offset == -3600);
  CHECK(nuuk->start.time == -3600);
  CHECK_FALSE(storage::TimeZone::parse_rule("WET0WEST,M13.5.0,M10.5.0").has_value());

  // A file that lists no changes at all and leaves every year to its closing rule, as zic
  // writes them by default since 2020 ("-b slim"; Debian's tzdata lists changes up to 2037).
  // Howard Hinnant's date/tz (Debian's libhowardhinnant-date-dev 3.0.1, USE_OS_TZDB) ignores the
  // rule and would keep standard time all year here.
  const auto be32 = [](std::uint32_t v) {
    std::string out;
    for (const int shift : {24, 16, 8, 0}) out += static_cast<char>((v >> shift) & 0xff);
    return out;
  };
  std::string header = std::string("TZif2") + std::string(15, '\0');
  for (const std::uint32_t count : {0, 0, 0, 0, 1, 4}) header += be32(count);  // one offset, "CET"
  const std::string block = header + be32(3600) + std::string(2, '\0') + std::string("CET", 4);
  auto slim =
      storage::TimeZone::parse("Europe/Slim", block + block + "\nCET-1CEST,M3.5.0,M10.5.0/3\n");
  REQUIRE(slim.ok());
  CHECK(slim->offset_at(at(2026, 1, 15, 12, 0)).utc_offset == 3600);
  CHECK(slim->offset_at(at(2026, 7, 1, 12, 0)).abbreviation == "CEST");
  CHECK(slim->offset_at(at(2026, 7, 1, 12, 0)).utc_offset == 7200);
  changes = slim->transitions(at(2026, 1, 1, 0, 0), at(2027, 1, 1, 0, 0));
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].at == at(2026, 3, 29, 1, 0));
  CHECK(changes[1].at == at(2026, 10, 25, 1, 0));
  CHECK(slim->to_utc(at(2026, 5, 14, 9, 20)) == at(2026, 5, 14, 7, 20));

  auto unknown = storage::TimeZone::load("Mars/Olympus_Mons");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == "unknown_time_zone");
  CHECK(storage::TimeZone::load("../etc/passwd").error().code == "invalid_time_zone");
  CHECK(storage::TimeZone::parse("Bad", "not a tzif file").error().code == "invalid_time_zone");
}
