#include "i18n/pseudo_language.hpp"

#include <cstring>

namespace crossmatch::i18n {
namespace {

// Letters and their accented twins, all in Latin-1 and Latin Extended-A (which the fonts cover).
const char* accented(char c) {
  switch (c) {
    case 'a':
      return "å";
    case 'c':
      return "ç";
    case 'd':
      return "ď";
    case 'e':
      return "é";
    case 'g':
      return "ĝ";
    case 'h':
      return "ĥ";
    case 'i':
      return "î";
    case 'k':
      return "ķ";
    case 'l':
      return "ľ";
    case 'n':
      return "ñ";
    case 'o':
      return "ö";
    case 'r':
      return "ŕ";
    case 's':
      return "š";
    case 't':
      return "ť";
    case 'u':
      return "ü";
    case 'w':
      return "ŵ";
    case 'y':
      return "ý";
    case 'z':
      return "ž";
    case 'A':
      return "Å";
    case 'C':
      return "Ç";
    case 'E':
      return "É";
    case 'I':
      return "Î";
    case 'N':
      return "Ñ";
    case 'O':
      return "Ö";
    case 'S':
      return "Š";
    case 'U':
      return "Ü";
    case 'Y':
      return "Ý";
    case 'Z':
      return "Ž";
    default:
      return nullptr;
  }
}

// The length of the printf conversion at `at` ('%' included).
std::size_t conversion_length(std::string_view s, std::size_t at) {
  std::size_t i = at + 1;
  if (i < s.size() && s[i] == '%') return 2;
  auto skip = [&](const char* set) {
    while (i < s.size() && std::strchr(set, s[i]) != nullptr) ++i;
  };
  skip("0123456789$");
  skip("-+ #0'");
  skip("0123456789*");
  if (i < s.size() && s[i] == '.') {
    ++i;
    skip("0123456789*");
  }
  skip("hlLqjzt");
  if (i < s.size()) ++i;  // the conversion itself
  return i - at;
}

}  // namespace

std::string pseudo_translation(std::string_view english) {
  std::string out = "[";
  std::size_t letters = 0;
  for (std::size_t i = 0; i < english.size();) {
    const char c = english[i];
    if (c == '%') {
      const std::size_t n = conversion_length(english, i);
      out.append(english.substr(i, n));
      i += n;
      letters += 2;
      continue;
    }
    if (const char* twin = accented(c)) {
      out += twin;
    } else {
      out += c;
    }
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++letters;  // count code points
    ++i;
  }
  // 40 % longer in all: the brackets count, the rest is filler.
  const std::size_t extra = (letters * 2 + 4) / 5;
  if (extra > 2) out.append(extra - 2, '~');
  out += ']';
  return out;
}

}  // namespace crossmatch::i18n
