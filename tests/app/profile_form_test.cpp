// The profile form as a newcomer fills it in: messages only for fields left or after a submit,
// lines kept for them so nothing moves, Country required, and type-ahead pickers for the city,
// country, languages and markets (chosen by name, the event's own first).
#include <doctest/doctest.h>

#include "app/client/state/type_ahead_picker.hpp"
#include "app/client/views/client_app.hpp"
#include "app/client/views/participant_views.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/text_checks.hpp"

using namespace crossmatch;

namespace {

ImGuiID in_form(const char* label) {
  return test::profile_field(label);
}

using crossmatch::test::contains;

}  // namespace

TEST_CASE("type-ahead picker: 'germ' finds Germany; accents and case are ignored") {
  client::TypeAheadPicker picker;
  picker.set_choices(client::country_choices(test::taxonomy(), {}));
  picker.query = "germ";
  auto found = picker.matches();
  REQUIRE_FALSE(found.empty());
  CHECK(found.front()->name == "Germany");
  CHECK(found.front()->value == "DE");
  picker.query = "  GERM ";
  CHECK(picker.matches().front()->value == "DE");
  picker.query = "cote d";  // Côte d'Ivoire, typed without the accent
  REQUIRE(picker.matches().size() == 1);
  CHECK(picker.matches().front()->value == "CI");
  picker.query = "kingdom united";  // every word, in any order
  REQUIRE_FALSE(picker.matches().empty());
  CHECK(picker.matches().front()->value == "GB");
  picker.query = "zzz";
  CHECK(picker.matches().empty());
  CHECK(client::search_key("Kraków, Malmö, Åland") == "krakow, malmo, aland");
  CHECK(picker.name_of("PT") == "Portugal");
  CHECK(picker.name_of("XX") == "XX");
}

TEST_CASE("type-ahead picker: the event's own countries first, each group sorted by name") {
  test::ClientFixture f;
  const auto places = client::EventPlaces::of(f.state);
  REQUIRE(places.countries.size() >= 2);
  REQUIRE(places.countries.size() < test::taxonomy().countries().size());
  client::TypeAheadPicker picker;
  picker.set_choices(client::country_choices(test::taxonomy(), places.countries));
  const auto all = picker.matches();
  REQUIRE(all.size() == test::taxonomy().countries().size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    CAPTURE(all[i]->name);
    CHECK(all[i]->featured == (i < places.countries.size()));
    CHECK(all[i]->featured == (places.countries.count(all[i]->value) > 0));
    if (i > 0 && all[i]->featured == all[i - 1]->featured) CHECK(all[i - 1]->key <= all[i]->key);
  }
  // Åland sorts with the A's, not after Zimbabwe.
  client::TypeAheadPicker plain;
  plain.set_choices(client::country_choices(test::taxonomy(), {}));
  CHECK(plain.matches().front()->value == "AF");
  CHECK(plain.choices()[1].value == "AX");
  // A query keeps the event's first: with a featured country that matches.
  const std::string first = all.front()->name;
  picker.query = first.substr(0, 3);
  REQUIRE_FALSE(picker.matches().empty());
  CHECK(picker.matches().front()->featured);
}

TEST_CASE("profile view: nothing is marked before typing; Register shows every message") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Participant, 0);  // a newcomer: an empty profile
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_profile_view(models); };
  std::string text = ui.frame(body);
  REQUIRE_FALSE(models.profile.valid());
  CHECK_FALSE(contains(text, "is required"));
  CHECK_FALSE(contains(text, "Not sent"));

  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "Register", 0), body));
  CHECK(f.submitted().empty());
  text = ui.frame(body);
  CHECK(contains(text, "Display name is required."));
  CHECK(contains(text, "City is required."));
  CHECK(contains(text, "Country is required."));
  CHECK(contains(text, "Contact e-mail is required."));
  CHECK(contains(text, "Languages: give at least one."));
  CHECK(contains(text, "Not sent:"));
  CHECK(contains(text, "Name, Organisation, E-mail, City, Country, Sector, Languages"));
}

TEST_CASE("profile view: a message appearing under a field moves nothing below it") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Participant, 0);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_profile_view(models); };
  ui.frame(body);
  const ImGuiID name = in_form("Name"), organisation = in_form("Organisation");
  const ImGuiID job_title = in_form("Job title");
  const auto organisation_before = ui.find(organisation, body);
  const auto job_title_before = ui.find(job_title, body);
  REQUIRE(organisation_before);
  REQUIRE(job_title_before);
  // Into Name and out again without typing: Name is touched, its message shows.
  REQUIRE(ui.click(name, body));
  REQUIRE(ui.click(job_title, body));
  const std::string text = ui.frame(body);
  CHECK(contains(text, "Display name is required."));
  CHECK_FALSE(contains(text, "Organisation is required."));  // not touched yet
  const auto organisation_after = ui.find(organisation, body);
  const auto job_title_after = ui.find(job_title, body);
  REQUIRE(organisation_after);
  REQUIRE(job_title_after);
  CHECK(organisation_after->y == organisation_before->y);
  CHECK(job_title_after->y == job_title_before->y);
}

TEST_CASE("profile view: the country is picked by typing part of its name; a city sets it") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Participant, 0);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_profile_view(models); };
  ui.frame(body);
  REQUIRE(ui.click(in_form("Country"), body));
  ui.type("germ", body);
  ui.press(ImGuiKey_Enter, body);
  CHECK(models.profile.draft().country == "DE");
  CHECK(contains(ui.frame(body), "Germany"));

  // A city in another country sets the country to the city's.
  REQUIRE(ui.click(in_form("City"), body));
  ui.type("lisbon", body);
  ui.press(ImGuiKey_Enter, body);
  CHECK(models.profile.draft().city == "lisbon");
  CHECK(models.profile.draft().country == "PT");
  // A country that is not the city's clears the city.
  models.profile.set_country("ES", test::taxonomy());
  CHECK(models.profile.draft().city.empty());
}

TEST_CASE("profile view: languages and markets are chosen by name and removed with a button") {
  test::ClientFixture f;
  auto session = f.session(core::Role::Participant, 0);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_profile_view(models); };
  ui.frame(body);
  const auto add_to = [](const char* field) { return test::profile_field("##add", field); };
  REQUIRE(ui.click(add_to("Languages"), body));
  ui.type("portug", body);
  ui.press(ImGuiKey_Enter, body);
  REQUIRE(ui.click(add_to("Languages"), body));
  ui.type("swed", body);
  ui.press(ImGuiKey_Enter, body);
  CHECK(models.profile.draft().languages == std::vector<std::string>{"pt", "sv"});
  REQUIRE(ui.click(add_to("Markets to enter"), body));
  ui.type("sweden", body);
  ui.press(ImGuiKey_Enter, body);
  CHECK(models.profile.draft().target_markets == std::vector<std::string>{"SE"});
  // The mouse away from the buttons: a tooltip window would end ImGui's text capture.
  ImGui::GetIO().MousePos = ImVec2(-100, -100);
  const std::string text = ui.frame(body);
  CHECK(contains(text, "Portuguese"));
  CHECK(contains(text, "Swedish"));

  // The chosen language's button removes it.
  const ImGuiID remove_first = test::HeadlessUi::id_of(
      [] {
        ImGui::BeginChild("profile-fields", ImVec2(0, 100));
        ImGui::PushOverrideID(ImGui::GetID("profile"));
        ImGui::PushID("Languages");
        ImGui::PushID(0);
      },
      "Portuguese  \u00d7",
      [] {
        ImGui::PopID();
        ImGui::PopID();
        ImGui::PopID();
        ImGui::EndChild();
      });
  REQUIRE(ui.click(remove_first, body));
  CHECK(models.profile.draft().languages == std::vector<std::string>{"sv"});
}
