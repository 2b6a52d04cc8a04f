// A test's client of a real hub: the client connection the GUI uses, with a replica kept from
// what it receives, pumped by the test's thread; and the hub's durable state read back from its
// database, to compare replicas with.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/demo_event.hpp"
#include "net/client_connection.hpp"
#include "net/operation_lines.hpp"
#include "net/replica.hpp"
#include "storage/event_store.hpp"
#include "tests/e2e/hub_process.hpp"
#include "tests/test_assets.hpp"

namespace crossmatch::test {

using namespace std::chrono_literals;

class SyncClient {
 public:
  // Joins with `code`, or comes back with `token`; `after` and `restored` resume a kept replica.
  // Over the hub's transport: a join code brings its own pin, a token comes with the hub's.
  // With `check_in_code`, `token` is a kiosk's: it signs in as the person with that code. Without
  // `compress`, the client asks for plain lines only.
  SyncClient(const HubProcess& hub, std::string code, std::string token, net::Outbox& outbox,
             std::optional<std::uint64_t> after = std::nullopt,
             std::optional<core::EventState> restored = std::nullopt,
             std::string check_in_code = {}, bool compress = true)
      : replica(taxonomy()) {
    net::ClientOptions options = hub.client_options();
    if (!code.empty()) options.pin.clear();
    options.join_code = std::move(code);
    options.token = std::move(token);
    options.check_in_code = std::move(check_in_code);
    options.after = after;
    options.client_name = "crossmatch-e2e";
    options.compress = compress;
    options.backoff_initial_seconds = 0.1;
    options.backoff_max_seconds = 0.8;
    options.resend_seconds = 0.3;
    if (restored) replica.restore(std::move(*restored), after.value_or(0));
    connection = std::make_unique<net::ClientConnection>(taxonomy(), options, outbox);
    REQUIRE(connection->start().ok());
  }
  ~SyncClient() { stop(); }

  void stop() {
    if (connection) connection->stop();
    pump();
  }

  // Applies everything received so far.
  void pump() {
    if (!connection) return;
    for (net::ClientEvent& event : connection->drain()) {
      std::visit([&](auto& e) { on(e); }, event);
    }
  }

  // Pumps until `done` holds or the time is up.
  bool wait_for(const std::function<bool()>& done, std::chrono::seconds timeout = 30s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      pump();
      if (done()) return true;
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(5ms);
    }
  }

  core::Result<std::string> submit(core::OperationPayload payload) {
    core::Operation op;
    op.payload = std::move(payload);
    return connection->submit(std::move(op));
  }
  bool answered(const std::string& id) const { return done.count(id) > 0 || refused.count(id) > 0; }

  std::unique_ptr<net::ClientConnection> connection;
  net::Replica replica;
  bool online = false;
  std::vector<std::uint64_t> seen;            // sequence numbers of applied operations, as received
  std::map<std::string, std::uint64_t> done;  // acknowledged ids -> sequence
  std::map<std::string, core::Error> refused;  // refused for good
  std::vector<std::string> problems;           // replica divergence, errors from the hub
  std::vector<core::Operation> missed;         // notices of what a snapshot already holds
  std::vector<net::SchedulePlanned> plans;     // the hub's answers to plan requests
  std::optional<net::Teams> teams;
  std::map<core::ParticipantId, std::string> registered_from;  // an organiser's
  std::string token;
  core::ParticipantId participant = 0;
  int snapshots = 0;

 private:
  void on(net::StateChanged& s) { online = s.state == net::ConnectionState::Online; }
  void on(net::Welcome& w) {
    if (w.participant != 0) participant = w.participant;
  }
  void on(net::Snapshot& s) {
    ++snapshots;
    replica.reset(std::move(s));
  }
  void on(net::Applied& a) {
    if (!seen.empty() && a.op.sequence <= seen.back()) {
      problems.push_back("operation " + std::to_string(a.op.sequence) + " after " +
                         std::to_string(seen.back()));
    }
    seen.push_back(a.op.sequence);
    if (core::Status s = replica.apply(a); !s) problems.push_back(s.error().message);
  }
  void on(net::CaughtUp& c) {
    replica.advance(c.seq);
    online = true;
  }
  void on(net::Pong& p) { replica.advance(p.seq); }
  void on(net::OperationDone& d) { done[d.id] = d.seq; }
  void on(net::OperationRefused& r) { refused.emplace(r.op.id, r.error); }
  void on(net::TokenIssued& t) {
    token = t.token;
    participant = t.participant;
  }
  void on(net::Teams& t) { teams = std::move(t); }
  void on(net::Notice&) {}
  void on(net::RegisteredFrom& r) {
    for (auto& e : r.entries) registered_from[e.participant] = e.address;
  }
  void on(net::Missed& m) { missed.push_back(std::move(m.op)); }  // notices only, never applied
  void on(net::SchedulePlanned& p) { plans.push_back(std::move(p)); }
  void on(net::HubError& e) {
    // A hub that goes away says so; anything else is a problem the test reports.
    if (e.error.code != "shutting_down") problems.push_back(e.error.code + ": " + e.error.message);
  }
};

// A profile for a test participant, from the demo generator.
inline core::Profile test_profile(int index) {
  static const std::vector<core::DemoParticipant> people = [] {
    auto generated =
        core::generate_demo_participants(taxonomy(), demo_vocabulary(), core::DemoOptions{200, 99});
    REQUIRE(generated.ok());
    return std::move(*generated);
  }();
  core::Profile p = people[static_cast<std::size_t>(index) % people.size()].profile;
  p.email = "e2e" + std::to_string(index) + "@example.eu";
  p.consent.suggestions = true;  // in teams
  return p;
}

// The hub's durable state, read beside the running hub (or after it stopped).
inline core::EventState hub_state(const std::filesystem::path& db) {
  auto reader = storage::EventStore::open_reader(db, taxonomy());
  REQUIRE_MESSAGE(reader.ok(), (reader.ok() ? "" : reader.error().message));
  auto loaded = (*reader)->load();
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
  return std::move(loaded->state);
}

inline std::vector<core::Operation> hub_log(const std::filesystem::path& db) {
  auto reader = storage::EventStore::open_reader(db, taxonomy());
  REQUIRE(reader.ok());
  auto ops = (*reader)->read_after(0, 1'000'000);
  REQUIRE(ops.ok());
  return std::move(*ops);
}

// The first entry of two id-keyed collections that differs, as "name id" ("" when equal).
template <class Map>
std::string first_difference(const char* name, const Map& a, const Map& b) {
  auto x = a.begin();
  auto y = b.begin();
  for (; x != a.end() && y != b.end(); ++x, ++y) {
    if (x->first != y->first || !(x->second == y->second))
      return std::string(name) + " " + std::to_string(std::min(x->first, y->first));
  }
  if (x != a.end())
    return std::string(name) + " " + std::to_string(x->first) + " only in the replica";
  if (y != b.end()) return std::string(name) + " " + std::to_string(y->first) + " only at the hub";
  return "";
}

// How a client's replica differs from what the hub's state shows this viewer: "" when it is the
// same, else the parts that differ, so that a failing check says where to look.
inline std::string difference_from_hub(const core::EventState& replica, const core::EventState& hub,
                                       const core::Viewer& viewer) {
  const core::EventState seen = core::view_state(hub, viewer);
  if (replica == seen) return "";
  std::string out;
  const auto add = [&](const std::string& part) {
    if (!part.empty()) out += (out.empty() ? "" : "; ") + part;
  };
  if (!(replica.event == seen.event)) add("event");
  add(first_difference("session", replica.sessions, seen.sessions));
  add(first_difference("table", replica.tables, seen.tables));
  add(first_difference("participant", replica.participants, seen.participants));
  add(first_difference("meeting", replica.meetings, seen.meetings));
  add(first_difference("round", replica.rounds, seen.rounds));
  if (!(replica.announcements == seen.announcements))
    add("announcements (" + std::to_string(replica.announcements.size()) + " against " +
        std::to_string(seen.announcements.size()) + ")");
  add(first_difference("pitch session", replica.pitching, seen.pitching));
  add(first_difference("clinic table", replica.clinic_tables, seen.clinic_tables));
  if (!(replica.clinic_themes == seen.clinic_themes)) add("clinic themes");
  if (!(replica.follow_ups == seen.follow_ups)) add("follow-up rounds");
  if (replica.next_participant != seen.next_participant ||
      replica.next_meeting != seen.next_meeting || replica.next_session != seen.next_session ||
      replica.next_table != seen.next_table || replica.next_round != seen.next_round ||
      replica.next_announcement != seen.next_announcement ||
      replica.next_clinic_table != seen.next_clinic_table)
    add("next ids");
  return out;
}

}  // namespace crossmatch::test
