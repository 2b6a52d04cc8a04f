// Boost.Locale (Debian's libboost-locale-dev) reads the compiled catalogues: one std::locale per
// language, so that switching is swapping a pointer and no process-wide locale or environment
// variable is touched. Its plural rules come from each catalogue's Plural-Forms header.
#include "i18n/catalogues.hpp"

#include <boost/locale.hpp>
#include <optional>

#include "i18n/mo_messages.hpp"

namespace crossmatch::i18n {

namespace bl = boost::locale;

class Catalogues::LanguageCatalogue final : public core::Translator {
 public:
  LanguageCatalogue(const Language& language, const std::filesystem::path& catalogue_dir,
                    const std::filesystem::path& iso_codes_dir)
      : code_(language.code), mo_(catalogue_dir / language.code / "LC_MESSAGES" / "crossmatch.mo") {
    bl::generator generator;
    generator.categories(bl::message_facet | bl::information_facet | bl::convert_facet);
    generator.add_messages_path(catalogue_dir.string());
    generator.add_messages_path(iso_codes_dir.string());
    generator.add_messages_domain("crossmatch");
    generator.add_messages_domain("iso_3166-1");
    generator.add_messages_domain("iso_639-2");
    locale_ = generator(std::string(language.code) + ".UTF-8");
    messages_ = &std::use_facet<bl::message_format<char>>(locale_);
    countries_ = messages_->domain("iso_3166-1");
    languages_ = messages_->domain("iso_639-2");
  }

  const char* translate(const char* context, const char* message, const char* plural,
                        unsigned long n) const override {
    if (plural == nullptr) return messages_->get(0, context, message);
    // Boost.Locale takes the count as an int; the plural rules only look at its last digits.
    const int count = static_cast<int>(n % 1000000u);
    return messages_->get(0, context, message, count);
  }

  const char* translate_iso(core::IsoNames names, const char* english_name) const override {
    const int domain = names == core::IsoNames::Countries ? countries_ : languages_;
    return messages_->get(domain, nullptr, english_name);
  }

  const char* language_code() const override { return code_; }

  // Read from our .mo file when first asked: only a refusal or a reason from the hub needs them.
  const core::EnglishTemplates* templates() const override {
    std::call_once(templates_read_, [this] {
      auto messages = read_mo_messages(mo_);
      if (!messages) return;  // English (no file) or unreadable: the hub's texts stay English
      messages_list_ = std::move(*messages);
      templates_.emplace(messages_list_.keys);
    });
    return templates_ ? &*templates_ : nullptr;
  }

  // The text with its first letter in upper case, by the language's own rules.
  std::string capitalised(const std::string& text) const {
    if (text.empty()) return text;
    std::size_t first = 1;
    while (first < text.size() && (static_cast<unsigned char>(text[first]) & 0xC0) == 0x80) ++first;
    return bl::to_upper(text.substr(0, first), locale_) + text.substr(first);
  }

 private:
  const char* code_;
  std::filesystem::path mo_;
  mutable std::once_flag templates_read_;
  mutable MoMessages messages_list_;
  mutable std::optional<core::EnglishTemplates> templates_;
  std::locale locale_;
  const bl::message_format<char>* messages_ = nullptr;
  int countries_ = 0;
  int languages_ = 0;
};

Catalogues::Catalogues(std::filesystem::path catalogue_dir, std::filesystem::path iso_codes_dir)
    : catalogue_dir_(std::move(catalogue_dir)),
      iso_codes_dir_(std::move(iso_codes_dir)),
      current_(&languages().front()) {}

Catalogues::~Catalogues() {
  // Nobody may read a catalogue that is going away.
  for (const auto& [code, catalogue] : loaded_) {
    if (core::current_translator() == catalogue.get()) core::set_translator(nullptr);
  }
}

std::filesystem::path Catalogues::system_iso_codes_dir() {
  return "/usr/share/locale";
}

const core::Translator& Catalogues::translator(const Language& language) {
  std::lock_guard lock(mutex_);
  auto& slot = loaded_[language.code];
  if (!slot) slot = std::make_unique<LanguageCatalogue>(language, catalogue_dir_, iso_codes_dir_);
  return *slot;
}

void Catalogues::use(const Language& language) {
  core::set_translator(&translator(language));
  current_ = &language;
}

bool Catalogues::has_catalogue(const Language& language) const {
  std::error_code ec;
  return std::filesystem::exists(catalogue_dir_ / language.code / "LC_MESSAGES" / "crossmatch.mo",
                                 ec);
}

std::string Catalogues::own_name(const Language& language) {
  if (language.code == kPseudoLanguage) return "[Pšéûðó]";
  const auto& catalogue = static_cast<const LanguageCatalogue&>(translator(language));
  const char* name = catalogue.translate_iso(core::IsoNames::Languages, language.english_name);
  if (name == nullptr) {
    const std::string english = language.english_name;
    return english.substr(0, english.find(';'));
  }
  return catalogue.capitalised(name);
}

}  // namespace crossmatch::i18n
