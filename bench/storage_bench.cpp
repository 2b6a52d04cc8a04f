// crossmatch-bench storage: how fast the event store commits and loads.
//  - Appends in group commits of 1, 10, 100 and 1000 operations, against a bare sqlite3 INSERT
//    loop of the same operations' JSON with the same durability (WAL, synchronous=FULL), measured
//    side by side in one run.
//  - Loads an event of 15,000 participants and 100,000 meetings built through real operations,
//    and, for comparison, what replaying its whole log or parsing a JSON snapshot would cost.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <string>
#include <thread>

#include "bench/bench_common.hpp"
#include "bench/bench_options.hpp"
#include "bench/storage_bench.hpp"
#include "core/event/apply.hpp"
#include "core/event/json_codec.hpp"
#include "core/event/operation_catalogue.hpp"
#include "core/event/statistics.hpp"
#include "core/random.hpp"
#include "storage/asset_files.hpp"
#include "storage/event_store.hpp"
#include "storage/prepared_operation.hpp"

namespace crossmatch::bench {
namespace {

// Processor time of this process, in seconds: on a shared machine it moves less than the wall
// clock does.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

int fail(const std::string& message) {
  std::cerr << "crossmatch-bench storage: " << message << "\n";
  return 2;
}

void remove_database(const std::filesystem::path& file) {
  for (const char* suffix : {"", "-wal", "-shm", ".lock"})
    std::filesystem::remove(file.string() + suffix);
}

// What one flush of this disk costs now, in milliseconds: the median over 15 times writing 4 KiB
// and waiting for fdatasync, as a commit waits for its write-ahead log. The bare loop's time at
// large groups is mostly this, so the store's share of it moves with the disk (see README).
double flush_ms(const std::filesystem::path& dir) {
  const std::string file = (dir / "flush-probe").string();
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return -1;
  std::vector<double> times;
  const std::string page(4096, 'x');
  for (int i = 0; i < 15; ++i) {
    const auto start = Clock::now();
    if (::pwrite(fd, page.data(), page.size(), 0) != static_cast<ssize_t>(page.size()) ||
        ::fdatasync(fd) != 0) {
      ::close(fd);
      return -1;
    }
    times.push_back(seconds_since(start) * 1e3);
  }
  ::close(fd);
  std::filesystem::remove(file);
  return median(times);
}

// Operations a second (wall clock) and processor microseconds per operation.
struct Rate {
  double per_second = 0;
  double cpu_us = 0;
};

// The store: the set-up untimed, then `count` operations in groups of `group`, each group given
// to `append` (the store applying them itself, or operations prepared where they were applied,
// as the hub's network thread hands them to its storage thread).
template <class Op, class Append>
core::Result<Rate> time_store(const std::filesystem::path& file, const core::Taxonomy& taxonomy,
                              const std::vector<Op>& setup, const std::vector<Op>& timed,
                              std::size_t group, std::size_t count, Append append) {
  remove_database(file);
  auto store = storage::EventStore::open(file, taxonomy, true);
  if (!store) return store.error();
  if (auto s = append(**store, setup); !s) return s.error();
  // The groups are cut before the clock starts, as the bare loop's JSON is made before its own.
  std::vector<std::vector<Op>> groups;
  for (std::size_t i = 0; i < count; i += group)
    groups.emplace_back(timed.begin() + static_cast<long>(i),
                        timed.begin() + static_cast<long>(std::min(count, i + group)));
  const double cpu_start = cpu_seconds();
  const auto start = Clock::now();
  for (const auto& part : groups) {
    if (auto s = append(**store, part); !s) return s.error();
  }
  const double wall = seconds_since(start);
  return Rate{static_cast<double>(count) / wall,
              (cpu_seconds() - cpu_start) * 1e6 / static_cast<double>(count)};
}

core::Status applying(storage::EventStore& store, const std::vector<core::Operation>& ops) {
  return store.append(ops);
}

core::Status prepared_where_applied(storage::EventStore& store,
                                    const std::vector<storage::PreparedOperation>& ops) {
  return store.append_prepared(ops, {});
}

// The floor: the same operations' JSON inserted into one bare table, committed every `group`
// rows, with the store's durability.
Rate time_bare(const std::filesystem::path& file, const std::vector<std::string>& json,
               std::size_t first_seq, std::size_t group, std::size_t count) {
  remove_database(file);
  SQLite::Database db(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = FULL");
  db.exec("CREATE TABLE log (seq INTEGER PRIMARY KEY, operation TEXT NOT NULL)");
  SQLite::Statement insert(db, "INSERT INTO log (seq, operation) VALUES (?, ?)");
  const double cpu_start = cpu_seconds();
  const auto start = Clock::now();
  for (std::size_t i = 0; i < count; i += group) {
    db.exec("BEGIN IMMEDIATE");
    for (std::size_t j = i; j < std::min(count, i + group); ++j) {
      insert.bind(1, static_cast<std::int64_t>(first_seq + j));
      insert.bindNoCopy(2, json[j]);
      insert.exec();
      insert.reset();
    }
    db.exec("COMMIT");
  }
  const double wall = seconds_since(start);
  return Rate{static_cast<double>(count) / wall,
              (cpu_seconds() - cpu_start) * 1e6 / static_cast<double>(count)};
}

int bench_append(const std::filesystem::path& dir, const core::Taxonomy& taxonomy, int repeat,
                 int only_group, bool client_ids) {
  // A mid-sized event's operations: the set-up and registrations untimed, then its meeting
  // operations (requests, answers, feedback) timed.
  core::Sequencer sequencer(taxonomy);
  std::vector<core::Operation> all;
  auto built = build_large_event(sequencer, {2000, 15000, 7}, 100000,
                                 [&](std::vector<core::Operation>& ops) {
                                   all.insert(all.end(), ops.begin(), ops.end());
                                   return core::Status::success();
                                 });
  if (!built) return fail(built.error().message);
  if (client_ids) {
    // Ids as clients make them ("c-" and 32 random hex digits) instead of the builder's
    // ascending ones: the log's unique index on them is then written at random places.
    core::Rng rng(11);
    for (auto& op : all) {
      char hex[33];
      std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(rng.next()),
                    static_cast<unsigned long long>(rng.next()));
      op.id = std::string("c-") + hex;
    }
  }
  // The operations are applied ones, so the first about a meeting is the first request.
  const auto first_meeting = std::find_if(all.begin(), all.end(), [](const core::Operation& op) {
    return core::subject(op.payload).meeting != 0;
  });
  const std::vector<core::Operation> setup(all.begin(), first_meeting);
  const std::vector<core::Operation> timed(first_meeting, all.end());
  std::vector<std::string> json;
  std::size_t bytes = 0;
  for (const auto& op : timed) {
    json.push_back(core::operation_to_json(op));
    bytes += json.back().size();
  }
  std::cout << "append: " << setup.size() << " set-up operations untimed, then up to "
            << timed.size() << " meeting operations (" << bytes / timed.size()
            << " bytes of JSON each on average), median of " << repeat << " runs\n";
  {
    // Two parts of the store's work per operation, measured alone: encoding the operation as
    // JSON for the log, and applying it to the store's copy of the state (Follow mode).
    const double cpu_start = cpu_seconds();
    std::size_t encoded = 0;
    for (int r = 0; r < 5; ++r) {
      for (const auto& op : timed) encoded += core::operation_to_json(op).size();
    }
    if (encoded != 5 * bytes) return fail("the operations' JSON changed between two encodings");
    const double encode_us =
        (cpu_seconds() - cpu_start) * 1e6 / (5.0 * static_cast<double>(timed.size()));
    core::EventState state;
    for (const auto& op : setup) {
      if (!core::apply_operation(state, taxonomy, op, core::ApplyMode::Follow))
        return fail("the set-up does not apply");
    }
    const double apply_start = cpu_seconds();
    for (const auto& op : timed) {
      if (!core::apply_operation(state, taxonomy, op, core::ApplyMode::Follow))
        return fail("an operation does not apply");
    }
    const double apply_us = (cpu_seconds() - apply_start) * 1e6 / static_cast<double>(timed.size());
    std::cout << "  per operation, alone: JSON encoding " << std::fixed << std::setprecision(2)
              << encode_us << " us, applying it in Follow mode " << apply_us << " us\n";
  }
  // The operations as the hub's network thread hands them over: applied there, in order, and
  // prepared right after each (JSON, lookup columns, copies of the rows it changed).
  std::vector<storage::PreparedOperation> prepared_setup, prepared;
  {
    core::EventState state;
    for (const auto& op : setup) {
      storage::Touched noted;
      storage::note_before(state, op, noted);
      auto applied = core::apply_operation(state, taxonomy, op, core::ApplyMode::Follow);
      if (!applied) return fail("the set-up does not apply");
      prepared_setup.push_back(
          storage::prepare_operation(state, std::move(*applied), std::move(noted)));
    }
    prepared.reserve(timed.size());
    double prepare_cpu = 0;
    for (const auto& op : timed) {
      storage::Touched noted;
      storage::note_before(state, op, noted);
      auto applied = core::apply_operation(state, taxonomy, op, core::ApplyMode::Follow);
      if (!applied) return fail("an operation does not apply");
      const double t = cpu_seconds();
      prepared.push_back(storage::prepare_operation(state, std::move(*applied), std::move(noted)));
      prepare_cpu += cpu_seconds() - t;
    }
    std::cout << "  preparing it for the log where it was applied (the hub's network thread: JSON, "
                 "lookup "
                 "columns, copies of its rows): "
              << std::setprecision(2) << prepare_cpu * 1e6 / static_cast<double>(timed.size())
              << " us per operation, clock reads included\n";
  }
  std::cout
      << "  store: operations prepared where they were applied (the hub's way); store applying: "
         "the store applies each one itself (append())\n"
      << "  group   store ops/s   bare INSERT ops/s   store/bare   processor us/op: store  bare"
         "   disk flush ms   store applying: ops/s  /bare  us/op\n";
  const std::map<std::size_t, std::size_t> counts = {
      {1, 300}, {10, 3000}, {100, 20000}, {1000, 20000}};
  for (const auto& [group, wanted] : counts) {
    if (only_group != 0 && group != static_cast<std::size_t>(only_group)) continue;
    const std::size_t count = std::min(wanted, timed.size());
    std::vector<double> store_rates, bare_rates, store_cpu, bare_cpu, flushes, applying_rates,
        applying_cpu;
    for (int r = 0; r < repeat; ++r) {
      flushes.push_back(flush_ms(dir));
      // Side by side, alternating, so all see the same disk and the same neighbours.
      auto rate = time_store(dir / "append-store.db", taxonomy, prepared_setup, prepared, group,
                             count, prepared_where_applied);
      if (!rate) return fail(rate.error().message);
      store_rates.push_back(rate->per_second);
      store_cpu.push_back(rate->cpu_us);
      const Rate bare = time_bare(dir / "append-bare.db", json, setup.size() + 1, group, count);
      bare_rates.push_back(bare.per_second);
      bare_cpu.push_back(bare.cpu_us);
      auto itself =
          time_store(dir / "append-store.db", taxonomy, setup, timed, group, count, applying);
      if (!itself) return fail(itself.error().message);
      applying_rates.push_back(itself->per_second);
      applying_cpu.push_back(itself->cpu_us);
    }
    const double s = median(store_rates), b = median(bare_rates), a = median(applying_rates);
    std::cout << "  " << std::setw(5) << group << "   " << std::setw(11) << std::fixed
              << std::setprecision(0) << s << "   " << std::setw(17) << b << "   " << std::setw(9)
              << std::setprecision(1) << 100.0 * s / b << " %   " << std::setw(21)
              << median(store_cpu) << std::setw(6) << median(bare_cpu) << std::setw(16)
              << std::setprecision(3) << median(flushes) << std::setw(24) << std::setprecision(0)
              << a << std::setw(6) << std::setprecision(0) << 100.0 * a / b << "%" << std::setw(6)
              << std::setprecision(1) << median(applying_cpu) << "   (" << count
              << " operations)\n";
  }
  remove_database(dir / "append-store.db");
  remove_database(dir / "append-bare.db");
  return 0;
}

int bench_load(const std::filesystem::path& dir, const core::Taxonomy& taxonomy, int participants,
               int meetings, int repeat) {
  const auto file = dir / "large-event.db";
  remove_database(file);
  core::Sequencer sequencer(taxonomy);
  std::size_t operations = 0;
  {
    auto store = storage::EventStore::open(file, taxonomy, true);
    if (!store) return fail(store.error().message);
    const auto start = Clock::now();
    auto built = build_large_event(sequencer, {participants, meetings, 1}, 2000,
                                   [&](std::vector<core::Operation>& ops) {
                                     operations += ops.size();
                                     return (*store)->append(ops);
                                   });
    if (!built) return fail(built.error().message);
    const auto stats = core::statistics(sequencer.state());
    std::cout << "load: built an event of " << sequencer.state().participants.size()
              << " participants and " << sequencer.state().meetings.size() << " meetings ("
              << stats.accepted << " accepted and booked, " << stats.pending << " pending) through "
              << operations << " operations in " << std::setprecision(1) << seconds_since(start)
              << " s; file " << std::filesystem::file_size(file) / (1024 * 1024) << " MiB\n";
  }
  {
    // Loaded once here to check it is the event that was built.
    auto store = storage::EventStore::open(file, taxonomy, false);
    if (!store) return fail(store.error().message);
    auto loaded = (*store)->load();
    if (!loaded) return fail(loaded.error().message);
    if (!(loaded->state == sequencer.state()))
      return fail("the loaded state differs from the built one");
    if (loaded->operation_ids.size() != operations) return fail("operation ids are missing");
  }
  // Timed in a fresh process, as a hub starts: this one's heap is full of the built event.
  const std::string command = std::filesystem::read_symlink("/proc/self/exe").string() +
                              " storage --load-only " + file.string() + " --repeat " +
                              std::to_string(repeat);
  FILE* child = ::popen(command.c_str(), "r");
  if (child == nullptr) return fail("cannot start " + command);
  std::vector<double> open_s, load_s, cpu_s;
  char line[256];
  while (std::fgets(line, sizeof line, child) != nullptr) {
    double o = 0, l = 0, c = 0;
    if (std::sscanf(line, "%lf %lf %lf", &o, &l, &c) == 3) {
      open_s.push_back(o);
      load_s.push_back(l);
      cpu_s.push_back(c);
    }
  }
  if (::pclose(child) != 0 || open_s.empty())
    return fail("timing the load in a fresh process failed");
  std::cout << std::setprecision(3) << "  open " << median(open_s) << " s + load() "
            << median(load_s) << " s = " << median(open_s) + median(load_s) << " s wall, "
            << median(cpu_s) << " s processor time (median of " << repeat
            << ", in a fresh process; file in the page cache; goal: at most 1 s)\n";

  // What the alternatives would cost.
  auto store = storage::EventStore::open(file, taxonomy, false);
  if (!store) return fail(store.error().message);
  auto start = Clock::now();
  auto log = (*store)->read_after(0, SIZE_MAX);
  if (!log) return fail(log.error().message);
  const double read_log = seconds_since(start);
  start = Clock::now();
  core::EventState replayed;
  for (const auto& op : *log) {
    if (!core::apply_operation(replayed, taxonomy, op, core::ApplyMode::Follow))
      return fail("the log does not replay");
  }
  const double replay = seconds_since(start);
  const std::string snapshot = core::state_to_json(sequencer.state());
  start = Clock::now();
  auto parsed = core::state_from_json(snapshot, taxonomy);
  const double parse = seconds_since(start);
  if (!parsed) return fail(parsed.error().message);
  std::cout << "  instead: reading and parsing the whole log " << read_log
            << " s + replaying it in Follow mode " << replay << " s; parsing a JSON snapshot ("
            << snapshot.size() / (1024 * 1024) << " MiB) " << parse << " s\n";

  // Erasure finds a person's operations in one pass over the log (its lookup columns have no
  // index): the person with the most meetings, erased in a group of its own.
  if (!(*store)->load()) return fail("cannot load the event for the erasure");
  core::ParticipantId busiest = 0;
  std::size_t most = 0;
  for (const auto& [id, list] : sequencer.state().index.person_meetings) {
    if (list.size() > most) {
      most = list.size();
      busiest = id;
    }
  }
  core::Operation erase;
  erase.id = "bench-erase";
  erase.payload = core::Erase{.participant = busiest};
  // As the hub erases: prepared where it was applied, the store then only writes.
  storage::Touched noted;
  storage::note_before(sequencer.state(), erase, noted);
  auto erased =
      sequencer.submit(std::move(erase), core::Actor{core::Role::Organiser, 0}, 1'790'000'000'000);
  if (!erased) return fail(erased.error().message);
  start = Clock::now();
  const storage::PreparedOperation prepared =
      storage::prepare_operation(sequencer.state(), erased->applied, std::move(noted));
  if (auto s = (*store)->append_prepared({prepared}, {}); !s) return fail(s.error().message);
  std::cout << "  erasing the participant with the most meetings (" << most << ") from a log of "
            << log->size() << " operations: " << seconds_since(start)
            << " s (one pass over the log, rewrite, checkpoint)\n";
  return 0;
}

// Opens and loads `file` `repeat` times; prints "open load processor" seconds per line.
int time_load(const std::filesystem::path& file, const core::Taxonomy& taxonomy, int repeat) {
  for (int r = 0; r < repeat; ++r) {
    const double cpu_start = cpu_seconds();
    const auto start = Clock::now();
    auto store = storage::EventStore::open(file, taxonomy, false);
    if (!store) return fail(store.error().message);
    const double opened = seconds_since(start);
    const auto loading = Clock::now();
    auto loaded = (*store)->load();
    if (!loaded) return fail(loaded.error().message);
    const double load = seconds_since(loading);
    std::cout << opened << " " << load << " " << cpu_seconds() - cpu_start << std::endl;
  }
  return 0;
}

}  // namespace

int run_storage(const StorageBenchOptions& options) {
  const int participants = options.participants, meetings = options.meetings,
            repeat = options.repeat, only_group = options.group;
  std::filesystem::path dir = options.dir;
  const std::filesystem::path load_only = options.load_only;
  const bool keep = options.keep, append_only = options.append_only,
             client_ids = options.client_ids;
  auto taxonomy = storage::load_taxonomy(storage::default_assets_dir());
  if (!taxonomy) return fail(taxonomy.error().message);
  if (!load_only.empty()) return time_load(load_only, *taxonomy, repeat);
  bool made = false;
  if (dir.empty()) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "crossmatch-bench-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) return fail("cannot make a temporary folder");
    dir = pattern;
    made = true;
  }
  std::cout << "storage benchmark in " << dir.string();
  // Other work on the machine moves the wall-clock figures; say how busy it was.
  if (std::ifstream load("/proc/loadavg"); load) {
    std::string one, five;
    load >> one >> five;
    std::cout << " (load average " << one << ", " << five << " on "
              << std::thread::hardware_concurrency() << " processors)";
  }
  std::cout << "\n";
  int rc = bench_append(dir, *taxonomy, repeat, only_group, client_ids);
  if (rc == 0 && !append_only) rc = bench_load(dir, *taxonomy, participants, meetings, repeat);
  if (made && !keep) std::filesystem::remove_all(dir);
  return rc;
}

}  // namespace crossmatch::bench
