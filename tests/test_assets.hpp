// The project's own assets, for tests: the taxonomy and demo vocabulary from the source tree.
#pragma once

#include <doctest/doctest.h>

#include "storage/asset_files.hpp"

namespace crossmatch::test {

inline std::filesystem::path source_assets() {
  return std::filesystem::path(CROSSMATCH_SOURCE_DIR) / "assets";
}

// Loaded once per test program; a broken asset fails the test that asks for it.
inline const core::Taxonomy& taxonomy() {
  static const core::Result<core::Taxonomy> loaded = storage::load_taxonomy(source_assets());
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
  return *loaded;
}

inline const core::DemoVocabulary& demo_vocabulary() {
  static const core::Result<core::DemoVocabulary> loaded =
      storage::load_demo_vocabulary(source_assets(), taxonomy());
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
  return *loaded;
}

}  // namespace crossmatch::test
