#include "storage/csv.hpp"

#include "core/text.hpp"

namespace crossmatch::storage {
namespace {

bool needs_quotes(std::string_view field) {
  return field.find_first_of(",\"\r\n") != std::string_view::npos;
}

bool neutralised(std::string_view text) {
  while (!text.empty() && text.front() == '\'') text.remove_prefix(1);
  if (text.empty()) return false;
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

core::Error csv_error(std::size_t line, std::string message) {
  return core::make_error("invalid_csv", "line " + std::to_string(line),
                          "Line " + std::to_string(line) + ": " + message);
}

}  // namespace

std::string for_spreadsheets(std::string_view csv) {
  std::string out(kUtf8ByteOrderMark);
  out += csv;
  return out;
}

std::string csv_cell(std::string_view text) {
  return neutralised(text) ? "'" + std::string(text) : std::string(text);
}

std::string csv_cell_value(std::string_view cell) {
  if (cell.size() > 1 && cell.front() == '\'' && neutralised(cell.substr(1))) cell.remove_prefix(1);
  return std::string(cell);
}

void CsvWriter::row(const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) text_ += ',';
    const std::string f = csv_cell(fields[i]);
    if (!needs_quotes(f)) {
      text_ += f;
      continue;
    }
    text_ += '"';
    for (const char c : f) {
      if (c == '"') text_ += '"';
      text_ += c;
    }
    text_ += '"';
  }
  text_ += "\r\n";
}

core::Result<std::vector<CsvRecord>> parse_csv(std::string_view text) {
  if (text.size() > kMaxCsvBytes)
    return core::make_error(
        "too_large", "file",
        "The CSV file is larger than " + std::to_string(kMaxCsvBytes / (1024 * 1024)) + " MiB.");
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!core::is_valid_utf8(text)) {
    // Name the first line that is not UTF-8.
    std::size_t line = 1, start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '\n') {
        if (!core::is_valid_utf8(text.substr(start, i - start)))
          return csv_error(line, "the text is not UTF-8; save the file as UTF-8.");
        ++line;
        start = i + 1;
      }
    }
    return csv_error(line, "the text is not UTF-8; save the file as UTF-8.");
  }
  std::vector<CsvRecord> records;
  std::size_t pos = 0, line = 1;
  while (pos < text.size()) {
    CsvRecord record;
    record.line = line;
    std::string field;
    bool end_of_record = false;
    while (!end_of_record) {
      field.clear();
      if (pos < text.size() && text[pos] == '"') {
        const std::size_t opened = line;
        ++pos;
        while (true) {
          if (pos >= text.size())
            return csv_error(opened, "a quoted field is never closed; add the closing quote.");
          const char c = text[pos++];
          if (c == '"') {
            if (pos < text.size() && text[pos] == '"') {
              field += '"';
              ++pos;
              continue;
            }
            break;
          }
          if (c == '\n') ++line;
          field += c;
          if (field.size() > kMaxCsvFieldBytes)
            return csv_error(
                opened, "a field is longer than " + std::to_string(kMaxCsvFieldBytes) + " bytes.");
        }
        if (pos < text.size() && text[pos] != ',' && text[pos] != '\r' && text[pos] != '\n')
          return csv_error(line,
                           "text follows a closing quote; a quote inside a quoted field is written "
                           "twice (\"\").");
      } else {
        while (pos < text.size() && text[pos] != ',' && text[pos] != '\r' && text[pos] != '\n') {
          if (text[pos] == '"')
            return csv_error(line,
                             "a quote inside a field that does not start with one; put the field "
                             "in quotes and write the quote twice.");
          field += text[pos++];
          if (field.size() > kMaxCsvFieldBytes)
            return csv_error(
                line, "a field is longer than " + std::to_string(kMaxCsvFieldBytes) + " bytes.");
        }
      }
      record.fields.push_back(field);
      if (record.fields.size() > kMaxCsvFields)
        return csv_error(record.line, "more than " + std::to_string(kMaxCsvFields) + " fields.");
      if (pos >= text.size()) {
        end_of_record = true;
      } else if (text[pos] == ',') {
        ++pos;
      } else {
        if (text[pos] == '\r') ++pos;
        if (pos < text.size() && text[pos] == '\n') ++pos;
        ++line;
        end_of_record = true;
      }
    }
    // An empty line is no record.
    if (!(record.fields.size() == 1 && record.fields[0].empty()))
      records.push_back(std::move(record));
  }
  return records;
}

}  // namespace crossmatch::storage
