#include "core/event/refill.hpp"

#include <algorithm>

#include "core/event/apply.hpp"
#include "core/event/booking.hpp"
#include "core/event/busy_blocks.hpp"
#include "core/event/local_time.hpp"
#include "core/event/session_slots.hpp"
#include "core/i18n/translation.hpp"
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

namespace {

// What keeps a standby person from being offered a slot; Booking: whatever keeps them is another
// booking, which person_conflict tells (nothing when they are free).
enum class Standby { NotTakingPart, NotOnList, NotArrived, OfferWaiting, TurnedDown, Booking };

Standby standby_at(const EventState& state, ParticipantId person, SlotRef slot) {
  const Participant* p = state.participant(person);
  if (p == nullptr || !p->active()) return Standby::NotTakingPart;
  if (!p->standby) return Standby::NotOnList;
  if (desk_in_use(state) && !p->arrived()) return Standby::NotArrived;
  if (has_open_offer(state, person)) return Standby::OfferWaiting;
  if (turned_down_slot(state, person, slot)) return Standby::TurnedDown;
  return Standby::Booking;
}

}  // namespace

std::string refill_problem(const EventState& state, ParticipantId person, SlotRef slot) {
  switch (standby_at(state, person, slot)) {
    case Standby::NotTakingPart:
      return "is not taking part";
    case Standby::NotOnList:
      return "is not on the standby list";
    case Standby::NotArrived:
      return "has not arrived yet";
    case Standby::OfferWaiting:
      return "has an offer awaiting an answer";
    case Standby::TurnedDown:
      return "turned this slot down";
    case Standby::Booking:
      break;
  }
  return person_conflict(state, person, slot);
}

std::string refill_refusal(const EventState& state, ParticipantId person, SlotRef slot) {
  const Standby why = standby_at(state, person, slot);
  if (why == Standby::Booking) {
    const std::string conflict = person_conflict(state, person, slot);
    if (conflict.empty()) return {};
    return conflict + " (" + describe_slot(state, slot) + ").";
  }
  const Participant* p = state.participant(person);
  // The name as messages give it (detail::person_name).
  const std::string name = p == nullptr ? format_text(tr("participant %u"), person)
                           : p->status == ParticipantStatus::Erased
                               ? std::string(tr("an erased participant"))
                               : p->profile.display_name;
  const std::string when = describe_slot(state, slot);
  switch (why) {
    case Standby::NotTakingPart:
      // TRANSLATORS: why a person is not offered a freed slot; %1$s is the person, %2$s the slot
      return format_text(tr("%s is not taking part (%s)."), name.c_str(), when.c_str());
    case Standby::NotOnList:
      // TRANSLATORS: why a person is not offered a freed slot; %1$s is the person, %2$s the slot
      return format_text(tr("%s is not on the standby list (%s)."), name.c_str(), when.c_str());
    case Standby::NotArrived:
      // TRANSLATORS: why a person is not offered a freed slot; %1$s is the person, %2$s the slot
      return format_text(tr("%s has not arrived yet (%s)."), name.c_str(), when.c_str());
    case Standby::OfferWaiting:
      // TRANSLATORS: why a person is not offered a freed slot; %1$s is the person, %2$s the slot
      return format_text(tr("%s has an offer awaiting an answer (%s)."), name.c_str(),
                         when.c_str());
    case Standby::TurnedDown:
      // TRANSLATORS: why a person is not offered a freed slot; %1$s is the person, %2$s the slot
      return format_text(tr("%s turned this slot down (%s)."), name.c_str(), when.c_str());
    case Standby::Booking:
      break;
  }
  return {};
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
