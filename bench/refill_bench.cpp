// `crossmatch-bench refill`: a generated day whose booked meetings lose the people who do not
// come. Everyone who arrives and wants more meetings is on standby; the no-shows are withdrawn at
// doors open, which frees their booked slots; each freed slot is offered to the best pair of
// standby people free then (core/event/refill.hpp), who accept or decline; an accepted offer is
// booked at once. Reports the freed slots, how many were refilled, and the time of one refill
// decision.
#include <algorithm>
#include <iostream>

#include "app/hub/event_setup.hpp"
#include "bench/bench_common.hpp"
#include "bench/bench_options.hpp"
#include "core/event/check_in_code.hpp"
#include "core/event/refill.hpp"
#include "core/event/sequencer.hpp"
#include "core/random.hpp"

namespace crossmatch::bench {
namespace {

constexpr core::Actor kOrganiser{core::Role::Organiser, 0};

class Day {
 public:
  explicit Day(const core::Taxonomy& taxonomy) : sequencer_(taxonomy) {
    sequencer_.draw_check_in_codes([this](const core::EventState&) {
      const std::uint64_t n = 0x13579BDF1ULL + 104729 * ++codes_;
      std::array<std::uint8_t, core::kCheckInCodeBytes> bytes{};
      for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<std::uint8_t>(n >> (8 * (bytes.size() - 1 - i)));
      return core::check_in_code_from_bytes(bytes);
    });
  }
  // Applies as the hub would; the applied operation, or the refusal.
  core::Result<core::Operation> submit(const core::Actor& actor, core::OperationPayload payload) {
    core::Operation op;
    op.id = "b" + std::to_string(++ops_);
    op.payload = std::move(payload);
    auto outcome = sequencer_.submit(std::move(op), actor, clock_ += 1000);
    if (!outcome) return outcome.error();
    return outcome->applied;
  }
  const core::EventState& state() const { return sequencer_.state(); }

 private:
  core::Sequencer sequencer_;
  std::int64_t clock_ = 1'780'000'000'000;
  std::uint64_t ops_ = 0, codes_ = 0;
};

}  // namespace

int run_refill(const RefillOptions& options) {
  const char* name = "refill";
  auto event = load_demo_event(options.participants, options.seed);
  if (!event) return fail(name, event.error().message);
  Day day(event->taxonomy);
  hub::EventSetup setup;
  setup.first_day = 20'587;  // 2026-05-14
  setup.demo_participants = options.participants;
  for (core::Operation& op : hub::event_operations(setup, "BENCH-REFILL", {}, 0)) {
    if (auto r = day.submit(op.actor, std::move(op.payload)); !r)
      return fail(name, r.error().message);
  }
  std::vector<core::ParticipantId> people;
  for (core::Profile& profile : event->profiles) {
    profile.consent.suggestions = true;
    auto r = day.submit(participant_actor(0), core::Register{.profile = profile});
    if (!r) return fail(name, r.error().message);
    people.push_back(std::get<core::Register>(r->payload).participant);
  }

  // The booked day: each person asks the best of a few others (by the matching's score) until
  // they have their share of meetings; every request is accepted and booked at once.
  core::Rng rng(options.seed);
  {
    const core::EventPopulation population = core::event_population(day.state(), event->taxonomy);
    const core::PairScorer scorer(population.population,
                                  day.state().event.settings.matching.weights);
    for (int round = 0; round < options.requests_each; ++round) {
      for (const core::ParticipantId from : people) {
        core::ParticipantId best = 0;
        double best_score = -1;
        for (int k = 0; k < 12; ++k) {
          const core::ParticipantId to = rng.pick(people);
          const int a = population.index(from), b = population.index(to);
          if (to == from || !scorer.allowed(a, b)) continue;
          const double s = scorer.score(a, b);
          if (s > best_score) best_score = s, best = to;
        }
        if (best == 0) continue;
        auto requested =
            day.submit(participant_actor(from), core::RequestMeeting{.from = from, .to = best});
        if (!requested) continue;
        const core::MeetingId id = std::get<core::RequestMeeting>(requested->payload).meeting;
        (void)day.submit(participant_actor(best), core::AcceptMeeting{.meeting = id});
      }
    }
  }
  int booked = 0;
  for (const auto& [id, m] : day.state().meetings) booked += m.placement.has_value();

  // Doors open: everyone but the no-shows checks in; of those who came, some want more meetings.
  std::vector<core::ParticipantId> no_shows;
  int standby = 0;
  for (const core::ParticipantId id : people) {
    if (rng.chance(options.no_shows)) {
      no_shows.push_back(id);
      continue;
    }
    const std::string code = day.state().participant(id)->check_in_code;
    if (auto r = day.submit(kOrganiser, core::CheckIn{.code = code}); !r)
      return fail(name, r.error().message);
    if (rng.chance(options.standby)) {
      (void)day.submit(participant_actor(id), core::SetStandby{.participant = id, .on = true});
      ++standby;
    }
  }
  // The no-shows are withdrawn (a late withdrawal): their booked slots are freed.
  std::vector<core::Placement> freed;
  for (const core::ParticipantId id : no_shows) {
    core::Operation probe;
    probe.payload = core::Withdraw{.participant = id};
    for (const core::Placement& p : core::placements_freed(day.state(), probe)) freed.push_back(p);
    if (auto r = day.submit(kOrganiser, core::Withdraw{.participant = id}); !r)
      return fail(name, r.error().message);
  }
  std::sort(freed.begin(), freed.end(), [&](const core::Placement& a, const core::Placement& b) {
    const auto ta = day.state().sessions.at(a.slot.session).slot_time(a.slot.index);
    const auto tb = day.state().sessions.at(b.slot.session).slot_time(b.slot.index);
    return ta != tb ? ta < tb : a.table < b.table;
  });

  // Each freed slot is offered until it is taken or no pair is left (at most 3 offers).
  std::vector<double> decisions;
  int offers = 0, declined = 0, refilled = 0;
  for (const core::Placement& slot : freed) {
    for (int attempt = 0; attempt < 3; ++attempt) {
      const auto start = Clock::now();
      const core::EventPopulation population = core::event_population(day.state(), event->taxonomy);
      const core::PairScorer scorer(population.population,
                                    day.state().event.settings.matching.weights);
      const auto pick = core::pick_refill(day.state(), population, scorer, slot.slot);
      decisions.push_back(seconds_since(start));
      if (!pick) break;
      auto offered = day.submit(
          kOrganiser,
          core::OfferSlot{.first = pick->first, .second = pick->second, .slot = slot.slot});
      if (!offered) return fail(name, offered.error().message);
      ++offers;
      const core::MeetingId id = std::get<core::OfferSlot>(offered->payload).meeting;
      bool both = true;
      for (const core::ParticipantId who : {pick->first, pick->second}) {
        if (!both) break;
        if (rng.chance(options.accept)) {
          auto accepted = day.submit(participant_actor(who), core::AcceptMeeting{.meeting = id});
          if (!accepted) return fail(name, accepted.error().message);
        } else {
          (void)day.submit(participant_actor(who), core::DeclineMeeting{.meeting = id});
          both = false;
        }
      }
      if (!both) {
        ++declined;
        continue;
      }
      const core::Meeting& m = *day.state().meeting(id);
      if (m.status != core::MeetingStatus::Accepted || !m.placement ||
          !(m.placement->slot == slot.slot))
        return fail(name, "an accepted offer was not booked at its slot");
      ++refilled;
      break;
    }
  }
  std::vector<double> sorted = decisions;
  std::sort(sorted.begin(), sorted.end());
  double total = 0;
  for (const double t : sorted) total += t;
  const auto ms = [](double s) { return json_number(s * 1e3); };
  std::cout << "{\"bench\":\"refill\",\"participants\":" << options.participants
            << ",\"booked\":" << booked << ",\"no_shows\":" << no_shows.size()
            << ",\"standby\":" << standby << ",\"freed_slots\":" << freed.size()
            << ",\"offers\":" << offers << ",\"declined_offers\":" << declined
            << ",\"refilled\":" << refilled << ",\"refilled_share\":"
            << json_number(freed.empty() ? 0.0 : static_cast<double>(refilled) / freed.size())
            << ",\"decisions\":" << decisions.size()
            << ",\"decision_mean_ms\":" << ms(sorted.empty() ? 0.0 : total / sorted.size())
            << ",\"decision_median_ms\":" << ms(sorted.empty() ? 0.0 : sorted[sorted.size() / 2])
            << ",\"decision_max_ms\":" << ms(sorted.empty() ? 0.0 : sorted.back()) << "}\n";
  return 0;
}

}  // namespace crossmatch::bench
