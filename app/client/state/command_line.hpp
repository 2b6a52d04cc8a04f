// The client's command line: where the hub is, how to join, and a screenshot mode for docs and
// tests. Bad flags give an error naming the flag.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace crossmatch::client {

inline constexpr const char* kClientUsage =
    "usage: crossmatch [--hub HOST:PORT (--code CODE | --token TOKEN)] [--screen NAME]\n"
    "                  [--pin PIN | --insecure] [--screenshot FILE.png --after SECONDS] [--config DIR]\n\n"
    "  --hub HOST:PORT      the event's hub; with --code or --token the join screen is skipped\n"
    "  --code CODE          the event's join code (a newcomer registers next)\n"
    "  --token TOKEN        a participant's, the organiser's or a broker's token\n"
    "  --pin PIN            the hub's certificate pin (ABCD-EFGH-JKLM, or its SHA-256 fingerprint),\n"
    "                       when neither the code nor a pin remembered from before has it\n"
    "  --insecure           connect without TLS (only to a hub started with --insecure)\n"
    "  --screen NAME        the screen to open: partners, requests, agenda, team, pitch,\n"
    "                       clinic, feedback, profile, event, matching, schedule, round,\n"
    "                       announcements, exports, statistics, monitor, network, unmatched,\n"
    "                       notifications\n"
    "  --screenshot FILE    save the window to FILE (PNG) after --after seconds and exit\n"
    "  --after SECONDS      when to take the screenshot (default 3)\n"
    "  --config DIR         keep settings in DIR instead of $XDG_CONFIG_HOME/crossmatch\n";

struct HubAddress {
  std::string host;
  unsigned short port = 0;
};

// "HOST:PORT" (a port 1-65535; an IPv6 host in brackets: "[::1]:7420").
core::Result<HubAddress> parse_hub_address(std::string_view text);

struct ClientArgs {
  bool help = false;
  bool has_hub = false;
  HubAddress hub;
  std::string code, token;
  std::string pin;
  bool insecure = false;
  std::string screen;
  std::string screenshot;
  double after = 3.0;
  std::string config_dir;
};

core::Result<ClientArgs> parse_client_args(int argc, const char* const* argv);

}  // namespace crossmatch::client
