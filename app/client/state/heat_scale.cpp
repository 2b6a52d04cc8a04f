#include "app/client/state/heat_scale.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace crossmatch::client {
namespace {

// Viridis (matplotlib's) at nine evenly spaced points; between them it is interpolated.
constexpr Rgb kViridis[] = {{68, 1, 84},    {71, 44, 122},  {59, 81, 139},
                            {44, 113, 142}, {33, 144, 141}, {39, 173, 129},
                            {92, 200, 99},  {170, 220, 50}, {253, 231, 37}};

double linear(std::uint8_t channel) {
  const double c = channel / 255.0;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

Rgb viridis(float t) {
  constexpr int kLast = static_cast<int>(std::size(kViridis)) - 1;
  const float at = std::clamp(t, 0.0f, 1.0f) * static_cast<float>(kLast);
  const int i = std::min(static_cast<int>(at), kLast - 1);
  const float f = at - static_cast<float>(i);
  const auto mix = [f](std::uint8_t a, std::uint8_t b) {
    return static_cast<std::uint8_t>(std::lround(a + (static_cast<float>(b) - a) * f));
  };
  const Rgb a = kViridis[i], b = kViridis[i + 1];
  return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b)};
}

Rgb heat_cell(int count, int max) {
  if (max <= 1) return viridis(1.0f);
  return viridis(static_cast<float>(std::clamp(count, 1, max) - 1) / static_cast<float>(max - 1));
}

double luminance(Rgb c) {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrast_ratio(Rgb a, Rgb b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb text_on(Rgb background) {
  const Rgb black{0, 0, 0}, white{255, 255, 255};
  return contrast_ratio(background, black) >= contrast_ratio(background, white) ? black : white;
}

}  // namespace crossmatch::client
