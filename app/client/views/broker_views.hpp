// The broker's screens: the live monitor (counts, feed, heat maps), the network of pairings and
// the participants with neither a meeting nor a team.
#pragma once

#include "app/client/state/client_models.hpp"

namespace crossmatch::client {

void draw_monitor_view(ClientModels& models);
void draw_network_view(ClientModels& models);
void draw_unmatched_view(ClientModels& models);
// Choosing two people to introduce, and the introductions so far (each can be withdrawn).
void draw_introductions_view(ClientModels& models);
// A count matrix as a heat map on the window's draw list, labels on the left and on hover.
void draw_count_matrix(const char* id, const CountMatrix& matrix, float cell);

}  // namespace crossmatch::client
