#include "core/matching/suggestions.hpp"

#include <algorithm>

namespace crossmatch::core {
namespace {

struct Entry {
  double score;
  int participant;
};

// Orders entries best first: higher score, then lower index.
bool better(const Entry& x, const Entry& y) {
  return x.score > y.score || (x.score == y.score && x.participant < y.participant);
}

double lift(std::uint8_t bits) {
  return bits != 0 ? kPitchInterestLift : 0.0;
}

std::string interest_phrase(std::uint8_t bits) {
  if ((bits & Population::kOtherInterested) != 0 && (bits & Population::kViewerInterested) != 0)
    return "interested in your pitch, as you were in theirs";
  if ((bits & Population::kOtherInterested) != 0) return "interested in your pitch";
  return "you were interested in their pitch";
}

}  // namespace

std::vector<Suggestion> suggest_partners(const PairScorer& scorer, int viewer, int k,
                                         const std::vector<int>& exclude, int max_reasons) {
  const Population& p = scorer.population();
  if (k <= 0 || !p.present(viewer)) return {};
  std::vector<int> skip = exclude;
  std::sort(skip.begin(), skip.end());

  // A heap whose front is the worst kept entry.
  std::vector<Entry> heap;
  heap.reserve(static_cast<std::size_t>(k) + 1);
  const int n = p.size();
  // Usually empty: a participant has pitch interest with a handful of people at most.
  const auto& interest = p.pitch_interests(viewer);
  const auto interest_bits = [&interest](int j) -> std::uint8_t {
    if (interest.empty()) return 0;
    const auto it =
        std::lower_bound(interest.begin(), interest.end(), std::pair<int, std::uint8_t>{j, 0});
    return it != interest.end() && it->first == j ? it->second : 0;
  };
  for (int j = 0; j < n; ++j) {
    if (j == viewer || !p.matchable(j)) continue;
    const Entry e{scorer.score(viewer, j) + lift(interest_bits(j)), j};
    if (static_cast<int>(heap.size()) == k && !better(e, heap.front())) continue;
    if (!scorer.allowed(viewer, j)) continue;
    if (!skip.empty() && std::binary_search(skip.begin(), skip.end(), j)) continue;
    heap.push_back(e);
    std::push_heap(heap.begin(), heap.end(), better);
    if (static_cast<int>(heap.size()) > k) {
      std::pop_heap(heap.begin(), heap.end(), better);
      heap.pop_back();
    }
  }
  std::sort(heap.begin(), heap.end(), better);

  std::vector<Suggestion> out;
  out.reserve(heap.size());
  for (const Entry& e : heap) {
    Suggestion s;
    s.participant = e.participant;
    s.breakdown = scorer.breakdown(viewer, e.participant);
    s.score = s.breakdown.score;
    s.pitch_interest = interest_bits(e.participant);
    s.rank = s.score + lift(s.pitch_interest);
    if (s.pitch_interest != 0) {
      s.reasons.push_back(Reason{ScoreComponent::PitchInterest, lift(s.pitch_interest),
                                 interest_phrase(s.pitch_interest)});
    }
    for (Reason& r : explain_pair(scorer, s.breakdown, viewer, e.participant, max_reasons))
      s.reasons.push_back(std::move(r));
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace crossmatch::core
