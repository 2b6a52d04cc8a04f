#include "storage/follow_up_csv.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>

#include "core/event/apply.hpp"
#include "core/text.hpp"
#include "storage/csv.hpp"
#include "storage/csv_import.hpp"

namespace crossmatch::storage {
namespace {

const std::vector<std::string> kRequired = {"follow_up", "meeting", "participant", "outcome"};

bool parse_id(std::string_view text, std::uint32_t& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && out != 0;
}

}  // namespace

const std::vector<std::string>& follow_up_columns() {
  static const std::vector<std::string> columns = {
      "follow_up", "meeting", "participant", "name", "email", "partner", "partner_organisation",
      "outcome",   "note"};
  return columns;
}

core::Result<std::string> follow_up_csv(const core::EventState& state, core::FollowUpId round) {
  const auto it = state.follow_ups.find(round);
  if (it == state.follow_ups.end())
    return core::make_error("not_found", "round",
                            "There is no follow-up round " + std::to_string(round) + ".");
  CsvWriter csv;
  csv.row(follow_up_columns());
  for (const auto& [id, m] : state.meetings) {
    if (m.held != core::HeldState::Held) continue;
    for (const core::ParticipantId person : {m.requester, m.invitee}) {
      const core::Participant* p = state.participant(person);
      const core::Participant* partner = state.participant(m.other(person));
      if (p == nullptr || p->status == core::ParticipantStatus::Erased || partner == nullptr)
        continue;
      std::string outcome, note;
      if (const auto a = it->second.answers.find({id, person}); a != it->second.answers.end()) {
        outcome = core::to_string(a->second.outcome);
        note = a->second.note;
      }
      csv.row({std::to_string(round), std::to_string(id), std::to_string(person),
               p->profile.display_name, p->profile.email, partner->profile.display_name,
               partner->profile.organisation, outcome, note});
    }
  }
  return csv.text();
}

core::Result<FollowUpImport> sequence_follow_up_answers(std::string_view csv,
                                                        core::Sequencer& sequencer,
                                                        std::int64_t now_ms) {
  auto records = parse_csv(csv);
  if (!records) return records.error();
  if (records->empty())
    return core::make_error("empty", "csv",
                            "The CSV file is empty; it needs a header row and one row per "
                            "meeting and person.");
  auto checked = csv_header_columns(records->front().fields, follow_up_columns(), kRequired);
  if (!checked) return checked.error();
  const std::map<std::string, std::size_t>& columns = *checked;
  const auto& header = records->front().fields;

  // Operation ids from the file's content and the line: importing the same file again is a
  // resend, applied once.
  const std::string prefix = csv_import_id_prefix("follow-up-import", csv);

  FollowUpImport result;
  const core::Actor organiser{core::Role::Organiser, 0};
  // Every row is tried on a copy first: one refusal and nothing is applied.
  core::EventState trial = sequencer.state();
  std::vector<core::Operation> ready;
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
    const auto cell = [&](const std::string& column, bool trimmed) {
      const auto it = columns.find(column);
      if (it == columns.end()) return std::string();
      const std::string& raw = record.fields[it->second];
      return csv_cell_value(trimmed ? std::string(core::trim(raw)) : raw);
    };
    const std::string outcome_text = core::ascii_lower(cell("outcome", true));
    if (outcome_text.empty()) {
      ++result.unanswered;
      continue;
    }
    core::RateFollowUp rate;
    if (!core::parse_follow_up_outcome(outcome_text, rate.outcome)) {
      refuse("outcome", "invalid",
             "Outcome '" + outcome_text +
                 "' is not one of no-contact, knowledge, valuable, negotiation, agreement.");
      continue;
    }
    bool ids_ok = true;
    for (const auto& [column, target] :
         {std::pair{"follow_up", &rate.follow_up}, std::pair{"meeting", &rate.meeting},
          std::pair{"participant", &rate.participant}}) {
      if (ids_ok && !parse_id(cell(column, true), *target)) {
        refuse(column, "invalid", std::string("The ") + column + " column needs a number.");
        ids_ok = false;
      }
    }
    if (!ids_ok) continue;
    rate.note = cell("note", false);
    core::Operation op;
    op.id = prefix + std::to_string(record.line);
    op.actor = organiser;
    op.at = now_ms;
    op.payload = rate;
    // A resend of an imported row is left to the sequencer, which recognises its id.
    if (sequencer.applied_ids().count(op.id) == 0) {
      auto tried = core::apply_operation(trial, sequencer.taxonomy(), op);
      if (!tried) {
        const core::Error& e = tried.error();
        refuse(e.field == "follow_up" || e.field == "meeting" || e.field == "participant" ||
                       e.field == "note"
                   ? e.field
                   : "",
               e.code, e.message);
        continue;
      }
    }
    ready.push_back(std::move(op));
  }
  if (!result.refused.empty()) return result;
  for (core::Operation& op : ready) {
    auto outcome = sequencer.submit(std::move(op), organiser, now_ms);
    if (!outcome) return outcome.error();  // tried above: cannot happen but for a bug
    if (!outcome->duplicate) result.applied.push_back(std::move(outcome->applied));
  }
  return result;
}

core::Result<FollowUpImport> import_follow_up_answers(EventStore& store,
                                                      const core::Taxonomy& taxonomy,
                                                      std::string_view csv, std::int64_t now_ms) {
  auto loaded = store.load();
  if (!loaded) return loaded.error();
  core::Sequencer sequencer(taxonomy);
  sequencer.restore(std::move(loaded->state), loaded->last_sequence,
                    std::move(loaded->operation_ids));
  auto result = sequence_follow_up_answers(csv, sequencer, now_ms);
  if (!result) return result;
  if (!result->refused.empty()) return result;
  if (auto s = store.append(result->applied); !s) return s.error();
  return result;
}

}  // namespace crossmatch::storage
