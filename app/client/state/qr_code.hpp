// A QR code as a square of modules, dark or light, made with libqrencode: the views draw it (the
// join code on the organiser's event screen) and tests read it back.
#pragma once

#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace crossmatch::client {

struct QrCode {
  int size = 0;            // modules per side, without the quiet zone
  std::vector<char> dark;  // size * size, row by row; non-zero: a dark module

  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)] != 0; }
};

// The light margin of modules a reader needs around the code.
inline constexpr int kQrQuietZone = 4;
// The longest text encoded here; a join code is far shorter.
inline constexpr std::size_t kMaxQrText = 256;

// `text` as a QR code (error correction level M, the smallest version that holds it), or why
// not: empty or too long text.
core::Result<QrCode> make_qr_code(std::string_view text);

}  // namespace crossmatch::client
