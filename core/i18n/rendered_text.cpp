#include "core/i18n/rendered_text.hpp"

#include <cctype>
#include <cstdlib>

#include "core/i18n/translation.hpp"

namespace crossmatch::core {
namespace template_pieces {  // named: EnglishTemplates::Template holds them

// What a conversion may have printed.
enum class Printed { Anything, Whole, Unsigned, Hex, Real, OneChar };

// A piece of a template: fixed text, or one conversion (its argument's number, from 0).
struct Piece {
  std::string text;  // fixed text; empty for a conversion
  Printed printed = Printed::Anything;
  int arg = -1;
};

}  // namespace template_pieces

namespace {

using template_pieces::Piece;
using template_pieces::Printed;

// The conversion at `format[i]` (just after its '%'): its argument number if positional
// ("2$" gives 1), its kind, and where it ends. Null kind when it is not one we know.
struct Conversion {
  int position = -1;
  std::optional<Printed> printed;
  std::size_t end = 0;
};

Conversion read_conversion(std::string_view format, std::size_t i) {
  Conversion c;
  std::size_t j = i;
  std::size_t digits = j;
  while (digits < format.size() && std::isdigit(static_cast<unsigned char>(format[digits])))
    ++digits;
  if (digits > j && digits < format.size() && format[digits] == '$') {
    c.position = std::atoi(std::string(format.substr(j, digits - j)).c_str()) - 1;
    j = digits + 1;
  }
  while (j < format.size() && std::string_view("-+ #0'").find(format[j]) != std::string_view::npos)
    ++j;
  while (j < format.size() && (std::isdigit(static_cast<unsigned char>(format[j])) ||
                               format[j] == '.' || format[j] == '*'))
    ++j;
  while (j < format.size() && std::string_view("hlLqjzt").find(format[j]) != std::string_view::npos)
    ++j;
  c.end = j + 1;
  if (j >= format.size()) return c;
  switch (format[j]) {
    case 'd':
    case 'i':
      c.printed = Printed::Whole;
      break;
    case 'u':
      c.printed = Printed::Unsigned;
      break;
    case 'x':
    case 'X':
      c.printed = Printed::Hex;
      break;
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
      c.printed = Printed::Real;
      break;
    case 'c':
      c.printed = Printed::OneChar;
      break;
    case 's':
    case 'p':
      c.printed = Printed::Anything;
      break;
    default:
      break;
  }
  return c;
}

// The template's pieces, or nothing when it has no conversion or one we do not know.
std::optional<std::vector<Piece>> pieces_of(std::string_view format) {
  std::vector<Piece> pieces;
  std::string fixed;
  int next = 0;
  bool any = false;
  for (std::size_t i = 0; i < format.size();) {
    if (format[i] != '%') {
      fixed += format[i++];
      continue;
    }
    if (i + 1 < format.size() && format[i + 1] == '%') {
      fixed += '%';
      i += 2;
      continue;
    }
    const Conversion c = read_conversion(format, i + 1);
    if (!c.printed) return std::nullopt;
    if (!fixed.empty()) pieces.push_back({std::move(fixed)});
    fixed.clear();
    pieces.push_back({{}, *c.printed, c.position >= 0 ? c.position : next++});
    any = true;
    i = c.end;
  }
  if (!fixed.empty()) pieces.push_back({std::move(fixed)});
  if (!any) return std::nullopt;
  return pieces;
}

bool could_print(Printed printed, std::string_view text) {
  const auto all = [&](auto allowed) {
    for (const char ch : text)
      if (!allowed(static_cast<unsigned char>(ch))) return false;
    return true;
  };
  switch (printed) {
    case Printed::Anything:
      return true;
    case Printed::OneChar:
      return text.size() == 1;
    case Printed::Unsigned:
      return !text.empty() && all(::isdigit);
    case Printed::Whole:
      if (text.starts_with('-')) text.remove_prefix(1);
      return !text.empty() && all(::isdigit);
    case Printed::Hex:
      return !text.empty() && all(::isxdigit);
    case Printed::Real:
      return !text.empty() && all([](unsigned char ch) {
        return std::isalnum(ch) || ch == '.' || ch == '-' || ch == '+';
      });
  }
  return false;
}

// Matches pieces[k...] against text[at...], filling `args`; tries every place a conversion may
// end (the next fixed text may occur more than once).
bool match_from(const std::vector<Piece>& pieces, std::size_t k, std::string_view text,
                std::size_t at, std::vector<std::string>& args) {
  if (k == pieces.size()) return at == text.size();
  const Piece& piece = pieces[k];
  if (!piece.text.empty()) {
    if (text.substr(at, piece.text.size()) != piece.text) return false;
    return match_from(pieces, k + 1, text, at + piece.text.size(), args);
  }
  const auto take = [&](std::size_t end) {
    const std::string_view printed = text.substr(at, end - at);
    if (!could_print(piece.printed, printed)) return false;
    args[static_cast<std::size_t>(piece.arg)] = std::string(printed);
    return match_from(pieces, k + 1, text, end, args);
  };
  if (k + 1 == pieces.size()) return take(text.size());
  if (!pieces[k + 1].text.empty()) {
    const std::string& next = pieces[k + 1].text;
    for (std::size_t end = text.find(next, at); end != std::string_view::npos;
         end = text.find(next, end + 1)) {
      if (take(end)) return true;
    }
    return false;
  }
  for (std::size_t end = at; end <= text.size(); ++end) {  // two conversions side by side
    if (take(end)) return true;
  }
  return false;
}

std::size_t letters_in(const std::vector<Piece>& pieces) {
  std::size_t n = 0;
  for (const Piece& p : pieces)
    for (const char ch : p.text) n += std::isalpha(static_cast<unsigned char>(ch)) ? 1 : 0;
  return n;
}

std::size_t args_in(const std::vector<Piece>& pieces) {
  int most = -1;
  for (const Piece& p : pieces) most = std::max(most, p.arg);
  return static_cast<std::size_t>(most + 1);
}

// Fewer letters than this and a template ("%s: %s", "%s (%d)") could have made almost anything.
constexpr std::size_t kFewestLetters = 4;

}  // namespace

struct EnglishTemplates::Template {
  MessageKey key;
  std::vector<template_pieces::Piece> pieces;
  std::size_t letters = 0;
  bool plural_form = false;  // these pieces are the key's plural
};

EnglishTemplates::EnglishTemplates(const std::vector<MessageKey>& messages) {
  for (const MessageKey& key : messages) {
    for (const bool plural : {false, true}) {
      const char* format = plural ? key.plural : key.singular;
      if (format == nullptr) continue;
      auto pieces = pieces_of(format);
      if (!pieces) continue;
      const std::size_t letters = letters_in(*pieces);
      if (letters < kFewestLetters) continue;
      templates_.push_back({key, std::move(*pieces), letters, plural});
    }
  }
}

EnglishTemplates::~EnglishTemplates() = default;
EnglishTemplates::EnglishTemplates(EnglishTemplates&&) noexcept = default;
EnglishTemplates& EnglishTemplates::operator=(EnglishTemplates&&) noexcept = default;

std::size_t EnglishTemplates::size() const {
  return templates_.size();
}

std::optional<EnglishTemplates::Match> EnglishTemplates::match(std::string_view english) const {
  const Template* best = nullptr;
  std::vector<std::string> best_args;
  std::vector<std::string> args;
  for (const Template& t : templates_) {
    if (best != nullptr && t.letters <= best->letters) continue;
    if (!t.pieces.front().text.empty() && !english.starts_with(t.pieces.front().text)) continue;
    args.assign(args_in(t.pieces), std::string());
    if (!match_from(t.pieces, 0, english, 0, args)) continue;
    best = &t;
    best_args = args;
  }
  if (best == nullptr) return std::nullopt;
  Match m{best->key, std::move(best_args), 1};
  if (best->key.plural != nullptr) {
    for (const Piece& p : best->pieces) {
      if (p.printed != Printed::Whole && p.printed != Printed::Unsigned) continue;
      if (!p.text.empty()) continue;
      m.count = std::strtoul(m.args[static_cast<std::size_t>(p.arg)].c_str(), nullptr, 10);
      break;
    }
  }
  return m;
}

std::string fill_template(std::string_view format, const std::vector<std::string>& args) {
  std::string out;
  std::size_t next = 0;
  for (std::size_t i = 0; i < format.size();) {
    if (format[i] != '%') {
      out += format[i++];
      continue;
    }
    if (i + 1 < format.size() && format[i + 1] == '%') {
      out += '%';
      i += 2;
      continue;
    }
    const Conversion c = read_conversion(format, i + 1);
    const std::size_t arg = c.position >= 0 ? static_cast<std::size_t>(c.position) : next++;
    if (c.printed && arg < args.size()) out += args[arg];
    i = std::min(c.end, format.size());
  }
  return out;
}

std::string tr_rendered(const std::string& english) {
  const Translator* translator = current_translator();
  if (translator == nullptr || english.empty()) return english;
  if (const char* fixed = translator->translate(nullptr, english.c_str(), nullptr, 1)) return fixed;
  const EnglishTemplates* templates = translator->templates();
  if (templates == nullptr) return english;
  const auto m = templates->match(english);
  if (!m) return english;
  const char* translated =
      translator->translate(m->key.context, m->key.singular, m->key.plural, m->count);
  if (translated == nullptr) return english;
  return fill_template(translated, m->args);
}

}  // namespace crossmatch::core
