// What every part of the hub server shares: its options, the log, the sequencer, the roster, the
// held fan-out, how far the log is durable, the counters and how far the hub is in stopping.
// Internal to the hub server; all of it lives on the network thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <utility>

#include <asio/io_context.hpp>

#include "core/event/sequencer.hpp"
#include "net/address_budget.hpp"
#include "net/held_fanout.hpp"
#include "net/hub_admission.hpp"
#include "net/hub_log.hpp"
#include "net/hub_roster.hpp"
#include "net/hub_server.hpp"
#include "net/tokens.hpp"

namespace crossmatch::net {

// Connections that were told to close get this long to read the error before they are cut.
inline constexpr auto kClosingGrace = std::chrono::seconds(2);

struct HubContext {
  HubContext(asio::io_context& io, const core::Taxonomy& taxonomy, HubLog& log, HubOptions options,
             std::ostream& out)
      : io(io),
        log(log),
        options(std::move(options)),
        sequencer(taxonomy),
        fanout(io, std::chrono::milliseconds(this->options.fanout_hold_ms)),
        admission(this->options),
        registrations(this->options.registrations_per_address_per_minute),
        failed_sign_ins(this->options.failed_sign_ins_per_address_per_minute),
        out_(out) {
    sequencer.draw_check_in_codes(make_check_in_code);
    sequencer.convert_local_times(this->options.local_to_utc);
  }

  // One line on the hub's output, with the time; control characters in `text` are escaped
  // (core::escape_control_characters).
  void note(const std::string& text);

  asio::io_context& io;
  HubLog& log;
  const HubOptions options;
  core::Sequencer sequencer;
  HubRoster roster;
  HeldFanout fanout;  // other people's lines, held up to HubOptions::fanout_hold_ms
  std::uint64_t durable_seq = 0;
  HubCounters counters;
  HubAdmission admission;         // the connection cap and connections signing in per address
  AddressBudget registrations;    // registrations per address and minute
  AddressBudget failed_sign_ins;  // wrong join codes and tokens per address and minute
  // The address each newcomer registered from, for organisers (RegisteredFrom); in memory only.
  std::map<core::ParticipantId, std::string> registered_from;

  // Stopping goes one way, in this order; a failed store skips straight to stopping.
  bool shutting_down = false;  // no more hellos or operations; the pending ones are finished
  bool stopping = false;       // every connection is being closed
  bool stopped = false;        // all closed; nothing more runs
  bool failed = false;         // the store failed to commit

 private:
  std::ostream& out_;
};

// Sends organiser connections (live ones) the addresses of these registrations, or all of them.
void send_registered_from(const HubContext& hub, const ConnectionPtr& organiser);
void report_registration(const HubContext& hub, core::ParticipantId participant);

// An error line after which the hub closes the connection.
ErrorMessage closing_error(std::string code, std::string field, std::string message);

// Who a connection is, in the hub's log ("organiser", "newcomer", "participant 12").
std::string describe(const core::Viewer& v);

}  // namespace crossmatch::net
