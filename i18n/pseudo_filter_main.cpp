// crossmatch-pseudo: the filter `msgfilter` runs on each message to make the pseudo-language's
// catalogue at build time (one text on standard input, its pseudo-translation on standard output).
#include <iostream>
#include <iterator>
#include <string>

#include "i18n/pseudo_language.hpp"

int main() {
  const std::string text((std::istreambuf_iterator<char>(std::cin)),
                         std::istreambuf_iterator<char>());
  std::cout << crossmatch::i18n::pseudo_translation(text);
  return std::cout.good() ? 0 : 1;
}
