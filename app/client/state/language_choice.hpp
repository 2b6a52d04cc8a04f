// The languages a person can pick (each by its own name: "Deutsch", "Lietuvių") and the switch:
// the catalogues of the language the appearance names are put in place before a frame is drawn,
// so that a change shows on the next frame with no restart.
#pragma once

#include <string>
#include <vector>

#include "app/client/state/appearance.hpp"
#include "i18n/catalogues.hpp"

namespace crossmatch::client {

struct LanguageOption {
  std::string code;      // "lt"
  std::string own_name;  // "Lietuvių"
};

class LanguageChoice {
 public:
  // Without catalogues the client speaks English only and offers nothing to pick.
  explicit LanguageChoice(i18n::Catalogues* catalogues = nullptr) : catalogues_(catalogues) {}

  // The language `appearance` names, or the system's when it names none, put in place when it
  // is not the one already in use.
  void apply(const Appearance& appearance);
  // The code of the language in use ("en" before any apply).
  const std::string& current() const { return current_; }

  // The ten languages by their own names (empty without catalogues); loaded once.
  const std::vector<LanguageOption>& options();

 private:
  i18n::Catalogues* catalogues_;
  std::string current_ = "en";
  std::string asked_;  // the appearance's language when last applied ("": the system's)
  bool applied_ = false;
  std::vector<LanguageOption> options_;
};

}  // namespace crossmatch::client
