#include "app/hub/inspect_commands.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "app/hub/data_commands.hpp"
#include "app/hub/demo_summary.hpp"
#include "app/hub/replay.hpp"
#include "storage/asset_files.hpp"

namespace crossmatch::hub {

int run_assets(const std::optional<std::string>& assets) {
  auto taxonomy = detail::taxonomy_from(assets);
  if (!taxonomy) return detail::fail(taxonomy.error());
  print_taxonomy_summary(std::cout, *taxonomy);
  return 0;
}

int run_demo_event(const DemoEventOptions& options) {
  auto taxonomy = detail::taxonomy_from(options.assets);
  if (!taxonomy) return detail::fail(taxonomy.error());
  auto vocabulary = storage::load_demo_vocabulary(
      options.assets ? std::filesystem::path(*options.assets) : storage::default_assets_dir(),
      *taxonomy);
  if (!vocabulary) return detail::fail(vocabulary.error());
  auto participants = core::generate_demo_participants(
      *taxonomy, *vocabulary, core::DemoOptions{options.participants, options.seed});
  if (!participants) return detail::fail(participants.error());
  print_taxonomy_summary(std::cout, *taxonomy);
  std::cout << "\n";
  print_demo_event_summary(std::cout, *taxonomy, *vocabulary, *participants,
                           static_cast<std::size_t>(options.show));
  return 0;
}

int run_replay(const std::string& file, const std::optional<std::string>& assets) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "crossmatch-hub: cannot read " << file << ": " << std::strerror(errno) << "\n";
    return 2;
  }
  auto taxonomy = detail::taxonomy_from(assets);
  if (!taxonomy) return detail::fail(taxonomy.error());
  const auto summary = replay_operations(in, std::cout, *taxonomy);
  std::cerr << "replayed " << summary.lines << " lines: " << summary.applied << " applied, "
            << summary.refused << " refused\n";
  return 0;
}

}  // namespace crossmatch::hub
