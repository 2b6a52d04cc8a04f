#include "core/event/event_index.hpp"

#include <algorithm>

#include "core/event/session_slots.hpp"
#include "core/event/statistics.hpp"
#include "core/text.hpp"

namespace crossmatch::core {
namespace {

bool cross_border(const Profile& a, const Profile& b) {
  return !a.country.empty() && !b.country.empty() && a.country != b.country;
}

void mark_table(EventIndex& ix, TableId table, SlotRef slot, bool booked) {
  const auto at = ix.table_position.find(table);
  if (at == ix.table_position.end()) return;
  const std::size_t word = at->second / 64;
  const std::uint64_t bit = std::uint64_t{1} << (at->second % 64);
  if (booked) {
    std::vector<std::uint64_t>& bits = ix.slot_tables_booked[slot_key(slot)];
    if (bits.size() <= word) bits.resize(word + 1, 0);
    bits[word] |= bit;
  } else if (const auto it = ix.slot_tables_booked.find(slot_key(slot));
             it != ix.slot_tables_booked.end()) {
    if (word < it->second.size()) it->second[word] &= ~bit;
  }
}

}  // namespace

void index_tables(EventState& state) {
  EventIndex& ix = state.index;
  ix.table_order.clear();
  ix.table_position.clear();
  ix.slot_tables_booked.clear();
  for (const auto& [id, table] : state.tables) ix.table_order.emplace_back(table.seats, id);
  std::sort(ix.table_order.begin(), ix.table_order.end());
  for (std::size_t i = 0; i < ix.table_order.size(); ++i)
    ix.table_position[ix.table_order[i].second] = i;
  for (const auto& [key, meeting] : ix.table_slot) {
    const auto table = static_cast<TableId>(key >> 32);
    const SlotRef slot{static_cast<SessionId>((key >> 16) & 0xFFFF),
                       static_cast<int>(key & 0xFFFF)};
    mark_table(ix, table, slot, true);
  }
}

void index_new_table(EventState& state, TableId table) {
  EventIndex& ix = state.index;
  const std::pair<int, TableId> entry{state.tables.at(table).seats, table};
  if (!ix.table_order.empty() && entry < ix.table_order.back()) return index_tables(state);
  ix.table_position[table] = ix.table_order.size();
  ix.table_order.push_back(entry);
}

bool is_cross_sector(const Taxonomy& taxonomy, const Profile& a, const Profile& b) {
  const Sector* sa = taxonomy.sector(a.sector);
  const Sector* sb = taxonomy.sector(b.sector);
  return sa != nullptr && sb != nullptr && sa->kind != sb->kind;
}

void account_meeting(EventState& state, const Taxonomy& taxonomy, const Meeting& m, int sign) {
  EventIndex& ix = state.index;
  ix.requests += sign;
  switch (m.status) {
    case MeetingStatus::Requested:
      ix.pending += sign;
      if (!m.introduced) {
        int& open = ix.open_requests[m.requester];
        open += sign;
        if (open == 0) ix.open_requests.erase(m.requester);
        int& incoming = ix.incoming_requests[m.invitee];
        incoming += sign;
        if (incoming == 0) ix.incoming_requests.erase(m.invitee);
      }
      break;
    case MeetingStatus::Declined:
      ix.declined += sign;
      break;
    case MeetingStatus::Cancelled:
      ix.cancelled += sign;
      break;
    case MeetingStatus::Accepted: {
      ix.accepted += sign;
      const Participant* a = state.participant(m.requester);
      const Participant* b = state.participant(m.invitee);
      const bool sector = a && b && is_cross_sector(taxonomy, a->profile, b->profile);
      const bool border = a && b && cross_border(a->profile, b->profile);
      ix.accepted_cross_sector += sign * sector;
      ix.accepted_cross_border += sign * border;
      if (m.held == HeldState::Held) {
        ix.held += sign;
        if (sector && border) {
          const auto key = pair_key(m.requester, m.invitee);
          int& count = ix.relationship_meetings[key];
          if (sign > 0 && count == 0) ++ix.relationships;
          count += sign;
          if (count == 0) {
            --ix.relationships;
            ix.relationship_meetings.erase(key);
          }
        }
      } else if (m.held == HeldState::NotHeld) {
        ix.not_held += sign;
      }
      if (m.placement) {
        const SlotRef slot = m.placement->slot;
        // Removal erases only entries that are this meeting's, so meetings can trade places
        // within one operation in any order.
        // Returns +1 when the key was added, -1 when it was removed, 0 otherwise.
        const auto book = [&](std::unordered_map<std::uint64_t, MeetingId>& map,
                              std::uint64_t key) {
          if (sign > 0) {
            const auto [it, added] = map.try_emplace(key, m.id);
            it->second = m.id;
            return added ? 1 : 0;
          }
          if (const auto it = map.find(key); it != map.end() && it->second == m.id) {
            map.erase(it);
            return -1;
          }
          return 0;
        };
        book(ix.person_slot, person_slot_key(m.requester, slot));
        book(ix.person_slot, person_slot_key(m.invitee, slot));
        if (const int change = book(ix.table_slot, table_slot_key(m.placement->table, slot));
            change != 0)
          mark_table(ix, m.placement->table, slot, change > 0);
      }
      break;
    }
  }
}

void account_participant(EventState& state, const Participant& p, int sign) {
  if (!p.profile.email.empty() && p.status != ParticipantStatus::Erased) {
    const std::string key = ascii_lower(p.profile.email);
    if (sign > 0) {
      state.index.emails[key] = p.id;
    } else if (const auto it = state.index.emails.find(key);
               it != state.index.emails.end() && it->second == p.id) {
      state.index.emails.erase(it);
    }
  }
  if (!p.check_in_code.empty()) {
    if (sign > 0) {
      state.index.check_in_codes[p.check_in_code] = p.id;
    } else if (const auto it = state.index.check_in_codes.find(p.check_in_code);
               it != state.index.check_in_codes.end() && it->second == p.id) {
      state.index.check_in_codes.erase(it);
    }
  }
  switch (p.status) {
    case ParticipantStatus::Active:
      state.index.participants_active += sign;
      if (p.arrived()) state.index.arrived += sign;
      break;
    case ParticipantStatus::Withdrawn:
      state.index.participants_withdrawn += sign;
      break;
    case ParticipantStatus::Erased:
      state.index.participants_erased += sign;
      break;
  }
}

void index_new_meeting(EventState& state, const Taxonomy& taxonomy, const Meeting& m) {
  state.index.person_meetings[m.requester].push_back(m.id);
  state.index.person_meetings[m.invitee].push_back(m.id);
  state.index.pair_meetings[pair_key(m.requester, m.invitee)].push_back(m.id);
  account_meeting(state, taxonomy, m, +1);
}

void rebuild_index(EventState& state, const Taxonomy& taxonomy) {
  state.index = EventIndex{};
  // Sized up front: a large event (100,000 meetings) otherwise spends most of its load rehashing.
  EventIndex& ix = state.index;
  ix.person_slot.reserve(2 * state.meetings.size());
  ix.table_slot.reserve(state.meetings.size());
  ix.pair_meetings.reserve(state.meetings.size());
  ix.person_meetings.reserve(state.participants.size());
  ix.emails.reserve(state.participants.size());
  for (auto& [id, session] : state.sessions) compute_slots(session);
  index_tables(state);
  for (const auto& [id, p] : state.participants) account_participant(state, p, +1);
  for (const auto& [id, m] : state.meetings) index_new_meeting(state, taxonomy, m);
  for (const auto& [id, ps] : state.pitching) {
    for (const Pitch& pitch : ps.pitches) {
      for (const ParticipantId p : pitch.interested)
        ++state.index.interest[pair_key(p, pitch.pitcher)];
    }
  }
  for (const auto& [id, round] : state.rounds) {
    for (const Team& team : round.teams) {
      for (const ParticipantId p : team.members) state.index.person_rounds[p].push_back(id);
    }
  }
}

EventStatistics statistics(const EventState& state) {
  const EventIndex& ix = state.index;
  EventStatistics s;
  s.participants = ix.participants_active;
  s.withdrawn = ix.participants_withdrawn;
  s.erased = ix.participants_erased;
  s.arrived = ix.arrived;
  s.requests = ix.requests;
  s.pending = ix.pending;
  s.accepted = ix.accepted;
  s.declined = ix.declined;
  s.cancelled = ix.cancelled;
  s.held = ix.held;
  s.not_held = ix.not_held;
  s.accepted_cross_sector = ix.accepted_cross_sector;
  s.accepted_cross_border = ix.accepted_cross_border;
  s.relationships = ix.relationships;
  return s;
}

EventStatistics recount_statistics(const EventState& state, const Taxonomy& taxonomy) {
  EventStatistics s;
  for (const auto& [id, p] : state.participants) {
    s.participants += p.status == ParticipantStatus::Active;
    s.withdrawn += p.status == ParticipantStatus::Withdrawn;
    s.erased += p.status == ParticipantStatus::Erased;
    s.arrived += p.status == ParticipantStatus::Active && p.arrived();
  }
  std::vector<std::uint64_t> relationship_pairs;
  for (const auto& [id, m] : state.meetings) {
    ++s.requests;
    s.pending += m.status == MeetingStatus::Requested;
    s.declined += m.status == MeetingStatus::Declined;
    s.cancelled += m.status == MeetingStatus::Cancelled;
    if (m.status != MeetingStatus::Accepted) continue;
    ++s.accepted;
    const Profile& a = state.participants.at(m.requester).profile;
    const Profile& b = state.participants.at(m.invitee).profile;
    const bool sector = is_cross_sector(taxonomy, a, b);
    const bool border = cross_border(a, b);
    s.accepted_cross_sector += sector;
    s.accepted_cross_border += border;
    s.held += m.held == HeldState::Held;
    s.not_held += m.held == HeldState::NotHeld;
    if (m.held == HeldState::Held && sector && border)
      relationship_pairs.push_back(pair_key(m.requester, m.invitee));
  }
  std::sort(relationship_pairs.begin(), relationship_pairs.end());
  s.relationships =
      static_cast<int>(std::unique(relationship_pairs.begin(), relationship_pairs.end()) -
                       relationship_pairs.begin());
  return s;
}

}  // namespace crossmatch::core
