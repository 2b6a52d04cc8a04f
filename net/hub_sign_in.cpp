// Sign-in: hello, credentials, the welcome, and tokens for newcomers.
#include "net/hub_sign_in.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "core/event/check_in_code.hpp"
#include "net/tokens.hpp"

namespace crossmatch::net {

IssuedToken issue_token(core::ParticipantId p) {
  std::string token = make_token();
  HubCredential credential{token_hash(token), core::Role::Participant, p};
  return IssuedToken{std::move(token), std::move(credential)};
}

void HubSignIn::hello(const ConnectionPtr& c, Hello h) {
  if (c->phase != HubConnection::Phase::AwaitingHello) {
    c->send(encode(ErrorMessage{
        core::make_error("already_greeted", "type", "This connection has said hello already."),
        false}));
    return;
  }
  c->client_name = h.client;
  if (h.protocol != kProtocolVersion)
    return c->close_with(
        closing_error("protocol_mismatch", "protocol",
                      "This hub speaks protocol " + std::to_string(kProtocolVersion) +
                          ", the client " + std::to_string(h.protocol) +
                          "; use a client of the same version as the hub."),
        "protocol " + std::to_string(h.protocol));
  if (hub_.shutting_down || hub_.failed)
    return c->close_with(
        closing_error("shutting_down", "", "The hub is shutting down; try again shortly."),
        "hello while shutting down");
  // Guessing join codes or tokens: an address that got too many wrong lately is not heard until
  // its budget refills, right or wrong.
  const auto now = std::chrono::steady_clock::now();
  if (!hub_.failed_sign_ins.allows(c->address, now)) {
    ++hub_.counters.address_limited;
    const int wait = hub_.failed_sign_ins.seconds_until_allowed(c->address, now);
    return c->close_with(
        closing_error("too_many_failed_sign_ins", "",
                      "Too many wrong join codes or tokens came from your network address (" +
                          c->address + ") lately; try again in " + std::to_string(wait) +
                          " seconds."),
        "too many failed sign-ins from " + c->address);
  }
  const core::EventState& state = hub_.sequencer.state();
  if (!h.join_code.empty()) {
    if (!state.event.created || !same_secret(h.join_code, state.event.join_code)) {
      hub_.failed_sign_ins.spend(c->address, now);
      return c->close_with(
          closing_error("wrong_join_code", "join_code",
                        "That join code is not this event's; check the code you were given."),
          "wrong join code");
    }
    return welcome(c, core::Viewer{core::Role::Participant, 0}, h);
  }
  // The lookup runs on the storage thread; meanwhile the connection reads nothing more, and
  // what it had already sent waits, in order.
  c->phase = HubConnection::Phase::Authenticating;
  c->await_lines();
  const std::string hash = token_hash(h.token);
  hub_.log.find_credential(hash, [this, weak = std::weak_ptr<HubConnection>(c), hash,
                                  h](core::Result<std::optional<HubCredential>> found) {
    auto c = weak.lock();
    if (!c || !c->open()) return;
    if (!found) {
      hub_.note("credential lookup failed: " + found.error().message);
      return c->close_with(
          closing_error("storage_error", "", "The hub could not check the token; try again."),
          "credential lookup failed");
    }
    if (!*found || !equal_constant_time((*found)->token_hash, hash)) {
      hub_.failed_sign_ins.spend(c->address, std::chrono::steady_clock::now());
      return c->close_with(closing_error("wrong_token", "token",
                                         "That token is not valid for this event; join with the "
                                         "event's code or use the token you were given."),
                           "wrong token");
    }
    const HubCredential& credential = **found;
    if (!h.check_in_code.empty()) {
      kiosk(c, credential, h);
      return c->resume_lines();
    }
    if (credential.role == core::Role::Participant) {
      const core::Participant* p = hub_.sequencer.state().participant(credential.participant);
      if (p == nullptr || p->status == core::ParticipantStatus::Erased)
        return c->close_with(
            closing_error("erased", "token", "This participant's data was erased from the event."),
            "token of an erased participant");
    }
    welcome(c, core::Viewer{credential.role, credential.participant}, h);
    c->resume_lines();
  });
}

void HubSignIn::kiosk(const ConnectionPtr& c, const HubCredential& credential, const Hello& h) {
  if (credential.role != core::Role::Helper && credential.role != core::Role::Organiser)
    return c->close_with(
        closing_error("not_a_kiosk", "token",
                      "Only a kiosk signed in with a helper's or the organiser's token signs "
                      "people in by their check-in code."),
        "check-in code from a " + std::string(core::to_string(credential.role)));
  const core::EventState& state = hub_.sequencer.state();
  const std::string code = core::normalise_check_in_code(h.check_in_code);
  const auto it = core::is_check_in_code(code) ? state.index.check_in_codes.find(code)
                                               : state.index.check_in_codes.end();
  if (it == state.index.check_in_codes.end()) {
    // Codes are short: guessing them costs the address's sign-in budget, as wrong tokens do.
    hub_.failed_sign_ins.spend(c->address, std::chrono::steady_clock::now());
    return c->close_with(
        closing_error("unknown_check_in_code", "check_in_code",
                      "No one at this event has the check-in code " +
                          (code.empty() ? std::string("typed") : core::format_check_in_code(code)) +
                          "; check the code on the badge, or ask at the desk."),
        "unknown check-in code at a kiosk");
  }
  const core::Participant* p = state.participant(it->second);
  if (p == nullptr || !p->active())
    return c->close_with(
        closing_error("withdrawn", "check_in_code",
                      "This badge's registration was withdrawn; ask at the registration desk."),
        "check-in code of a withdrawn participant at a kiosk");
  c->kiosk = true;
  welcome(c, core::Viewer{core::Role::Participant, it->second}, h);
}

void HubSignIn::welcome(const ConnectionPtr& c, const core::Viewer& viewer, const Hello& h) {
  c->phase = HubConnection::Phase::Ready;
  c->viewer = viewer;
  hub_.admission.signed_in(*c);
  const bool privileged = viewer.privileged();
  const double factor = privileged ? kPrivilegedRateFactor : 1.0;
  c->limiter.set(hub_.options.rate_per_second * factor, hub_.options.rate_burst * factor);
  const std::size_t line_bytes =
      viewer.role == core::Role::Organiser ? kMaxOrganiserLineBytes : kMaxClientLineBytes;
  c->set_max_line_bytes(line_bytes);
  hub_.note("connection " + std::to_string(c->id()) + " is " + describe(viewer) +
            (c->kiosk ? " at a kiosk" : "") + (h.client.empty() ? "" : " (" + h.client + ")"));
  Welcome w;
  w.protocol = kProtocolVersion;
  w.event = hub_.sequencer.state().event.name;
  w.role = viewer.role;
  w.participant = viewer.participant;
  w.seq = hub_.durable_seq;
  w.hub = hub_.options.hub_name;
  w.line_bytes = line_bytes;
  w.rate_per_second = hub_.options.rate_per_second * factor;
  w.rate_burst = hub_.options.rate_burst * factor;
  w.idle_seconds = hub_.options.idle_seconds;
  w.catch_up = catch_up_.plan(h);
  c->compress = std::find(h.compress.begin(), h.compress.end(), "zstd") != h.compress.end();
  if (c->compress) w.compress = "zstd";
  c->send(encode(w));
  c->notices_after = h.notices_after;
  catch_up_.start(c, w.catch_up, h.after);
}

// The id is known only to the client that made it (others see "s<seq>"), so the client gets a
// fresh token for the participant it registered.
void HubSignIn::resent_registration(const ConnectionPtr& c, const std::string& id,
                                    std::uint64_t seq, const std::string& claim) {
  hub_.log.read_after(
      seq - 1, 1,
      [this, weak = std::weak_ptr<HubConnection>(c), id, seq,
       digest = claim.empty() ? std::string() : claim_digest(claim)](
          core::Result<std::vector<core::Operation>> ops) {
        auto c = weak.lock();
        if (!c || !c->open()) return;
        const core::Register* reg = nullptr;
        if (ops && !ops->empty() && ops->front().sequence == seq)
          reg = std::get_if<core::Register>(&ops->front().payload);
        // A registration made without a claim, or a resend without its secret, proves nothing:
        // whoever learnt the operation's id would get the participant's token.
        const bool proven = reg != nullptr && !reg->claim.empty() && !digest.empty() &&
                            equal_constant_time(reg->claim, digest);
        if (!proven || ops->front().actor.role != core::Role::Participant ||
            ops->front().actor.participant != 0) {
          c->send(encode(
              Refused{id, core::make_error("duplicate_operation", "id",
                                           "Operation '" + id + "' was applied before (sequence " +
                                               std::to_string(seq) + ").")}));
          return;
        }
        const core::ParticipantId participant = reg->participant;
        IssuedToken issued = issue_token(participant);
        hub_.log.put_credential(
            std::move(issued.credential), [this, weak, id, seq, participant,
                                           token = std::move(issued.token)](core::Status stored) {
              auto c = weak.lock();
              if (!c || !c->open()) return;
              if (!stored) {
                c->send(encode(
                    Refused{id, core::make_error("storage_error", "",
                                                 "The hub could not store a token; try again.")}));
                return;
              }
              hub_.roster.become(c, core::Viewer{core::Role::Participant, participant});
              hub_.note("connection " + std::to_string(c->id()) +
                        " resent its registration: participant " + std::to_string(participant) +
                        " gets a new token");
              c->send(encode(Ack{id, seq, true, participant, token}));
            });
      });
}

}  // namespace crossmatch::net
