// `crossmatch-hub verify`: every check of an event database that can be made without a hub.
// SQLite's own integrity check, the log's sequence (from 1 without gaps), each row against its
// checksum, each operation read and applied in order to an empty event, and the derived tables
// against that replay. Read-only: it takes no lock and can run beside a hub.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::storage {

struct VerifyReport {
  std::uint64_t operations = 0;       // rows of the log read
  std::uint64_t last_sequence = 0;    // the highest sequence number
  std::vector<std::string> problems;  // each found, in the order the checks ran; empty: sound
  std::size_t problems_left_out = 0;  // beyond the first kMaxProblems
  bool sound() const { return problems.empty(); }
};

inline constexpr std::size_t kMaxProblems = 20;

// An error only when the file cannot be read as an event database at all (missing, not SQLite,
// another program's file, a newer or older schema); damage found in it is in the report.
core::Result<VerifyReport> verify_event_database(const std::filesystem::path& file,
                                                 const core::Taxonomy& taxonomy);

}  // namespace crossmatch::storage
