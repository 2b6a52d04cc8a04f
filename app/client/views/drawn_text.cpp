#include "app/client/views/drawn_text.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <unordered_map>

namespace crossmatch::client {
namespace {

struct AtlasGlyph {
  const ImFont* font;
  const ImFontGlyph* glyph;
};

std::uint64_t uv_key(ImVec2 uv) {
  std::uint32_t u = 0, v = 0;
  std::memcpy(&u, &uv.x, 4);
  std::memcpy(&v, &uv.y, 4);
  return (std::uint64_t{u} << 32) | v;
}

void append_utf8(std::string& out, unsigned c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool inside(ImVec2 p, const ImVec4& clip) {
  return p.x >= clip.x && p.x <= clip.z && p.y >= clip.y && p.y <= clip.w;
}

// A run being put together: where the pen is after its last glyph, at what size, on which line.
struct OpenRun {
  DrawnText text;
  float pen = 0, top = 0, scale = 0, space = 0;
  bool open = false;
};

}  // namespace

std::vector<DrawnText> drawn_text(const ImDrawData& data, const ImFontAtlas& fonts) {
  std::unordered_map<std::uint64_t, AtlasGlyph> by_uv;
  for (const ImFont* font : fonts.Fonts) {
    for (const ImFontGlyph& g : font->Glyphs) {
      if (g.Visible && g.X1 > g.X0) by_uv.emplace(uv_key(ImVec2(g.U0, g.V0)), AtlasGlyph{font, &g});
    }
  }
  std::vector<DrawnText> runs;
  OpenRun run;
  auto close = [&] {
    if (run.open && !run.text.text.empty()) runs.push_back(run.text);
    run = OpenRun{};
  };
  for (int l = 0; l < data.CmdListsCount; ++l) {
    const ImDrawList& list = *data.CmdLists[l];
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback != nullptr) continue;
      const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
      const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
      // Triangles, three indices each; a glyph is a quad of two: a, a+1, a+2 and a, a+2, a+3.
      for (unsigned i = 0; i + 3 <= cmd.ElemCount;) {
        const ImDrawIdx a = idx[i];
        const bool quad = i + 6 <= cmd.ElemCount && idx[i + 1] == a + 1 && idx[i + 2] == a + 2 &&
                          idx[i + 3] == a && idx[i + 4] == a + 2 && idx[i + 5] == a + 3;
        const auto found = quad ? by_uv.find(uv_key(vtx[a].uv)) : by_uv.end();
        if (found == by_uv.end() || vtx[a + 2].uv.x != found->second.glyph->U1 ||
            vtx[a + 2].uv.y != found->second.glyph->V1) {
          close();
          i += 3;
          continue;
        }
        i += 6;
        const ImFontGlyph& g = *found->second.glyph;
        const ImFont& font = *found->second.font;
        const ImVec2 p1 = vtx[a].pos, p2 = vtx[a + 2].pos;
        const ImVec2 middle((p1.x + p2.x) * 0.5f, (p1.y + p2.y) * 0.5f);
        if (!inside(middle, cmd.ClipRect)) {
          close();
          continue;
        }
        const float scale = (p2.x - p1.x) / (g.X1 - g.X0);
        const float pen = p1.x - g.X0 * scale;  // where the glyph's advance starts
        const float top = p1.y - g.Y0 * scale;  // the top of its line
        if (run.open) {
          const float gap = pen - run.pen;
          const bool same_line =
              std::fabs(top - run.top) < 0.5f && std::fabs(scale - run.scale) < 0.01f * run.scale;
          if (same_line && gap > -0.5f && gap < run.space * 1.5f + 0.5f) {
            for (long s = std::lround(gap / run.space); s > 0; --s) run.text.text += ' ';
          } else {
            close();
          }
        }
        if (!run.open) {
          run.open = true;
          run.top = top;
          run.scale = scale;
          const ImFontGlyph* space = font.FindGlyphNoFallback(' ');
          run.space = (space != nullptr ? space->AdvanceX : font.FontSize * 0.3f) * scale;
          run.text.x = pen - data.DisplayPos.x;
          run.text.y = top - data.DisplayPos.y;
          run.text.height = font.FontSize * scale;
        }
        append_utf8(run.text.text, g.Codepoint);
        run.pen = pen + g.AdvanceX * scale;
        run.text.width = run.pen - data.DisplayPos.x - run.text.x;
      }
      close();
    }
  }
  return runs;
}

std::string layout_lines(const std::string& screen, const std::vector<DrawnText>& runs) {
  std::string out = "screen " + screen + "\n";
  for (const DrawnText& r : runs) {
    out += std::to_string(std::lround(r.x)) + " " + std::to_string(std::lround(r.y)) + " " +
           std::to_string(std::lround(r.width)) + " " + std::to_string(std::lround(r.height)) +
           " " + r.text + "\n";
  }
  return out;
}

}  // namespace crossmatch::client
