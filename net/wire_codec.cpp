// JSON lines of the wire protocol. With the snapshot and team assemblers, the only file of net/
// that includes nlohmann's header.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/event/json_codec.hpp"
#include "core/event/json_values.hpp"
#include "core/overloaded.hpp"
#include "net/messages.hpp"
#include "net/protocol.hpp"
#include "net/wire_json.hpp"

namespace crossmatch::net {
namespace {

using core::json::Json;
using core::json::ObjectReader;

core::Error read_error(ObjectReader& r) {
  core::Error e;
  r.string("code", e.code, true, 256);
  r.string("field", e.field, true, 1024);
  r.string("message", e.message, true, 16 * 1024);
  return e;
}

core::Result<ClientMessage> hello_from(const Json& value) {
  ObjectReader r(value, "");
  std::string type;
  r.string("type", type);
  Hello hello;
  std::int64_t protocol = 0;
  r.integer("protocol", protocol, 0, 1000000);
  hello.protocol = static_cast<int>(protocol);
  r.string("join_code", hello.join_code, false, 256);
  r.string("token", hello.token, false, 256);
  r.string("check_in_code", hello.check_in_code, false, 64);
  if (r.has("after")) {
    std::int64_t after = 0;
    r.integer("after", after, 0, kMaxSequence);
    hello.after = static_cast<std::uint64_t>(after);
  }
  if (r.has("notices_after")) {
    std::int64_t seen = 0;
    r.integer("notices_after", seen, 0, kMaxSequence);
    hello.notices_after = static_cast<std::uint64_t>(seen);
  }
  if (r.has("catch_up")) {
    std::string mode;
    r.string("catch_up", mode, true, 32);
    if (r.ok() && mode != "replica" && mode != "live")
      r.fail("catch_up", "invalid", "catch_up is '" + mode + "'; expected replica or live.");
    hello.catch_up = mode == "live" ? CatchUp::Live : CatchUp::Replica;
  }
  r.string("client", hello.client, false, 200);
  // Names the hub does not know are passed over: a later client may offer more.
  r.strings("compress", hello.compress, 8);
  for (const std::string& name : hello.compress)
    if (name.size() > 32)
      r.fail("compress", "too_long", "A compression's name is at most 32 bytes.");
  if (core::Status s = r.finish(); !s) return s.error();
  if (hello.join_code.empty() == hello.token.empty())
    return core::make_error("missing_field", "token",
                            "The hello needs either the event's join_code or a token, not both.");
  if (!hello.check_in_code.empty() && hello.token.empty())
    return core::make_error("missing_field", "token",
                            "A check_in_code signs in at a kiosk: it needs the kiosk's token.");
  return ClientMessage{std::move(hello)};
}

}  // namespace

// [SECTION] Client to hub

namespace {

// How deeply a client's line may nest arrays and objects. An operation needs four levels; a line
// of 60 KB nested 30,000 deep made the decoder recurse until a thread's stack ran out.
constexpr int kMaxNesting = 32;

// The deepest nesting of arrays and objects in `line`, outside strings, stopping once past the
// limit.
int nesting(std::string_view line) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (const char c : line) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > kMaxNesting) break;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

core::Result<ClientMessage> parse_client_message(std::string_view line) {
  if (nesting(line) > kMaxNesting)
    return core::make_error("invalid_json", "",
                            "The line nests arrays and objects more than " +
                                std::to_string(kMaxNesting) + " levels deep.");
  auto value = core::json::parse_json(line);
  if (!value) return value.error();
  if (!value->is_object())
    return core::make_error(
        "invalid_type", "",
        std::string("A message must be a JSON object, not ") + core::json::type_name(*value) + ".");
  const auto type_it = value->find("type");
  if (type_it == value->end())
    return core::make_error("missing_field", "type", "The message has no type.");
  if (!type_it->is_string())
    return core::make_error("invalid_type", "type", "type must be a string.");
  const std::string& type = type_it->get_ref<const std::string&>();
  if (type == "hello") return hello_from(*value);
  if (type == "op") {
    ObjectReader r(*value, "");
    std::string t;
    r.string("type", t);
    const Json* op = r.object("op");
    if (core::Status s = r.finish(); !s) return s.error();
    // The actor comes from the connection's credentials; a client need not (and should not) say.
    Json with_actor = *op;
    with_actor["actor"] = Json{{"role", "participant"}, {"participant", 0}};
    auto parsed = core::json::operation_from(with_actor);
    if (!parsed) {
      core::Error e = parsed.error();
      e.field = e.field.empty() ? "op" : "op." + e.field;
      return e;
    }
    return ClientMessage{Submit{std::move(*parsed)}};
  }
  if (type == "ping") {
    ObjectReader r(*value, "");
    std::string t;
    r.string("type", t);
    if (core::Status s = r.finish(); !s) return s.error();
    return ClientMessage{Ping{}};
  }
  if (type == "plan_schedule" || type == "stop_plan") {
    ObjectReader r(*value, "");
    std::string t, id;
    r.string("type", t);
    r.string("id", id, true, core::kMaxOperationIdLength);
    if (r.ok() && id.empty()) r.fail("id", "invalid", "id names the plan: 1 to 64 characters.");
    if (type == "stop_plan") {
      if (core::Status s = r.finish(); !s) return s.error();
      return ClientMessage{StopPlan{std::move(id)}};
    }
    PlanSchedule plan;
    plan.id = std::move(id);
    if (const Json* sessions = r.array("sessions", core::kMaxSessions, true)) {
      for (const Json& session : *sessions) {
        if (!session.is_number_unsigned() || session.get<std::uint64_t>() < 1 ||
            session.get<std::uint64_t>() > UINT32_MAX) {
          r.fail("sessions", "invalid_type", "sessions are session numbers.");
          break;
        }
        plan.sessions.push_back(static_cast<core::SessionId>(session.get<std::uint64_t>()));
      }
    }
    r.boolean("allow_moves", plan.allow_moves, false);
    r.number("seconds", plan.seconds, kMinPlanSeconds, kMaxPlanSeconds);
    if (core::Status s = r.finish(); !s) return s.error();
    return ClientMessage{std::move(plan)};
  }
  return core::make_error("unknown_message", "type",
                          "'" + type.substr(0, 64) +
                              "' is not a kind of message; expected hello, op, ping, "
                              "plan_schedule or stop_plan.");
}

namespace {

// Reads a line's JSON only as far as {"op":{"id":...}}: no document is built, and the reading
// stops at the id, so that finding it in a long line that could not be decoded (or that is over
// the rate) costs little on the network thread.
class OperationIdPeek {
 public:
  std::string id;

  bool null() { return value(); }
  bool boolean(bool) { return value(); }
  bool number_integer(Json::number_integer_t) { return value(); }
  bool number_unsigned(Json::number_unsigned_t) { return value(); }
  bool number_float(Json::number_float_t, const std::string&) { return value(); }
  bool binary(Json::binary_t&) { return value(); }
  bool string(std::string& text) {
    if (depth_ == 2 && in_op_ && key_ == "id") {
      id = std::move(text);
      return false;  // found: read no further
    }
    return value();
  }
  bool start_object(std::size_t) {
    if (depth_ == 1) in_op_ = key_ == "op";
    if (!value()) return false;
    ++depth_;
    key_.clear();
    return true;
  }
  bool end_object() {
    --depth_;
    // Leaving the op object: its id was not a string, or there was none.
    return !(depth_ == 1 && in_op_);
  }
  bool start_array(std::size_t) {
    if (depth_ == 0 || !value()) return false;  // a line that is an array is not an operation
    ++depth_;
    key_.clear();
    return true;
  }
  bool end_array() {
    --depth_;
    return true;
  }
  bool key(std::string& text) {
    if (depth_ <= 2) key_ = std::move(text);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }

 private:
  bool value() {
    // A non-string id ends the search.
    return !(depth_ == 2 && in_op_ && key_ == "id");
  }

  int depth_ = 0;
  bool in_op_ = false;  // inside the top-level object's "op" object (at depth 2)
  std::string key_;     // the last key read at depth 1 or 2
};

}  // namespace

std::string peek_operation_id(std::string_view line) {
  OperationIdPeek peek;
  Json::sax_parse(line.begin(), line.end(), &peek, nlohmann::detail::input_format_t::json, false);
  return peek.id.size() <= core::kMaxOperationIdLength ? peek.id : std::string();
}

std::string encode(const ClientMessage& message) {
  return std::visit(core::Overloaded{
                        [](const Hello& m) {
                          Json j{{"type", "hello"}, {"protocol", m.protocol}};
                          if (!m.join_code.empty()) j["join_code"] = m.join_code;
                          if (!m.token.empty()) j["token"] = m.token;
                          if (!m.check_in_code.empty()) j["check_in_code"] = m.check_in_code;
                          if (m.after) j["after"] = *m.after;
                          if (m.notices_after) j["notices_after"] = *m.notices_after;
                          if (m.catch_up == CatchUp::Live) j["catch_up"] = "live";
                          if (!m.client.empty()) j["client"] = m.client;
                          if (!m.compress.empty()) j["compress"] = m.compress;
                          return wire_text(j);
                        },
                        [](const Submit& m) {
                          Json op = core::json::to_json(m.op);
                          // The hub sets these from the connection; sending them would only invite
                          // confusion.
                          op.erase("actor");
                          op.erase("at");
                          op.erase("seq");
                          return wire_text(Json{{"type", "op"}, {"op", std::move(op)}});
                        },
                        [](const Ping&) { return std::string(R"({"type":"ping"})"); },
                        [](const PlanSchedule& m) {
                          return wire_text(Json{{"type", "plan_schedule"},
                                                {"id", m.id},
                                                {"sessions", m.sessions},
                                                {"allow_moves", m.allow_moves},
                                                {"seconds", m.seconds}});
                        },
                        [](const StopPlan& m) {
                          return wire_text(Json{{"type", "stop_plan"}, {"id", m.id}});
                        },
                    },
                    message);
}

// [SECTION] Hub to client

std::string encode(const Welcome& m) {
  Json j{{"type", "welcome"},
         {"protocol", m.protocol},
         {"event", m.event},
         {"role", core::to_string(m.role)},
         {"participant", m.participant},
         {"seq", m.seq},
         {"catch_up", m.catch_up},
         {"hub", m.hub},
         {"limits",
          {{"line_bytes", m.line_bytes},
           {"rate_per_second", m.rate_per_second},
           {"rate_burst", m.rate_burst},
           {"idle_seconds", m.idle_seconds}}}};
  if (!m.compress.empty()) j["compress"] = m.compress;
  return wire_text(j);
}

std::string encode_applied(const core::Operation& op, const std::vector<Contact>& contacts) {
  Json j{{"type", "op"}, {"op", core::json::to_json(op)}};
  if (!contacts.empty()) {
    Json list = Json::array();
    for (const Contact& c : contacts)
      list.push_back({{"participant", c.participant}, {"email", c.email}});
    j["contacts"] = std::move(list);
  }
  return wire_text(j);
}

std::string encode(const Missed& m) {
  return wire_text(Json{{"type", "missed"}, {"op", core::json::to_json(m.op)}});
}

std::string encode(const Ack& m) {
  Json j{{"type", "ack"}, {"id", m.id}, {"seq", m.seq}};
  if (m.duplicate) j["duplicate"] = true;
  if (m.participant != 0) j["participant"] = m.participant;
  if (!m.token.empty()) j["token"] = m.token;
  return wire_text(j);
}

std::string encode(const Refused& m) {
  Json j = error_json(m.error);
  j["type"] = "refused";
  j["id"] = m.id;
  return wire_text(j);
}

std::string encode(const ErrorMessage& m) {
  Json j = error_json(m.error);
  j["type"] = "error";
  j["close"] = m.closing;
  return wire_text(j);
}

std::string encode(const CaughtUp& m) {
  return wire_text(Json{{"type", "caught_up"}, {"seq", m.seq}});
}
std::string encode(const Pong& m) {
  return wire_text(Json{{"type", "pong"}, {"seq", m.seq}});
}
std::string encode(const RegisteredFrom& m) {
  Json entries = Json::array();
  for (const RegisteredFrom::Entry& e : m.entries)
    entries.push_back(Json{{"participant", e.participant}, {"address", e.address}});
  return wire_text(Json{{"type", "registered_from"}, {"entries", std::move(entries)}});
}

std::string encode(const Notice& m) {
  return wire_text(Json{{"type", "notice"}, {"code", m.code}, {"message", m.message}});
}

namespace {

// Packs the items of `array` into lines built by `make(items)`, each at most about kChunkBytes
// (an item larger than that goes alone).
template <class Make>
void chunk(const Json& array, Make make, std::vector<std::string>& out) {
  Json items = Json::array();
  std::size_t bytes = 0;
  for (const Json& item : array) {
    const std::size_t size = wire_text(item).size() + 1;
    if (!items.empty() && bytes + size > kChunkBytes) {
      out.push_back(make(std::move(items)));
      items = Json::array();
      bytes = 0;
    }
    items.push_back(item);
    bytes += size;
  }
  if (!items.empty()) out.push_back(make(std::move(items)));
}

// Every list of the state's JSON; a list missing here would be missing from every snapshot.
constexpr const char* kSnapshotKinds[] = {
    "sessions",      "tables",   "participants",  "meetings",      "rounds",
    "announcements", "pitching", "clinic_tables", "clinic_themes", "follow_ups"};

}  // namespace

std::string encode_snapshot_begin(const core::EventState& state, std::uint64_t seq) {
  core::EventState event_only;
  event_only.event = state.event;
  event_only.next_participant = state.next_participant;
  event_only.next_meeting = state.next_meeting;
  event_only.next_session = state.next_session;
  event_only.next_table = state.next_table;
  event_only.next_round = state.next_round;
  event_only.next_announcement = state.next_announcement;
  event_only.next_clinic_table = state.next_clinic_table;
  Json whole = core::json::to_json(event_only);
  return wire_text(Json{{"type", "snapshot_begin"},
                        {"seq", seq},
                        {"event", std::move(whole["event"])},
                        {"next", std::move(whole["next"])}});
}

std::vector<std::string> encode_snapshot_items(const core::EventState& state) {
  Json whole = core::json::to_json(state);
  std::vector<std::string> lines;
  for (const char* kind : kSnapshotKinds) {
    chunk(
        whole[kind],
        [&](Json items) {
          return wire_text(
              Json{{"type", "snapshot_items"}, {"kind", kind}, {"items", std::move(items)}});
        },
        lines);
  }
  return lines;
}

std::string encode_snapshot_end(std::uint64_t seq) {
  return wire_text(Json{{"type", "snapshot_end"}, {"seq", seq}});
}

std::vector<std::string> encode_snapshot(const core::EventState& state, std::uint64_t seq) {
  std::vector<std::string> lines{encode_snapshot_begin(state, seq)};
  for (std::string& line : encode_snapshot_items(state)) lines.push_back(std::move(line));
  lines.push_back(encode_snapshot_end(seq));
  return lines;
}

std::vector<std::string> encode_teams(const Teams& teams) {
  Json all = Json::array();
  for (const TeamSuggestion& t : teams.teams)
    all.push_back({{"members", t.members}, {"reasons", t.reasons}});
  std::vector<Json> parts;
  std::vector<std::string> ignored;
  chunk(
      all,
      [&](Json items) {
        parts.push_back(std::move(items));
        return std::string();
      },
      ignored);
  if (parts.empty()) parts.push_back(Json::array());
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    lines.push_back(wire_text(Json{{"type", "teams"},
                                   {"version", teams.version},
                                   {"part", i},
                                   {"parts", parts.size()},
                                   {"teams", std::move(parts[i])}}));
  }
  return lines;
}

// [SECTION] Client-side decoding

core::Result<HubMessage> parse_hub_message(std::string_view line) {
  auto value = core::json::parse_json(line);
  if (!value) return value.error();
  if (!value->is_object())
    return core::make_error("invalid_type", "", "A hub message must be a JSON object.");
  const auto type_it = value->find("type");
  if (type_it == value->end() || !type_it->is_string())
    return core::make_error("missing_field", "type", "The hub's message has no type.");
  const std::string type = type_it->get<std::string>();
  if (type == "snapshot_begin" || type == "snapshot_items" || type == "snapshot_end")
    return HubMessage{SnapshotLine{std::string(line)}};
  if (type == "teams") return HubMessage{TeamsLine{std::string(line)}};
  if (type == "schedule_plan") return HubMessage{SchedulePlanLine{std::string(line)}};

  ObjectReader r(*value, "");
  std::string t;
  r.string("type", t);
  const auto done = [&](HubMessage m) -> core::Result<HubMessage> {
    if (core::Status s = r.finish(); !s) return s.error();
    return m;
  };
  if (type == "welcome") {
    Welcome w;
    std::int64_t protocol = 0, participant = 0, seq = 0, idle = 0, line_bytes = 0;
    r.integer("protocol", protocol, 0, 1000000);
    std::string event, role;
    r.string("event", w.event, true, 1024);
    r.string("role", role, true, 32);
    if (r.ok() && !core::parse_role(role, w.role))
      r.fail("role", "invalid", "Unknown role '" + role + "'.");
    r.integer("participant", participant, 0, UINT32_MAX);
    r.integer("seq", seq, 0, kMaxSequence);
    r.string("catch_up", w.catch_up, true, 32);
    r.string("hub", w.hub, true, 200);
    r.string("compress", w.compress, false, 32);
    if (const Json* limits = r.object("limits")) {
      ObjectReader l(*limits, "limits.");
      l.integer("line_bytes", line_bytes, 0, INT32_MAX);
      l.number("rate_per_second", w.rate_per_second, 0, 1e9);
      l.number("rate_burst", w.rate_burst, 0, 1e9);
      l.integer("idle_seconds", idle, 0, 1000000);
      if (core::Status s = l.finish(); !s) return s.error();
    }
    w.protocol = static_cast<int>(protocol);
    w.participant = static_cast<core::ParticipantId>(participant);
    w.seq = static_cast<std::uint64_t>(seq);
    w.idle_seconds = static_cast<int>(idle);
    w.line_bytes = static_cast<std::size_t>(line_bytes);
    return done(w);
  }
  if (type == "op") {
    Applied a;
    const Json* op = r.object("op");
    if (const Json* contacts = r.array("contacts", 100000, false)) {
      for (std::size_t i = 0; i < contacts->size(); ++i) {
        ObjectReader c((*contacts)[i], "contacts[" + std::to_string(i) + "].");
        Contact contact;
        c.integer_as("participant", contact.participant, 1, UINT32_MAX);
        c.string("email", contact.email, true, 1024);
        if (core::Status s = c.finish(); !s) return s.error();
        a.contacts.push_back(std::move(contact));
      }
    }
    if (!r.ok()) return r.error();
    auto parsed = core::json::operation_from(*op);
    if (!parsed) return parsed.error();
    a.op = std::move(*parsed);
    return done(std::move(a));
  }
  if (type == "missed") {
    const Json* op = r.object("op");
    if (!r.ok()) return r.error();
    auto parsed = core::json::operation_from(*op);
    if (!parsed) return parsed.error();
    return done(Missed{std::move(*parsed)});
  }
  if (type == "ack") {
    Ack a;
    std::int64_t seq = 0, participant = 0;
    r.string("id", a.id, true, 256);
    r.integer("seq", seq, 0, kMaxSequence);
    r.boolean("duplicate", a.duplicate, false);
    r.integer("participant", participant, 0, UINT32_MAX, false);
    r.string("token", a.token, false, 256);
    a.seq = static_cast<std::uint64_t>(seq);
    a.participant = static_cast<core::ParticipantId>(participant);
    return done(std::move(a));
  }
  if (type == "refused") {
    Refused f;
    r.string("id", f.id, true, 256);
    f.error = read_error(r);
    return done(std::move(f));
  }
  if (type == "error") {
    ErrorMessage e;
    e.error = read_error(r);
    r.boolean("close", e.closing);
    return done(std::move(e));
  }
  if (type == "caught_up" || type == "pong") {
    std::int64_t seq = 0;
    r.integer("seq", seq, 0, kMaxSequence);
    if (type == "pong") return done(Pong{static_cast<std::uint64_t>(seq)});
    return done(CaughtUp{static_cast<std::uint64_t>(seq)});
  }
  if (type == "notice") {
    Notice n;
    r.string("code", n.code, true, 256);
    r.string("message", n.message, true, 16 * 1024);
    return done(std::move(n));
  }
  if (type == "registered_from") {
    RegisteredFrom f;
    if (const Json* entries = r.array("entries", kMaxRegisteredFromEntries, true)) {
      for (std::size_t i = 0; i < entries->size() && r.ok(); ++i) {
        ObjectReader e((*entries)[i], "entries[" + std::to_string(i) + "].");
        RegisteredFrom::Entry entry;
        std::int64_t participant = 0;
        e.integer("participant", participant, 1, UINT32_MAX);
        e.string("address", entry.address, true, 256);
        if (core::Status st = e.finish(); !st) return st.error();
        entry.participant = static_cast<core::ParticipantId>(participant);
        f.entries.push_back(std::move(entry));
      }
    }
    return done(std::move(f));
  }
  return core::make_error("unknown_message", "type",
                          "The hub sent an unknown kind of message '" + type + "'.");
}

// [SECTION] Assemblers

struct SnapshotAssembler::Parts {
  bool active = false;
  std::uint64_t seq = 0;
  Json state;
};

SnapshotAssembler::SnapshotAssembler() : parts_(new Parts) {}
SnapshotAssembler::~SnapshotAssembler() {
  delete parts_;
}
bool SnapshotAssembler::active() const {
  return parts_->active;
}

core::Result<std::optional<Snapshot>> SnapshotAssembler::add(std::string_view line,
                                                             const core::Taxonomy& taxonomy) {
  auto value = core::json::parse_json(line);
  if (!value) return value.error();
  Parts& p = *parts_;
  const auto fail = [&](const std::string& message) -> core::Result<std::optional<Snapshot>> {
    p = Parts{};
    return core::make_error("bad_snapshot", "", message);
  };
  if (!value->is_object() || !value->contains("type"))
    return fail("A snapshot line is not a message.");
  const Json& v = *value;
  const std::string type = v["type"].is_string() ? v["type"].get<std::string>() : "";
  if (type == "snapshot_begin") {
    if (!v.contains("seq") || !v["seq"].is_number_unsigned() || !v.contains("event") ||
        !v.contains("next"))
      return fail("A snapshot begins with seq, event and next.");
    p = Parts{};
    p.active = true;
    p.seq = v["seq"].get<std::uint64_t>();
    p.state = Json::object();
    p.state["event"] = v["event"];
    p.state["next"] = v["next"];
    for (const char* kind : kSnapshotKinds) p.state[kind] = Json::array();
    return std::optional<Snapshot>();
  }
  if (!p.active) return fail("A snapshot part arrived without its beginning.");
  if (type == "snapshot_items") {
    if (!v.contains("kind") || !v["kind"].is_string() || !v.contains("items") ||
        !v["items"].is_array())
      return fail("Snapshot items need a kind and items.");
    const std::string kind = v["kind"].get<std::string>();
    if (!p.state.contains(kind) || kind == "event" || kind == "next")
      return fail("Unknown snapshot kind '" + kind + "'.");
    for (const Json& item : v["items"]) p.state[kind].push_back(item);
    return std::optional<Snapshot>();
  }
  if (type == "snapshot_end") {
    if (!v.contains("seq") || !v["seq"].is_number_unsigned() ||
        v["seq"].get<std::uint64_t>() != p.seq)
      return fail("The snapshot ended with another sequence number than it began.");
    auto state = core::state_from_json(wire_text(p.state), taxonomy);
    const std::uint64_t seq = p.seq;
    p = Parts{};
    if (!state) return core::make_error("bad_snapshot", state.error().field, state.error().message);
    return std::optional<Snapshot>(Snapshot{seq, std::move(*state)});
  }
  return fail("'" + type + "' is not a snapshot line.");
}

core::Result<std::optional<Teams>> TeamsAssembler::add(std::string_view line) {
  auto value = core::json::parse_json(line);
  if (!value) return value.error();
  ObjectReader r(*value, "");
  std::string type;
  std::int64_t version = 0, part = 0, parts = 0;
  r.string("type", type);
  r.integer("version", version, 0, kMaxSequence);
  r.integer("part", part, 0, 1000000);
  r.integer("parts", parts, 1, 1000000);
  const Json* teams = r.array("teams", 1000000, true);
  if (core::Status s = r.finish(); !s) return s.error();
  if (part == 0) {
    partial_ = Teams{static_cast<std::uint64_t>(version), {}};
    next_part_ = 0;
  }
  if (part != next_part_ || static_cast<std::uint64_t>(version) != partial_.version) {
    next_part_ = 0;
    return core::make_error("bad_teams", "part", "Team suggestions arrived out of order.");
  }
  for (std::size_t i = 0; i < teams->size(); ++i) {
    ObjectReader t((*teams)[i], "teams[" + std::to_string(i) + "].");
    TeamSuggestion team;
    if (const Json* members = t.array("members", 1000, true)) {
      for (const Json& m : *members) {
        if (!m.is_number_unsigned() || m.get<std::uint64_t>() > UINT32_MAX)
          return core::make_error("invalid_type", "teams.members",
                                  "Team members are participant numbers.");
        team.members.push_back(static_cast<core::ParticipantId>(m.get<std::uint64_t>()));
      }
    }
    t.string("reasons", team.reasons, true, 64 * 1024);
    if (core::Status s = t.finish(); !s) return s.error();
    partial_.teams.push_back(std::move(team));
  }
  ++next_part_;
  if (next_part_ < parts) return std::optional<Teams>();
  next_part_ = 0;
  return std::optional<Teams>(std::move(partial_));
}

}  // namespace crossmatch::net
