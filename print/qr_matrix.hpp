// A QR code as a square of dark and light modules, made with libqrencode: printed on badges,
// agendas and the join poster, and drawn on the organiser's event screen.
#pragma once

#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace crossmatch::print {

struct QrMatrix {
  int size = 0;            // modules per side, without the quiet zone
  std::vector<char> dark;  // size * size, row by row; non-zero: a dark module

  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)] != 0; }
};

// The light margin of modules a reader needs around the code.
inline constexpr int kQuietZone = 4;
// The longest text printed as a QR code here; codes and addresses are far shorter.
inline constexpr std::size_t kMaxQrText = 256;

// `text` as a QR code (error correction level M, the smallest version that holds it), or why
// not: empty or too long text.
core::Result<QrMatrix> qr_matrix(std::string_view text);

}  // namespace crossmatch::print
