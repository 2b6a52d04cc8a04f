// The organiser's Exports screen in a headless ImGui context: a folder that does not exist is
// offered to be created; the CSV files carry names beside ids and, for spreadsheets, a UTF-8
// byte-order mark; each file is read back.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/client/views/organiser_views.hpp"
#include "storage/csv.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/e2e/hub_process.hpp"

using namespace crossmatch;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The records of a CSV file, as the app's own reader (the import's) reads them.
std::vector<std::vector<std::string>> records(const std::string& text) {
  auto parsed = storage::parse_csv(text);
  REQUIRE_MESSAGE(parsed.ok(), (parsed.ok() ? "" : parsed.error().message));
  std::vector<std::vector<std::string>> out;
  for (auto& r : *parsed) out.push_back(r.fields);
  return out;
}

std::size_t column(const std::vector<std::string>& header, const std::string& name) {
  const auto at = std::find(header.begin(), header.end(), name);
  REQUIRE_MESSAGE(at != header.end(), "no column " << name);
  return static_cast<std::size_t>(at - header.begin());
}

}  // namespace

TEST_CASE(
    "exports screen: a missing folder is offered to be created; names beside ids; a BOM for "
    "spreadsheets") {
  test::ClientFixture f;
  // An accented name, which spreadsheet programs garble without the byte-order mark.
  core::Profile profile = f.state.participants.at(1).profile;
  profile.display_name = "Inês Conceição";
  f.apply(test::ClientFixture::person(1), core::EditProfile{.participant = 1, .profile = profile});
  f.accept(2, f.request(1, 2));
  auto session = f.session(core::Role::Organiser);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_exports_view(models); };
  const auto click = [&](const char* label) {
    return ui.click(test::HeadlessUi::id_of([] {}, label, 0), body);
  };

  const auto dir = test::fresh_folder("exports-screen");
  const auto folder = dir / "event exports" / "day 1";
  models.exports.folder = folder.string();
  ui.frame(body);

  // The folder does not exist: nothing is written; the screen asks to create it.
  REQUIRE(click("Meetings (CSV)"));
  CHECK_FALSE(std::filesystem::exists(folder));
  CHECK(models.exports.waiting_for_folder == client::EventExport::Meetings);
  std::string text = ui.frame(body);
  CHECK(text.find("The folder " + folder.string() + " does not exist.") != std::string::npos);
  CHECK(models.action.state == client::ActionState::None);  // not reported as a failure

  // Cancel keeps it so; creating it writes the export that waited.
  REQUIRE(click("Cancel##folder"));
  CHECK_FALSE(models.exports.waiting_for_folder);
  REQUIRE(click("Meetings (CSV)"));
  REQUIRE(click("Create the folder and save"));
  CHECK_FALSE(models.exports.waiting_for_folder);
  REQUIRE(std::filesystem::is_directory(folder));
  const auto meetings_file = folder / "meetings.csv";
  REQUIRE(std::filesystem::exists(meetings_file));
  CHECK(models.action.state == client::ActionState::Done);
  CHECK(models.action_text().find(meetings_file.string()) != std::string::npos);

  // Plain UTF-8: names beside the ids.
  const std::string plain = read_file(meetings_file);
  CHECK(plain.rfind("id,", 0) == 0);
  const auto rows = records(plain);
  REQUIRE(rows.size() >= 2);
  const auto& header = rows[0];
  const std::size_t rid = column(header, "requester_id"), rname = column(header, "requester_name");
  const std::size_t iid = column(header, "invitee_id"), iname = column(header, "invitee_name");
  bool saw = false;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i][rid] != "1") continue;
    saw = true;
    CHECK(rows[i][rname] == "Inês Conceição");
    CHECK(rows[i][iid] == "2");
    CHECK(rows[i][iname] == session->name_of(2));
  }
  CHECK(saw);

  // For spreadsheets: the byte-order mark first, then the same records.
  REQUIRE(click("For spreadsheets"));
  CHECK(models.exports.spreadsheet);
  REQUIRE(click("Meetings (CSV)"));
  const std::string sheet = read_file(meetings_file);
  CHECK(sheet.rfind("\xEF\xBB\xBF"
                    "id,",
                    0) == 0);
  CHECK(sheet.substr(3) == plain);
  REQUIRE(click("Participants (CSV)"));
  const std::string people = read_file(folder / "participants.csv");
  CHECK(people.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(people.find("Inês Conceição") != std::string::npos);
  CHECK(records(people)[0][0] == "id");

  // A folder that cannot be made is said, naming it.
  const auto file = dir / "a file";
  { std::ofstream(file) << "x"; }
  models.exports.folder = (file / "inside").string();
  REQUIRE(click("Teams (CSV)"));
  REQUIRE(click("Create the folder and save"));
  CHECK(models.action.state == client::ActionState::Failed);
  CHECK(models.action_text().find("Cannot create the folder " + (file / "inside").string()) !=
        std::string::npos);
  std::filesystem::remove_all(dir);
}
