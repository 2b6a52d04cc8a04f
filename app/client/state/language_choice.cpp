#include "app/client/state/language_choice.hpp"

#include <cstdlib>

namespace crossmatch::client {

void LanguageChoice::apply(const Appearance& appearance) {
  if (catalogues_ == nullptr) return;
  // Each frame asks; only a change of the appearance's choice is looked into.
  if (applied_ && appearance.language() == asked_) return;
  asked_ = appearance.language();
  applied_ = true;
  const i18n::Language* wanted = i18n::find_language(asked_);
  if (wanted == nullptr) wanted = &i18n::language_from_environment(std::getenv);
  catalogues_->use(*wanted);
  current_ = wanted->code;
}

const std::vector<LanguageOption>& LanguageChoice::options() {
  if (catalogues_ != nullptr && options_.empty()) {
    for (const i18n::Language& language : i18n::languages())
      options_.push_back({language.code, catalogues_->own_name(language)});
  }
  return options_;
}

}  // namespace crossmatch::client
