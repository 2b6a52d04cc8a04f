// The kiosk's one window (`crossmatch --kiosk`), filling the screen: the welcome that takes a
// badge's check-in code, then the person's next meeting, requests to answer, meetings to say
// took place or not, agenda, team and standby, with the idle countdown and "Sign out".
#pragma once

#include <cstdint>

#include "app/client/state/kiosk.hpp"

namespace crossmatch::client {

// Draws the whole window (its own ImGui window over the display) and counts any input as use.
void draw_kiosk(Kiosk& kiosk, std::int64_t now_ms);
// The same inside the current window (tests).
void draw_kiosk_screen(Kiosk& kiosk, std::int64_t now_ms);

}  // namespace crossmatch::client
