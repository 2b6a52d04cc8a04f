// The programs' command lines (app/common/command_line.*, CLI11): each problem one sentence
// naming the flag, the help made from the same definitions, and the hub's commands through it.
#include <doctest/doctest.h>
#include <CLI/CLI.hpp>

#include <iostream>
#include <sstream>

#include "app/common/command_line.hpp"
#include "app/hub/hub_command_line.hpp"

using namespace crossmatch;

namespace {

struct Flags {
  std::string db;
  int port = 7420;
  double rate = 20;
  std::string what = "participants";
  std::string hub;
  bool insecure = false;
  std::string file;
};

// A small program: `prog serve --db FILE [--port N] [--rate X] [--what ...] [--hub HOST:PORT]`,
// `prog replay FILE`.
core::Result<app::CommandLine::Outcome> parse(std::vector<const char*> args, Flags& flags,
                                              std::string* help = nullptr) {
  app::CommandLine line("prog", "prog: a test");
  CLI::App& serve = *line.app().add_subcommand("serve", "serve");
  serve.add_option("--db", flags.db, "the database")->required();
  line.whole_number(serve.add_option("--port", flags.port, "the port")->capture_default_str(), 0,
                    65535);
  line.number(serve.add_option("--rate", flags.rate, "the rate")->capture_default_str(), 0.1, 1e6);
  line.one_of(serve.add_option("--what", flags.what, "what"),
              {"participants", "meetings", "calendar"});
  line.host_port(serve.add_option("--hub", flags.hub, "the hub"));
  serve.add_flag("--insecure", flags.insecure, "no TLS");
  CLI::App& replay = *line.app().add_subcommand("replay", "replay");
  replay.add_option("FILE", flags.file, "the file")->required();
  args.insert(args.begin(), "prog");
  auto outcome = line.parse(static_cast<int>(args.size()), args.data());
  if (help != nullptr) *help = line.help();
  return outcome;
}

core::Error error(std::vector<const char*> args) {
  Flags flags;
  auto outcome = parse(std::move(args), flags);
  REQUIRE_FALSE(outcome.ok());
  CHECK(outcome.error().message.find('\n') == std::string::npos);
  return outcome.error();
}

// The hub's command line run in this process: exit status and standard error.
std::pair<int, std::string> run_hub(std::vector<const char*> args) {
  args.insert(args.begin(), "crossmatch-hub");
  std::ostringstream out, err;
  auto* old_out = std::cout.rdbuf(out.rdbuf());
  auto* old_err = std::cerr.rdbuf(err.rdbuf());
  const int status = hub::run_command_line(static_cast<int>(args.size()), args.data());
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  return {status, err.str() + out.str()};
}

}  // namespace

TEST_CASE("command line: values are read into the flags' variables") {
  Flags flags;
  auto outcome = parse({"serve", "--db", "e.db", "--port", "0", "--rate=2.5", "--what", "calendar",
                        "--hub", "[::1]:7420", "--insecure"},
                       flags);
  REQUIRE(outcome.ok());
  CHECK(*outcome == app::CommandLine::Outcome::Run);
  CHECK(flags.db == "e.db");
  CHECK(flags.port == 0);
  CHECK(flags.rate == 2.5);
  CHECK(flags.what == "calendar");
  CHECK(flags.insecure);
}

TEST_CASE("command line: each problem is one sentence naming the flag") {
  const auto e = [](std::vector<const char*> args) { return error(std::move(args)); };
  CHECK(e({"serve", "--db", "x", "--port", "99999"}).message ==
        "--port is 99999; it must be between 0 and 65535.");
  CHECK(e({"serve", "--db", "x", "--port", "99999"}).field == "--port");
  CHECK(e({"serve", "--db", "x", "--port", "7k"}).message ==
        "--port needs a whole number, not '7k'.");
  CHECK(e({"serve", "--db", "x", "--rate", "0"}).message ==
        "--rate is 0; it must be between 0.1 and 1000000.");
  CHECK(e({"serve", "--db", "x", "--rate", "fast"}).code == "not_a_number");
  CHECK(e({"serve", "--db", "x", "--what", "people"}).message ==
        "--what is 'people'; expected participants, meetings or calendar.");
  CHECK(e({"serve", "--db", "x", "--hub", "h:99999"}).code == "bad_port");
  CHECK(e({"serve", "--db", "x", "--hub", "h:99999"}).field == "--hub");
  CHECK(e({"serve"}).message == "--db is required.");
  CHECK(e({"serve", "--db"}).message == "--db needs a value.");
  CHECK(e({"serve", "--db", "a", "--db", "b"}).code == "duplicate_flag");
  CHECK(e({"serve", "--db", "x", "--colour", "red"}).message == "Unknown option --colour.");
  CHECK(e({"serve", "--db", "x", "--colour=red"}).message == "Unknown option --colour.");
  CHECK(e({"serve", "--db", "x", "more"}).message == "Unexpected argument 'more'.");
  CHECK(e({"dance"}).message == "Unknown command 'dance'.");
  CHECK(e({"replay"}).message == "FILE is required.");
}

TEST_CASE("command line: --help is the subcommand's, from the same definitions") {
  Flags flags;
  std::string help;
  auto outcome = parse({"serve", "--help"}, flags, &help);
  REQUIRE(outcome.ok());
  CHECK(*outcome == app::CommandLine::Outcome::Help);
  CHECK(help.find("prog serve") != std::string::npos);
  CHECK(help.find("--port N") != std::string::npos);
  CHECK(help.find("0 to 65535; default 7420") != std::string::npos);
  CHECK(help.find("participants|meetings|calendar") != std::string::npos);
  CHECK(help.find("--db") != std::string::npos);
}

TEST_CASE("command line: the hub's commands refuse bad flags with status 2, naming them") {
  auto [status, text] = run_hub({"serve", "--db", "x.db", "--port", "70000"});
  CHECK(status == 2);
  CHECK(text == "crossmatch-hub: --port is 70000; it must be between 0 and 65535.\n");
  std::tie(status, text) = run_hub({"demo-event", "--show"});
  CHECK(status == 2);
  CHECK(text.find("--show needs a value.") != std::string::npos);
  std::tie(status, text) = run_hub({"backup", "--db", "x.db"});
  CHECK(status == 2);
  CHECK(text.find("--out is required.") != std::string::npos);
  std::tie(status, text) = run_hub({"serve", "--help"});
  CHECK(status == 0);
  for (const char* flag : {"--db",
                           "--host",
                           "--port",
                           "--demo",
                           "--seed",
                           "--name",
                           "--time-zone",
                           "--max-connections",
                           "--idle-seconds",
                           "--handshake-seconds",
                           "--rate",
                           "--burst",
                           "--max-unsent-mb",
                           "--fanout-hold-ms",
                           "--assets",
                           "--team-delay-ms",
                           "--team-seconds",
                           "--cert",
                           "--key",
                           "--insecure"})
    CHECK_MESSAGE(text.find(flag) != std::string::npos, flag);
  std::tie(status, text) = run_hub({});
  CHECK(status == 2);
  for (const char* command :
       {"serve", "export", "print", "import", "backup", "assets", "demo-event", "replay"})
    CHECK_MESSAGE(text.find(command) != std::string::npos, command);
  std::tie(status, text) = run_hub({"help"});
  CHECK(status == 0);
  CHECK(text.find("demo-event") != std::string::npos);
}
