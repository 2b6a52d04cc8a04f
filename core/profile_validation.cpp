#include "core/profile_validation.hpp"

#include <algorithm>
#include <string>

#include "core/text.hpp"

namespace crossmatch::core {
namespace {

std::string indexed(std::string_view field, std::size_t i) {
  return std::string(field) + "[" + std::to_string(i) + "]";
}

std::string quoted(std::string_view value) {
  constexpr std::size_t kShown = 40;
  if (!is_valid_utf8(value)) return "the value";
  std::string shown(value.substr(0, kShown));
  while (!shown.empty() && !is_valid_utf8(shown)) shown.pop_back();  // do not cut a character
  return "'" + shown + (value.size() > kShown ? "...'" : "'");
}

void check_tags(const std::vector<std::string>& tags, std::string_view field,
                std::string_view label, std::vector<Error>& errors) {
  if (tags.size() > kMaxTags) {
    errors.push_back(make_error("too_many", std::string(field),
                                std::string(label) + ": at most " + std::to_string(kMaxTags) +
                                    " tags, not " + std::to_string(tags.size()) + "."));
    return;
  }
  for (std::size_t i = 0; i < tags.size(); ++i) {
    Status s = check_text(tags[i], indexed(field, i), label, kMaxTagLength, true);
    if (!s) {
      errors.push_back(s.error());
      continue;
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (ascii_lower(tags[j]) == ascii_lower(tags[i])) {
        errors.push_back(
            make_error("duplicate", indexed(field, i),
                       std::string(label) + ": the tag " + quoted(tags[i]) + " is listed twice."));
        break;
      }
    }
  }
}

void check_codes(const std::vector<std::string>& codes, std::string_view field,
                 std::string_view label, std::size_t max, bool required, bool is_language,
                 const Taxonomy& taxonomy, std::vector<Error>& errors) {
  if (required && codes.empty()) {
    errors.push_back(
        make_error("required", std::string(field), std::string(label) + ": give at least one."));
    return;
  }
  if (codes.size() > max) {
    errors.push_back(make_error("too_many", std::string(field),
                                std::string(label) + ": at most " + std::to_string(max) + ", not " +
                                    std::to_string(codes.size()) + "."));
    return;
  }
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const bool known = is_language ? taxonomy.language(codes[i]) != nullptr
                                   : taxonomy.country(codes[i]) != nullptr;
    if (!known) {
      errors.push_back(make_error(
          is_language ? "unknown_language" : "unknown_country", indexed(field, i),
          std::string(label) + ": " + quoted(codes[i]) +
              (is_language
                   ? " is not an ISO 639-1 language code (two lower-case letters, like 'en')."
                   : " is not an ISO 3166-1 country code (two capital letters, like 'PT').")));
      continue;
    }
    if (std::find(codes.begin(), codes.begin() + static_cast<std::ptrdiff_t>(i), codes[i]) !=
        codes.begin() + static_cast<std::ptrdiff_t>(i)) {
      errors.push_back(
          make_error("duplicate", indexed(field, i),
                     std::string(label) + ": " + quoted(codes[i]) + " is listed twice."));
    }
  }
}

bool is_domain_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

bool is_local_char(char c) {
  if (is_domain_char(c)) return true;
  return std::string_view("!#$%&'*+/=?^_`{|}~.").find(c) != std::string_view::npos;
}

}  // namespace

Status check_text(std::string_view value, std::string_view field, std::string_view label,
                  std::size_t max_length, bool required, bool allow_newlines) {
  const std::string f(field);
  const std::string l(label);
  if (!is_valid_utf8(value)) return make_error("invalid_utf8", f, l + " is not valid UTF-8 text.");
  if (has_control_character(value, allow_newlines))
    return make_error("control_character", f, l + " contains a control character; remove it.");
  if (required && trim(value).empty()) return make_error("required", f, l + " is required.");
  const std::size_t length = utf8_length(value);
  if (length > max_length)
    return make_error("too_long", f,
                      l + " is too long: " + std::to_string(length) + " characters, at most " +
                          std::to_string(max_length) + ".");
  if (trim(value).size() != value.size())
    return make_error("surrounding_space", f, l + " starts or ends with a space; remove it.");
  return Status::success();
}

bool is_plausible_email(std::string_view email) {
  if (email.empty() || email.size() > kMaxEmailLength) return false;
  const std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64) return false;
  if (email.find('@', at + 1) != std::string_view::npos) return false;
  const std::string_view local = email.substr(0, at);
  const std::string_view domain = email.substr(at + 1);
  if (!std::all_of(local.begin(), local.end(), is_local_char)) return false;
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
    return false;
  // The domain: labels of letters, digits and dashes, separated by dots; at least two labels;
  // the last one (the top-level domain) letters only, at least two.
  std::vector<std::string_view> labels;
  split(domain, '.', [&](std::string_view label) { labels.push_back(label); });
  if (labels.size() < 2) return false;
  for (const auto label : labels) {
    if (label.empty() || label.size() > 63) return false;
    if (!std::all_of(label.begin(), label.end(), is_domain_char)) return false;
    if (label.front() == '-' || label.back() == '-') return false;
  }
  const auto tld = labels.back();
  return tld.size() >= 2 && std::all_of(tld.begin(), tld.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
         });
}

std::vector<Error> validate_profile(const Profile& p, const Taxonomy& taxonomy) {
  std::vector<Error> errors;
  const auto add = [&](Status s) {
    if (!s) errors.push_back(s.error());
  };
  add(check_text(p.display_name, "display_name", "Display name", kMaxNameLength, true));
  add(check_text(p.organisation, "organisation", "Organisation", kMaxNameLength, true));
  add(check_text(p.job_title, "job_title", "Job title", kMaxNameLength, false));
  // The enum may come from a cast (a database written by another version, a bad caller).
  if (static_cast<unsigned>(p.type) > static_cast<unsigned>(ParticipantType::Researcher))
    errors.push_back(make_error("unknown_type", "type",
                                "Participant type " + std::to_string(static_cast<int>(p.type)) +
                                    " is unknown; pick company, policy maker, broker or "
                                    "intermediary, or researcher or university."));

  const City* city = nullptr;
  if (p.city.empty()) {
    errors.push_back(make_error("required", "city", "City is required."));
  } else if ((city = taxonomy.city(p.city)) == nullptr) {
    errors.push_back(make_error(
        "unknown_city", "city",
        "City " + quoted(p.city) + " is not in the list of cities; pick one from the list."));
  }
  if (p.country.empty()) {
    errors.push_back(make_error("required", "country", "Country is required."));
  } else if (taxonomy.country(p.country) == nullptr) {
    errors.push_back(make_error("unknown_country", "country",
                                "Country " + quoted(p.country) +
                                    " is not an ISO 3166-1 country code (two capital letters, "
                                    "like 'PT')."));
  } else if (city != nullptr && city->country != p.country) {
    errors.push_back(make_error("city_country_mismatch", "country",
                                "Country " + p.country + " does not match the city: " + city->name +
                                    " is in " + city->country + "."));
  }
  if (p.sector.empty()) {
    errors.push_back(make_error("required", "sector", "Sector is required."));
  } else if (taxonomy.sector(p.sector) == nullptr) {
    errors.push_back(make_error(
        "unknown_sector", "sector",
        "Sector " + quoted(p.sector) + " is not a known sector; pick one from the list."));
  }

  check_tags(p.offers, "offers", "Offers", errors);
  check_tags(p.seeks, "seeks", "Seeks", errors);
  check_codes(p.languages, "languages", "Languages", kMaxLanguages, true, true, taxonomy, errors);
  check_codes(p.target_markets, "target_markets", "Target markets", kMaxMarkets, false, false,
              taxonomy, errors);
  check_codes(p.known_markets, "known_markets", "Known markets", kMaxMarkets, false, false,
              taxonomy, errors);

  const auto& questions = taxonomy.questions();
  if (p.answers.size() != questions.size()) {
    errors.push_back(make_error("answers_count", "answers",
                                "Answer all " + std::to_string(questions.size()) +
                                    " working-style questions (" +
                                    std::to_string(p.answers.size()) + " answered)."));
  } else {
    for (std::size_t i = 0; i < questions.size(); ++i) {
      if (p.answers[i] < kAnswerMin || p.answers[i] > kAnswerMax) {
        errors.push_back(make_error("out_of_range", "answers." + questions[i].id,
                                    "Answer to \"" + questions[i].text + "\" is " +
                                        std::to_string(p.answers[i]) + "; pick 1 to 5."));
      }
    }
  }

  if (p.email.empty()) {
    errors.push_back(make_error("required", "email", "Contact e-mail is required."));
  } else if (!is_plausible_email(p.email)) {
    errors.push_back(make_error("invalid_email", "email",
                                "Contact e-mail " + quoted(p.email) +
                                    " does not look like an address (name@example.org)."));
  }
  return errors;
}

Status check_profile(const Profile& profile, const Taxonomy& taxonomy) {
  auto errors = validate_profile(profile, taxonomy);
  if (errors.empty()) return Status::success();
  return errors.front();
}

}  // namespace crossmatch::core
