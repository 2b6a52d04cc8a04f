// The screens every role sees, each drawn for the role: the pitching session (who pitches now,
// time left, the order; "interested", the pitcher's follow-ups, the organiser's controls) and the
// policy clinic (themes, tables, reasons, outcomes; the organiser sets it up and seats it).
#pragma once

#include "app/client/state/client_models.hpp"

namespace crossmatch::client {

void draw_pitch_view(ClientModels& models);
void draw_clinic_view(ClientModels& models);

}  // namespace crossmatch::client
