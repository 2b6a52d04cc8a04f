// CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF, a field with a
// comma, a quote or a line break put in quotes with its quotes doubled; UTF-8 text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace crossmatch::storage {

// A cell a spreadsheet would read as a formula, one starting with `=`, `+`, `-`, `@`, a tab or a
// carriage return, is written with a `'` before it (OWASP's guidance on CSV injection), so the
// spreadsheet shows it as text. A cell starting with `'` followed by such a cell gets one more
// `'`, so that csv_cell_value undoes exactly what csv_cell did.
std::string csv_cell(std::string_view text);
// The text csv_cell was given: one leading `'` is removed when what follows it would be
// neutralised.
std::string csv_cell_value(std::string_view cell);

// What spreadsheet programs (Excel in particular) need to read a CSV file as UTF-8 rather than
// their local code page, so that accented names open correctly: a byte-order mark first. The line
// ends are CRLF already.
inline constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";
std::string for_spreadsheets(std::string_view csv);

// Writes every field through csv_cell.
class CsvWriter {
 public:
  void row(const std::vector<std::string>& fields);
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

struct CsvRecord {
  std::size_t line = 0;  // where the record starts, from 1
  std::vector<std::string> fields;
};

// Limits of what a CSV file may hold here.
inline constexpr std::size_t kMaxCsvBytes = 64 * 1024 * 1024;
inline constexpr std::size_t kMaxCsvFieldBytes = 16 * 1024;
inline constexpr std::size_t kMaxCsvFields = 200;

// Reads every record. Accepts CRLF or LF line ends and a leading UTF-8 byte-order mark; skips
// empty lines. Refuses, naming the line: text that is not UTF-8, an unclosed quote, text after a
// closing quote, a quote inside an unquoted field, a field or a file over the limits.
core::Result<std::vector<CsvRecord>> parse_csv(std::string_view text);

}  // namespace crossmatch::storage
