// The interface's language: remembered in the client's config, put in place by the app before a
// frame, switched from the join screen's picker without a restart.
#include <doctest/doctest.h>

#include <unistd.h>

#include <fstream>

#include "app/client/views/client_app.hpp"
#include "app/client/views/view_menu.hpp"
#include "i18n/catalogues.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"

using namespace crossmatch;

namespace {

std::filesystem::path catalogue_dir() {
  return std::filesystem::path(CROSSMATCH_BINARY_DIR) / "bin" / "assets" / "locale";
}

struct EnglishAgain {
  ~EnglishAgain() { core::set_translator(nullptr); }
};

}  // namespace

TEST_CASE("language: remembered in the config; an unknown code is ignored") {
  const auto folder = std::filesystem::temp_directory_path() /
                      ("crossmatch-language-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  {
    auto config = client::ClientConfig::load(folder);
    client::Appearance a;
    CHECK(a.language().empty());  // the system's until chosen
    const unsigned before = a.version();
    a.set_language("xx");
    CHECK(a.language().empty());
    a.set_language("pl");
    CHECK(a.language() == "pl");
    CHECK(a.version() != before);
    a.store(config);
    REQUIRE(config.save().ok());
  }
  CHECK(client::Appearance::load(client::ClientConfig::load(folder)).language() == "pl");
  std::ofstream(folder / "client.conf") << "language=klingon\n";
  CHECK(client::Appearance::load(client::ClientConfig::load(folder)).language().empty());
  std::filesystem::remove_all(folder);
}

TEST_CASE("language: picked on the join screen, the next frame speaks it") {
  EnglishAgain english;
  i18n::Catalogues catalogues(catalogue_dir(), i18n::Catalogues::system_iso_codes_dir());
  test::ClientFixture f;
  net::MemoryOutbox outbox;
  client::ClientSession session(test::taxonomy(), outbox);  // not joined: the join screen
  client::ClientApp app(session, nullptr);
  app.speak_from(&catalogues);
  client::Appearance german = app.appearance();
  german.set_language("de");
  app.show_for_this_run(german);
  test::HeadlessUi ui;
  const auto body = [&] { app.frame(f.clock); };
  ui.bare_frame(body);
  CHECK(std::string(core::current_language_code()) == "de");
  CHECK(std::string(core::tr("Join an event")) == "Einer Veranstaltung beitreten");

  // The picker lists each language by its own name; choosing one switches at once.
  const auto& options = app.languages().options();
  REQUIRE(options.size() == 10);
  CHECK(options[5].own_name == "Lietuvių");
  app.appearance().set_language("lt");
  ui.bare_frame(body);
  CHECK(std::string(core::current_language_code()) == "lt");
  CHECK(std::string(core::tr("Join an event")) != "Einer Veranstaltung beitreten");
  CHECK(app.languages().current() == "lt");
}
