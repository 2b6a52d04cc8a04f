// `crossmatch-hub verify`: storage/event_verification.hpp's checks, printed.
#include <iostream>

#include "app/hub/data_commands.hpp"
#include "storage/event_verification.hpp"

namespace crossmatch::hub {

int run_verify(const VerifyOptions& options) {
  auto taxonomy = detail::taxonomy_from(options.assets);
  if (!taxonomy) return detail::fail(taxonomy.error());
  auto report = storage::verify_event_database(options.db, *taxonomy);
  if (!report) return detail::fail(report.error());
  const std::string summary =
      std::to_string(report->operations) + " operations in the log" +
      (report->operations ? " (the last is " + std::to_string(report->last_sequence) + ")" : "");
  if (report->sound()) {
    std::cout << options.db << ": sound; " << summary << ", each matching its checksum, "
              << "and the tables agree with a replay of the log.\n";
    return 0;
  }
  std::cout << options.db << ": DAMAGED; " << summary << ".\n";
  for (const std::string& problem : report->problems) std::cout << "  - " << problem << "\n";
  if (report->problems_left_out > 0)
    std::cout << "  ... and " << report->problems_left_out << " more\n";
  std::cout << "Restore the file from a backup (crossmatch-hub backup) taken before the damage.\n";
  return 1;
}

}  // namespace crossmatch::hub
