// The Exports screen's PDFs for the venue: each written into the chosen folder on the chosen
// paper, the poster with the address typed on screen and the join code as its QR code.
#include <doctest/doctest.h>

#include <filesystem>

#include "app/client/views/organiser_views.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/e2e/hub_process.hpp"
#include "tests/print/print_fixture.hpp"

using namespace crossmatch;

TEST_CASE("exports screen: badges, agendas, table signs and the join poster as PDF") {
  test::ClientFixture f(12);
  f.accept(2, f.request(1, 2));
  auto session = f.session(core::Role::Organiser);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_exports_view(models); };
  const auto click = [&](const char* label) {
    return ui.click(test::HeadlessUi::id_of([] {}, label, 0), body);
  };
  const auto dir = test::fresh_folder("exports-pdf");
  const auto folder = dir / "print";
  models.exports.folder = folder.string();
  std::string text = ui.frame(body);
  CHECK(text.find("For printing at the venue (PDF)") != std::string::npos);
  // The address of the hub this app is connected to, until the organiser types another.
  CHECK(models.exports.poster_address == session->hub_address());
  models.exports.poster_address = "10.1.2.3:7420";

  // A missing folder waits, as for the CSV files.
  REQUIRE(click("Badges (PDF)"));
  CHECK(models.exports.pdf_waiting_for_folder == print::PrintKind::Badges);
  REQUIRE(click("Create the folder and save##pdf"));
  CHECK(models.action.state == client::ActionState::Done);
  REQUIRE(std::filesystem::exists(folder / "badges.pdf"));

  REQUIRE(click("Letter"));
  CHECK(models.exports.paper == print::Paper::Letter);
  for (const char* label : {"Agendas (PDF)", "Table signs (PDF)", "Join poster (PDF)"})
    REQUIRE(click(label));
  const std::string agendas = test::page_text(folder / "agendas.pdf");
  CHECK(agendas.find(session->name_of(1)) != std::string::npos);
  CHECK(agendas.find(session->name_of(2)) != std::string::npos);
  CHECK(test::page_count(folder / "agendas.pdf") >= 12);
  CHECK(test::run("pdfinfo " + test::shell_quoted(folder / "table-signs.pdf"))
            .find("612 x 792 pts (letter)") != std::string::npos);
  const auto poster = folder / "join-poster.pdf";
  CHECK(test::page_text(poster).find("10.1.2.3:7420") != std::string::npos);
  CHECK(test::qr_codes(poster, 1, 72) == std::vector<std::string>{"LISBON-2026"});
  std::filesystem::remove_all(dir);
}
