#include <doctest/doctest.h>

#include <functional>

#include "core/profile_validation.hpp"
#include "tests/test_assets.hpp"

using namespace crossmatch;

namespace {

core::Profile good_profile() {
  core::Profile p;
  p.display_name = "Inês Ferreira";
  p.organisation = "Lumen Arquitectura";
  p.job_title = "Founder";
  p.city = "lisbon";
  p.country = "PT";
  p.sector = "architecture";
  p.offers = {"adaptive reuse", "heritage renovation"};
  p.seeks = {"building projects"};
  p.languages = {"pt", "en"};
  p.target_markets = {"SE", "DE"};
  p.known_markets = {"BR"};
  p.answers = {5, 4, 5, 4, 5, 4, 4};
  p.email = "ines@lumen-arq.pt";
  return p;
}

struct Case {
  const char* name;
  std::function<void(core::Profile&)> change;
  const char* code;
  const char* field;
  const char* message_part;
};

}  // namespace

TEST_CASE("a complete profile is valid") {
  CHECK(core::validate_profile(good_profile(), test::taxonomy()).empty());
  auto minimal = good_profile();
  minimal.job_title.clear();
  minimal.offers.clear();
  minimal.seeks.clear();
  minimal.target_markets.clear();
  minimal.known_markets.clear();
  CHECK(core::validate_profile(minimal, test::taxonomy()).empty());
}

TEST_CASE("every profile rule rejects its bad value with its field and message") {
  const std::string long81(81, 'a');
  const std::string long41(41, 'x');
  const std::vector<Case> cases = {
      {"name required", [](auto& p) { p.display_name = ""; }, "required", "display_name",
       "Display name is required"},
      {"name blank", [](auto& p) { p.display_name = "   "; }, "required", "display_name",
       "required"},
      {"name too long", [&](auto& p) { p.display_name = long81; }, "too_long", "display_name",
       "81 characters, at most 80"},
      {"name invalid UTF-8", [](auto& p) { p.display_name = "Ana \xc3\x28"; }, "invalid_utf8",
       "display_name", "not valid UTF-8"},
      {"name overlong encoding",
       [](auto& p) {
         p.display_name =
             "A\xc0\xaf"
             "B";
       },
       "invalid_utf8", "display_name", "not valid UTF-8"},
      {"name control character", [](auto& p) { p.display_name = "Ana\x07"; }, "control_character",
       "display_name", "control character"},
      {"name C1 control", [](auto& p) { p.display_name = "Ana\xc2\x85x"; }, "control_character",
       "display_name", "control character"},
      {"name newline", [](auto& p) { p.display_name = "Ana\nB"; }, "control_character",
       "display_name", "control character"},
      {"name surrounding space", [](auto& p) { p.display_name = " Ana"; }, "surrounding_space",
       "display_name", "starts or ends with a space"},
      {"organisation required", [](auto& p) { p.organisation = ""; }, "required", "organisation",
       "Organisation is required"},
      {"organisation too long", [&](auto& p) { p.organisation = long81; }, "too_long",
       "organisation", "at most 80"},
      {"job title too long", [&](auto& p) { p.job_title = long81; }, "too_long", "job_title",
       "at most 80"},
      {"city required", [](auto& p) { p.city = ""; }, "required", "city", "City is required"},
      {"unknown city", [](auto& p) { p.city = "atlantis"; }, "unknown_city", "city",
       "'atlantis' is not in the list"},
      {"country required", [](auto& p) { p.country = ""; }, "required", "country",
       "Country is required"},
      {"unknown country", [](auto& p) { p.country = "XX"; }, "unknown_country", "country",
       "not an ISO 3166-1 country code"},
      {"lower-case country", [](auto& p) { p.country = "pt"; }, "unknown_country", "country",
       "two capital letters"},
      {"country not the city's", [](auto& p) { p.country = "ES"; }, "city_country_mismatch",
       "country", "Lisbon is in PT"},
      {"sector required", [](auto& p) { p.sector = ""; }, "required", "sector",
       "Sector is required"},
      {"unknown sector", [](auto& p) { p.sector = "alchemy"; }, "unknown_sector", "sector",
       "'alchemy' is not a known sector"},
      {"too many offers", [](auto& p) { p.offers = std::vector<std::string>(21, "x"); }, "too_many",
       "offers", "at most 20 tags, not 21"},
      {"offer too long", [&](auto& p) { p.offers = {long41}; }, "too_long", "offers[0]",
       "41 characters, at most 40"},
      {"empty seek",
       [](auto& p) {
         p.seeks = {"ok", ""};
       },
       "required", "seeks[1]", "required"},
      {"duplicate seek",
       [](auto& p) {
         p.seeks = {"Design", "design"};
       },
       "duplicate", "seeks[1]", "listed twice"},
      {"seek control character", [](auto& p) { p.seeks = {"a\tb"}; }, "control_character",
       "seeks[0]", "control character"},
      {"no language", [](auto& p) { p.languages = {}; }, "required", "languages", "at least one"},
      {"unknown language",
       [](auto& p) {
         p.languages = {"pt", "xx"};
       },
       "unknown_language", "languages[1]", "not an ISO 639-1 language code"},
      {"three-letter language", [](auto& p) { p.languages = {"por"}; }, "unknown_language",
       "languages[0]", "ISO 639-1"},
      {"duplicate language",
       [](auto& p) {
         p.languages = {"pt", "pt"};
       },
       "duplicate", "languages[1]", "listed twice"},
      {"unknown target market",
       [](auto& p) {
         p.target_markets = {"SE", "ZZ"};
       },
       "unknown_country", "target_markets[1]", "ISO 3166-1"},
      {"too many known markets",
       [](auto& p) {
         p.known_markets.clear();
         for (int i = 0; i < 31; ++i) p.known_markets.push_back("SE");
       },
       "too_many", "known_markets", "at most 30"},
      {"missing answers",
       [](auto& p) {
         p.answers = {3, 3};
       },
       "answers_count", "answers", "Answer all 7"},
      {"answer too high", [](auto& p) { p.answers[1] = 6; }, "out_of_range", "answers.formality",
       "pick 1 to 5"},
      {"answer zero", [](auto& p) { p.answers[0] = 0; }, "out_of_range", "answers.culture", "is 0"},
      {"email required", [](auto& p) { p.email = ""; }, "required", "email",
       "Contact e-mail is required"},
      {"email without at", [](auto& p) { p.email = "ines.lumen.pt"; }, "invalid_email", "email",
       "does not look like an address"},
      {"email without domain dot", [](auto& p) { p.email = "ines@localhost"; }, "invalid_email",
       "email", "name@example.org"},
      {"email with space", [](auto& p) { p.email = "ines ferreira@lumen.pt"; }, "invalid_email",
       "email", "does not look like"},
      {"email two ats", [](auto& p) { p.email = "a@b@lumen.pt"; }, "invalid_email", "email",
       "does not look like"},
      {"email numeric tld", [](auto& p) { p.email = "a@lumen.123"; }, "invalid_email", "email",
       "does not look like"},
      {"email dash label", [](auto& p) { p.email = "a@-lumen.pt"; }, "invalid_email", "email",
       "does not look like"},
      {"type out of range", [](auto& p) { p.type = static_cast<core::ParticipantType>(9); },
       "unknown_type", "type", "pick company, policy maker"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    auto p = good_profile();
    c.change(p);
    const auto errors = core::validate_profile(p, test::taxonomy());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == c.code);
    CHECK(errors[0].field == c.field);
    CHECK_MESSAGE(errors[0].message.find(c.message_part) != std::string::npos, errors[0].message);
  }
}

TEST_CASE("good values at the limits are accepted") {
  auto p = good_profile();
  p.display_name = std::string(80, 'a');
  p.organisation = "Ünïcödé Ателье 設計";  // 80 characters counts characters, not bytes
  p.offers = std::vector<std::string>();
  for (int i = 0; i < 20; ++i) p.offers.push_back("tag " + std::to_string(i));
  p.seeks = {std::string(40, 'y')};
  p.answers = {1, 5, 1, 5, 1, 5, 3};
  p.email = "first.last+events@studio.example";
  CHECK(core::validate_profile(p, test::taxonomy()).empty());
  p.display_name = std::string(40, 'a') + std::string(40, 'b');
  p.display_name.replace(0, 2, "é");  // 79 characters, 80 bytes
  CHECK(core::validate_profile(p, test::taxonomy()).empty());
}

TEST_CASE("several problems are all reported, in field order") {
  auto p = good_profile();
  p.display_name = "";
  p.email = "nope";
  p.sector = "alchemy";
  const auto errors = core::validate_profile(p, test::taxonomy());
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].field == "display_name");
  CHECK(errors[1].field == "sector");
  CHECK(errors[2].field == "email");
  CHECK(core::check_profile(p, test::taxonomy()).error().field == "display_name");
}

TEST_CASE("every participant type is valid, with its label and its text form") {
  using T = core::ParticipantType;
  for (const T type : {T::Company, T::PolicyMaker, T::Intermediary, T::Researcher}) {
    auto p = good_profile();
    p.type = type;
    CHECK(core::validate_profile(p, test::taxonomy()).empty());
    T back = T::Company;
    REQUIRE(core::parse_participant_type(core::to_string(type), back));
    CHECK(back == type);
  }
  CHECK(std::string(core::label(T::Intermediary)) == "Broker or intermediary");
  CHECK(std::string(core::label(T::Researcher)) == "Researcher or university");
  T out = T::Company;
  CHECK_FALSE(core::parse_participant_type("broker", out));
  CHECK_FALSE(core::parse_participant_type("", out));
}
