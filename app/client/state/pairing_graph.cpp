#include "app/client/state/pairing_graph.hpp"

#include <algorithm>
#include <cmath>

namespace crossmatch::client {
namespace {

constexpr int kMaxGrid = 24;  // cells per side for the repulsion, at most

}  // namespace

bool PairingGraph::refresh(const core::EventState& state, const core::Taxonomy& taxonomy,
                           std::uint64_t meetings_version) {
  if (built_ && meetings_version == version_) return false;
  built_ = true;
  version_ = meetings_version;

  std::vector<const core::Meeting*> accepted;
  for (const auto& [id, m] : state.meetings) {
    if (m.status == core::MeetingStatus::Accepted) accepted.push_back(&m);
  }
  if (accepted.size() > kMaxEdges) {
    std::nth_element(accepted.begin(), accepted.begin() + kMaxEdges, accepted.end(),
                     [](const core::Meeting* a, const core::Meeting* b) {
                       return a->accepted_at != b->accepted_at ? a->accepted_at > b->accepted_at
                                                               : a->id > b->id;
                     });
    accepted.resize(kMaxEdges);
  }

  std::vector<GraphNode> nodes;
  std::unordered_map<core::ParticipantId, std::uint32_t> index;
  const auto node_of = [&](core::ParticipantId id) {
    const auto [it, fresh] = index.emplace(id, static_cast<std::uint32_t>(nodes.size()));
    if (fresh) {
      GraphNode node;
      node.id = id;
      if (const auto old = index_.find(id); old != index_.end()) {
        node = nodes_[old->second];
        node.degree = 0;
      } else {
        node.x = static_cast<float>(0.1 + 0.8 * rng_.unit());
        node.y = static_cast<float>(0.1 + 0.8 * rng_.unit());
      }
      const core::Participant* p = state.participant(id);
      const core::Sector* s = p ? taxonomy.sector(p->profile.sector) : nullptr;
      node.creative = s != nullptr && s->kind == core::SectorKind::Creative;
      nodes.push_back(node);
    }
    return it->second;
  };
  edges_.clear();
  for (const core::Meeting* m : accepted) {
    const std::uint32_t a = node_of(m->requester), b = node_of(m->invitee);
    ++nodes[a].degree;
    ++nodes[b].degree;
    edges_.emplace_back(a, b);
  }
  nodes_ = std::move(nodes);
  index_ = std::move(index);
  temperature_ = std::max(temperature_, 0.5f);
  return true;
}

void PairingGraph::step() {
  const std::size_t n = nodes_.size();
  if (n == 0) return;
  const float k = 0.6f / std::sqrt(static_cast<float>(n));  // the ideal edge length
  // Cells at least two ideal lengths wide, so the repulsion that matters is never cut off.
  const int grid = std::clamp(static_cast<int>(1.0f / (2.0f * k)), 1, kMaxGrid);
  // Bucket nodes by cell (counting sort) so repulsion only looks at neighbouring cells.
  cell_start_.assign(grid * grid + 1, 0);
  const auto cell = [grid](float v) { return std::clamp(static_cast<int>(v * grid), 0, grid - 1); };
  for (const auto& node : nodes_) ++cell_start_[cell(node.y) * grid + cell(node.x) + 1];
  for (int i = 0; i < grid * grid; ++i) cell_start_[i + 1] += cell_start_[i];
  grid_.resize(n);
  {
    std::vector<std::uint32_t> fill(cell_start_.begin(), cell_start_.end() - 1);
    for (std::uint32_t i = 0; i < n; ++i) {
      grid_[fill[cell(nodes_[i].y) * grid + cell(nodes_[i].x)]++] = i;
    }
  }
  for (auto& node : nodes_) node.vx = node.vy = 0;
  const float reach = 1.0f / grid;
  for (std::uint32_t i = 0; i < n; ++i) {
    GraphNode& a = nodes_[i];
    const int cx = cell(a.x), cy = cell(a.y);
    for (int y = std::max(0, cy - 1); y <= std::min(grid - 1, cy + 1); ++y) {
      for (int x = std::max(0, cx - 1); x <= std::min(grid - 1, cx + 1); ++x) {
        const int c = y * grid + x;
        for (std::uint32_t j = cell_start_[c]; j < cell_start_[c + 1]; ++j) {
          const GraphNode& b = nodes_[grid_[j]];
          if (grid_[j] == i) continue;
          const float dx = a.x - b.x, dy = a.y - b.y;
          const float d2 = dx * dx + dy * dy + 1e-6f;
          if (d2 > reach * reach) continue;
          const float f = k * k / d2;  // k^2 / d, along the unit vector
          a.vx += dx * f;
          a.vy += dy * f;
        }
      }
    }
  }
  for (const auto& [ia, ib] : edges_) {
    GraphNode& a = nodes_[ia];
    GraphNode& b = nodes_[ib];
    const float dx = a.x - b.x, dy = a.y - b.y;
    const float d = std::sqrt(dx * dx + dy * dy) + 1e-6f;
    const float f = d / k;  // d^2 / k, along the unit vector
    a.vx -= dx * f;
    a.vy -= dy * f;
    b.vx += dx * f;
    b.vy += dy * f;
  }
  const float max_move = 0.02f * temperature_ + 0.0005f;
  for (auto& node : nodes_) {
    // A weak pull to the centre keeps separate components on screen.
    node.vx += (0.5f - node.x) * 0.05f;
    node.vy += (0.5f - node.y) * 0.05f;
    const float len = std::sqrt(node.vx * node.vx + node.vy * node.vy) + 1e-9f;
    const float move = std::min(len * 0.01f, max_move);
    node.x = std::clamp(node.x + node.vx / len * move, 0.02f, 0.98f);
    node.y = std::clamp(node.y + node.vy / len * move, 0.02f, 0.98f);
  }
  temperature_ = std::max(0.05f, temperature_ * 0.995f);
}

}  // namespace crossmatch::client
