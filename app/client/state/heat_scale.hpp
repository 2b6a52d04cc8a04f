// The colours of the heat maps: viridis, a sequential scale that reads the same to people with
// the common colour-vision deficiencies and in grey, and the text colour that stays legible on
// each cell (its number is written in it, so that nothing depends on colour alone).
#pragma once

#include <cstdint>

namespace crossmatch::client {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

// Viridis from dark violet (0) through blue and green to yellow (1); `t` is clamped.
Rgb viridis(float t);
// The cell colour for `count` of at most `max` (> 0): 1 maps to the scale's start, max to its end.
Rgb heat_cell(int count, int max);
// WCAG relative luminance (0..1) and contrast ratio (1..21).
double luminance(Rgb colour);
double contrast_ratio(Rgb a, Rgb b);
// Black or white, whichever contrasts more with `background`.
Rgb text_on(Rgb background);

}  // namespace crossmatch::client
