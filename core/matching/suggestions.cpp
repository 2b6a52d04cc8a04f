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
  for (int j = 0; j < n; ++j) {
    if (j == viewer || !p.matchable(j)) continue;
    const Entry e{scorer.score(viewer, j), j};
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
    s.reasons = explain_pair(scorer, s.breakdown, viewer, e.participant, max_reasons);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace crossmatch::core
