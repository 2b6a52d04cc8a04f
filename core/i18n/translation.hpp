// The words people read, in their language. Every message the client and the printed matter show
// goes through these functions; the English text is the key (GNU gettext's convention), and
// `xgettext` collects the keys from the sources into the catalogue template at build time.
//
// With no catalogue installed the English comes back unchanged: core itself never loads one (no
// I/O here); the i18n library installs the reader of the compiled catalogues.
#pragma once

#include <string>

namespace crossmatch::core {

class EnglishTemplates;  // core/i18n/rendered_text.hpp

// The translation of a message; `context` tells apart two messages spelt alike in English
// ("May" the month, "May" the verb). The returned text lives as long as the program.
const char* tr(const char* message) __attribute__((format_arg(1)));
const char* tr_ctx(const char* context, const char* message) __attribute__((format_arg(2)));
// The form of a message for `n` (one meeting, two meetings; Polish and Lithuanian have three
// forms, Czech has its own rule): the catalogue's plural rule picks it.
const char* tr_n(const char* singular, const char* plural, unsigned long n)
    __attribute__((format_arg(1))) __attribute__((format_arg(2)));

// Marks an English text for the catalogue without translating it here: for tables of labels that
// are translated where they are shown, with tr().
constexpr const char* tr_noop(const char* message) {
  return message;
}
// The same in a context: translated where shown with tr_ctx(context, table[i]).
constexpr const char* tr_ctx_noop(const char* /*context*/, const char* message) {
  return message;
}

// Names of countries and languages, as Debian's iso-codes package translates them (its gettext
// domains for ISO 3166-1 and ISO 639): tr_iso(IsoNames::Countries, "Lithuania") is "Litauen" in
// German. The English name is the key, as iso-codes spells it.
enum class IsoNames { Countries, Languages };
const char* tr_iso(IsoNames names, const char* english_name);

// printf into a string: `format_text(tr("%d of %d placed"), a, b)`. Translations may reorder the
// arguments with positional specifiers (`%2$d`); `msgfmt --check` proves they take the same ones.
std::string format_text(const char* format, ...) __attribute__((format(printf, 1, 2)));

// What installs a catalogue provides: the text for a message (context may be null, plural null
// when there is no plural form), or null to keep the English.
struct Translator {
  virtual ~Translator() = default;
  virtual const char* translate(const char* context, const char* message, const char* plural,
                                unsigned long n) const = 0;
  virtual const char* translate_iso(IsoNames names, const char* english_name) const = 0;
  // The language's code: "de" (ISO 639-1), or "qps" for the pseudo-language.
  virtual const char* language_code() const = 0;
  // The catalogue's templates, to read texts the hub made in English (tr_rendered), or null.
  virtual const EnglishTemplates* templates() const { return nullptr; }
};

// Makes `translator` (or English when null) the language of every later call, on every thread.
// The caller keeps it alive for the rest of the program: texts it returned may still be on screen.
void set_translator(const Translator* translator);
// The current language's code ("en" when no catalogue is installed).
const char* current_language_code();
const Translator* current_translator();

}  // namespace crossmatch::core
