#include "app/client/views/qr_code_view.hpp"

#include <imgui.h>

namespace crossmatch::client {

float qr_code_side(const print::QrMatrix& code, float module_px) {
  return static_cast<float>(code.size + 2 * print::kQuietZone) * module_px;
}

void draw_qr_code(const print::QrMatrix& code, float module_px) {
  const float side = qr_code_side(code, module_px);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(side, side));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // Whole pixels, so that the modules' edges stay sharp for a camera.
  const float x0 = static_cast<float>(static_cast<int>(origin.x));
  const float y0 = static_cast<float>(static_cast<int>(origin.y));
  draw->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + side, y0 + side), IM_COL32(255, 255, 255, 255));
  const float inset = print::kQuietZone * module_px;
  for (int y = 0; y < code.size; ++y) {
    for (int x = 0; x < code.size; ++x) {
      if (!code.at(x, y)) continue;
      const ImVec2 a(x0 + inset + x * module_px, y0 + inset + y * module_px);
      draw->AddRectFilled(a, ImVec2(a.x + module_px, a.y + module_px), IM_COL32(0, 0, 0, 255));
    }
  }
}

}  // namespace crossmatch::client
