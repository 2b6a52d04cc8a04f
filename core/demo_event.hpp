// A deterministic generator of demo participants: plausible people and organisations spread over
// the partner cities and others, sectors following each city's profile, and working styles that
// form real clusters, so that suggestions and teams have structure to find.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/asset_text.hpp"
#include "core/error.hpp"
#include "core/profile.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::core {

struct DemoSources {
  AssetText names, sectors, organisations, job_titles, working_styles;
};

// The words the generator draws from, read from assets/demo.
struct DemoVocabulary {
  struct Country {
    std::vector<std::string> languages;
    std::vector<std::string> given_names;
    std::vector<std::string> family_names;
  };
  struct SectorWords {
    std::vector<std::string> organisation_words;
    std::vector<std::string> offers;
    std::vector<std::string> seeks;
  };
  struct StyleCluster {
    std::string name;
    std::vector<int> answers;
  };
  std::map<std::string, Country, std::less<>> countries;  // key "*" is the default
  std::map<std::string, SectorWords, std::less<>> sectors;
  std::vector<std::string> organisation_prefixes;
  std::vector<std::string> job_titles;
  std::vector<StyleCluster> style_clusters;

  // Checked against the taxonomy: every sector and country known, clusters answer every question.
  static Result<DemoVocabulary> parse(const DemoSources& sources, const Taxonomy& taxonomy);
};

inline constexpr int kMaxDemoParticipants = 20000;

struct DemoOptions {
  int participants = 60;
  std::uint64_t seed = 1;
};

struct DemoParticipant {
  Profile profile;
  int style_cluster = 0;  // index into DemoVocabulary::style_clusters
};

// Same options and vocabulary, same participants, on every platform. Every profile validates.
Result<std::vector<DemoParticipant>> generate_demo_participants(const Taxonomy& taxonomy,
                                                                const DemoVocabulary& vocabulary,
                                                                const DemoOptions& options);

}  // namespace crossmatch::core
