// The hub's answer to a plan request as JSON lines, and their assembly on the client
// (docs/protocol.md, "Auto-schedule on the hub"). The meetings of a large event's plan (tens of
// thousands) are spread over lines of about kChunkBytes; the first line carries the rest.
#include <nlohmann/json.hpp>

#include <string>

#include "core/event/json_values.hpp"
#include "net/messages.hpp"
#include "net/protocol.hpp"
#include "net/wire_json.hpp"

namespace crossmatch::net {
namespace {

using core::json::Json;
using core::json::ObjectReader;
using core::scheduling::MeetingStatus;

constexpr std::int64_t kMaxId = UINT32_MAX;

const char* status_name(MeetingStatus status) {
  switch (status) {
    case MeetingStatus::kept:
      return "kept";
    case MeetingStatus::moved:
      return "moved";
    case MeetingStatus::placed:
      return "placed";
    case MeetingStatus::not_placed:
      return "not_placed";
  }
  return "not_placed";
}

bool parse_status(const std::string& text, MeetingStatus& out) {
  for (const MeetingStatus s : {MeetingStatus::kept, MeetingStatus::moved, MeetingStatus::placed,
                                MeetingStatus::not_placed}) {
    if (text == status_name(s)) {
      out = s;
      return true;
    }
  }
  return false;
}

core::Error read_error(const Json& value, const std::string& path, ObjectReader& outer) {
  core::Error e;
  ObjectReader r(value, path + ".");
  r.string("code", e.code, true, 256);
  r.string("field", e.field, true, 1024);
  r.string("message", e.message, true, 16 * 1024);
  if (core::Status s = r.finish(); !s) outer.fail(path, s.error().code, s.error().message);
  return e;
}

Json item_json(const core::AutoScheduleReport::Item& item) {
  Json j{{"meeting", item.meeting}, {"status", status_name(item.status)}};
  if (item.placement) {
    j["session"] = item.placement->slot.session;
    j["index"] = item.placement->slot.index;
    j["table"] = item.placement->table;
  }
  if (item.reason) j["reason"] = error_json(*item.reason);
  if (item.pinned)
    j["pinned"] = Json{{"session", item.pinned->session}, {"index", item.pinned->index}};
  if (item.pin_not_kept) j["pin_not_kept"] = error_json(*item.pin_not_kept);
  return j;
}

core::Result<core::AutoScheduleReport::Item> item_from(const Json& value, const std::string& path) {
  ObjectReader r(value, path + ".");
  core::AutoScheduleReport::Item item;
  r.integer_as("meeting", item.meeting, 1, kMaxId);
  r.enumeration("status", item.status, parse_status, "kept, moved, placed or not_placed");
  if (r.has("session") || r.has("index") || r.has("table")) {
    core::Placement p;
    r.integer_as("session", p.slot.session, 1, kMaxId);
    r.integer_as("index", p.slot.index, 0,
                 static_cast<std::int64_t>(core::kMaxSlotsPerSession) - 1);
    r.integer_as("table", p.table, 1, kMaxId);
    item.placement = p;
  }
  if (const Json* reason = r.object("reason", false))
    item.reason = read_error(*reason, path + ".reason", r);
  if (const Json* pinned = r.object("pinned", false)) {
    ObjectReader pin(*pinned, path + ".pinned.");
    core::SlotRef slot;
    pin.integer_as("session", slot.session, 1, kMaxId);
    pin.integer_as("index", slot.index, 0,
                   static_cast<std::int64_t>(core::kMaxSlotsPerSession) - 1);
    if (core::Status s = pin.finish(); !s) return s.error();
    item.pinned = slot;
  }
  if (const Json* kept = r.object("pin_not_kept", false))
    item.pin_not_kept = read_error(*kept, path + ".pin_not_kept", r);
  if (core::Status s = r.finish(); !s) return s.error();
  if (item.status != MeetingStatus::not_placed && !item.placement)
    return core::make_error("missing_field", path + ".session",
                            path + " is " + status_name(item.status) + " but has no slot.");
  return item;
}

Json summary_json(const core::AutoScheduleReport& r) {
  return Json{{"kept", r.kept},
              {"moved", r.moved},
              {"placed", r.placed},
              {"not_placed", r.not_placed},
              {"breaks_before", r.breaks_before},
              {"breaks_after", r.breaks_after},
              {"max_minus_min_breaks", r.max_minus_min_breaks},
              {"fairness_met", r.fairness_met},
              {"breaks_lower_bound", r.breaks_lower_bound},
              {"proven_optimal", r.proven_optimal},
              {"precedences", r.precedences}};
}

void read_summary(const Json& value, core::AutoScheduleReport& out, ObjectReader& outer) {
  ObjectReader r(value, "summary.");
  constexpr std::int64_t most = 100'000'000;
  r.integer_as("kept", out.kept, 0, most);
  r.integer_as("moved", out.moved, 0, most);
  r.integer_as("placed", out.placed, 0, most);
  r.integer_as("not_placed", out.not_placed, 0, most);
  r.integer_as("breaks_before", out.breaks_before, 0, most);
  r.integer_as("breaks_after", out.breaks_after, 0, most);
  r.integer_as("max_minus_min_breaks", out.max_minus_min_breaks, 0, most);
  r.boolean("fairness_met", out.fairness_met);
  r.integer_as("breaks_lower_bound", out.breaks_lower_bound, 0, most);
  r.boolean("proven_optimal", out.proven_optimal);
  r.integer_as("precedences", out.precedences, 0, most);
  if (core::Status s = r.finish(); !s) outer.fail("summary", s.error().code, s.error().message);
}

}  // namespace

std::vector<std::string> encode_schedule_plan(const SchedulePlanned& planned) {
  Json head{{"type", "schedule_plan"}, {"id", planned.id}};
  if (planned.error) {
    head["part"] = 0;
    head["parts"] = 1;
    head["error"] = error_json(*planned.error);
    return {wire_text(head)};
  }
  // The meetings in lines of about kChunkBytes each.
  std::vector<Json> parts(1, Json::array());
  std::size_t bytes = 0;
  for (const auto& item : planned.plan.report.meetings) {
    Json j = item_json(item);
    const std::size_t size = wire_text(j).size() + 1;
    if (!parts.back().empty() && bytes + size > kChunkBytes) {
      parts.emplace_back(Json::array());
      bytes = 0;
    }
    parts.back().push_back(std::move(j));
    bytes += size;
  }
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    Json line{{"type", "schedule_plan"},
              {"id", planned.id},
              {"part", i},
              {"parts", parts.size()},
              {"meetings", std::move(parts[i])}};
    if (i == 0) {
      line["as_of"] = planned.as_of;
      line["seconds"] = planned.seconds;
      line["stopped"] = planned.stopped;
      line["sessions"] = planned.plan.operation.sessions;
      line["allow_moves"] = planned.plan.operation.moves_allowed;
      line["summary"] = summary_json(planned.plan.report);
    }
    lines.push_back(wire_text(line));
  }
  return lines;
}

core::Result<std::optional<SchedulePlanned>> SchedulePlanAssembler::add(std::string_view line) {
  const auto restart = [&](core::Error e) -> core::Result<std::optional<SchedulePlanned>> {
    next_part_ = 0;
    partial_ = {};
    return e;
  };
  auto value = core::json::parse_json(line);
  if (!value) return restart(value.error());
  ObjectReader r(*value, "");
  std::string type, id;
  std::int64_t part = 0, parts = 0;
  r.string("type", type);
  r.string("id", id, true, core::kMaxOperationIdLength);
  r.integer("part", part, 0, 1000000);
  r.integer("parts", parts, 1, 1000000);
  if (!r.ok()) return restart(r.error());
  if (part == 0) {
    partial_ = SchedulePlanned{};
    partial_.id = id;
    next_part_ = 0;
    if (const Json* error = r.object("error", false)) {
      partial_.error = read_error(*error, "error", r);
    } else {
      std::int64_t as_of = 0;
      r.integer("as_of", as_of, 0, kMaxSequence);
      partial_.as_of = static_cast<std::uint64_t>(as_of);
      r.number("seconds", partial_.seconds, 0, 1e7);
      partial_.plan.report.seconds = partial_.seconds;
      r.boolean("stopped", partial_.stopped);
      r.boolean("allow_moves", partial_.plan.operation.moves_allowed);
      if (const Json* sessions = r.array("sessions", core::kMaxSessions, true)) {
        for (const Json& s : *sessions) {
          if (!s.is_number_unsigned() || s.get<std::uint64_t>() < 1 ||
              s.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxId)) {
            r.fail("sessions", "invalid_type", "sessions are session numbers.");
            break;
          }
          partial_.plan.operation.sessions.push_back(
              static_cast<core::SessionId>(s.get<std::uint64_t>()));
        }
      }
      if (const Json* summary = r.object("summary"))
        read_summary(*summary, partial_.plan.report, r);
    }
  }
  if (part != next_part_ || id != partial_.id)
    return restart(core::make_error("bad_plan", "part", "A schedule plan arrived out of order."));
  if (!partial_.error) {
    if (const Json* meetings = r.array("meetings", 10'000'000, true)) {
      for (std::size_t i = 0; i < meetings->size(); ++i) {
        auto item = item_from((*meetings)[i], "meetings[" + std::to_string(i) + "]");
        if (!item) return restart(item.error());
        if ((item->status == MeetingStatus::placed || item->status == MeetingStatus::moved))
          partial_.plan.operation.placements.push_back({item->meeting, *item->placement});
        partial_.plan.report.meetings.push_back(std::move(*item));
      }
    }
  }
  if (core::Status s = r.finish(); !s) return restart(s.error());
  ++next_part_;
  if (next_part_ < parts) return std::optional<SchedulePlanned>();
  next_part_ = 0;
  return std::optional<SchedulePlanned>(std::move(partial_));
}

}  // namespace crossmatch::net
