// `crossmatch-bench teams`: one grouping instance in the MDGPLIB format, solved for a number of
// seconds; one JSON line, and with --out the grouping as 'item group' lines (both 0-based).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "bench/bench_common.hpp"
#include "bench/bench_options.hpp"
#include "core/matching/grouping.hpp"

namespace crossmatch::bench {
namespace {

constexpr std::uintmax_t kMaxInstanceBytes = 256u << 20;

core::Result<std::string> read_text(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return core::make_error("cannot_read", "--mdgp",
                            "cannot read " + path.string() + ": no such file");
  const auto size = std::filesystem::file_size(path, ec);
  if (ec)
    return core::make_error("cannot_read", "--mdgp",
                            "cannot read " + path.string() + ": " + ec.message());
  if (size > kMaxInstanceBytes)
    return core::make_error("too_large", "--mdgp", path.string() + " is larger than 256 MB");
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::make_error("cannot_read", "--mdgp", "cannot open " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The best known value from bks.csv beside the instance, when there is one.
bool best_known(const std::filesystem::path& instance, double& value) {
  std::ifstream in(instance.parent_path() / "bks.csv");
  if (!in) return false;
  const std::string name = instance.stem().string();
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream row(line);
    std::string field;
    while (std::getline(row, field, ',')) fields.push_back(field);
    if (fields.size() >= 5 && fields[0] == name) {
      try {
        value = std::stod(fields[4]);
        return true;
      } catch (const std::exception&) {
        return false;
      }
    }
  }
  return false;
}

}  // namespace

int run_teams(const TeamsOptions& options) {
  const char* name = "teams";

  const auto read_start = Clock::now();
  auto text = read_text(options.mdgp);
  if (!text) return fail(name, text.error().message);
  auto instance = core::parse_mdgp(*text);
  if (!instance) return fail(name, options.mdgp + ": " + instance.error().message);
  const double read_seconds = seconds_since(read_start);

  const auto start = Clock::now();
  auto budget = wall_clock_budget(start, options.seconds);
  const core::GroupingSolution solution = core::solve_grouping(*instance, budget, options.seed);
  const double elapsed = seconds_since(start);
  const bool feasible = core::grouping_feasible(*instance, solution.group_of);

  if (const auto& out = options.out) {
    std::ofstream o(*out);
    for (int i = 0; i < instance->n; ++i) o << i << ' ' << solution.group_of[i] << '\n';
    o.close();
    if (!o) return fail(name, "cannot write " + *out);
  }

  const std::filesystem::path path(options.mdgp);
  std::cout << "{\"instance\":" << json_string(path.stem().string()) << ",\"n\":" << instance->n
            << ",\"groups\":" << instance->groups
            << ",\"objective\":" << json_number(solution.objective)
            << ",\"seconds\":" << json_number(elapsed)
            << ",\"feasible\":" << (feasible ? "true" : "false") << ",\"seed\":" << options.seed
            << ",\"steps\":" << solution.steps << ",\"read_seconds\":" << json_number(read_seconds);
  double bks = 0;
  if (best_known(path, bks) && bks > 0) {
    std::cout << ",\"best_known\":" << json_number(bks)
              << ",\"ratio\":" << json_number(solution.objective / bks);
  }
  std::cout << "}\n";
  return 0;
}

}  // namespace crossmatch::bench
