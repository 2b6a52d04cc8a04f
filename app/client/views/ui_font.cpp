#include "app/client/views/ui_font.hpp"

#include <filesystem>

namespace crossmatch::client {

const ImWchar* ui_glyph_ranges() {
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F,
                                    0x2190, 0x21FF, 0x25A0, 0x25FF, 0};
  return kRanges;
}

bool add_ui_font(ImFontAtlas& atlas, float pixel_size) {
  const char* candidates[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                              "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                              "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"};
  for (const char* path : candidates) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) continue;
    if (atlas.AddFontFromFileTTF(path, pixel_size, nullptr, ui_glyph_ranges()) != nullptr)
      return true;
  }
  ImFontConfig config;
  config.SizePixels = pixel_size * 13.0f / 16.0f;
  atlas.AddFontDefault(&config);
  return false;
}

}  // namespace crossmatch::client
