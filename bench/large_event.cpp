// A large event built through real operations, for the storage benchmark.
#include <set>
#include <string>

#include "bench/bench_common.hpp"
#include "bench/storage_bench.hpp"
#include "core/demo_event.hpp"
#include "core/event/calendar.hpp"
#include "core/random.hpp"
#include "storage/asset_files.hpp"

namespace crossmatch::bench {
namespace {

constexpr int kDays = 4;
constexpr int kTables = 1000;

class Builder {
 public:
  Builder(core::Sequencer& sequencer, std::size_t group,
          const std::function<core::Status(std::vector<core::Operation>&)>& sink,
          std::uint64_t seed)
      : sequencer_(sequencer), group_(group), sink_(sink), rng_(seed) {}

  // Applies; a refusal of an operation the builder meant to be valid stops the build.
  core::Result<core::Operation> apply(const core::Actor& actor, core::OperationPayload payload) {
    core::Operation op;
    op.id = "bench-" + std::to_string(++count_);
    op.payload = std::move(payload);
    auto outcome = sequencer_.submit(std::move(op), actor, clock_ += 250);
    if (!outcome) return outcome.error();
    pending_.push_back(outcome->applied);
    if (pending_.size() >= group_) {
      if (auto s = flush(); !s) return s.error();
    }
    return outcome->applied;
  }

  core::Status flush() {
    if (pending_.empty()) return core::Status::success();
    auto s = sink_(pending_);
    pending_.clear();
    return s;
  }

  core::Rng& rng() { return rng_; }

 private:
  core::Sequencer& sequencer_;
  std::size_t group_;
  const std::function<core::Status(std::vector<core::Operation>&)>& sink_;
  core::Rng rng_;
  std::vector<core::Operation> pending_;
  std::int64_t clock_ = 1'780'000'000'000;
  int count_ = 0;
};

core::Actor organiser() {
  return {core::Role::Organiser, 0};
}

}  // namespace

core::Status build_large_event(
    core::Sequencer& sequencer, const LargeEventOptions& options, std::size_t group,
    const std::function<core::Status(std::vector<core::Operation>&)>& sink) {
  Builder b(sequencer, group, sink, options.seed);
  const auto must = [&](const core::Actor& actor, core::OperationPayload payload) -> core::Status {
    auto r = b.apply(actor, std::move(payload));
    return r ? core::Status::success() : core::Status(r.error());
  };
  if (auto s = must(organiser(), core::CreateEvent{.name = "Cross Innovation Benchmark",
                                                   .time_zone = "Europe/Lisbon",
                                                   .join_code = "BENCH-2026"});
      !s)
    return s;
  if (auto s = must(organiser(), core::SetRegistration{.open = true}); !s) return s;
  core::EventSettings settings;
  settings.max_open_requests = 1000;
  if (auto s = must(organiser(), core::SetSettings{.settings = settings}); !s) return s;
  // Two one-to-one sessions a day: 9 slots in the morning, 12 in the afternoon.
  std::vector<core::SlotRef> slots;
  for (int day = 0; day < kDays; ++day) {
    for (const auto& [start, end] : {std::pair{9 * 60, 12 * 60}, std::pair{14 * 60, 18 * 60}}) {
      core::DefineSession d;
      d.name =
          "Meetings day " + std::to_string(day + 1) + (start < 12 * 60 ? " morning" : " afternoon");
      d.date = core::days_from_civil(2026, 5, 14) + day;
      d.start = start;
      d.end = end;
      if (auto s = must(organiser(), d); !s) return s;
      const core::SessionId id = sequencer.state().next_session - 1;
      for (int i = 0; i < sequencer.state().sessions.at(id).slot_count(); ++i)
        slots.push_back({id, i});
    }
  }
  for (int t = 1; t <= kTables; ++t) {
    if (auto s = must(organiser(), core::DefineTable{.name = "Table " + std::to_string(t)}); !s)
      return s;
  }

  auto taxonomy_dir = storage::default_assets_dir();
  auto vocabulary = storage::load_demo_vocabulary(taxonomy_dir, sequencer.taxonomy());
  if (!vocabulary) return vocabulary.error();
  auto people = core::generate_demo_participants(sequencer.taxonomy(), *vocabulary,
                                                 {options.participants, options.seed});
  if (!people) return people.error();
  std::vector<core::ParticipantId> ids;
  for (const auto& dp : *people) {
    auto r = b.apply({core::Role::Participant, 0}, core::Register{.profile = dp.profile});
    if (!r) return r.error();
    ids.push_back(std::get<core::Register>(r->payload).participant);
  }

  // Who is busy when, and how many tables each slot has used, to pick free slots quickly.
  const std::size_t n_slots = slots.size();
  std::vector<std::vector<bool>> busy(ids.size() + 1, std::vector<bool>(n_slots, false));
  std::vector<int> tables_used(n_slots, 0);
  std::set<std::pair<core::ParticipantId, core::ParticipantId>> pairs;
  core::Rng& rng = b.rng();
  for (int made = 0; made < options.meetings;) {
    const auto from = rng.pick(ids), to = rng.pick(ids);
    if (from == to || !pairs.insert({std::min(from, to), std::max(from, to)}).second) continue;
    ++made;
    const bool introduced = rng.chance(0.05);
    core::Result<core::Operation> asked =
        introduced
            ? b.apply({core::Role::Broker, 0},
                      core::Introduce{
                          .first = from, .second = to, .note = "You two should talk about export."})
            : b.apply(
                  participant_actor(from),
                  core::RequestMeeting{
                      .from = from, .to = to, .message = "Shall we meet about a joint project?"});
    if (!asked) return asked.error();
    const core::MeetingId meeting = introduced
                                        ? std::get<core::Introduce>(asked->payload).meeting
                                        : std::get<core::RequestMeeting>(asked->payload).meeting;
    const int roll = static_cast<int>(rng.below(100));
    if (roll < 60) {
      // Accept at a slot free for both, starting from a random one.
      const std::size_t first = rng.below(n_slots);
      std::optional<std::size_t> chosen;
      for (std::size_t k = 0; k < n_slots && !chosen; ++k) {
        const std::size_t s = (first + k) % n_slots;
        if (!busy[from][s] && !busy[to][s] && tables_used[s] < kTables) chosen = s;
      }
      if (!chosen) continue;  // both fully booked: the request stays pending
      if (introduced) {
        if (auto s = must(participant_actor(from), core::AcceptMeeting{.meeting = meeting}); !s)
          return s;
      }
      if (auto s = must(participant_actor(to),
                        core::AcceptMeeting{.meeting = meeting, .slot = slots[*chosen]});
          !s)
        return s;
      busy[from][*chosen] = busy[to][*chosen] = true;
      ++tables_used[*chosen];
      if (rng.chance(0.3)) {
        if (auto s = must(participant_actor(from),
                          core::GiveFeedback{.meeting = meeting,
                                             .held = core::HeldState::Held,
                                             .rating = rng.between(1, 5),
                                             .comment = "Good match, we follow up."});
            !s)
          return s;
      }
    } else if (roll < 70) {
      if (auto s = must(participant_actor(to),
                        core::DeclineMeeting{.meeting = meeting, .reason = "Not our market."});
          !s)
        return s;
    } else if (roll < 80 && !introduced) {
      if (auto s = must(participant_actor(from),
                        core::CancelMeeting{.meeting = meeting, .reason = "Plans changed."});
          !s)
        return s;
    }
  }
  return b.flush();
}

}  // namespace crossmatch::bench
