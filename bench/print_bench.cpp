// Printed pages at scale: an event built through real operations (bench/large_event.cpp), then
// the PDF of every participant's agenda, every badge, every table sign and the poster, timed.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>

#include "bench/bench_common.hpp"
#include "bench/bench_options.hpp"
#include "bench/storage_bench.hpp"
#include "print/print_job.hpp"
#include "storage/asset_files.hpp"

namespace crossmatch::bench {

int run_print(const PrintBenchOptions& options) {
  auto taxonomy = storage::load_taxonomy(storage::default_assets_dir());
  if (!taxonomy) return fail("print", taxonomy.error().message);
  core::Sequencer sequencer(*taxonomy);
  const auto built_at = Clock::now();
  const auto built = build_large_event(
      sequencer,
      {.participants = options.participants, .meetings = options.meetings, .seed = options.seed},
      1000, [](std::vector<core::Operation>&) { return core::Status::success(); });
  if (!built) return fail("print", built.error().message);
  const core::EventState& state = sequencer.state();
  int booked = 0;
  for (const auto& [id, meeting] : state.meetings)
    if (meeting.placement) ++booked;
  std::cout << "event: " << state.participants.size() << " participants, " << booked
            << " booked meetings, " << state.tables.size() << " tables, " << state.sessions.size()
            << " sessions (built in " << std::fixed << std::setprecision(1)
            << seconds_since(built_at) << " s)\n";

  for (const print::PrintKind kind : print::kPrintKinds) {
    double best = 1e18;
    std::string pdf;
    for (int r = 0; r < options.repeat; ++r) {
      const auto start = Clock::now();
      auto made =
          print::print_pdf(state, *taxonomy, {.what = kind, .hub_address = "192.168.1.20:7420"});
      const double seconds = seconds_since(start);
      if (!made) return fail("print", made.error().message);
      best = std::min(best, seconds);
      pdf = std::move(*made);
    }
    std::cout << std::left << std::setw(8) << print::to_string(kind) << std::right
              << std::setprecision(3) << std::setw(9) << best << " s  " << std::setw(8)
              << pdf.size() / 1024 << " KiB\n";
    if (!options.out.empty()) {
      std::filesystem::create_directories(options.out);
      std::ofstream(std::filesystem::path(options.out) / print::file_name(kind), std::ios::binary)
          << pdf;
    }
  }
  return 0;
}

}  // namespace crossmatch::bench
