// The organiser's screens, one file each: the event (sessions, slots, tables, registration),
// matching settings with a preview, auto-schedule, publishing a team round, announcements,
// exports and statistics.
#pragma once

#include "app/client/state/client_models.hpp"

namespace crossmatch::client {

void draw_event_view(ClientModels& models);
// Inside the event view: registrations per network address, and removing a flood of them.
void draw_registration_sources(ClientModels& models);
void draw_matching_view(ClientModels& models);
void draw_schedule_view(ClientModels& models);
// Inside the schedule view: meetings pinned to a slot and "A before B".
void draw_schedule_constraints(ClientModels& models);
void draw_round_view(ClientModels& models);
void draw_announcements_view(ClientModels& models);
// The check-in desk (organiser and helpers): codes typed or scanned, walk-ins, arrivals.
void draw_check_in_view(ClientModels& models);
void draw_exports_view(ClientModels& models);
void draw_statistics_view(ClientModels& models);
// The big screen for a projector (organisers and brokers): the pitch on stage, or the live
// figures, and the tables of the slot under way.
void draw_wall_view(ClientModels& models);

}  // namespace crossmatch::client
