// The room: sequencing, waiting for durability, and fan-out to those who may see each operation.
#include "net/hub_room.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <unordered_set>
#include <utility>

#include "core/event/refill.hpp"
#include "net/operation_lines.hpp"
#include "net/tokens.hpp"

namespace crossmatch::net {
namespace {

std::int64_t unix_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// What a participant may do at a kiosk: answer requests and offers, say whether meetings took
// place, join or leave the standby list. The rest waits for their own app.
bool kiosk_may(const core::OperationPayload& payload) {
  return std::holds_alternative<core::AcceptMeeting>(payload) ||
         std::holds_alternative<core::DeclineMeeting>(payload) ||
         std::holds_alternative<core::GiveFeedback>(payload) ||
         std::holds_alternative<core::SetStandby>(payload);
}

}  // namespace

void HubRoom::submit(const ConnectionPtr& c, core::Operation op) {
  const std::string id = op.id;
  if (hub_.shutting_down || hub_.failed) {
    c->send(encode(
        Refused{id, core::make_error("shutting_down", "",
                                     "The hub is shutting down; send it again when it is back.")}));
    return;
  }
  if (c->kiosk && !kiosk_may(op.payload)) {
    ++hub_.counters.refused;
    reply(c, make_line(encode(Refused{
                 id, core::make_error("kiosk", "op",
                                      "At a kiosk you can answer requests, say whether meetings "
                                      "took place and join the standby list; the rest is done in "
                                      "the crossmatch app.")})));
    return;
  }
  const core::Actor actor{c->viewer.role, c->viewer.participant};
  // A newcomer's registration claim: the hub keeps only its digest; the secret itself proves a
  // resend of the same registration (below).
  std::string claim;
  if (auto* reg = std::get_if<core::Register>(&op.payload)) {
    claim = std::move(reg->claim);
    reg->claim = claim.empty() || actor.participant != 0 || actor.role != core::Role::Participant
                     ? std::string()
                     : claim_digest(claim);
  }
  const bool registering = std::holds_alternative<core::Register>(op.payload) &&
                           actor.role == core::Role::Participant && actor.participant == 0;
  const auto now = std::chrono::steady_clock::now();
  // A newcomer's registration that is new (a resend of an applied one is answered below).
  if (registering && !hub_.registrations.allows(c->address, now) &&
      !hub_.sequencer.applied_ids().count(id)) {
    ++hub_.counters.address_limited;
    ++hub_.counters.refused;
    const int wait = hub_.registrations.seconds_until_allowed(c->address, now);
    reply(c, make_line(encode(Refused{
                 id, core::make_error("too_many_registrations", "",
                                      "Too many people registered from your network address (" +
                                          c->address + ") in the last minute; send it again in " +
                                          std::to_string(wait) + " seconds.")})));
    return;
  }
  // What it frees is read on the state before it: a cancellation's booking, say.
  std::vector<core::Placement> freed = core::placements_freed(hub_.sequencer.state(), op);
  hub_.log.before_apply(hub_.sequencer.state(), op);
  auto outcome = hub_.sequencer.submit(std::move(op), actor, unix_ms());
  if (!outcome) {
    ++hub_.counters.refused;
    reply(c, make_line(encode(Refused{id, outcome.error()})));
    return;
  }
  core::Operation& applied = outcome->applied;
  if (outcome->duplicate) {
    ++hub_.counters.duplicates;
    const bool newcomer = c->viewer.role == core::Role::Participant && c->viewer.participant == 0;
    if (newcomer && std::holds_alternative<core::Register>(applied.payload)) {
      // Its acknowledgement (and token) was lost; sign-in gives a fresh token, but only for a
      // registration that is durable.
      if (applied.sequence > hub_.durable_seq) {
        reply(c, make_line(encode(Refused{
                     id, core::make_error("not_yet_durable", "id",
                                          "This registration is still being saved; wait for "
                                          "its acknowledgement.")})));
        return;
      }
      return sign_in_.resent_registration(c, id, applied.sequence, claim);
    }
    Ack ack{id, applied.sequence, true, 0, {}};
    reply(c, make_line(encode(ack)));
    return;
  }
  ++hub_.counters.applied;
  if (registering) hub_.registrations.spend(c->address, now);
  PendingOperation pending{render_operation(applied, hub_.sequencer.state()), c, {}};
  std::optional<HubCredential> credential;
  Ack ack{id, applied.sequence, false, 0, {}};
  std::optional<core::Viewer> becomes;
  if (const auto* reg = std::get_if<core::Register>(&applied.payload);
      reg != nullptr && actor.role == core::Role::Participant && actor.participant == 0) {
    IssuedToken issued = issue_token(reg->participant);
    ack.participant = reg->participant;
    ack.token = std::move(issued.token);
    credential = std::move(issued.credential);
    becomes = core::Viewer{core::Role::Participant, reg->participant};
    hub_.registered_from[reg->participant] = c->address;
  }
  // Addresses are personal data: an erased participant's goes with the rest.
  if (const auto* erase = std::get_if<core::Erase>(&applied.payload))
    hub_.registered_from.erase(erase->participant);
  pending.replies.push_back(Reply{c, make_line(encode(ack)), becomes});
  if (change_listener_) change_listener_(applied);
  const std::uint64_t seq = applied.sequence;
  hub_.log.append(std::move(applied), std::move(credential), hub_.sequencer.state());
  pending_.push_back(std::move(pending));
  if (!freed.empty() && freed_listener_) freed_listener_(seq, freed);
}

void HubRoom::submit_from_hub(core::Operation op) {
  if (hub_.shutting_down || hub_.failed) return;
  const core::Actor actor{core::Role::Organiser, 0};
  const std::string id = op.id;
  hub_.log.before_apply(hub_.sequencer.state(), op);
  auto outcome = hub_.sequencer.submit(std::move(op), actor, unix_ms());
  if (!outcome) {
    ++hub_.counters.refused;
    hub_.note("the hub's own " + id + " was refused: " + outcome.error().message);
    return;
  }
  if (outcome->duplicate) return;
  ++hub_.counters.applied;
  core::Operation& applied = outcome->applied;
  PendingOperation pending{render_operation(applied, hub_.sequencer.state()), {}, {}};
  if (change_listener_) change_listener_(applied);
  hub_.log.append(std::move(applied), std::nullopt, hub_.sequencer.state());
  pending_.push_back(std::move(pending));
}

void HubRoom::reply(const ConnectionPtr& c, Line line) {
  if (pending_.empty()) {
    c->send(line);
  } else {
    pending_.back().replies.push_back(Reply{c, std::move(line), std::nullopt});
  }
}

void HubRoom::on_durable(std::uint64_t seq) {
  hub_.durable_seq = std::max(hub_.durable_seq, seq);
  while (!pending_.empty() && pending_.front().lines.seq <= hub_.durable_seq) {
    PendingOperation op = std::move(pending_.front());
    pending_.pop_front();
    hub_.counters.commit_max =
        std::max(hub_.counters.commit_max, std::chrono::duration_cast<std::chrono::milliseconds>(
                                               std::chrono::steady_clock::now() - op.applied));
    catch_up_.activate_snapshots(op.lines.seq - 1);
    broadcast(op);
    for (Reply& r : op.replies) {
      if (r.becomes) report_registration(hub_, r.becomes->participant);
      auto c = r.connection.lock();
      if (!c || !c->open()) continue;
      if (r.becomes) {
        hub_.roster.become(c, *r.becomes);
        hub_.note("connection " + std::to_string(c->id()) + " registered participant " +
                  std::to_string(r.becomes->participant));
      }
      cork(c);
      c->send(r.line);
    }
    catch_up_.keep(std::move(op.lines));
  }
  for (const ConnectionPtr& c : corked_) c->uncork();
  corked_.clear();
  catch_up_.activate_snapshots(hub_.durable_seq);
}

void HubRoom::refuse_pending() {
  for (PendingOperation& op : pending_) {
    for (Reply& r : op.replies) {
      if (auto c = r.connection.lock()) {
        c->send(encode(Refused{"", core::make_error("storage_failed", "",
                                                    "The hub could not store this; send it again "
                                                    "when the hub is back.")}));
      }
    }
  }
  pending_.clear();
}

// Inside on_durable, connections are corked until the whole group is sent.
void HubRoom::cork(const ConnectionPtr& c) {
  if (!c->corked()) {
    c->cork();
    corked_.push_back(c);
  }
}

void HubRoom::send_op(const ConnectionPtr& c, const PendingOperation& op,
                      const ConnectionPtr& submitter) {
  if (c->sync != HubConnection::Sync::Live || c->closing()) return;
  const bool own = c == submitter || op.lines.owned_by(c->viewer);
  if (Line line = op.lines.for_viewer(c->viewer, own)) {
    cork(c);
    if (c == submitter) {
      c->send(line);
    } else {
      hub_.fanout.send(c, line);
    }
    ++hub_.counters.lines_sent;
  }
}

void HubRoom::broadcast(const PendingOperation& op) {
  const ConnectionPtr submitter = op.submitter.lock();
  if (op.lines.everyone) {
    for (const auto& [id, c] : hub_.roster.connections()) send_op(c, op, submitter);
    return;
  }
  // Only some see it: organisers, brokers, the people involved, and the one who sent it.
  std::unordered_set<std::uint64_t> done;
  const auto to = [&](const ConnectionPtr& c) {
    if (c && done.insert(c->id()).second) send_op(c, op, submitter);
  };
  for (const std::uint64_t id : hub_.roster.privileged()) to(hub_.roster.find(id));
  for (const auto& [participant, line] : op.lines.personal)
    hub_.roster.for_participant(participant, to);
  if (op.lines.actor.role == core::Role::Participant && op.lines.actor.participant != 0)
    hub_.roster.for_participant(op.lines.actor.participant, to);
  to(submitter);
}

}  // namespace crossmatch::net
