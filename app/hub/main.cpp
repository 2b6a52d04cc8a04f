// crossmatch-hub: the hub of an event, and the commands that inspect its data.
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include "app/hub/command_line.hpp"
#include "app/hub/data_commands.hpp"
#include "app/hub/demo_summary.hpp"
#include "app/hub/replay.hpp"
#include "app/hub/serve_command.hpp"
#include "storage/asset_files.hpp"

namespace {

using crossmatch::hub::CommandLine;
namespace storage = crossmatch::storage;
namespace core = crossmatch::core;

constexpr const char* kUsage = R"(usage: crossmatch-hub COMMAND [options]

commands:
  assets [--assets DIR]
      check the taxonomy files and print the study's table of cities and sectors
  demo-event [--participants N] [--seed K] [--show M] [--assets DIR]
      generate a demo event (default 60 participants, seed 1) and print its summary
  replay FILE [--assets DIR]
      apply a file of operations (one JSON object per line) to an empty event; print each
      refusal as a JSON line (line, code, field, message) and the final statistics last
%SERVE%
  export --db FILE --what participants|meetings|teams|clinics|pitches|calendar [--participant ID] [--out FILE]
      export the event as CSV, or its calendar (one participant's with --participant) as
      iCalendar; to standard output unless --out is given; works while the hub runs
  import --db FILE --csv FILE
      register the participants of a CSV file (the columns of 'export --what participants');
      prints each refused row (line, field, message); refused while a hub runs on FILE
  backup --db FILE --out FILE
      a consistent copy of the event's database, taken while the hub keeps running

--assets DIR reads the asset files from DIR instead of the ones beside this program.
)";

std::string usage() {
  std::string text = kUsage;
  text.replace(text.find("%SERVE%"), 7, crossmatch::hub::kServeUsage);
  return text;
}

int fail(const core::Error& error) {
  std::cerr << "crossmatch-hub: " << error.message << "\n";
  return 2;
}

core::Result<core::Taxonomy> taxonomy_from(const CommandLine& args) {
  const auto dir = args.get("--assets");
  return storage::load_taxonomy(dir ? std::filesystem::path(*dir) : storage::default_assets_dir());
}

int run_assets(const CommandLine& args) {
  auto taxonomy = taxonomy_from(args);
  if (!taxonomy) return fail(taxonomy.error());
  crossmatch::hub::print_taxonomy_summary(std::cout, *taxonomy);
  return 0;
}

int run_demo_event(const CommandLine& args) {
  auto taxonomy = taxonomy_from(args);
  if (!taxonomy) return fail(taxonomy.error());
  const auto dir = args.get("--assets");
  auto vocabulary = storage::load_demo_vocabulary(
      dir ? std::filesystem::path(*dir) : storage::default_assets_dir(), *taxonomy);
  if (!vocabulary) return fail(vocabulary.error());
  auto n = args.integer("--participants", 60, 1, core::kMaxDemoParticipants);
  if (!n) return fail(n.error());
  auto seed = args.integer("--seed", 1, 0, INT64_MAX);
  if (!seed) return fail(seed.error());
  auto shown = args.integer("--show", 10, 0, core::kMaxDemoParticipants);
  if (!shown) return fail(shown.error());
  auto participants = core::generate_demo_participants(
      *taxonomy, *vocabulary,
      core::DemoOptions{static_cast<int>(*n), static_cast<std::uint64_t>(*seed)});
  if (!participants) return fail(participants.error());
  crossmatch::hub::print_taxonomy_summary(std::cout, *taxonomy);
  std::cout << "\n";
  crossmatch::hub::print_demo_event_summary(std::cout, *taxonomy, *vocabulary, *participants,
                                            static_cast<std::size_t>(*shown));
  return 0;
}

int run_replay(const CommandLine& args) {
  if (args.positional().size() != 1) {
    std::cerr << "crossmatch-hub: replay takes one FILE of operations\n";
    return 2;
  }
  const std::string& path = args.positional()[0];
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "crossmatch-hub: cannot read " << path << ": " << std::strerror(errno) << "\n";
    return 2;
  }
  auto taxonomy = taxonomy_from(args);
  if (!taxonomy) return fail(taxonomy.error());
  const auto summary = crossmatch::hub::replay_operations(in, std::cout, *taxonomy);
  std::cerr << "replayed " << summary.lines << " lines: " << summary.applied << " applied, "
            << summary.refused << " refused\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "help") == 0) {
    std::cout << usage();
    return argc < 2 ? 2 : 0;
  }
  const std::string command = argv[1];
  if (command == "assets") {
    auto args = CommandLine::parse(argc, argv, 2, {"--assets"});
    if (!args) return fail(args.error());
    return run_assets(*args);
  }
  if (command == "demo-event") {
    auto args = CommandLine::parse(argc, argv, 2, {"--assets", "--participants", "--seed", "--show"});
    if (!args) return fail(args.error());
    return run_demo_event(*args);
  }
  if (command == "export") return crossmatch::hub::run_export(argc, argv);
  if (command == "import") return crossmatch::hub::run_import(argc, argv);
  if (command == "backup") return crossmatch::hub::run_backup(argc, argv);
  if (command == "replay") {
    auto args = CommandLine::parse(argc, argv, 2, {"--assets"});
    if (!args) return fail(args.error());
    return run_replay(*args);
  }
  if (command == "serve") {
    auto args = CommandLine::parse(argc, argv, 2, crossmatch::hub::serve_value_flags(),
                                   crossmatch::hub::serve_switches());
    if (!args) return fail(args.error());
    return crossmatch::hub::run_serve(*args);
  }
  std::cerr << "crossmatch-hub: unknown command '" << command << "'\n\n" << usage();
  return 2;
}
