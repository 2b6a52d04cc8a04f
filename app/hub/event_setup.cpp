#include "app/hub/event_setup.hpp"

#include <algorithm>
#include <chrono>

#include "core/event/sequencer.hpp"
#include "core/matching/matching_settings.hpp"
#include "net/tokens.hpp"

namespace crossmatch::hub {
namespace {

core::Operation make(const std::string& id, std::int64_t at, core::OperationPayload payload) {
  core::Operation op;
  op.id = id;
  op.actor = core::Actor{core::Role::Organiser, 0};
  op.at = at;
  op.payload = std::move(payload);
  return op;
}

core::DefineSession session(const std::string& name, core::SessionKind kind, std::int64_t day,
                            int start, int end, std::vector<core::TimeRange> breaks = {}) {
  core::DefineSession d;
  d.name = name;
  d.kind = kind;
  d.date = day;
  d.start = start;
  d.end = end;
  d.slot_minutes = 20;
  d.breaks = std::move(breaks);
  return d;
}

}  // namespace

std::vector<core::Operation> event_operations(const EventSetup& setup, const std::string& join_code,
                                              const std::vector<core::DemoParticipant>& demo,
                                              std::int64_t at) {
  std::vector<core::Operation> ops;
  int n = 0;
  const auto add = [&](core::OperationPayload payload) {
    ops.push_back(make("setup-" + std::to_string(++n), at, std::move(payload)));
  };
  add(core::CreateEvent{.name = setup.name, .time_zone = setup.time_zone, .join_code = join_code});
  if (setup.demo_participants <= 0) return ops;
  // Two days of one-to-one meetings with a coffee break, and a team round between them.
  for (int day = 0; day < 2; ++day) {
    const std::int64_t date = setup.first_day + day;
    const std::string label = day == 0 ? "Day 1" : "Day 2";
    add(session(label + " morning meetings", core::SessionKind::Meetings, date, 9 * 60,
                12 * 60 + 20, {{10 * 60 + 40, 11 * 60}}));
    add(session(label + " afternoon meetings", core::SessionKind::Meetings, date, 14 * 60,
                17 * 60));
  }
  add(session("Cross-sector team round", core::SessionKind::TeamRound, setup.first_day,
              12 * 60 + 30, 13 * 60 + 30));
  // Team tables that seat the largest teams the default settings form (as many as the teams
  // of everyone), so that a team round can be published; then a table for every pair, up to
  // the most an event may have.
  const int team_max = core::MatchingSettings{}.team_max;
  const int team_tables = std::min((setup.demo_participants + team_max - 1) / team_max,
                                   static_cast<int>(core::kMaxTables) / 2);
  const int tables =
      std::clamp(setup.demo_participants / 2, 5, static_cast<int>(core::kMaxTables) - team_tables);
  for (int t = 1; t <= tables; ++t)
    add(core::DefineTable{.name = "Table " + std::to_string(t), .seats = t % 10 == 0 ? 6 : 2});
  for (int t = 1; t <= team_tables; ++t)
    add(core::DefineTable{.name = "Team table " + std::to_string(t), .seats = team_max});
  for (const core::DemoParticipant& p : demo) add(core::Register{.profile = p.profile});
  add(core::SetRegistration{.open = true});
  return ops;
}

core::Result<NewEvent> create_event(storage::EventStore& store, const core::Taxonomy& taxonomy,
                                    const EventSetup& setup,
                                    const std::vector<core::DemoParticipant>& demo) {
  if (store.last_sequence() != 0)
    return core::make_error("not_empty", "--db", "The database already holds an event.");
  NewEvent created;
  created.join_code = net::make_join_code();
  created.organiser_token = net::make_token();
  created.broker_token = net::make_token();
  created.helper_token = net::make_token();
  const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  core::Sequencer sequencer(taxonomy);
  sequencer.draw_check_in_codes(net::make_check_in_code);
  std::vector<core::Operation> group;
  // The tokens are stored with the event's creation, the first group: an event never exists
  // without its organiser's, broker's and desk helpers' credentials.
  std::vector<storage::Credential> credentials{
      storage::Credential{net::token_hash(created.organiser_token), core::Role::Organiser, 0},
      storage::Credential{net::token_hash(created.broker_token), core::Role::Broker, 0},
      storage::Credential{net::token_hash(created.helper_token), core::Role::Helper, 0}};
  const auto flush = [&]() -> core::Status {
    core::Status s = store.append(group, credentials);
    group.clear();
    credentials.clear();
    return s;
  };
  for (core::Operation& op : event_operations(setup, created.join_code, demo, now)) {
    const core::Actor actor = op.actor;
    auto outcome = sequencer.submit(std::move(op), actor, now);
    if (!outcome) {
      core::Error e = outcome.error();
      e.message = "Setting up the event failed: " + e.message;
      return e;
    }
    group.push_back(std::move(outcome->applied));
    if (group.size() == 1000) {
      if (core::Status s = flush(); !s) return s.error();
    }
  }
  if (!group.empty()) {
    if (core::Status s = flush(); !s) return s.error();
  }
  created.operations = sequencer.last_sequence();
  return created;
}

}  // namespace crossmatch::hub
