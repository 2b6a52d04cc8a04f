#include "core/event/booking.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/event/busy_blocks.hpp"
#include "core/event/session_slots.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::core {
namespace {

std::string name_of(const EventState& state, ParticipantId id) {
  const Participant* p = state.participant(id);
  // TRANSLATORS: a participant the event no longer knows, by their number
  if (p == nullptr) return format_text(tr("participant %u"), id);
  // TRANSLATORS: stands for the name of a person whose data was erased
  if (p->status == ParticipantStatus::Erased) return tr("an erased participant");
  return p->profile.display_name;
}

bool both_free(const EventState& state, ParticipantId a, ParticipantId b, SlotRef slot) {
  return person_conflict(state, a, slot).empty() && person_conflict(state, b, slot).empty() &&
         free_table(state, slot, 2) != 0;
}

}  // namespace

const TeamRound* team_round_at(const EventState& state, ParticipantId person, SlotRef slot) {
  const auto rounds = state.index.person_rounds.find(person);
  if (rounds == state.index.person_rounds.end() || !slot_exists(state, slot)) return nullptr;
  const Session& s = state.sessions.at(slot.session);
  const std::int64_t start = s.slot_time(slot.index);
  for (const RoundId r : rounds->second) {
    const TeamRound& round = state.rounds.at(r);
    const Session* rs = state.session(round.session);
    if (rs == nullptr) continue;
    if (start < rs->date * 1440 + rs->end && rs->date * 1440 + rs->start < start + s.slot_minutes)
      return &round;
  }
  return nullptr;
}

// Each clause names the person (%1$s): the name is looked up only when there is a conflict, as
// this is asked for every slot when searching for a free one.
std::string person_conflict(const EventState& state, ParticipantId person, SlotRef slot,
                            MeetingId ignore) {
  const MeetingId busy = state.meeting_at(person, slot);
  if (busy != 0 && busy != ignore) {
    const Meeting& m = state.meetings.at(busy);
    // TRANSLATORS: why a person cannot meet at a slot: "Ana Silva has a meeting with Bo Berg
    // then"
    return format_text(tr("%s has a meeting with %s then"), name_of(state, person).c_str(),
                       name_of(state, m.other(person)).c_str());
  }
  const Participant* p = state.participant(person);
  // TRANSLATORS: why a person cannot meet at a slot; %s is the person
  if (p == nullptr) return format_text(tr("%s is not registered"), name_of(state, person).c_str());
  if (const TeamRound* round = team_round_at(state, person, slot))
    // TRANSLATORS: why a person cannot meet at a slot; %1$s is the person, %2$s the round's name
    return format_text(tr("%s is in team round '%s' then"), name_of(state, person).c_str(),
                       round->name.c_str());
  const auto& unavailable = p->availability.unavailable;
  if (std::binary_search(unavailable.begin(), unavailable.end(), slot))
    // TRANSLATORS: why a person cannot meet at a slot; %s is the person
    return format_text(tr("%s marked this slot unavailable"), name_of(state, person).c_str());
  if (const Session* plenary = busy_block_at(state, slot))
    // TRANSLATORS: why a person cannot meet at a slot; %1$s is the person, %2$s a plenary
    // session ("the plenary session 'Opening', Thu 14 May 9:00-9:45")
    return format_text(tr("%s is at %s, when no meetings take place"),
                       name_of(state, person).c_str(), describe_busy_block(*plenary).c_str());
  if (p->availability.only != TimeOfDay::Any && slot_exists(state, slot)) {
    const bool morning = is_morning(state, slot);
    if (p->availability.only == TimeOfDay::Morning && !morning)
      // TRANSLATORS: why a person cannot meet at a slot; %s is the person
      return format_text(tr("%s attends only in the morning"), name_of(state, person).c_str());
    if (p->availability.only == TimeOfDay::Afternoon && morning)
      // TRANSLATORS: why a person cannot meet at a slot; %s is the person
      return format_text(tr("%s attends only in the afternoon"), name_of(state, person).c_str());
  }
  return {};
}

TableId free_table(const EventState& state, SlotRef slot, int people, MeetingId ignore) {
  // The tables by (seats, id): the first free one that seats everyone is the smallest such table.
  const auto& order = state.index.table_order;
  const auto booked_it = state.index.slot_tables_booked.find(slot_key(slot));
  const std::vector<std::uint64_t>* booked =
      booked_it == state.index.slot_tables_booked.end() ? nullptr : &booked_it->second;
  const auto first =
      std::lower_bound(order.begin(), order.end(), std::pair<int, TableId>{people, 0});
  for (auto i = static_cast<std::size_t>(first - order.begin()); i < order.size(); ++i) {
    const std::size_t word = i / 64;
    if (booked != nullptr && word < booked->size()) {
      if (i % 64 == 0 && (*booked)[word] == ~std::uint64_t{0} && ignore == 0) {
        i += 63;  // 64 booked tables
        continue;
      }
      if (((*booked)[word] >> (i % 64)) & 1) {
        const auto it = state.index.table_slot.find(table_slot_key(order[i].second, slot));
        if (ignore == 0 || it == state.index.table_slot.end() || it->second != ignore) continue;
      }
    }
    return order[i].second;
  }
  return 0;
}

std::vector<SlotRef> meeting_slots(const EventState& state) {
  std::vector<std::pair<std::int64_t, SlotRef>> timed;
  for (const auto& [id, session] : state.sessions) {
    if (session.kind != SessionKind::Meetings) continue;
    for (int i = 0; i < session.slot_count(); ++i) timed.push_back({session.slot_time(i), {id, i}});
  }
  std::sort(timed.begin(), timed.end(), [](const auto& x, const auto& y) {
    return x.first < y.first || (x.first == y.first && x.second < y.second);
  });
  std::vector<SlotRef> out;
  out.reserve(timed.size());
  for (const auto& t : timed) out.push_back(t.second);
  return out;
}

std::optional<Placement> find_placement(const EventState& state, ParticipantId a, ParticipantId b,
                                        const std::vector<SlotRef>& preferred) {
  const auto try_slot = [&](SlotRef slot) -> std::optional<Placement> {
    if (!slot_exists(state, slot)) return std::nullopt;
    if (state.sessions.at(slot.session).kind != SessionKind::Meetings) return std::nullopt;
    if (!person_conflict(state, a, slot).empty() || !person_conflict(state, b, slot).empty())
      return std::nullopt;
    const TableId table = free_table(state, slot, 2);
    if (table == 0) return std::nullopt;
    return Placement{slot, table};
  };
  for (const SlotRef slot : preferred) {
    if (auto p = try_slot(slot)) return p;
  }
  for (const SlotRef slot : meeting_slots(state)) {
    if (auto p = try_slot(slot)) return p;
  }
  return std::nullopt;
}

std::vector<SlotRef> nearest_free_slots(const EventState& state, ParticipantId a, ParticipantId b,
                                        SlotRef around, std::size_t count) {
  const Session* s = state.session(around.session);
  const std::int64_t t0 = (s != nullptr && around.index >= 0 && around.index < s->slot_count())
                              ? s->slot_time(around.index)
                              : 0;
  std::vector<std::pair<std::int64_t, SlotRef>> candidates;
  for (const SlotRef slot : meeting_slots(state)) {
    if (slot == around || !both_free(state, a, b, slot)) continue;
    const std::int64_t t = state.sessions.at(slot.session).slot_time(slot.index);
    candidates.push_back({std::llabs(t - t0), slot});
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) {
    return x.first < y.first || (x.first == y.first && x.second < y.second);
  });
  std::vector<SlotRef> out;
  for (std::size_t i = 0; i < candidates.size() && i < count; ++i)
    out.push_back(candidates[i].second);
  return out;
}

}  // namespace crossmatch::core
