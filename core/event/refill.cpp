#include "core/event/refill.hpp"

#include <algorithm>

#include "core/event/apply.hpp"
#include "core/event/booking.hpp"
#include "core/event/busy_blocks.hpp"
#include "core/event/local_time.hpp"
#include "core/overloaded.hpp"

namespace crossmatch::core {
namespace {

bool desk_in_use(const EventState& state) {
  return state.index.arrived > 0;
}

// A meeting between the two, open or declined: they are not offered to each other.
bool pair_taken(const EventState& state, ParticipantId a, ParticipantId b) {
  const auto it = state.index.pair_meetings.find(pair_key(a, b));
  if (it == state.index.pair_meetings.end()) return false;
  for (const MeetingId id : it->second) {
    const Meeting& m = state.meetings.at(id);
    if (m.open() || m.status == MeetingStatus::Declined) return true;
  }
  return false;
}

void booked_meetings_of(const EventState& state, ParticipantId person,
                        std::vector<Placement>& out) {
  const auto it = state.index.person_meetings.find(person);
  if (it == state.index.person_meetings.end()) return;
  for (const MeetingId id : it->second) {
    const Meeting& m = state.meetings.at(id);
    if (m.status == MeetingStatus::Accepted && m.placement && m.held == HeldState::Unknown)
      out.push_back(*m.placement);
  }
}

}  // namespace

int meetings_so_far(const EventState& state, ParticipantId person) {
  const auto it = state.index.person_meetings.find(person);
  if (it == state.index.person_meetings.end()) return 0;
  int n = 0;
  for (const MeetingId id : it->second)
    n += state.meetings.at(id).status == MeetingStatus::Accepted;
  return n;
}

bool has_open_offer(const EventState& state, ParticipantId person) {
  const auto it = state.index.person_meetings.find(person);
  if (it == state.index.person_meetings.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](MeetingId id) {
    const Meeting& m = state.meetings.at(id);
    return m.offered && m.status == MeetingStatus::Requested;
  });
}

bool turned_down_slot(const EventState& state, ParticipantId person, SlotRef slot) {
  const auto it = state.index.person_meetings.find(person);
  if (it == state.index.person_meetings.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](MeetingId id) {
    const Meeting& m = state.meetings.at(id);
    return m.offered && m.status == MeetingStatus::Cancelled && m.closed_by == person &&
           !m.preferred.empty() && m.preferred.front() == slot;
  });
}

std::string refill_problem(const EventState& state, ParticipantId person, SlotRef slot) {
  const Participant* p = state.participant(person);
  if (p == nullptr || !p->active()) return "is not taking part";
  if (!p->standby) return "is not on the standby list";
  if (desk_in_use(state) && !p->arrived()) return "has not arrived yet";
  if (has_open_offer(state, person)) return "has an offer awaiting an answer";
  if (turned_down_slot(state, person, slot)) return "turned this slot down";
  return person_conflict(state, person, slot);
}

std::vector<ParticipantId> standby_free_at(const EventState& state, SlotRef slot) {
  std::vector<ParticipantId> out;
  for (const auto& [id, p] : state.participants) {
    if (p.standby && refill_problem(state, id, slot).empty()) out.push_back(id);
  }
  return out;
}

std::optional<RefillPick> pick_refill(const EventState& state, const EventPopulation& people,
                                      const PairScorer& scorer, SlotRef slot) {
  if (busy_block_at(state, slot) != nullptr || free_table(state, slot, 2) == 0) return std::nullopt;
  struct Candidate {
    int meetings;
    ParticipantId id;
    int index;
  };
  std::vector<Candidate> candidates;
  for (const ParticipantId id : standby_free_at(state, slot)) {
    const int index = people.index(id);
    if (index >= 0) candidates.push_back({meetings_so_far(state, id), id, index});
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.meetings != b.meetings ? a.meetings < b.meetings : a.id < b.id;
  });
  if (candidates.size() > kMostRefillCandidates) candidates.resize(kMostRefillCandidates);
  std::optional<RefillPick> best;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    for (std::size_t j = i + 1; j < candidates.size(); ++j) {
      const Candidate& a = candidates[i];
      const Candidate& b = candidates[j];
      if (!scorer.allowed(a.index, b.index) || pair_taken(state, a.id, b.id)) continue;
      const double score = scorer.score(a.index, b.index);
      const double priority = score / (1.0 + (a.meetings + b.meetings) / 2.0);
      const ParticipantId first = std::min(a.id, b.id), second = std::max(a.id, b.id);
      if (!best || priority > best->priority ||
          (priority == best->priority &&
           std::pair{first, second} < std::pair{best->first, best->second}))
        best = RefillPick{first, second, score, priority};
    }
  }
  return best;
}

std::vector<OfferSlot> plan_refill_offers(const EventState& state, const Taxonomy& taxonomy,
                                          const std::vector<SlotRef>& slots) {
  std::vector<OfferSlot> out;
  EventState planned = state;
  // Offers change no one's profile: the matching's view of the people is made once.
  const EventPopulation people = event_population(state, taxonomy);
  const PairScorer scorer(people.population, state.event.settings.matching.weights);
  for (const SlotRef slot : slots) {
    const auto pick = pick_refill(planned, people, scorer, slot);
    if (!pick) continue;
    Operation op;
    op.id = "plan-" + std::to_string(out.size() + 1);
    op.actor = Actor{Role::Organiser, 0};
    op.payload = OfferSlot{.first = pick->first, .second = pick->second, .slot = slot};
    if (!apply_operation(planned, taxonomy, op).ok()) continue;
    out.push_back(OfferSlot{.first = pick->first, .second = pick->second, .slot = slot});
  }
  return out;
}

std::vector<OfferSlot> offers_for_freed(const EventState& after, const Taxonomy& taxonomy,
                                        const std::vector<Placement>& freed, std::int64_t now_ms,
                                        const LocalToUtc& local_to_utc) {
  if (freed.empty()) return {};
  int on_standby = 0;
  for (const auto& [id, p] : after.participants) on_standby += p.standby && p.active();
  if (on_standby < 2) return {};
  std::vector<SlotRef> slots;
  for (const Placement& placement : freed) {
    const SlotRef slot = placement.slot;
    if (std::find(slots.begin(), slots.end(), slot) != slots.end()) continue;
    const std::int64_t starts = slot_start_ms(after, slot, local_to_utc);
    if (starts != 0 && starts > now_ms) slots.push_back(slot);
  }
  if (slots.empty()) return {};
  return plan_refill_offers(after, taxonomy, slots);
}

std::vector<Placement> placements_freed(const EventState& before, const Operation& op) {
  std::vector<Placement> out;
  std::visit(Overloaded{
                 [&](const CancelMeeting& c) {
                   const Meeting* m = before.meeting(c.meeting);
                   if (m != nullptr && m->status == MeetingStatus::Accepted && m->placement &&
                       m->held == HeldState::Unknown)
                     out.push_back(*m->placement);
                 },
                 [&](const Withdraw& w) { booked_meetings_of(before, w.participant, out); },
                 [&](const Erase& e) { booked_meetings_of(before, e.participant, out); },
                 [&](const DeclineMeeting& d) {
                   const Meeting* m = before.meeting(d.meeting);
                   if (m != nullptr && m->offered && m->status == MeetingStatus::Requested)
                     out.push_back(Placement{m->preferred.front(), 0});
                 },
                 [](const auto&) {},
             },
             op.payload);
  return out;
}

}  // namespace crossmatch::core
