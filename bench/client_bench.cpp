// The client at scale: a replica of 15,000 participants and 100,000 meetings (built through real
// operations, as a broker's replica would receive them), then the CPU of one frame of the
// partner list and of the broker monitor in a headless ImGui context, and the client's memory.
#include <malloc.h>

#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/client/state/client_models.hpp"
#include "app/client/views/broker_views.hpp"
#include "app/client/views/headless_frames.hpp"
#include "app/client/views/participant_views.hpp"
#include "bench/bench_common.hpp"
#include "bench/bench_options.hpp"
#include "bench/storage_bench.hpp"
#include "core/event/apply.hpp"
#include "core/event/sequencer.hpp"
#include "storage/asset_files.hpp"

namespace crossmatch::bench {
namespace {

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Resident memory in MiB from /proc/self/status ("VmRSS" or "VmHWM").
double memory_mib(const std::string& field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::stod(line.substr(field.size() + 1)) / 1024.0;
  }
  return 0;
}

struct FrameCost {
  double first_ms = 0;   // the first frame: rankings, counts and layouts computed
  double steady_ms = 0;  // mean of the frames after it: nothing recomputed
  double worst_ms = 0;
};

FrameCost time_frames(client::HeadlessFrames& ui, int frames, const std::function<void()>& body) {
  FrameCost cost;
  double total = 0;
  for (int i = 0; i <= frames; ++i) {
    const double start = cpu_seconds();
    ui.frame(body);
    const double ms = (cpu_seconds() - start) * 1000;
    if (i == 0) {
      cost.first_ms = ms;
      continue;
    }
    total += ms;
    cost.worst_ms = std::max(cost.worst_ms, ms);
  }
  cost.steady_ms = frames > 0 ? total / frames : 0;
  return cost;
}

}  // namespace

int run_client(const ClientBenchOptions& flags) {
  LargeEventOptions options;
  options.participants = flags.participants;
  options.meetings = flags.meetings;
  const int frames = flags.frames;
  auto taxonomy = storage::load_taxonomy(storage::default_assets_dir());
  if (!taxonomy) return fail("client", taxonomy.error().message);
  const double rss_before = memory_mib("VmRSS");

  // The replica receives every operation in order, as a broker's client would.
  core::EventState replica;
  std::uint64_t last_seq = 0;
  {
    core::Sequencer sequencer(*taxonomy);
    const auto start = Clock::now();
    const core::Status built =
        build_large_event(sequencer, options, 1000, [&](std::vector<core::Operation>& ops) {
          for (const auto& op : ops) {
            auto r = core::apply_operation(replica, *taxonomy, op, core::ApplyMode::Follow);
            if (!r) return core::Status(r.error());
            last_seq = op.sequence;
          }
          return core::Status::success();
        });
    if (!built) return fail("client", built.error().message);
    std::cerr << "built the event in " << seconds_since(start) << " s\n";
  }
  malloc_trim(0);

  net::MemoryOutbox outbox;
  client::ClientSession session(*taxonomy, outbox);
  const core::ParticipantId viewer = 1;
  // Participant 1's replica, holding everything (a broker's is the same size): the monitor's views
  // draw from the same state whatever the role.
  session.restore(std::move(replica), last_seq, core::Role::Participant, viewer);
  client::ClientModels models(session);

  client::HeadlessFrames ui(1280, 800);

  models.now_ms = 1'780'000'000'000;
  const FrameCost monitor = time_frames(ui, frames, [&] { client::draw_monitor_view(models); });
  const FrameCost network = time_frames(ui, frames, [&] { client::draw_network_view(models); });
  const FrameCost unmatched = time_frames(ui, frames, [&] { client::draw_unmatched_view(models); });
  const FrameCost partners = time_frames(ui, frames, [&] { client::draw_partners_view(models); });
  models.partner_filter.search = "design";
  const FrameCost filtered = time_frames(ui, frames, [&] { client::draw_partners_view(models); });
  // Live: an operation arrives before each frame. A profile edit costs the partner list one
  // participant's update and a new ranking; a cancelled meeting costs the monitor a recount (at
  // most every BrokerMonitor::kRefreshMs, so the clock moves on by that much per frame here).
  const int live = std::min(frames, 50);
  std::vector<core::MeetingId> accepted;
  for (const auto& [id, m] : session.state().meetings) {
    if (m.status == core::MeetingStatus::Accepted && static_cast<int>(accepted.size()) < live)
      accepted.push_back(id);
  }
  const auto receive = [&](const core::Actor& actor, core::OperationPayload payload) {
    core::Operation op;
    op.id = "live-" + std::to_string(last_seq + 1);
    op.actor = actor;
    op.at = models.now_ms;
    op.sequence = ++last_seq;
    op.payload = std::move(payload);
    session.receive({std::move(op), {}}, models.now_ms);
  };
  int edits = 0;
  const FrameCost partners_live = time_frames(ui, live, [&] {
    const core::ParticipantId who = static_cast<core::ParticipantId>(2 + (edits++ % 1000) * 7);
    if (const core::Participant* p = session.state().participant(who);
        p != nullptr && p->active()) {
      core::Profile profile = p->profile;
      profile.job_title = "Head of partnerships " + std::to_string(edits);
      receive({core::Role::Participant, who},
              core::EditProfile{.participant = who, .profile = profile});
    }
    client::draw_partners_view(models);
  });
  std::size_t cancels = 0;
  const FrameCost monitor_live = time_frames(ui, live, [&] {
    models.now_ms += client::BrokerMonitor::kRefreshMs;
    if (cancels < accepted.size()) {
      const core::Meeting* m = session.state().meeting(accepted[cancels++]);
      if (m != nullptr)
        receive({core::Role::Participant, m->requester},
                core::CancelMeeting{.meeting = m->id, .reason = "Plans changed."});
    }
    client::draw_monitor_view(models);
  });
  const double rss_after = memory_mib("VmRSS");
  const double peak = memory_mib("VmHWM");

  const auto& state = session.state();
  std::cout << "{\"participants\":" << state.participants.size()
            << ",\"meetings\":" << state.meetings.size() << ",\"frames\":" << frames;
  const auto print = [](const char* name, const FrameCost& c) {
    std::cout << ",\"" << name << "\":{\"first_ms\":" << json_number(c.first_ms)
              << ",\"steady_ms\":" << json_number(c.steady_ms)
              << ",\"worst_ms\":" << json_number(c.worst_ms) << "}";
  };
  print("partner_list", partners);
  print("partner_list_searching", filtered);
  print("broker_monitor", monitor);
  print("network_graph", network);
  print("unmatched", unmatched);
  print("partner_list_with_an_edit_each_frame", partners_live);
  print("broker_monitor_with_a_cancellation_each_frame", monitor_live);
  std::cout << ",\"population_full_builds\":" << models.population.full_builds()
            << ",\"monitor_recounts\":" << models.monitor.recounts();
  std::cout << ",\"partners_ranked\":" << models.partners.ranked()
            << ",\"rss_mib_before\":" << json_number(rss_before)
            << ",\"rss_mib\":" << json_number(rss_after)
            << ",\"peak_rss_mib\":" << json_number(peak) << "}\n";
  return 0;
}

}  // namespace crossmatch::bench
