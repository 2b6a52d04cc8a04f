// What the hub writes in English reaches the person in their language: a refusal with a number
// in it, and the reasons the hub gave for a team.
#include <doctest/doctest.h>

#include "app/client/state/profile_form.hpp"
#include "app/client/views/participant_views.hpp"
#include "core/i18n/translation.hpp"
#include "i18n/catalogues.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"

using namespace crossmatch;

namespace {

i18n::Catalogues& catalogues() {
  static i18n::Catalogues c(
      std::filesystem::path(CROSSMATCH_BINARY_DIR) / "bin" / "assets" / "locale",
      i18n::Catalogues::system_iso_codes_dir());
  return c;
}

const i18n::Language& language(const char* code) {
  const i18n::Language* found = i18n::find_language(code);
  REQUIRE(found != nullptr);
  return *found;
}

struct EnglishAfter {
  ~EnglishAfter() { core::set_translator(nullptr); }
};

}  // namespace

TEST_CASE("a refusal the hub wrote in English is shown in the person's language") {
  EnglishAfter english;
  test::ClientFixture f;
  auto organiser = f.session(core::Role::Organiser);
  catalogues().use(language("de"));
  net::OperationRefused refused;
  refused.op.id = "op-1";
  refused.op.payload = core::RemoveSession{.session = 5};
  // As the hub, which speaks no language but English, wrote it.
  refused.error = core::make_error("unknown_session", "session", "There is no session 5.");
  organiser->handle(refused, f.clock);
  const std::string shown = organiser->notifications().all().back().text;
  const std::string german = core::format_text(core::tr("There is no session %u."), 5u);
  CHECK(german != "There is no session 5.");
  CHECK(shown.find(german) != std::string::npos);
  CHECK(shown.find("There is no session") == std::string::npos);
}

TEST_CASE("the hub's reasons for a team are given again in the person's language") {
  EnglishAfter english;
  test::ClientFixture f;
  core::ParticipantId me = 0, other = 0;
  for (const auto& [id, p] : f.state.participants) {
    if (!p.active()) continue;
    (me == 0 ? me : other) = id;
    if (other != 0) break;
  }
  REQUIRE(other != 0);
  auto participant = f.session(core::Role::Participant, me);
  net::Teams teams;
  teams.version = 1;
  teams.teams.push_back({{me, other}, "shared way of working: written by the hub in English"});
  participant->handle(teams, f.clock);
  client::ClientModels m(*participant);
  m.now_ms = f.clock;
  test::HeadlessUi ui;
  const std::string english_screen = ui.frame([&] { client::draw_team_view(m); });
  CHECK(english_screen.find("written by the hub") == std::string::npos);  // explained again
  catalogues().use(language("qps"));
  const std::string pseudo = ui.frame([&] { client::draw_team_view(m); });
  CHECK(pseudo.find("written by the hub") == std::string::npos);
  // The reasons, each made of pseudo-language parts: no English phrase of a team's reasons.
  CHECK(pseudo.find("countries") == std::string::npos);
  CHECK(pseudo.find("all from") == std::string::npos);
  CHECK(pseudo.find(core::tr("Why: %s")) == std::string::npos);  // filled in, not shown raw
  const std::string why = std::string(core::tr("Why: %s")).substr(0, 4);
  CHECK(pseudo.find(why) != std::string::npos);
}

TEST_CASE(
    "the profile form's pickers name countries in the language switched to while it is open") {
  EnglishAfter english;
  test::ClientFixture f;
  client::ProfileForm form;
  form.load(core::Profile{}, test::taxonomy(), f.state);
  CHECK(form.country_picker.name_of("DE") == "Germany");
  catalogues().use(language("de"));
  form.follow_language(test::taxonomy(), f.state);
  CHECK(form.country_picker.name_of("DE") == "Deutschland");
  catalogues().use(language("pl"));
  form.follow_language(test::taxonomy(), f.state);
  CHECK(form.country_picker.name_of("DE") == "Niemcy");
}
