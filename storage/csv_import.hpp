// What every CSV import shares: the header row checked against the columns a file may have, and
// operation ids drawn from the file's content, so that importing the same file again is a resend
// the hub applies once.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace crossmatch::storage {

// The header's columns by name (lower case, trimmed) and their index: known columns only, each
// once, the required ones present; otherwise the first problem, naming line 1 and the column.
core::Result<std::map<std::string, std::size_t>> csv_header_columns(
    const std::vector<std::string>& header, const std::vector<std::string>& known,
    const std::vector<std::string>& required);

// "KIND:HASH:" where HASH comes from the file's bytes; an operation's id adds the row's line.
std::string csv_import_id_prefix(std::string_view kind, std::string_view csv);

}  // namespace crossmatch::storage
