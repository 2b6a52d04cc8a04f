// The network of pairings for the broker monitor: the people of the newest accepted meetings as
// nodes, the meetings as edges, laid out by a force-directed simulation (springs along edges,
// repulsion between nearby nodes on a grid) that runs a few steps per frame and keeps positions
// when the graph grows, so the picture moves smoothly as pairings happen.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/event/event_state.hpp"
#include "core/random.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::client {

struct GraphNode {
  core::ParticipantId id = 0;
  float x = 0.5f, y = 0.5f;  // in the unit square
  float vx = 0, vy = 0;
  bool creative = false;
  int degree = 0;
};

class PairingGraph {
 public:
  static constexpr std::size_t kMaxEdges = 1500;  // the newest pairings drawn

  // Rebuilds nodes and edges when `meetings_version` changed (positions kept); true when it did.
  bool refresh(const core::EventState& state, const core::Taxonomy& taxonomy,
               std::uint64_t meetings_version);
  // One step of the simulation; cools down over time and warms up when the graph changes.
  void step();

  const std::vector<GraphNode>& nodes() const { return nodes_; }
  const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges() const { return edges_; }
  float temperature() const { return temperature_; }

 private:
  std::vector<GraphNode> nodes_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges_;
  std::unordered_map<core::ParticipantId, std::uint32_t> index_;
  std::vector<std::uint32_t> grid_, cell_start_;  // node indices bucketed by cell
  core::Rng rng_{7};
  std::uint64_t version_ = 0;
  bool built_ = false;
  float temperature_ = 1.0f;
};

}  // namespace crossmatch::client
