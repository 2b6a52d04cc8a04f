// Refilling freed slots. People who want more meetings join the standby list (set_standby). A
// slot freed by a no-show, a cancellation or a late withdrawal is offered (offer_slot) to two
// people on standby who are free then and whom the matching rates well for each other, favouring
// those with fewer meetings so far; once both accept, the meeting is booked at that slot at once
// and no other meeting moves. The hub offers a freed slot by itself as soon as it is freed (the
// organiser may offer the next slots too); an offer not accepted by both lapses when its slot
// starts (request_expiry.hpp).
#pragma once

#include <optional>
#include <vector>

#include "core/event/event_state.hpp"
#include "core/event/local_time.hpp"
#include "core/event/operation.hpp"
#include "core/matching/event_population.hpp"
#include "core/matching/pair_score.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::core {

// A person's meetings so far: their accepted meetings, booked or waiting for the schedule.
int meetings_so_far(const EventState& state, ParticipantId person);

// True when the person has an offer of a freed slot still awaiting answers.
bool has_open_offer(const EventState& state, ParticipantId person);

// True when the person said no to an offer of this slot (declined it, or cancelled the meeting it
// booked): they are not offered the same slot again.
bool turned_down_slot(const EventState& state, ParticipantId person, SlotRef slot);

// Why the person cannot be offered this slot ("is not on the standby list", "has not arrived
// yet", "has an offer awaiting an answer", "turned this slot down", in English; when another
// booking keeps them, person_conflict's clause: "Ana Silva has a meeting with ... then"), or empty
// when they can. Once the desk is in use (someone checked in), only people who arrived are
// offered slots. refill_refusal says it to people.
std::string refill_problem(const EventState& state, ParticipantId person, SlotRef slot);

// The same reason as a whole sentence naming the person and the slot, in the current language:
// "Ana Silva is not on the standby list (Thu 14 May 10:20)."; empty when they can be offered it.
std::string refill_refusal(const EventState& state, ParticipantId person, SlotRef slot);

// The standby people who can be offered this slot, by id.
std::vector<ParticipantId> standby_free_at(const EventState& state, SlotRef slot);

struct RefillPick {
  ParticipantId first = 0, second = 0;
  double score = 0;     // the matching's pair score, 0-1
  double priority = 0;  // score / (1 + their meetings so far / 2): fewer meetings rank higher
  bool operator==(const RefillPick&) const = default;
};

// The pair to offer `slot` to, or none: among the standby people free then (the
// kMostCandidates with the fewest meetings so far, ties by id), the allowed pair (the matching
// would suggest them: not the same organisation, a common language, no declined request) with
// no meeting between them yet and the highest priority; ties go to the lower ids. There must be
// a free table then.
inline constexpr std::size_t kMostRefillCandidates = 60;
std::optional<RefillPick> pick_refill(const EventState& state, const EventPopulation& people,
                                      const PairScorer& scorer, SlotRef slot);

// The offers the organiser sends for `slots`: one per slot at most, each picked on the state with
// the offers before it applied, so that no one is offered two at once.
std::vector<OfferSlot> plan_refill_offers(const EventState& state, const Taxonomy& taxonomy,
                                          const std::vector<SlotRef>& slots);

// The offers the hub sends by itself once an operation freed `freed` (placements_freed, read
// before it; `after` is the state with it applied): one per freed slot that has not started by
// `now_ms` (through `local_to_utc`), as plan_refill_offers picks them. Nothing when fewer than two
// people are on standby, so that most operations cost nothing more.
std::vector<OfferSlot> offers_for_freed(const EventState& after, const Taxonomy& taxonomy,
                                        const std::vector<Placement>& freed, std::int64_t now_ms,
                                        const LocalToUtc& local_to_utc = {});

// The bookings `op` would free, read on the state before it: an accepted, booked meeting it
// cancels (cancel_meeting), the booked meetings of a person who withdraws or is erased that have
// not been marked held or not held, or the slot of an offer declined (table 0: any).
std::vector<Placement> placements_freed(const EventState& before, const Operation& op);

}  // namespace crossmatch::core
