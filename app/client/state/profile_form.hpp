// The profile editor's draft: the profile being edited, its list fields as comma-separated text,
// and the validation messages by field (core::validate_profile), so that each input can show its
// own message as the person types.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/profile.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::client {

class ProfileForm {
 public:
  // Starts editing `profile` (answers padded to the questionnaire's length with the middle).
  void load(const core::Profile& profile, const core::Taxonomy& taxonomy);
  bool loaded() const { return loaded_; }

  core::Profile& draft() { return draft_; }
  const core::Profile& draft() const { return draft_; }
  // Comma-separated lists, edited as text.
  std::string offers, seeks, languages, target_markets, known_markets;

  // Parses the lists into the draft and checks it; the messages stay until the next call.
  void validate(const core::Taxonomy& taxonomy);
  bool valid() const { return errors_.empty(); }
  const std::vector<core::Error>& errors() const { return errors_; }
  // The first message about `field` or one of its items ("offers" covers "offers[2]"); empty
  // when the field is fine.
  std::string message_for(std::string_view field) const;
  // The profile to submit (lists parsed).
  const core::Profile& profile() const { return draft_; }

 private:
  core::Profile draft_;
  std::vector<core::Error> errors_;
  bool loaded_ = false;
};

// "a, b ,c" -> {"a", "b", "c"}; empty items dropped.
std::vector<std::string> split_list(std::string_view text);
std::string join_list(const std::vector<std::string>& items);

}  // namespace crossmatch::client
