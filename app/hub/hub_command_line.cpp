// The only file of the hub that includes CLI11.
#include "app/hub/hub_command_line.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <iostream>

#include "app/common/command_line.hpp"
#include "app/hub/data_commands.hpp"
#include "app/hub/inspect_commands.hpp"
#include "app/hub/serve_command.hpp"
#include "core/demo_event.hpp"

namespace crossmatch::hub {
namespace {

// A flag whose absence means something other than any value (the assets beside the program,
// the name the hub picks): kept apart until parsing tells whether it was given.
struct Optional {
  std::string value;
  CLI::Option* option = nullptr;
  std::optional<std::string> get() const {
    return app::CommandLine::given(option) ? std::optional<std::string>(value) : std::nullopt;
  }
};

Optional add_optional(CLI::App& command, const std::string& flag, const std::string& type,
                      const std::string& what) {
  Optional o;
  o.option = command.add_option(flag, o.value, what)->type_name(type);
  return o;
}

Optional add_assets(CLI::App& command) {
  return add_optional(command, "--assets", "DIR",
                      "read the asset files from DIR instead of the ones beside this program");
}

}  // namespace

int run_command_line(int argc, const char* const* argv) {
  app::CommandLine line(
      "crossmatch-hub",
      "crossmatch-hub: the hub of an event, and the commands that work on its data");
  CLI::App& hub = line.app();

  // [SECTION] serve
  ServeOptions serve;
  CLI::App& serving = *hub.add_subcommand("serve", "run the hub of an event");
  serving.footer(
      "Runs the hub of the event in FILE (created when new: prints its join code and the "
      "organiser's and a\n"
      "broker's tokens once; --demo N adds N generated participants). Connections are TLS 1.3 with "
      "the\n"
      "certificate kept beside FILE (made on the first start) unless --cert and --key name "
      "another, or\n"
      "--insecure turns TLS off.");
  serving.add_option("--db", serve.db, "the event's database (created when new)")
      ->required()
      ->type_name("FILE");
  serving.add_option("--host", serve.host, "the address to listen on")
      ->capture_default_str()
      ->type_name("HOST");
  line.whole_number(
      serving.add_option("--port", serve.port, "the port to listen on (0: any free one)")
          ->capture_default_str(),
      0, 65535);
  line.whole_number(
      serving.add_option("--demo", serve.demo, "generated participants for a new event")
          ->capture_default_str(),
      0, core::kMaxDemoParticipants);
  line.whole_number(
      serving.add_option("--seed", serve.seed, "the seed of the generated participants")
          ->capture_default_str(),
      0, INT64_MAX);
  Optional name = add_optional(
      serving, "--name", "NAME",
      "a new event's name (default 'Cross Innovation Event', with --demo 'Cross Innovation Demo')");
  serving.add_option("--time-zone", serve.time_zone, "a new event's time zone")
      ->capture_default_str()
      ->type_name("ZONE");
  line.whole_number(
      serving.add_option("--max-connections", serve.max_connections, "connections at once")
          ->capture_default_str(),
      1, 1000000);
  line.whole_number(serving
                        .add_option("--idle-seconds", serve.idle_seconds,
                                    "a silent connection is closed after this long")
                        ->capture_default_str(),
                    1, 86400);
  line.whole_number(serving
                        .add_option("--handshake-seconds", serve.handshake_seconds,
                                    "a connection must have said hello within this long")
                        ->capture_default_str(),
                    1, 3600);
  line.whole_number(
      serving
          .add_option("--max-signing-in-per-address", serve.max_signing_in_per_address,
                      "connections from one address that may be signing in at once")
          ->capture_default_str()
          ->type_name("N"),
      1, 1000000);
  line.whole_number(serving
                        .add_option("--signed-in-share", serve.signed_in_share,
                                    "percent of --max-connections kept for people signed in")
                        ->capture_default_str()
                        ->type_name("PERCENT"),
                    0, 90);
  line.whole_number(
      serving
          .add_option("--busy-handshake-seconds", serve.busy_handshake_seconds,
                      "near its cap, the hub gives a connection at most this long to say hello")
          ->capture_default_str()
          ->type_name("S"),
      1, 3600);
  line.whole_number(serving
                        .add_option("--max-handshakes", serve.max_handshakes,
                                    "connections signing in at once; new ones wait to be accepted")
                        ->capture_default_str()
                        ->type_name("N"),
                    1, 100000);
  line.whole_number(serving
                        .add_option("--registrations-per-address", serve.registrations_per_address,
                                    "registrations a minute from one address")
                        ->capture_default_str()
                        ->type_name("N"),
                    1, 1000000);
  line.whole_number(
      serving
          .add_option("--failed-sign-ins-per-address", serve.failed_sign_ins_per_address,
                      "wrong join codes or tokens a minute from one address")
          ->capture_default_str()
          ->type_name("N"),
      1, 1000000);
  line.number(serving.add_option("--rate", serve.rate, "lines a participant may send a second")
                  ->capture_default_str(),
              0.1, 1e6);
  line.number(serving.add_option("--burst", serve.burst, "... and at once")->capture_default_str(),
              1, 1e7);
  line.whole_number(serving
                        .add_option("--max-unsent-mb", serve.max_unsent_mb,
                                    "a connection with more than this many MiB unsent is closed")
                        ->capture_default_str()
                        ->type_name("M"),
                    1, 4096);
  line.whole_number(
      serving
          .add_option(
              "--fanout-hold-ms", serve.fanout_hold_ms,
              "other people's operations are sent to each client at most this often (0: at once); "
              "longer with thousands of connections, up to 400 ms")
          ->capture_default_str()
          ->type_name("MS"),
      0, 1000);
  line.whole_number(
      serving
          .add_option("--max-db-mb", serve.max_db_mb,
                      "the database may not grow beyond this many MiB: the hub then stops as on a "
                      "full disk, keeping what it acknowledged (0: no limit but the disk's)")
          ->capture_default_str()
          ->type_name("M"),
      0, 1 << 24);
  Optional serve_assets = add_assets(serving);
  line.whole_number(
      serving
          .add_option("--team-delay-ms", serve.team_delay_ms,
                      "teams are re-formed this long after the last change that affects them")
          ->capture_default_str()
          ->type_name("MS"),
      0, 3600 * 1000);
  line.number(serving
                  .add_option("--team-seconds", serve.team_seconds,
                              "each re-optimisation of the teams searches this long")
                  ->capture_default_str()
                  ->type_name("S"),
              0.001, 600);
  Optional cert =
      add_optional(serving, "--cert", "FILE", "the hub's TLS certificate (PEM), with --key");
  Optional key =
      add_optional(serving, "--key", "FILE", "the certificate's private key (PEM), with --cert");
  serving.add_flag("--insecure", serve.insecure,
                   "no TLS: profiles, contact details and tokens cross the network in plain text");

  // [SECTION] export, import, backup
  ExportOptions exporting;
  std::int64_t participant = 0;
  CLI::App& export_command = *hub.add_subcommand(
      "export", "the event as CSV, or its calendar as iCalendar; works while the hub runs");
  export_command.footer(
      "To standard output unless --out is given; --participant ID exports one participant's "
      "calendar.");
  export_command.add_option("--db", exporting.db, "the event's database")
      ->required()
      ->type_name("FILE");
  line.one_of(export_command.add_option("--what", exporting.what, "what to export")->required(),
              std::vector<std::string>(std::begin(kExportKinds), std::end(kExportKinds)));
  line.whole_number(
      export_command
          .add_option("--participant", participant, "one participant's calendar (--what calendar)")
          ->type_name("ID"),
      1, UINT32_MAX);
  Optional out = add_optional(export_command, "--out", "FILE",
                              "write to FILE (replaced at once when complete)");
  export_command.add_flag("--spreadsheet", exporting.spreadsheet,
                          "CSV for spreadsheet programs: UTF-8 with a byte-order mark, so that "
                          "accented names open correctly");
  Optional export_assets = add_assets(export_command);

  PrintOptions printing;
  CLI::App& print_command = *hub.add_subcommand(
      "print",
      "pages for the venue as PDF: badges, personal agendas, table signs or the join "
      "poster; works while the hub runs");
  print_command.footer(
      "Badges and agendas are made for every active participant unless --participants names some; "
      "the\n"
      "poster needs --hub, the address people type to join.");
  print_command.add_option("--db", printing.db, "the event's database")
      ->required()
      ->type_name("FILE");
  line.one_of(print_command.add_option("--what", printing.what, "what to print")->required(),
              std::vector<std::string>(std::begin(kPrintKinds), std::end(kPrintKinds)));
  print_command.add_option("--out", printing.out, "the PDF (replaced at once when complete)")
      ->required()
      ->type_name("FILE");
  line.one_of(
      print_command.add_option("--paper", printing.paper, "the paper size")->capture_default_str(),
      {"a4", "letter"});
  print_command
      .add_option("--participants", printing.participants,
                  "badges or agendas of these participants only, by id: 3,7,12")
      ->type_name("IDS");
  Optional print_hub =
      add_optional(print_command, "--hub", "HOST:PORT", "the hub's address, printed on the poster");
  line.host_port(print_hub.option);
  Optional print_assets = add_assets(print_command);

  ImportOptions importing;
  CLI::App& import_command = *hub.add_subcommand(
      "import",
      "register the participants of a CSV file; refused while a hub runs on the database");
  import_command.footer(
      "The CSV file has the columns of 'export --what participants'; each refused row is printed "
      "(line, field,\n"
      "message).");
  import_command.add_option("--db", importing.db, "the event's database")
      ->required()
      ->type_name("FILE");
  import_command.add_option("--csv", importing.csv, "the participants")
      ->required()
      ->type_name("FILE");
  Optional import_assets = add_assets(import_command);

  BackupOptions backup;
  CLI::App& backup_command = *hub.add_subcommand(
      "backup", "a consistent copy of the event's database, taken while the hub keeps running");
  backup_command.add_option("--db", backup.db, "the event's database")
      ->required()
      ->type_name("FILE");
  backup_command.add_option("--out", backup.out, "the copy")->required()->type_name("FILE");
  Optional backup_assets = add_assets(backup_command);

  VerifyOptions verify;
  CLI::App& verify_command = *hub.add_subcommand(
      "verify",
      "check an event's database: SQLite's integrity, the log's checksums and sequence, "
      "and the tables against a replay of the log (also while the hub runs)");
  verify_command.footer(
      "Exits 0 when sound, 1 when damage is found (each problem is printed), 2 "
      "when the file cannot be read as an event database.");
  verify_command.add_option("--db", verify.db, "the event's database")
      ->required()
      ->type_name("FILE");
  Optional verify_assets = add_assets(verify_command);

  FollowUpOptions follow_up;
  CLI::App& follow_up_command = *hub.add_subcommand(
      "follow-up",
      "a follow-up round as CSV for people who do not use the app (--round N), or their answers "
      "back (--csv FILE)");
  follow_up_command.footer(
      "--round N writes one row per held meeting and person, to standard output unless --out is "
      "given.\n--csv FILE imports the answers: every refused row is printed (line, column, "
      "reason) and then\nnothing is imported. Refused while a hub runs on the database.");
  follow_up_command.add_option("--db", follow_up.db, "the event's database")
      ->required()
      ->type_name("FILE");
  line.whole_number(
      follow_up_command.add_option("--round", follow_up.round, "the follow-up round to send out")
          ->type_name("N"),
      1, UINT32_MAX);
  Optional follow_up_out = add_optional(follow_up_command, "--out", "FILE",
                                        "write to FILE (replaced at once when complete)");
  Optional follow_up_csv = add_optional(follow_up_command, "--csv", "FILE", "the answers");
  Optional follow_up_assets = add_assets(follow_up_command);

  ReportOptions report;
  CLI::App& report_command = *hub.add_subcommand(
      "report", "the programme's impact report from several events' databases, as one HTML page");
  report_command.footer(
      "Give --db once per event of the programme. The page is self-contained (no script, no "
      "external file);\nno one is named, and groups of fewer than 3 people are merged.");
  report_command.add_option("--db", report.dbs, "an event's database (once per event)")
      ->required()
      ->type_name("FILE");
  report_command.add_option("--out", report.out, "the HTML page (replaced at once when complete)")
      ->required()
      ->type_name("FILE");
  line.whole_number(report_command
                        .add_option("--target", report.target,
                                    "new cross-sector, cross-border relationships aimed at")
                        ->type_name("N"),
                    1, 1000000);
  Optional report_assets = add_assets(report_command);

  // [SECTION] assets, demo-event, replay
  CLI::App& assets_command = *hub.add_subcommand(
      "assets", "check the taxonomy files and print the study's table of cities and sectors");
  Optional assets_assets = add_assets(assets_command);

  DemoEventOptions demo;
  CLI::App& demo_command =
      *hub.add_subcommand("demo-event", "generate a demo event and print its summary");
  line.whole_number(demo_command.add_option("--participants", demo.participants, "participants")
                        ->capture_default_str(),
                    1, core::kMaxDemoParticipants);
  line.whole_number(demo_command.add_option("--seed", demo.seed, "the seed")
                        ->capture_default_str()
                        ->type_name("K"),
                    0, INT64_MAX);
  line.whole_number(demo_command.add_option("--show", demo.show, "participants printed in full")
                        ->capture_default_str()
                        ->type_name("M"),
                    0, core::kMaxDemoParticipants);
  Optional demo_assets = add_assets(demo_command);

  std::string replay_file;
  CLI::App& replay_command = *hub.add_subcommand(
      "replay", "apply a file of operations (one JSON object per line) to an empty event");
  replay_command.footer(
      "Prints each refusal as a JSON line (line, code, field, message) and the final statistics "
      "last.");
  replay_command.add_option("FILE", replay_file, "the operations")->required()->type_name("");
  Optional replay_assets = add_assets(replay_command);

  // `crossmatch-hub help`, as --help. Last: the commands above do not inherit these.
  CLI::App& help_command = *hub.add_subcommand("help", "")->group("");
  hub.set_help_all_flag("--help-all", "Print the help of every command and exit");
  hub.footer("`crossmatch-hub COMMAND --help` lists the flags of one command.");

  if (const auto status = line.parse_or_exit(argc, argv)) return *status;
  if (help_command.parsed()) {
    std::cout << line.usage();
    return 0;
  }
  if (serving.parsed()) {
    serve.name = name.get();
    serve.assets = serve_assets.get();
    serve.cert = cert.get();
    serve.key = key.get();
    return run_serve(serve);
  }
  if (export_command.parsed()) {
    exporting.participant = static_cast<core::ParticipantId>(participant);
    exporting.out = out.get();
    exporting.assets = export_assets.get();
    return run_export(exporting);
  }
  if (print_command.parsed()) {
    printing.hub = print_hub.get();
    printing.assets = print_assets.get();
    return run_print(printing);
  }
  if (import_command.parsed()) {
    importing.assets = import_assets.get();
    return run_import(importing);
  }
  if (backup_command.parsed()) {
    backup.assets = backup_assets.get();
    return run_backup(backup);
  }
  if (follow_up_command.parsed()) {
    follow_up.out = follow_up_out.get();
    follow_up.csv = follow_up_csv.get();
    follow_up.assets = follow_up_assets.get();
    return run_follow_up(follow_up);
  }
  if (report_command.parsed()) {
    report.assets = report_assets.get();
    return run_report(report);
  }
  if (verify_command.parsed()) {
    verify.assets = verify_assets.get();
    return run_verify(verify);
  }
  if (assets_command.parsed()) return run_assets(assets_assets.get());
  if (demo_command.parsed()) {
    demo.assets = demo_assets.get();
    return run_demo_event(demo);
  }
  if (replay_command.parsed()) return run_replay(replay_file, replay_assets.get());
  // No command: the usage, as an error.
  std::cout << line.usage();
  return 2;
}

}  // namespace crossmatch::hub
