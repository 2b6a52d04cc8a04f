#include "app/hub/replay.hpp"

#include <nlohmann/json.hpp>

#include <string>

#include "core/event/json_codec.hpp"
#include "core/event/sequencer.hpp"
#include "core/event/statistics.hpp"
#include "storage/time_zone.hpp"

namespace crossmatch::hub {

ReplaySummary replay_operations(std::istream& in, std::ostream& out,
                                const core::Taxonomy& taxonomy) {
  ReplaySummary summary;
  core::Sequencer sequencer(taxonomy);
  sequencer.convert_local_times(storage::tz_database_local_to_utc());
  std::string line;
  const auto refuse = [&](const core::Error& e) {
    ++summary.refused;
    out << nlohmann::json{{"line", summary.lines},
                          {"code", e.code},
                          {"field", e.field},
                          {"message", e.message}}
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
        << "\n";
  };
  while (std::getline(in, line)) {
    ++summary.lines;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto op = core::operation_from_json(line);
    if (!op) {
      refuse(op.error());
      continue;
    }
    const core::Actor actor = op->actor;
    const std::int64_t at = op->at;
    auto outcome = sequencer.submit(std::move(*op), actor, at);
    if (!outcome) {
      refuse(outcome.error());
    } else if (outcome->duplicate) {
      refuse(core::make_error(
          "duplicate_operation", "id",
          "Operation '" + outcome->applied.id + "' was applied before (sequence " +
              std::to_string(outcome->applied.sequence) + "); a resend applies once."));
    } else {
      ++summary.applied;
    }
  }
  out << core::statistics_to_json(core::statistics(sequencer.state())) << "\n";
  return summary;
}

}  // namespace crossmatch::hub
