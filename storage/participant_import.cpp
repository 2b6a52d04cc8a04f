#include "storage/participant_import.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "core/text.hpp"
#include "storage/csv.hpp"
#include "storage/csv_export.hpp"
#include "storage/csv_import.hpp"

namespace crossmatch::storage {
namespace {

const std::vector<std::string> kRequired = {"display_name", "organisation", "city",   "sector",
                                            "email",        "languages",    "answers"};

std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> out;
  if (core::trim(cell).empty()) return out;
  core::split(cell, ';', [&](std::string_view item) { out.emplace_back(core::trim(item)); });
  return out;
}

std::optional<bool> parse_yes_no(std::string_view cell, bool fallback) {
  const std::string v = core::ascii_lower(core::trim(cell));
  if (v.empty()) return fallback;
  if (v == "yes" || v == "true" || v == "1" || v == "y") return true;
  if (v == "no" || v == "false" || v == "0" || v == "n") return false;
  return std::nullopt;
}

// "profile.languages[1]" -> "languages", "profile.answers.pace" -> "answers".
std::string column_of(std::string field) {
  if (field.rfind("profile.", 0) == 0) field = field.substr(8);
  const std::size_t cut = field.find_first_of(".[");
  return cut == std::string::npos ? field : field.substr(0, cut);
}

class RowReader {
 public:
  RowReader(const std::map<std::string, std::size_t>& columns, const CsvRecord& record)
      : columns_(columns), record_(record) {}
  bool has(const std::string& column) const { return columns_.count(column) > 0; }
  std::string get(const std::string& column) const {
    const auto it = columns_.find(column);
    return it == columns_.end() ? std::string() : csv_cell_value(record_.fields[it->second]);
  }
  // Without surrounding spaces: codes and ids, where a stray space is no one's intent.
  std::string trimmed(const std::string& column) const {
    const auto it = columns_.find(column);
    return it == columns_.end() ? std::string()
                                : csv_cell_value(core::trim(record_.fields[it->second]));
  }

 private:
  const std::map<std::string, std::size_t>& columns_;
  const CsvRecord& record_;
};

}  // namespace

core::Result<ImportResult> sequence_participants(std::string_view csv, core::Sequencer& sequencer,
                                                 std::int64_t now_ms) {
  if (!sequencer.state().event.created)
    return core::make_error(
        "no_event", "db",
        "The database holds no event yet; create the event before importing people.");
  auto records = parse_csv(csv);
  if (!records) return records.error();
  if (records->empty())
    return core::make_error("empty", "csv",
                            "The CSV file is empty; it needs a header row and one row per person.");
  if (records->size() - 1 > core::kMaxParticipants)
    return core::make_error(
        "too_many", "csv",
        "At most " + std::to_string(core::kMaxParticipants) + " rows can be imported.");

  // The header: known columns only, each once, the required ones present.
  auto checked = csv_header_columns(records->front().fields, participant_columns(), kRequired);
  if (!checked) return checked.error();
  const std::map<std::string, std::size_t>& columns = *checked;
  const auto& header = records->front().fields;

  // Operation ids from the file's content and the line: importing the same file again is a
  // resend, applied once.
  const std::string prefix = csv_import_id_prefix("import", csv);

  ImportResult result;
  const core::Actor organiser{core::Role::Organiser, 0};
  for (std::size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& record = (*records)[r];
    ++result.rows;
    const auto refuse = [&](std::string field, std::string code, std::string message) {
      result.refused.push_back(
          {record.line, std::move(field), std::move(code), std::move(message)});
    };
    if (record.fields.size() != header.size()) {
      refuse("", "field_count",
             "The row has " + std::to_string(record.fields.size()) + " fields; the header has " +
                 std::to_string(header.size()) + ".");
      continue;
    }
    const RowReader row(columns, record);
    if (const std::string status = core::ascii_lower(row.trimmed("status"));
        !status.empty() && status != "active") {
      refuse("status", "not_active",
             "The row is a " + status + " participant; only active people are imported.");
      continue;
    }
    core::Profile p;
    p.display_name = row.get("display_name");
    p.organisation = row.get("organisation");
    p.job_title = row.get("job_title");
    if (const std::string type = row.trimmed("type");
        !type.empty() && !core::parse_participant_type(type, p.type)) {
      refuse("type", "invalid",
             "Type '" + type + "' is not one of company, policy-maker, intermediary, researcher.");
      continue;
    }
    if (const std::string size = row.trimmed("size");
        !size.empty() && !core::parse_company_size(size, p.size)) {
      refuse("size", "invalid",
             "Size '" + size + "' is not one of solo, micro, small, medium, large.");
      continue;
    }
    p.city = row.trimmed("city");
    p.country = row.trimmed("country");
    if (p.country.empty()) {
      if (const core::City* city = sequencer.taxonomy().city(p.city)) p.country = city->country;
    }
    p.sector = row.trimmed("sector");
    p.email = row.trimmed("email");
    p.languages = split_list(row.get("languages"));
    p.offers = split_list(row.get("offers"));
    p.seeks = split_list(row.get("seeks"));
    p.target_markets = split_list(row.get("target_markets"));
    p.known_markets = split_list(row.get("known_markets"));
    bool answers_ok = true;
    for (const auto& a : split_list(row.get("answers"))) {
      if (a.size() != 1 || a[0] < '0' || a[0] > '9')
        answers_ok = false;
      else
        p.answers.push_back(a[0] - '0');
    }
    if (!answers_ok) {
      refuse("answers", "invalid",
             "Answers are numbers 1 to 5 separated by ';', one per working-style question.");
      continue;
    }
    const auto suggestions = parse_yes_no(row.get("consent_suggestions"), true);
    const auto share = parse_yes_no(row.get("consent_share_contact"), false);
    if (!suggestions || !share) {
      refuse(!suggestions ? "consent_suggestions" : "consent_share_contact", "invalid",
             "Consent is yes or no.");
      continue;
    }
    p.consent = {*suggestions, *share};

    core::Operation op;
    op.id = prefix + std::to_string(record.line);
    op.payload = core::Register{.profile = std::move(p)};
    auto outcome = sequencer.submit(std::move(op), organiser, now_ms);
    if (!outcome) {
      const core::Error& e = outcome.error();
      refuse(column_of(e.field), e.code, e.message);
    } else if (outcome->duplicate) {
      refuse("", "duplicate",
             "This row was imported before (sequence " + std::to_string(outcome->applied.sequence) +
                 "); it is not imported twice.");
    } else {
      result.applied.push_back(std::move(outcome->applied));
    }
  }
  return result;
}

core::Result<ImportResult> import_participants(EventStore& store, const core::Taxonomy& taxonomy,
                                               std::string_view csv, std::int64_t now_ms,
                                               core::Sequencer::CheckInCodeSource codes) {
  auto loaded = store.load();
  if (!loaded) return loaded.error();
  core::Sequencer sequencer(taxonomy);
  sequencer.draw_check_in_codes(std::move(codes));
  sequencer.restore(std::move(loaded->state), loaded->last_sequence,
                    std::move(loaded->operation_ids));
  auto result = sequence_participants(csv, sequencer, now_ms);
  if (!result) return result;
  if (auto s = store.append(result->applied); !s) return s.error();
  return result;
}

}  // namespace crossmatch::storage
