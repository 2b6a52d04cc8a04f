#include <doctest/doctest.h>

#include <algorithm>

#include "core/taxonomy.hpp"
#include "core/text.hpp"
#include "storage/iso_codes.hpp"
#include "tests/test_assets.hpp"

using namespace crossmatch;

namespace {

// The study's executive summary table, exactly as written there.
struct StudyRow {
  const char* city;
  core::CityApproach approach;
  std::vector<std::string> creative;
  std::vector<std::string> matching;
};

const std::vector<StudyRow> kStudyTable = {
    {"Lisbon",
     core::CityApproach::PlaceBased,
     {"Architecture", "Fashion"},
     {"Construction", "Heritage", "Tourism"}},
    {"Tallinn",
     core::CityApproach::PlaceBased,
     {"Software/Games Industry", "Fashion"},
     {"ICT", "Knowledge Industries"}},
    {"Rome",
     core::CityApproach::PlaceBased,
     {"Design", "Fashion", "Architecture"},
     {"Manufacturing", "ICT", "Software", "Tourism", "Heritage"}},
    {"Vilnius",
     core::CityApproach::PlaceBased,
     {"Furniture", "Textile", "Architecture"},
     {"Retail", "Food"}},
    {"Pilsen",
     core::CityApproach::PlaceBased,
     {"Design", "Furniture"},
     {"Machinery tools production", "engineering supply"}},
    {"Birmingham",
     core::CityApproach::NewCoalition,
     {"Digital", "Software/Games Industry", "Jewellery", "Design"},
     {"Health", "Manufacturing", "GLAM (=Galleries, Libraries, Art and Museum)"}},
    {"Berlin",
     core::CityApproach::NewCoalition,
     {"Fashion", "Design", "Software/Games Industry", "Art", "Music", "Film"},
     {"Health", "ICT", "Tourism"}},
    {"Amsterdam",
     core::CityApproach::ManufacturingIndustry,
     {"Software/Games Industries", "Architecture"},
     {"Knowledge industries", "tourism", "service industries", "logistics"}},
    {"Linz",
     core::CityApproach::ManufacturingIndustry,
     {"Design", "Art", "Media"},
     {"Energy sector", "manufacturing", "automotive", "chemical industry"}},
    {"Stockholm",
     core::CityApproach::ManufacturingIndustry,
     {"Architecture", "fashion", "Design"},
     {"Knowledge industries", "service industries", "logistics", "Biotech", "sustainability",
      "ICT"}},
    {"Warsaw",
     core::CityApproach::ManufacturingIndustry,
     {"Art", "Music", "ICT-related Design"},
     {"Knowledge industries", "service industries", "Nanotechnologies", "Optoelectronics"}},
};

// The study writes the same sector with varying case, plurals and explanations in brackets.
std::string normalise(std::string name) {
  name = core::ascii_lower(name);
  if (const auto open = name.find(" ("); open != std::string::npos) name.erase(open);
  if (name == "software/games industries") name = "software/games industry";
  return name;
}

std::vector<std::string> names(const core::Taxonomy& t, const std::vector<int>& sectors) {
  std::vector<std::string> out;
  for (int s : sectors) out.push_back(normalise(t.sectors()[s].name));
  return out;
}

std::vector<std::string> normalised(const std::vector<std::string>& study) {
  std::vector<std::string> out;
  for (const auto& s : study) out.push_back(normalise(s));
  return out;
}

core::TaxonomySources source_files() {
  core::TaxonomySources s;
  const auto dir = test::source_assets() / "taxonomy";
  s.sectors = *storage::read_asset(dir / "sectors.tsv");
  s.cities = *storage::read_asset(dir / "cities.tsv");
  s.countries = *storage::iso_countries(storage::default_iso_codes_dir());
  s.languages = *storage::iso_languages(storage::default_iso_codes_dir());
  s.questionnaire = *storage::read_asset(dir / "questionnaire.tsv");
  return s;
}

void replace(std::string& text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the taxonomy reproduces the study's table row for row") {
  const auto& t = test::taxonomy();
  const auto partners = t.partner_cities();
  REQUIRE(partners.size() == kStudyTable.size());
  for (std::size_t i = 0; i < kStudyTable.size(); ++i) {
    const StudyRow& row = kStudyTable[i];
    CAPTURE(row.city);
    const core::City* city = partners[i];
    CHECK(city->name == row.city);
    CHECK(city->approach == row.approach);
    CHECK(names(t, city->creative_sectors) == normalised(row.creative));
    CHECK(names(t, city->matching_sectors) == normalised(row.matching));
    for (int s : city->creative_sectors) CHECK(t.sectors()[s].kind == core::SectorKind::Creative);
    for (int s : city->matching_sectors) CHECK(t.sectors()[s].kind == core::SectorKind::Growth);
  }
}

TEST_CASE("Tallinn's matching sectors are the executive summary's complete row") {
  const auto& t = test::taxonomy();
  const core::City* tallinn = t.city("tallinn");
  REQUIRE(tallinn != nullptr);
  CHECK(tallinn->country == "EE");
  CHECK(names(t, tallinn->matching_sectors) ==
        std::vector<std::string>{"ict", "knowledge industries"});
}

TEST_CASE("partner cities carry their countries; other cities have no sector profile") {
  const auto& t = test::taxonomy();
  const std::vector<std::pair<const char*, const char*>> countries = {
      {"lisbon", "PT"}, {"tallinn", "EE"},    {"rome", "IT"},   {"vilnius", "LT"},
      {"pilsen", "CZ"}, {"birmingham", "GB"}, {"berlin", "DE"}, {"amsterdam", "NL"},
      {"linz", "AT"},   {"stockholm", "SE"},  {"warsaw", "PL"}};
  for (const auto& [id, country] : countries) {
    const core::City* city = t.city(id);
    REQUIRE(city != nullptr);
    CHECK(city->country == country);
    CHECK(city->is_partner());
  }
  const core::City* porto = t.city("porto");
  REQUIRE(porto != nullptr);
  CHECK_FALSE(porto->is_partner());
  CHECK(porto->creative_sectors.empty());
  CHECK(t.cities().size() > 50);
}

TEST_CASE("sectors have stable ids and a kind; codes follow ISO") {
  const auto& t = test::taxonomy();
  CHECK(t.sector("architecture")->kind == core::SectorKind::Creative);
  CHECK(t.sector("construction")->kind == core::SectorKind::Growth);
  CHECK(t.sector("software-games")->name == "Software/Games Industry");
  CHECK(t.countries().size() == 249);
  CHECK(t.country("PT")->name == "Portugal");
  CHECK(t.country("pt") == nullptr);
  CHECK(t.languages().size() == 184);
  CHECK(t.language("et")->name == "Estonian");
  CHECK(t.study_matches(t.city_index("lisbon"), t.sector_index("architecture"),
                        t.sector_index("construction")));
  CHECK_FALSE(t.study_matches(t.city_index("lisbon"), t.sector_index("architecture"),
                              t.sector_index("ict")));
}

TEST_CASE("the questionnaire has 6 to 8 questions on a 1-5 scale with both end labels") {
  const auto& q = test::taxonomy().questions();
  CHECK(q.size() >= 6);
  CHECK(q.size() <= 8);
  std::vector<std::string> ids;
  for (const auto& question : q) {
    ids.push_back(question.id);
    CHECK_FALSE(question.low_label.empty());
    CHECK_FALSE(question.high_label.empty());
  }
  // The study's own words on what differs between creative and other companies.
  for (const char* id :
       {"culture", "formality", "networks", "timescale", "prototyping", "openness"}) {
    CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
  }
}

TEST_CASE("a broken taxonomy file gives an error naming the file and the entry") {
  SUBCASE("unknown sector in a city row") {
    auto s = source_files();
    replace(s.cities.text, "architecture,fashion\tconstruction",
            "architektur,fashion\tconstruction");
    auto t = core::Taxonomy::parse(s);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().code == "bad_asset");
    CHECK(t.error().message.find("cities.tsv line") != std::string::npos);
    CHECK(t.error().message.find("'lisbon'") != std::string::npos);
    CHECK(t.error().message.find("unknown sector 'architektur'") != std::string::npos);
  }
  SUBCASE("a creative sector in the matching column") {
    auto s = source_files();
    replace(s.cities.text, "construction,heritage,tourism", "construction,fashion,tourism");
    auto t = core::Taxonomy::parse(s);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().message.find("'fashion' is not a growth sector") != std::string::npos);
  }
  SUBCASE("a wrong kind") {
    auto s = source_files();
    replace(s.sectors.text, "music\tcreative", "music\tcreativ");
    auto t = core::Taxonomy::parse(s);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().message.find("sectors.tsv line") != std::string::npos);
    CHECK(t.error().message.find("'music'") != std::string::npos);
  }
  SUBCASE("a missing field") {
    auto s = source_files();
    replace(s.countries.text, "PT\tPortugal", "PT Portugal");
    auto t = core::Taxonomy::parse(s);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().message.find("iso_3166-1.json line") != std::string::npos);
    CHECK(t.error().message.find("expected 2 tab-separated fields") != std::string::npos);
  }
  SUBCASE("a duplicate id") {
    auto s = source_files();
    s.sectors.text += "music\tcreative\tMusic again\n";
    auto t = core::Taxonomy::parse(s);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().message.find("appears twice") != std::string::npos);
  }
  SUBCASE("a city in an unknown country") {
    auto s = source_files();
    replace(s.cities.text, "porto\tPorto\tPT", "porto\tPorto\tXX");
    auto t = core::Taxonomy::parse(s);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().message.find("unknown country 'XX'") != std::string::npos);
  }
  SUBCASE("invalid UTF-8") {
    auto s = source_files();
    s.languages.text += "xx\tbad \xff name\n";
    auto t = core::Taxonomy::parse(s);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().message.find("iso_639-2.json") != std::string::npos);
    CHECK(t.error().message.find("not valid UTF-8") != std::string::npos);
  }
  SUBCASE("too few questions") {
    auto s = source_files();
    s.questionnaire.text = "culture\tQ\tlow\thigh\ta\tb\n";
    auto t = core::Taxonomy::parse(s);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().message.find("6 to 8 questions") != std::string::npos);
  }
  SUBCASE("a missing file") {
    auto t = storage::load_taxonomy(test::source_assets() / "no-such-dir");
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().code == "cannot_read");
    CHECK(t.error().message.find("sectors.tsv") != std::string::npos);
  }
}
