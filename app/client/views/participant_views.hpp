// The participant's screens, one file each: suggested partners, requests, agenda, team,
// feedback and the profile editor. Each draws from the models and submits intents through them.
#pragma once

#include "app/client/state/client_models.hpp"

namespace crossmatch::client {

void draw_partners_view(ClientModels& models);
void draw_requests_view(ClientModels& models);
void draw_agenda_view(ClientModels& models);
void draw_team_view(ClientModels& models);
void draw_feedback_view(ClientModels& models);
// For a newcomer (no participant yet) the same editor registers them.
void draw_profile_view(ClientModels& models);
// Erasing one's own data (asks first); drawn at the foot of the profile.
void draw_erase_panel(ClientModels& models);

}  // namespace crossmatch::client
