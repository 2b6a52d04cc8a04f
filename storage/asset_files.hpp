// Reads the asset files (taxonomy, demo vocabulary) from disk and parses them with core.
#pragma once

#include <filesystem>

#include "core/demo_event.hpp"
#include "core/error.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::storage {

// Where the assets are: $CROSSMATCH_ASSETS if set, else `assets` beside the running binary,
// else `../share/crossmatch/assets` relative to it.
std::filesystem::path default_assets_dir();

// The whole text of a file, or an error naming it ("cannot read ...: No such file").
core::Result<core::AssetText> read_asset(const std::filesystem::path& path);

// assets/taxonomy/*.tsv
core::Result<core::Taxonomy> load_taxonomy(const std::filesystem::path& assets_dir);

// assets/demo/*.tsv
core::Result<core::DemoVocabulary> load_demo_vocabulary(const std::filesystem::path& assets_dir,
                                                        const core::Taxonomy& taxonomy);

}  // namespace crossmatch::storage
