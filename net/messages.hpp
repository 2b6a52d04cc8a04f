// The messages of the wire protocol as C++ values, and their JSON lines in both directions
// (docs/protocol.md). Decoding is strict: a problem is an Error naming the field at fault.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/error.hpp"
#include "core/event/auto_schedule.hpp"
#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"
#include "core/event/privacy.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::net {

// [SECTION] Client to hub

// What a client asks for after the handshake.
enum class CatchUp {
  Replica,  // operations after `after`, or a snapshot when that is too far back (the default)
  Live,     // nothing from the past: only what happens from now on (monitors, load generators)
};

struct Hello {
  int protocol = 0;
  std::string join_code;  // a newcomer's event code ...
  std::string token;      // ... or the token of a participant, the organiser or a broker
  // With a helper's or the organiser's token: a kiosk signs in as the participant whose badge
  // carries this check-in code, for as long as the connection lasts.
  std::string check_in_code;
  std::optional<std::uint64_t> after;  // the last sequence number the client's replica has
  // The last operation whose notices the person has seen (kept by the app between runs): when
  // the hub sends a snapshot, it also sends the person's notices after it (Missed).
  std::optional<std::uint64_t> notices_after;
  CatchUp catch_up = CatchUp::Replica;
  std::string client;  // the program and version, for the hub's log
  // The compressions the client can read ("zstd"), best first; none: plain lines only.
  std::vector<std::string> compress;
};

struct Submit {
  core::Operation op;
};

struct Ping {};

// The organiser asks the hub to plan the auto-schedule of `sessions` on its own state, on a
// thread of its own (docs/protocol.md, "Auto-schedule on the hub"). `id` is the client's name for
// the plan (like an operation id); the answer is SchedulePlanned with the same id.
struct PlanSchedule {
  std::string id;
  std::vector<core::SessionId> sessions;
  bool allow_moves = false;  // booked meetings of these sessions may move
  double seconds = 10;       // the search's time limit, kMinPlanSeconds to kMaxPlanSeconds
  bool operator==(const PlanSchedule&) const = default;
};
inline constexpr double kMinPlanSeconds = 0.1;
inline constexpr double kMaxPlanSeconds = 600;

// Ends the plan `id` now with the best schedule found so far.
struct StopPlan {
  std::string id;
  bool operator==(const StopPlan&) const = default;
};

using ClientMessage = std::variant<Hello, Submit, Ping, PlanSchedule, StopPlan>;

// One line without its newline. Invalid UTF-8, not JSON, not an object, an unknown type, and
// missing, mistyped, unknown or out-of-range fields each give an error naming the field.
core::Result<ClientMessage> parse_client_message(std::string_view line);
std::string encode(const ClientMessage& message);  // one line, no newline
// The id of the operation in an "op" line that could not be decoded, when it can be found, so
// that the refusal names the operation the client knows.
std::string peek_operation_id(std::string_view line);

// [SECTION] Hub to client

struct Welcome {
  int protocol = 0;
  std::string event;  // the event's name
  core::Role role = core::Role::Participant;
  core::ParticipantId participant = 0;  // 0 for a newcomer, who registers next
  std::uint64_t seq = 0;                // the hub's last durable sequence number
  std::string catch_up;                 // "operations", "snapshot" or "none"
  std::string hub;                      // program and version
  std::size_t line_bytes = 0;           // the most this client may send per line
  double rate_per_second = 0;
  double rate_burst = 0;
  int idle_seconds = 0;
  std::string compress;  // "zstd": runs of lines may come as compressed frames; empty: none
};

// An e-mail address a participant may now see (or no longer: empty).
using Contact = core::Contact;

// An applied operation, as this client may see it, with the contact details it changes (the
// privacy rules: core/event/privacy.hpp).
using Applied = core::VisibleOperation;

struct Ack {
  std::string id;
  std::uint64_t seq = 0;
  bool duplicate = false;               // a resend: seq is the original's
  core::ParticipantId participant = 0;  // for a newcomer's registration: who they are now
  std::string token;                    // ... and their token, shown once
};

struct Refused {
  std::string id;
  core::Error error;
};

// A problem with the connection rather than with one operation.
struct ErrorMessage {
  core::Error error;
  bool closing = false;  // the hub closes the connection after this line
};

struct CaughtUp {
  std::uint64_t seq = 0;
};

// An operation that a snapshot already holds and that has a notice for this client's person
// (a request to them, an announcement, an answer), sent after the snapshot when the hello said
// which notices the person has seen: so that what happened while the app was closed reaches them.
// Not applied again; its sequence number is at most the snapshot's.
struct Missed {
  core::Operation op;
};

struct Pong {
  std::uint64_t seq = 0;  // everything up to here has been sent to this client
};

struct Notice {
  std::string code;
  std::string message;
};

// For organisers only: the network address each newcomer registered from, so that a flood of fake
// registrations shows (addresses are personal data). The hub keeps them in memory while it runs
// and forgets an erased participant's; an organiser gets them all after caught_up, then each new
// registration as it becomes durable.
struct RegisteredFrom {
  struct Entry {
    core::ParticipantId participant = 0;
    std::string address;
    bool operator==(const Entry&) const = default;
  };
  std::vector<Entry> entries;
};

struct TeamSuggestion {
  std::vector<core::ParticipantId> members;
  std::string reasons;
  bool operator==(const TeamSuggestion&) const = default;
};

// One version of the hub's team suggestions, as this client may see them.
struct Teams {
  std::uint64_t version = 0;
  std::vector<TeamSuggestion> teams;
};

// A whole snapshot, assembled from its lines by SnapshotAssembler.
struct Snapshot {
  std::uint64_t seq = 0;
  core::EventState state;  // indexes rebuilt
};

// [SECTION] Hub-side encoding (each one line, no newline)

std::string encode(const Welcome& message);
std::string encode_applied(const core::Operation& op, const std::vector<Contact>& contacts);
std::string encode(const Ack& message);
std::string encode(const Refused& message);
std::string encode(const ErrorMessage& message);
std::string encode(const CaughtUp& message);
std::string encode(const Missed& message);
std::string encode(const Pong& message);
std::string encode(const Notice& message);
std::string encode(const RegisteredFrom& message);
// A state (already filtered for its reader) as snapshot lines: begin, items in chunks, end.
std::vector<std::string> encode_snapshot(const core::EventState& state, std::uint64_t seq);
// The same in parts, so that a hub can share the items every participant sees: the begin line
// (event and next numbers), the item lines of every kind (a later item replaces an earlier one
// with the same id), and the end line.
std::string encode_snapshot_begin(const core::EventState& state, std::uint64_t seq);
std::vector<std::string> encode_snapshot_items(const core::EventState& state);
std::string encode_snapshot_end(std::uint64_t seq);
// Team suggestions in lines of at most about kChunkBytes ("part" of "parts").
std::vector<std::string> encode_teams(const Teams& teams);

// The hub's answer to PlanSchedule: the plan (its apply_schedule operation, for the organiser
// to send after reading it, and its report), or why there is none.
struct SchedulePlanned {
  std::string id;
  std::optional<core::Error> error;  // no plan: a bad request, a plan already running
  core::AutoSchedule plan;
  std::uint64_t as_of = 0;  // the sequence number of the state it was planned from
  double seconds = 0;       // how long the search ran
  bool stopped = false;     // a StopPlan ended it before its time limit
  bool operator==(const SchedulePlanned&) const = default;
};
// In lines of at most about kChunkBytes ("part" of "parts"), the meetings spread over them.
std::vector<std::string> encode_schedule_plan(const SchedulePlanned& planned);

// [SECTION] Client-side decoding

// A line from the hub. Snapshot and team lines come as parts that the assemblers join.
struct SnapshotLine {
  std::string line;
};
struct TeamsLine {
  std::string line;
};
struct SchedulePlanLine {
  std::string line;
};
using HubMessage =
    std::variant<Welcome, Applied, Ack, Refused, ErrorMessage, CaughtUp, Pong, Notice, SnapshotLine,
                 TeamsLine, Missed, RegisteredFrom, SchedulePlanLine>;

core::Result<HubMessage> parse_hub_message(std::string_view line);

// Joins snapshot lines; returns the snapshot with the last one. Any out-of-order or bad part is
// an error, after which it starts over.
class SnapshotAssembler {
 public:
  SnapshotAssembler();
  ~SnapshotAssembler();
  SnapshotAssembler(const SnapshotAssembler&) = delete;
  SnapshotAssembler& operator=(const SnapshotAssembler&) = delete;
  core::Result<std::optional<Snapshot>> add(std::string_view line, const core::Taxonomy& taxonomy);
  bool active() const;

 private:
  struct Parts;
  Parts* parts_;
};

class TeamsAssembler {
 public:
  core::Result<std::optional<Teams>> add(std::string_view line);

 private:
  Teams partial_;
  int next_part_ = 0;
};

// Joins the lines of a plan; returns it with the last one. A part out of order or unreadable is
// an error, after which it starts over.
class SchedulePlanAssembler {
 public:
  core::Result<std::optional<SchedulePlanned>> add(std::string_view line);

 private:
  SchedulePlanned partial_;
  int next_part_ = 0;
};

// [SECTION] Client-side decoding of an operation's head (net/wire_head.cpp)

// What a client that follows every operation but keeps no replica needs of an "op" line: its
// sequence number, its kind and the numbers that say whom it concerns. Read without decoding the
// operation (a profile edit's line in about a microsecond, against tens for the whole): the load
// generator reads two hundred thousand lines a second this way.
struct AppliedHead {
  std::uint64_t seq = 0;
  int kind = -1;  // the operation's index in core::OperationPayload
  // The operation's own fields of these names (0 where its kind has none).
  core::ParticipantId participant = 0, from = 0, to = 0;
  core::MeetingId meeting = 0;

  template <class Payload>
  bool is() const;
  bool operator==(const AppliedHead&) const = default;
};

using HubMessageHead =
    std::variant<AppliedHead, Welcome, Ack, Refused, ErrorMessage, CaughtUp, Pong, Notice,
                 SnapshotLine, TeamsLine, Missed, RegisteredFrom, SchedulePlanLine>;

// A line from the hub, an "op" line as its head and any other as parse_hub_message decodes it.
// The line's structure is checked (JSON, the message's fields, the head's numbers); the
// operation's other fields are skipped unread.
core::Result<HubMessageHead> parse_hub_message_head(std::string_view line);
// The head of a decoded operation: what parse_hub_message_head reads from its line.
AppliedHead head_of(const core::Operation& op);

namespace detail {
template <class T, class Variant>
struct IndexIn;
template <class T, class... Ts>
struct IndexIn<T, std::variant<Ts...>> {
  static constexpr int value = [] {
    int i = 0;
    const bool found = ((std::is_same_v<T, Ts> ? true : (++i, false)) || ...);
    return found ? i : -1;
  }();
};
}  // namespace detail

template <class Payload>
bool AppliedHead::is() const {
  constexpr int index = detail::IndexIn<Payload, core::OperationPayload>::value;
  static_assert(index >= 0, "not a kind of operation");
  return kind == index;
}

}  // namespace crossmatch::net
