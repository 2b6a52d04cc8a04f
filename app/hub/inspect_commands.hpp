// The hub's commands that look at data without an event's database: the asset files, a
// generated demo event, a replayed file of operations.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace crossmatch::hub {

// `crossmatch-hub assets`: checks the taxonomy files and prints the study's table.
int run_assets(const std::optional<std::string>& assets);

struct DemoEventOptions {
  int participants = 60;
  std::uint64_t seed = 1;
  int show = 10;  // participants printed in full
  std::optional<std::string> assets;
};
// `crossmatch-hub demo-event`: generates a demo event and prints its summary.
int run_demo_event(const DemoEventOptions& options);

// `crossmatch-hub replay FILE`: applies a file of operations to an empty event
// (app/hub/replay.hpp).
int run_replay(const std::string& file, const std::optional<std::string>& assets);

}  // namespace crossmatch::hub
