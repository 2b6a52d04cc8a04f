// Catch-up: operations read back from the log, shared snapshots, and going live.
#include "net/hub_catch_up.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <utility>
#include <vector>

#include "core/event/operation_catalogue.hpp"
#include "net/operation_lines.hpp"
#include "net/protocol.hpp"
#include "net/zstd_frame.hpp"

namespace crossmatch::net {
namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kSnapshotReuse = std::chrono::seconds(5);
constexpr std::uint64_t kSnapshotReuseOperations = 2000;
// The kept operations' lines sent to a catching-up client at once, at most.
constexpr std::size_t kKeptRunBytes = 256 * 1024;

// For a client that reads compressed frames: runs of lines of at least kCompressMinBytes become
// frames of at most kFrameContentBytes of lines (one longer line alone); shorter runs stay plain.
std::vector<Line> pack_lines(const std::vector<Line>& lines) {
  std::vector<Line> packed;
  std::string run;
  std::size_t first = 0;  // the run's first line
  const auto flush = [&](std::size_t end) {
    if (run.size() >= kCompressMinBytes) {
      packed.push_back(
          std::make_shared<const std::string>(encode_zstd_frame(run, end - first, kCompressLevel)));
    } else {
      packed.insert(packed.end(), lines.begin() + static_cast<std::ptrdiff_t>(first),
                    lines.begin() + static_cast<std::ptrdiff_t>(end));
    }
    run.clear();
    first = end;
  };
  std::size_t total = 0;
  for (const Line& line : lines) total += line->size();
  if (total < kCompressMinBytes) return lines;
  // The run grows once, not by doubling: a hub packs every returning device's catch-up.
  run.reserve(std::min(total, kFrameContentBytes));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!run.empty() && run.size() + lines[i]->size() > kFrameContentBytes) flush(i);
    run += *lines[i];
  }
  flush(lines.size());
  return packed;
}

// The shared part of snapshots taken from `state`: the items every participant sees, as lines and
// (`frames`) packed into compressed frames. Reads only `state`: runs on any thread.
SnapshotBase make_snapshot_base(std::shared_ptr<const core::EventState> state, std::uint64_t seq,
                                Clock::time_point made, bool frames) {
  SnapshotBase base;
  base.seq = seq;
  base.made = made;
  const core::EventState everyone =
      core::view_state(*state, core::Viewer{core::Role::Participant, 0});
  auto items = std::make_shared<std::vector<Line>>();
  for (std::string& line : encode_snapshot_items(everyone))
    items->push_back(make_line(std::move(line)));
  base.state = std::move(state);
  base.public_items = std::move(items);
  base.public_frames = std::make_shared<SnapshotBase::Frames>();
  if (frames) {
    base.public_frames->lines = pack_lines(*base.public_items);
    base.public_frames->made = true;
  }
  return base;
}

}  // namespace

std::string HubCatchUp::plan(const Hello& h) const {
  if (h.catch_up == CatchUp::Live) return "none";
  if (!h.after || *h.after > hub_.durable_seq) return "snapshot";
  const std::uint64_t behind = hub_.durable_seq - *h.after;
  const bool kept = !kept_.empty() && kept_.front().seq <= *h.after + 1;
  if (behind <= kMaxCatchUpOperations || (kept && behind <= kMaxKeptCatchUpOperations))
    return "operations";
  return "snapshot";
}

void HubCatchUp::start(const ConnectionPtr& c, const std::string& plan,
                       std::optional<std::uint64_t> after) {
  if (plan == "none") {
    c->sent_seq = hub_.durable_seq;
    go_live(c);
  } else if (plan == "operations") {
    c->sent_seq = *after;
    c->sync = HubConnection::Sync::CatchingUp;
    continue_catch_up(c);
  } else {
    request_snapshot(c);
  }
}

void HubCatchUp::go_live(const ConnectionPtr& c) {
  c->sync = HubConnection::Sync::Live;
  c->sent_seq = hub_.durable_seq;
  hub_.roster.index(c);
  c->send(encode(CaughtUp{hub_.durable_seq}));
  teams_.send_current(c);
  send_registered_from(hub_, c);
}

void HubCatchUp::keep(OperationLines lines) {
  // Kept lines follow one another: a sequence number out of turn starts them afresh.
  if (!kept_.empty() && lines.seq != kept_.back().seq + 1) kept_.clear();
  kept_.push_back(std::move(lines));
  if (kept_.size() > kRecentOperations) kept_.pop_front();
}

bool HubCatchUp::send_kept(const ConnectionPtr& c) {
  if (kept_.empty() || kept_.front().seq > c->sent_seq + 1) return false;
  auto it = std::upper_bound(
      kept_.begin(), kept_.end(), c->sent_seq,
      [](std::uint64_t seq, const OperationLines& lines) { return seq < lines.seq; });
  // Durable operations not kept yet (on_durable keeps each once it is sent to the live): read.
  if (it == kept_.end() || it->seq > hub_.durable_seq) return false;
  // Up to a frame's worth of the client's lines at once (they compress better together), from
  // at most ten batches of operations.
  std::vector<Line> lines;
  std::size_t bytes = 0;
  for (std::size_t n = 0; it != kept_.end() && n < 10 * kCatchUpBatch && bytes < kKeptRunBytes &&
                          it->seq <= hub_.durable_seq;
       ++it, ++n) {
    if (Line line = it->for_viewer(c->viewer, it->owned_by(c->viewer))) {
      bytes += line->size();
      lines.push_back(std::move(line));
      ++hub_.counters.lines_sent;
    }
    c->sent_seq = it->seq;
  }
  send_run(c, std::move(lines));
  return true;
}

void HubCatchUp::continue_catch_up(const ConnectionPtr& c) {
  for (;;) {
    if (!c->open() || c->closing() || c->sync != HubConnection::Sync::CatchingUp ||
        c->read_in_flight)
      return;
    const bool busy = c->unsent_bytes() > 64 * 1024 || !c->backlog_empty();  // on_drained resumes
    if (c->missed_sent < c->missed_to) {
      if (!busy) send_missed(c);
      return;
    }
    if (c->sent_seq >= hub_.durable_seq) return go_live(c);
    if (busy) return;
    // The latest operations go out as live clients got them; older ones are read back.
    if (!send_kept(c)) break;
  }
  c->read_in_flight = true;
  hub_.log.read_after(
      c->sent_seq, kCatchUpBatch,
      [this,
       weak = std::weak_ptr<HubConnection>(c)](core::Result<std::vector<core::Operation>> ops) {
        auto c = weak.lock();
        if (!c || !c->open()) return;
        c->read_in_flight = false;
        if (!ops) {
          hub_.note("catch-up read failed: " + ops.error().message);
          return c->close_with(
              closing_error("storage_error", "", "The hub could not read its log; reconnect."),
              "catch-up read failed");
        }
        // Visibility and contact details follow the hub's state now; the operations still to
        // come bring every later change.
        const core::EventState& state = hub_.sequencer.state();
        std::vector<Line> lines;
        for (const core::Operation& op : *ops) {
          if (op.sequence <= c->sent_seq) continue;
          if (auto viewed =
                  core::view_operation(op, state, c->viewer, core::is_own(op, c->viewer))) {
            lines.push_back(make_line(encode_applied(viewed->op, viewed->contacts)));
            ++hub_.counters.lines_sent;
          }
          c->sent_seq = op.sequence;
        }
        send_run(c, std::move(lines));
        if (ops->empty()) c->sent_seq = hub_.durable_seq;
        continue_catch_up(c);
      });
}

void HubCatchUp::send_run(const ConnectionPtr& c, std::vector<Line> lines) {
  if (c->compress) lines = pack_lines(lines);
  for (const Line& line : lines) c->send(line);
}

void HubCatchUp::send_missed(const ConnectionPtr& c) {
  c->read_in_flight = true;
  hub_.log.read_after(
      c->missed_sent, kCatchUpBatch,
      [this,
       weak = std::weak_ptr<HubConnection>(c)](core::Result<std::vector<core::Operation>> ops) {
        auto c = weak.lock();
        if (!c || !c->open()) return;
        c->read_in_flight = false;
        if (!ops || ops->empty()) {
          // Notices are a courtesy: a failed read costs the person only these, not the event.
          if (!ops) hub_.note("reading missed notices failed: " + ops.error().message);
          c->missed_sent = c->missed_to;
          return continue_catch_up(c);
        }
        const core::EventState& state = hub_.sequencer.state();
        std::vector<Line> lines;
        for (const core::Operation& op : *ops) {
          if (op.sequence <= c->missed_sent) continue;
          if (op.sequence > c->missed_to) break;
          c->missed_sent = op.sequence;
          const bool own = core::is_own(op, c->viewer);
          auto viewed = core::view_operation(op, state, c->viewer, own);
          if (!viewed || !core::notice(viewed->op, state, c->viewer.role, c->viewer.participant))
            continue;
          lines.push_back(make_line(encode(Missed{std::move(viewed->op)})));
          ++hub_.counters.lines_sent;
        }
        send_run(c, std::move(lines));
        if (ops->back().sequence >= c->missed_to) c->missed_sent = c->missed_to;
        continue_catch_up(c);
      });
}

// Many clients joining at once share one copy of the state and of the lines every participant
// sees, taken at most kSnapshotReuse or kSnapshotReuseOperations ago.
void HubCatchUp::refresh_snapshot_base() {
  const std::uint64_t applied = hub_.sequencer.last_sequence();
  const auto now = Clock::now();
  if (!snapshot_base_.state) {
    snapshot_base_ = make_snapshot_base(
        std::make_shared<const core::EventState>(hub_.sequencer.state()), applied, now, false);
    return;
  }
  const bool stale = now - snapshot_base_.made > kSnapshotReuse ||
                     applied - snapshot_base_.seq > kSnapshotReuseOperations;
  if (!stale || making_base_ || applied == snapshot_base_.seq) return;
  // Encoding and compressing the items of a 15,000-person event takes the better part of a
  // second: done on the worker's thread, the network thread only copies the state. Clients
  // asking meanwhile take the base there is and catch up on the operations since.
  making_base_ = true;
  auto state = std::make_shared<const core::EventState>(hub_.sequencer.state());
  worker_.run([this, alive = std::weak_ptr<bool>(alive_), state = std::move(state), applied,
               now]() mutable -> HubWorker::Then {
    auto base =
        std::make_shared<SnapshotBase>(make_snapshot_base(std::move(state), applied, now, true));
    return [this, alive, base] {
      const auto live = alive.lock();
      if (!live || !*live) return;
      making_base_ = false;
      snapshot_base_ = std::move(*base);
    };
  });
}

void HubCatchUp::request_snapshot(const ConnectionPtr& c) {
  refresh_snapshot_base();
  c->sync = HubConnection::Sync::Snapshot;
  c->snapshot_seq = snapshot_base_.seq;
  waiting_snapshots_[c->id()] = snapshot_base_;
  if (c->snapshot_seq <= hub_.durable_seq) activate_snapshot(c);
}

void HubCatchUp::activate_snapshots(std::uint64_t up_to) {
  // Called for every durable operation: only the connections waiting for a snapshot are looked
  // at, not every connection.
  if (waiting_snapshots_.empty()) return;
  std::vector<ConnectionPtr> ready;
  for (const auto& [id, base] : waiting_snapshots_) {
    const ConnectionPtr c = hub_.roster.find(id);
    if (c && c->sync == HubConnection::Sync::Snapshot && c->snapshot_seq <= up_to)
      ready.push_back(c);
  }
  for (const ConnectionPtr& c : ready) activate_snapshot(c);
}

void HubCatchUp::activate_snapshot(const ConnectionPtr& c) {
  const auto waiting = waiting_snapshots_.find(c->id());
  if (waiting == waiting_snapshots_.end()) return;
  const SnapshotBase snapshot = std::move(waiting->second);
  waiting_snapshots_.erase(waiting);
  std::vector<Line> lines;
  const core::EventState& state = *snapshot.state;
  if (c->viewer.privileged()) {
    for (std::string& line : encode_snapshot(core::view_state(state, c->viewer), snapshot.seq))
      lines.push_back(make_line(std::move(line)));
    if (c->compress) lines = pack_lines(lines);
  } else {
    // The items every participant sees, then this participant's own records over them. A client
    // reading frames gets the shared items as frames compressed once for all.
    lines.push_back(
        make_line(encode_snapshot_begin(core::view_header(state, c->viewer), snapshot.seq)));
    const std::vector<Line>* items = snapshot.public_items.get();
    if (c->compress && snapshot.public_frames) {
      if (!snapshot.public_frames->made) {
        snapshot.public_frames->lines = pack_lines(*snapshot.public_items);
        snapshot.public_frames->made = true;
      }
      items = &snapshot.public_frames->lines;
    }
    lines.insert(lines.end(), items->begin(), items->end());
    std::vector<Line> own;
    for (std::string& line : encode_snapshot_items(personal_view(state, c->viewer.participant)))
      own.push_back(make_line(std::move(line)));
    if (c->compress) own = pack_lines(own);
    lines.insert(lines.end(), own.begin(), own.end());
    lines.push_back(make_line(encode_snapshot_end(snapshot.seq)));
  }
  c->sent_seq = snapshot.seq;
  if (c->notices_after && *c->notices_after < snapshot.seq) {
    const std::uint64_t oldest =
        snapshot.seq > kMaxMissedOperations ? snapshot.seq - kMaxMissedOperations : 0;
    c->missed_sent = std::max(*c->notices_after, oldest);
    c->missed_to = snapshot.seq;
  }
  c->sync = HubConnection::Sync::CatchingUp;
  c->send_backlog(std::move(lines));
  continue_catch_up(c);
}

}  // namespace crossmatch::net
