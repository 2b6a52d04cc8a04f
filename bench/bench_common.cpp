#include "bench/bench_common.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>

#include "storage/asset_files.hpp"

namespace crossmatch::bench {

core::Result<DemoEvent> load_demo_event(int participants, std::uint64_t seed) {
  const auto dir = storage::default_assets_dir();
  auto taxonomy = storage::load_taxonomy(dir);
  if (!taxonomy) return taxonomy.error();
  auto vocabulary = storage::load_demo_vocabulary(dir, *taxonomy);
  if (!vocabulary) return vocabulary.error();
  auto demo = core::generate_demo_participants(*taxonomy, *vocabulary,
                                               core::DemoOptions{participants, seed});
  if (!demo) return demo.error();
  DemoEvent event{std::move(*taxonomy), {}};
  event.profiles.reserve(demo->size());
  for (auto& dp : *demo) event.profiles.push_back(std::move(dp.profile));
  return event;
}

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string json_number(double value) {
  if (!std::isfinite(value)) return "null";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  return buffer;
}

int fail(const char* name, const std::string& message) {
  std::cerr << "crossmatch-bench " << name << ": " << message << "\n";
  return 2;
}

}  // namespace crossmatch::bench
