#include "app/client/state/broker_monitor.hpp"

#include <algorithm>

#include "core/matching/suggestions.hpp"

namespace crossmatch::client {

bool BrokerMonitor::refresh(const ClientSession& session, std::int64_t now_ms) {
  statistics_ = core::statistics(session.state());  // O(1): kept by the state's counters
  const bool changed = !built_ || session.meetings_version() != meetings_version_ ||
                       session.profiles_version() != profiles_version_;
  if (!changed || (built_ && now_ms - last_ms_ < kRefreshMs && now_ms >= last_ms_)) return false;
  built_ = true;
  last_ms_ = now_ms;
  meetings_version_ = session.meetings_version();
  if (profiles_version_ != session.profiles_version() || sector_.empty()) reindex_people(session);
  profiles_version_ = session.profiles_version();
  recount(session);
  return true;
}

void BrokerMonitor::reindex_people(const ClientSession& session) {
  const core::EventState& state = session.state();
  const core::Taxonomy& taxonomy = session.taxonomy();
  // Per participant: their row in the sector and city matrices (only sectors and cities someone
  // active is in get one), their sector's kind and their country, in flat arrays by id.
  const std::size_t n = state.next_participant + 1;
  auto& sector = sector_;
  auto& city = city_;
  auto& country = country_;
  auto& creative = creative_;
  sector.assign(n, -1);
  city.assign(n, -1);
  country.assign(n, -1);
  creative.assign(n, -1);
  std::vector<int> sector_row(taxonomy.sectors().size(), -1), city_row(taxonomy.cities().size(), -1);
  sectors_.labels.clear();
  cities_.labels.clear();
  const auto row_of = [](std::vector<int>& rows, CountMatrix& matrix, int index, const std::string& name) {
    if (rows[static_cast<std::size_t>(index)] < 0) {
      rows[static_cast<std::size_t>(index)] = static_cast<int>(matrix.labels.size());
      matrix.labels.push_back(name.size() > 28 ? name.substr(0, 26) + "..." : name);
    }
    return static_cast<std::int16_t>(rows[static_cast<std::size_t>(index)]);
  };
  for (const auto& [id, p] : state.participants) {
    if (id >= n || !p.active()) continue;
    country[id] = static_cast<std::int16_t>(taxonomy.country_index(p.profile.country));
    if (const int s = taxonomy.sector_index(p.profile.sector); s >= 0) {
      sector[id] = row_of(sector_row, sectors_, s, taxonomy.sectors()[static_cast<std::size_t>(s)].name);
      creative[id] = taxonomy.sectors()[static_cast<std::size_t>(s)].kind == core::SectorKind::Creative ? 1 : 0;
    }
    if (const int c = taxonomy.city_index(p.profile.city); c >= 0) {
      city[id] = row_of(city_row, cities_, c, taxonomy.cities()[static_cast<std::size_t>(c)].name);
    }
  }
}

void BrokerMonitor::recount(const ClientSession& session) {
  ++recounts_;
  const core::EventState& state = session.state();
  const std::size_t n = std::min(state.next_participant + 1, static_cast<core::ParticipantId>(sector_.size()));
  const auto& sector = sector_;
  const auto& city = city_;
  const auto& country = country_;
  const auto& creative = creative_;
  const std::size_t s = sectors_.labels.size(), c = cities_.labels.size();
  sectors_.counts.assign(s * s, 0);
  cities_.counts.assign(c * c, 0);

  std::vector<char> met(n, 0);
  feed_.clear();
  const auto newer = [](const Pairing& a, const Pairing& b) { return a.accepted_at > b.accepted_at; };
  for (const auto& [id, m] : state.meetings) {
    if (m.status != core::MeetingStatus::Accepted || m.requester >= n || m.invitee >= n) continue;
    met[m.requester] = met[m.invitee] = 1;
    const int sa = sector[m.requester], sb = sector[m.invitee];
    if (sa >= 0 && sb >= 0) {
      ++sectors_.counts[static_cast<std::size_t>(sa) * s + static_cast<std::size_t>(sb)];
      if (sa != sb) ++sectors_.counts[static_cast<std::size_t>(sb) * s + static_cast<std::size_t>(sa)];
    }
    const int ca = city[m.requester], cb = city[m.invitee];
    if (ca >= 0 && cb >= 0) {
      ++cities_.counts[static_cast<std::size_t>(ca) * c + static_cast<std::size_t>(cb)];
      if (ca != cb) ++cities_.counts[static_cast<std::size_t>(cb) * c + static_cast<std::size_t>(ca)];
    }
    Pairing p{id, m.requester, m.invitee, m.accepted_at, false, false};
    if (feed_.size() == kFeedSize && !newer(p, feed_.front())) continue;
    p.cross_sector = creative[m.requester] >= 0 && creative[m.invitee] >= 0 && creative[m.requester] != creative[m.invitee];
    p.cross_border = country[m.requester] >= 0 && country[m.requester] != country[m.invitee];
    // A min-heap on time keeps the newest kFeedSize.
    feed_.push_back(p);
    std::push_heap(feed_.begin(), feed_.end(), newer);
    if (feed_.size() > kFeedSize) {
      std::pop_heap(feed_.begin(), feed_.end(), newer);
      feed_.pop_back();
    }
  }
  std::sort(feed_.begin(), feed_.end(), newer);
  sectors_.max = sectors_.counts.empty() ? 0 : *std::max_element(sectors_.counts.begin(), sectors_.counts.end());
  cities_.max = cities_.counts.empty() ? 0 : *std::max_element(cities_.counts.begin(), cities_.counts.end());

  for (const auto& [round_id, round] : state.rounds) {
    for (const auto& team : round.teams) {
      for (const auto member : team.members) {
        if (member < n) met[member] = 1;
      }
    }
  }
  unmatched_.clear();
  for (const auto& [id, p] : state.participants) {
    if (p.active() && id < n && !met[id]) unmatched_.push_back(id);
  }
}

std::optional<core::Introduce> propose_introduction(const PopulationCache& cache,
                                                    const core::EventState& state,
                                                    core::ParticipantId person) {
  if (!cache.built() || !cache.population().present(static_cast<int>(person))) return std::nullopt;
  std::vector<int> exclude;
  if (const auto it = state.index.person_meetings.find(person); it != state.index.person_meetings.end()) {
    for (const auto id : it->second) {
      const core::Meeting* m = state.meeting(id);
      if (m != nullptr && m->open()) exclude.push_back(static_cast<int>(m->other(person)));
    }
  }
  std::sort(exclude.begin(), exclude.end());
  const auto best = core::suggest_partners(cache.scorer(), static_cast<int>(person), 1, exclude);
  if (best.empty()) return std::nullopt;
  core::Introduce intro;
  intro.first = person;
  intro.second = static_cast<core::ParticipantId>(best.front().participant);
  intro.note = "You two should meet: " + core::join_reasons(best.front().reasons);
  if (intro.note.size() > core::kMaxMessageLength) intro.note.resize(core::kMaxMessageLength);
  return intro;
}

}  // namespace crossmatch::client
