// Draws a QR code with ImGui's draw list: dark squares on white, with the quiet zone around.
#pragma once

#include "print/qr_matrix.hpp"

namespace crossmatch::client {

// Takes (size + 2 * quiet zone) * module_px square at the cursor, like an item.
void draw_qr_code(const print::QrMatrix& code, float module_px);
// The side of what draw_qr_code draws.
float qr_code_side(const print::QrMatrix& code, float module_px);

}  // namespace crossmatch::client
