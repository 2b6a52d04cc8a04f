#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/demo_event.hpp"
#include "core/profile_validation.hpp"
#include "tests/test_assets.hpp"

using namespace crossmatch;

namespace {

std::vector<core::DemoParticipant> generate(int n, std::uint64_t seed) {
  auto result = core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(),
                                                 core::DemoOptions{n, seed});
  REQUIRE(result.ok());
  return *result;
}

}  // namespace

TEST_CASE("the demo generator is deterministic per seed") {
  const auto a = generate(200, 7);
  const auto b = generate(200, 7);
  REQUIRE(a.size() == 200);
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].profile == b[i].profile);
    CHECK(a[i].style_cluster == b[i].style_cluster);
  }
  const auto c = generate(200, 8);
  int same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) same += a[i].profile == c[i].profile;
  CHECK(same < 5);
}

TEST_CASE("everything the demo generator makes validates") {
  for (const std::uint64_t seed : {1ULL, 2ULL, 99ULL}) {
    for (const auto& dp : generate(500, seed)) {
      const auto errors = core::validate_profile(dp.profile, test::taxonomy());
      CHECK_MESSAGE(errors.empty(),
                    dp.profile.display_name << ": " << (errors.empty() ? "" : errors[0].message));
    }
  }
}

TEST_CASE("the demo event has the shape of a real one") {
  const auto people = generate(2000, 3);
  const auto& t = test::taxonomy();
  int partner = 0, creative = 0, in_profile = 0, partner_count = 0;
  std::set<std::string> emails, cities;
  std::map<std::string, int> organisations;
  for (const auto& dp : people) {
    const auto& p = dp.profile;
    const core::City* city = t.city(p.city);
    cities.insert(p.city);
    emails.insert(p.email);
    organisations[p.organisation]++;
    const bool is_creative = t.sector(p.sector)->kind == core::SectorKind::Creative;
    creative += is_creative;
    if (city->is_partner()) {
      ++partner_count;
      const int s = t.sector_index(p.sector);
      const auto& list = is_creative ? city->creative_sectors : city->matching_sectors;
      in_profile += std::find(list.begin(), list.end(), s) != list.end();
    }
    partner += city->is_partner();
  }
  CHECK(emails.size() == people.size());  // every e-mail unique
  CHECK(partner > 1400);                  // most come from the partner cities...
  CHECK(partner < 1800);                  // ...but not all
  CHECK(cities.size() > 40);
  CHECK(creative > 800);
  CHECK(creative < 1200);
  CHECK(in_profile > partner_count * 3 / 4);  // sectors follow each city's profile
  int shared = 0;
  for (const auto& [name, count] : organisations) shared += count > 1;
  CHECK(shared > 0);  // some organisations send two people

  // Mostly companies, and enough policy makers, brokers and researchers for policy clinics.
  std::map<core::ParticipantType, int> types;
  for (const auto& dp : people) types[dp.profile.type]++;
  CHECK(types[core::ParticipantType::Company] > 1400);
  CHECK(types[core::ParticipantType::Company] < 1650);
  for (const auto type : {core::ParticipantType::PolicyMaker, core::ParticipantType::Intermediary,
                          core::ParticipantType::Researcher}) {
    CHECK(types[type] > 100);
    CHECK(types[type] < 230);
  }
  // A second representative comes from an organisation of the same type.
  std::map<std::string, core::ParticipantType> type_of;
  for (const auto& dp : people) {
    const auto [it, fresh] = type_of.emplace(dp.profile.organisation, dp.profile.type);
    if (!fresh && dp.profile.type == core::ParticipantType::Company)
      CHECK(it->second == core::ParticipantType::Company);
  }
  const auto names_public_body = [](const std::string& organisation) {
    for (const char* word : {"Ministry", "Council", "Office", "Department"}) {
      if (organisation.find(word) != std::string::npos) return true;
    }
    return false;
  };
  for (const auto& dp : people) {
    if (dp.profile.type == core::ParticipantType::PolicyMaker)
      CHECK(names_public_body(dp.profile.organisation));
  }
}

TEST_CASE("demo working styles form clusters") {
  const auto people = generate(1000, 5);
  const auto& clusters = test::demo_vocabulary().style_clusters;
  // Members sit closer to their own cluster's typical answers than to any other's.
  int nearest_own = 0;
  for (const auto& dp : people) {
    int best = -1, best_distance = 1 << 30;
    for (std::size_t c = 0; c < clusters.size(); ++c) {
      int d = 0;
      for (std::size_t q = 0; q < dp.profile.answers.size(); ++q) {
        const int diff = dp.profile.answers[q] - clusters[c].answers[q];
        d += diff * diff;
      }
      if (d < best_distance) best_distance = d, best = static_cast<int>(c);
    }
    nearest_own += best == dp.style_cluster;
  }
  CHECK(nearest_own > 900);
}

TEST_CASE("the demo generator takes 1 to 20,000 participants") {
  CHECK(generate(1, 1).size() == 1);
  CHECK(generate(20000, 1).size() == 20000);
  for (int bad : {0, -5, 20001}) {
    auto r = core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(),
                                              core::DemoOptions{bad, 1});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().field == "participants");
    CHECK(r.error().message.find("1 to 20000") != std::string::npos);
  }
}

TEST_CASE("a broken demo vocabulary names the file and entry") {
  const auto dir = test::source_assets() / "demo";
  core::DemoSources s;
  s.names = *storage::read_asset(dir / "names.tsv");
  s.sectors = *storage::read_asset(dir / "sectors.tsv");
  s.organisations = *storage::read_asset(dir / "organisations.tsv");
  s.job_titles = *storage::read_asset(dir / "job_titles.tsv");
  s.working_styles = *storage::read_asset(dir / "working_styles.tsv");
  s.working_styles.text += "odd ones\t1,2,3\n";
  auto v = core::DemoVocabulary::parse(s, test::taxonomy());
  REQUIRE_FALSE(v.ok());
  CHECK(v.error().message.find("working_styles.tsv line") != std::string::npos);
  CHECK(v.error().message.find("'odd ones'") != std::string::npos);
}
