#include "core/i18n/translation.hpp"

#include <atomic>
#include <cstdarg>
#include <cstdio>

namespace crossmatch::core {
namespace {

std::atomic<const Translator*> g_translator{nullptr};

const char* translated(const char* context, const char* message, const char* plural,
                       unsigned long n) {
  const Translator* translator = g_translator.load(std::memory_order_acquire);
  if (translator != nullptr) {
    if (const char* text = translator->translate(context, message, plural, n)) return text;
  }
  return plural != nullptr && n != 1 ? plural : message;
}

}  // namespace

const char* tr(const char* message) {
  return translated(nullptr, message, nullptr, 1);
}

const char* tr_ctx(const char* context, const char* message) {
  return translated(context, message, nullptr, 1);
}

const char* tr_n(const char* singular, const char* plural, unsigned long n) {
  return translated(nullptr, singular, plural, n);
}

const char* tr_iso(IsoNames names, const char* english_name) {
  const Translator* translator = g_translator.load(std::memory_order_acquire);
  if (translator != nullptr) {
    if (const char* text = translator->translate_iso(names, english_name)) return text;
  }
  return english_name;
}

std::string format_text(const char* format, ...) {
  va_list args;
  va_start(args, format);
  va_list again;
  va_copy(again, args);
  char small[256];
  const int length = std::vsnprintf(small, sizeof small, format, args);
  va_end(args);
  std::string out;
  if (length < 0) {
    va_end(again);
    return out;
  }
  if (static_cast<std::size_t>(length) < sizeof small) {
    out.assign(small, static_cast<std::size_t>(length));
  } else {
    out.resize(static_cast<std::size_t>(length));
    std::vsnprintf(out.data(), out.size() + 1, format, again);
  }
  va_end(again);
  return out;
}

void set_translator(const Translator* translator) {
  g_translator.store(translator, std::memory_order_release);
}

const char* current_language_code() {
  const Translator* translator = g_translator.load(std::memory_order_acquire);
  return translator == nullptr ? "en" : translator->language_code();
}

const Translator* current_translator() {
  return g_translator.load(std::memory_order_acquire);
}

}  // namespace crossmatch::core
