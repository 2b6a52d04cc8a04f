// How every list shows a person: a name that opens their full public profile (a side window),
// with their details on hover; and text that is cut off shows in full on hover.
#pragma once

#include <string>

#include "app/client/state/client_models.hpp"
#include "app/client/state/person_profile.hpp"

namespace crossmatch::client {

// `text` (the person's name, by default) as a link: a click opens the profile, hovering shows
// the person's details. The ImGui id is the person's number, so one per person and list scope.
void person_link(ClientModels& m, core::ParticipantId id, const std::string& text = "");
// The open profile (m.profile_person) as a window beside the screens; once per frame at the root.
void draw_person_profile(ClientModels& m);
// The profile's fields, in the current window.
void draw_person_profile_fields(ClientModels& m, const PersonProfile& profile);
// Text that shows in full on hover when the space left on its line cuts it off.
void text_with_tooltip(const std::string& text);

}  // namespace crossmatch::client
