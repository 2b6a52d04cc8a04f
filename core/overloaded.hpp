// Overloaded{f, g, ...}: one visitor made of several lambdas, for std::visit. Every alternative
// of the variant must match one of them, so a new alternative fails to compile instead of falling
// through an `if constexpr` chain's last branch.
#pragma once

namespace crossmatch::core {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace crossmatch::core
