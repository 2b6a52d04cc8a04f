#include "storage/asset_files.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "storage/iso_codes.hpp"

namespace crossmatch::storage {

namespace fs = std::filesystem;

fs::path default_assets_dir() {
  if (const char* env = std::getenv("CROSSMATCH_ASSETS"); env != nullptr && *env != '\0')
    return fs::path(env);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path beside = exe.parent_path() / "assets";
    if (fs::is_directory(beside, ec)) return beside;
    const fs::path installed = exe.parent_path().parent_path() / "share" / "crossmatch" / "assets";
    if (fs::is_directory(installed, ec)) return installed;
    return beside;
  }
  return fs::path("assets");
}

core::Result<core::AssetText> read_asset(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return core::make_error("cannot_read", path.string(),
                            "cannot read " + path.string() + ": " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return core::make_error("cannot_read", path.string(), "cannot read " + path.string());
  }
  return core::AssetText{path.filename().string(), text.str()};
}

core::Result<core::Taxonomy> load_taxonomy(const fs::path& assets_dir) {
  const fs::path dir = assets_dir / "taxonomy";
  core::TaxonomySources sources;
  const std::pair<core::AssetText*, const char*> files[] = {
      {&sources.sectors, "sectors.tsv"},
      {&sources.cities, "cities.tsv"},
      {&sources.questionnaire, "questionnaire.tsv"}};
  for (const auto& [target, name] : files) {
    auto text = read_asset(dir / name);
    if (!text) return text.error();
    *target = std::move(*text);
  }
  // Countries and languages are iso-codes' own lists, which its catalogues translate.
  auto countries = iso_countries(default_iso_codes_dir());
  if (!countries) return countries.error();
  sources.countries = std::move(*countries);
  auto languages = iso_languages(default_iso_codes_dir());
  if (!languages) return languages.error();
  sources.languages = std::move(*languages);
  return core::Taxonomy::parse(sources);
}

core::Result<core::DemoVocabulary> load_demo_vocabulary(const fs::path& assets_dir,
                                                        const core::Taxonomy& taxonomy) {
  const fs::path dir = assets_dir / "demo";
  core::DemoSources sources;
  const std::pair<core::AssetText*, const char*> files[] = {
      {&sources.names, "names.tsv"},
      {&sources.sectors, "sectors.tsv"},
      {&sources.organisations, "organisations.tsv"},
      {&sources.job_titles, "job_titles.tsv"},
      {&sources.working_styles, "working_styles.tsv"}};
  for (const auto& [target, name] : files) {
    auto text = read_asset(dir / name);
    if (!text) return text.error();
    *target = std::move(*text);
  }
  return core::DemoVocabulary::parse(sources, taxonomy);
}

}  // namespace crossmatch::storage
