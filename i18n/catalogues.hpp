// The compiled gettext catalogues of every language, loaded when first used and kept for the
// program's life (texts handed out stay valid after a switch), and the switch itself.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/i18n/translation.hpp"
#include "i18n/languages.hpp"

namespace crossmatch::i18n {

class Catalogues {
 public:
  // `catalogue_dir` holds ours (<dir>/<code>/LC_MESSAGES/crossmatch.mo, built from assets/locale);
  // `iso_codes_dir` holds iso-codes' (<dir>/<code>/LC_MESSAGES/iso_3166-1.mo and iso_639-2.mo).
  Catalogues(std::filesystem::path catalogue_dir, std::filesystem::path iso_codes_dir);
  ~Catalogues();
  Catalogues(const Catalogues&) = delete;
  Catalogues& operator=(const Catalogues&) = delete;

  // Where Debian's iso-codes puts its catalogues.
  static std::filesystem::path system_iso_codes_dir();

  // Every later text in `language` (core::set_translator); English needs no catalogue.
  void use(const Language& language);
  const Language& current() const { return *current_; }

  // The translator of `language`, loaded on first use.
  const core::Translator& translator(const Language& language);
  // Whether our catalogue for `language` exists (false for English, which is the source).
  bool has_catalogue(const Language& language) const;
  // The language's name in itself, from iso-codes with a capital first letter: "Deutsch",
  // "Lietuvių", "Čeština"; the English name when iso-codes has none.
  std::string own_name(const Language& language);

 private:
  class LanguageCatalogue;
  std::filesystem::path catalogue_dir_;
  std::filesystem::path iso_codes_dir_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<LanguageCatalogue>> loaded_;
  const Language* current_;
};

}  // namespace crossmatch::i18n
