#include "app/client/client_command_line.hpp"

#include <CLI/CLI.hpp>

#include "app/client/views/client_app.hpp"
#include "app/common/command_line.hpp"
#include "i18n/languages.hpp"

namespace crossmatch::client {
namespace {

// The flags, bound to `args`; `hub` receives --hub's text, checked as HOST:PORT.
std::unique_ptr<app::CommandLine> define(ClientArgs& args, std::string& hub) {
  auto line = std::make_unique<app::CommandLine>(
      "crossmatch", "crossmatch: the app for the participants, organisers and brokers of an event");
  CLI::App& cli = line->app();
  line->host_port(cli.add_option(
      "--hub", hub, "the event's hub; with --code or --token the join screen is skipped"));
  cli.add_option("--code", args.code, "the event's join code (a newcomer registers next)")
      ->type_name("CODE");
  cli.add_option(
         "--token", args.token,
         "a participant's, the organiser's, a broker's or a helper's token (not with --code)")
      ->type_name("TOKEN");
  cli.add_option("--pin", args.pin,
                 "the hub's certificate pin (ABCD-EFGH-JKLM, or its SHA-256 fingerprint), when "
                 "neither the code nor "
                 "a pin remembered from before has it")
      ->type_name("PIN");
  cli.add_flag("--insecure", args.insecure,
               "connect without TLS (only to a hub started with --insecure)");
  cli.add_flag("--kiosk", args.kiosk,
               "a kiosk at the venue: full screen, large type; participants sign in with their "
               "badge's check-in code and are signed out after a minute without use; needs --hub "
               "and a helper's or the organiser's --token; remembers nothing of anyone");
  line->one_of(cli.add_option("--screen", args.screen, "the screen to open"), screen_names())
      ->type_name("NAME");
  cli.add_option("--screenshot", args.screenshot,
                 "save the window to FILE (PNG) after --after seconds and exit")
      ->type_name("FILE");
  line->number(cli.add_option("--after", args.after, "when to take the screenshot, in seconds")
                   ->capture_default_str(),
               0, 3600);
  cli.add_option("--config", args.config_dir,
                 "keep settings in DIR instead of $XDG_CONFIG_HOME/crossmatch")
      ->type_name("DIR");
  line->one_of(cli.add_option("--theme", args.theme,
                              "light or dark, for this run (the View menu's choice is remembered)"),
               {"light", "dark"})
      ->type_name("THEME");
  std::vector<std::string> codes;
  for (const i18n::Language& language : i18n::languages()) codes.push_back(language.code);
  codes.emplace_back(i18n::kPseudoLanguage);
  line->one_of(cli.add_option("--language", args.language,
                              "the interface's language for this run (the View menu's choice is "
                              "remembered): en, de, pt, it, et, lt, cs, nl, sv, pl, or qps, a "
                              "pseudo-language that shows texts cut by the layout"),
               codes)
      ->type_name("CODE");
  line->whole_number(
      cli.add_option("--zoom", args.zoom, "zoom in percent (100 to 200), for this run")
          ->type_name("PERCENT"),
      100, 200);
  cli.add_option("--layout-dump", args.layout_dump,
                 "keep in FILE the text the window shows and where (x y width height text, in "
                 "pixels), rewritten whenever it changes: for tests that click through the window")
      ->type_name("FILE");
  std::string screens;
  for (const std::string& name : screen_names()) screens += (screens.empty() ? "" : ", ") + name;
  cli.footer("Screens: " + screens + ".");
  return line;
}

}  // namespace

core::Result<ClientArgs> parse_client_args(int argc, const char* const* argv) {
  ClientArgs args;
  std::string hub;
  const auto line = define(args, hub);
  auto outcome = line->parse(argc, argv);
  if (!outcome) return outcome.error();
  if (*outcome == app::CommandLine::Outcome::Help) {
    args.help = true;
    return args;
  }
  if (!hub.empty()) {
    auto address = app::parse_host_port(hub);
    if (!address) return address.error();
    args.hub = *address;
    args.has_hub = true;
  }
  if (!args.code.empty() && !args.token.empty()) {
    return core::make_error("code_and_token", "--token", "Give --code or --token, not both.");
  }
  if (args.insecure && !args.pin.empty()) {
    return core::make_error("pin_and_insecure", "--pin",
                            "--pin checks the hub's certificate; --insecure has none.");
  }
  if ((!args.code.empty() || !args.token.empty()) && !args.has_hub) {
    return core::make_error("missing_hub", "--hub", "--code and --token need --hub HOST:PORT.");
  }
  if (args.kiosk) {
    if (!args.has_hub || args.token.empty())
      return core::make_error("kiosk_needs_token", "--kiosk",
                              "--kiosk needs --hub HOST:PORT and a helper's or the organiser's "
                              "--token.");
    if (!args.screen.empty())
      return core::make_error("kiosk_and_screen", "--screen",
                              "--kiosk has one screen of its own; leave out --screen.");
  }
  return args;
}

std::string client_help() {
  ClientArgs args;
  std::string hub;
  return define(args, hub)->help();
}

}  // namespace crossmatch::client
