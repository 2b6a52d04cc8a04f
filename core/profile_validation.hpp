// The profile rules: every field checked, each problem reported with its field and a message a
// person can act on.
#pragma once

#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/profile.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::core {

// Every problem of the profile, in field order; empty when the profile is valid.
std::vector<Error> validate_profile(const Profile& profile, const Taxonomy& taxonomy);

// The first problem, or success.
Status check_profile(const Profile& profile, const Taxonomy& taxonomy);

// Checks one text field: valid UTF-8, no control characters, length, and (when required) not
// empty. `label` names the field in the message ("Display name").
Status check_text(std::string_view value, std::string_view field, std::string_view label,
                  std::size_t max_length, bool required, bool allow_newlines = false);

// A plausible e-mail address: local@domain.tld, ASCII, no spaces, at most 254 characters.
bool is_plausible_email(std::string_view email);

}  // namespace crossmatch::core
