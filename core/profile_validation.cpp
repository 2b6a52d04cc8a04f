#include "core/profile_validation.hpp"

#include <algorithm>
#include <string>

#include "core/i18n/translation.hpp"
#include "core/text.hpp"

namespace crossmatch::core {
namespace {

std::string indexed(std::string_view field, std::size_t i) {
  return std::string(field) + "[" + std::to_string(i) + "]";
}

std::string quoted(std::string_view value) {
  constexpr std::size_t kShown = 40;
  // TRANSLATORS: stands for a value that is not valid text, in messages such as "Country %s is
  // not an ISO 3166-1 country code"
  if (!is_valid_utf8(value)) return tr("the value");
  std::string shown(value.substr(0, kShown));
  while (!shown.empty() && !is_valid_utf8(shown)) shown.pop_back();  // do not cut a character
  return "'" + shown + (value.size() > kShown ? "...'" : "'");
}

void check_tags(const std::vector<std::string>& tags, std::string_view field,
                std::string_view label, std::vector<Error>& errors) {
  if (tags.size() > kMaxTags) {
    const std::string l(label);
    errors.push_back(make_error("too_many", std::string(field),
                                // TRANSLATORS: %1$s is a field of the profile form ("Offers"), then
                                // the most tags it takes and how many it has
                                format_text(tr_n("%s: at most %zu tag, not %zu.",
                                                 "%s: at most %zu tags, not %zu.", kMaxTags),
                                            l.c_str(), kMaxTags, tags.size())));
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
        const std::string l(label);
        errors.push_back(make_error(
            "duplicate", indexed(field, i),
            // TRANSLATORS: %1$s is a field of the profile form ("Offers"), %2$s the tag, quoted
            format_text(tr("%s: the tag %s is listed twice."), l.c_str(),
                        quoted(tags[i]).c_str())));
        break;
      }
    }
  }
}

void check_codes(const std::vector<std::string>& codes, std::string_view field,
                 std::string_view label, std::size_t max, bool required, bool is_language,
                 const Taxonomy& taxonomy, std::vector<Error>& errors) {
  const std::string l(label);
  if (required && codes.empty()) {
    errors.push_back(make_error("required", std::string(field),
                                // TRANSLATORS: %s is a field of the profile form, e.g. "Languages"
                                format_text(tr("%s: give at least one."), l.c_str())));
    return;
  }
  if (codes.size() > max) {
    errors.push_back(
        make_error("too_many", std::string(field),
                   // TRANSLATORS: %1$s is a field of the profile form ("Languages"), then the most
                   // it takes and how many it has
                   format_text(tr("%s: at most %zu, not %zu."), l.c_str(), max, codes.size())));
    return;
  }
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const bool known = is_language ? taxonomy.language(codes[i]) != nullptr
                                   : taxonomy.country(codes[i]) != nullptr;
    if (!known) {
      const std::string code = quoted(codes[i]);
      errors.push_back(make_error(
          is_language ? "unknown_language" : "unknown_country", indexed(field, i),
          is_language
              // TRANSLATORS: %1$s is a field of the profile form ("Languages"), %2$s the code
              // given, quoted
              ? format_text(tr("%s: %s is not an ISO 639-1 language code (two lower-case "
                               "letters, like 'en')."),
                            l.c_str(), code.c_str())
              // TRANSLATORS: %1$s is a field of the profile form ("Target markets"), %2$s the
              // code given, quoted
              : format_text(tr("%s: %s is not an ISO 3166-1 country code (two capital letters, "
                               "like 'PT')."),
                            l.c_str(), code.c_str())));
      continue;
    }
    if (std::find(codes.begin(), codes.begin() + static_cast<std::ptrdiff_t>(i), codes[i]) !=
        codes.begin() + static_cast<std::ptrdiff_t>(i)) {
      errors.push_back(make_error(
          "duplicate", indexed(field, i),
          // TRANSLATORS: %1$s is a field of the profile form ("Languages"), %2$s the code, quoted
          format_text(tr("%s: %s is listed twice."), l.c_str(), quoted(codes[i]).c_str())));
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
  if (!is_valid_utf8(value))
    // TRANSLATORS: %s is the label of a field, e.g. "Display name" or "The message"
    return make_error("invalid_utf8", f, format_text(tr("%s is not valid UTF-8 text."), l.c_str()));
  if (has_control_character(value, allow_newlines))
    return make_error(
        "control_character", f,
        // TRANSLATORS: %s is the label of a field, e.g. "Display name" or "The message"
        format_text(tr("%s contains a control character; remove it."), l.c_str()));
  if (required && trim(value).empty())
    // TRANSLATORS: %s is the label of a field, e.g. "Display name" or "The message"
    return make_error("required", f, format_text(tr("%s is required."), l.c_str()));
  const std::size_t length = utf8_length(value);
  if (length > max_length)
    return make_error("too_long", f,
                      // TRANSLATORS: %1$s is the label of a field ("Display name"), then how many
                      // characters it has and the most it takes
                      format_text(tr_n("%s is too long: %zu character, at most %zu.",
                                       "%s is too long: %zu characters, at most %zu.", length),
                                  l.c_str(), length, max_length));
  if (trim(value).size() != value.size())
    return make_error(
        "surrounding_space", f,
        // TRANSLATORS: %s is the label of a field, e.g. "Display name" or "The message"
        format_text(tr("%s starts or ends with a space; remove it."), l.c_str()));
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
  add(check_text(p.display_name, "display_name", tr("Display name"), kMaxNameLength, true));
  add(check_text(p.organisation, "organisation", tr("Organisation"), kMaxNameLength, true));
  add(check_text(p.job_title, "job_title", tr("Job title"), kMaxNameLength, false));
  // The enum may come from a cast (a database written by another version, a bad caller).
  if (static_cast<unsigned>(p.type) > static_cast<unsigned>(ParticipantType::Researcher))
    errors.push_back(make_error(
        "unknown_type", "type",
        // TRANSLATORS: %d is the number of an unknown participant type
        format_text(tr("Participant type %d is unknown; pick company, policy maker, broker or "
                       "intermediary, or researcher or university."),
                    static_cast<int>(p.type))));

  const City* city = nullptr;
  if (p.city.empty()) {
    errors.push_back(make_error("required", "city", tr("City is required.")));
  } else if ((city = taxonomy.city(p.city)) == nullptr) {
    errors.push_back(
        make_error("unknown_city", "city",
                   // TRANSLATORS: %s is the city given, quoted
                   format_text(tr("City %s is not in the list of cities; pick one from the list."),
                               quoted(p.city).c_str())));
  }
  if (p.country.empty()) {
    errors.push_back(make_error("required", "country", tr("Country is required.")));
  } else if (taxonomy.country(p.country) == nullptr) {
    errors.push_back(make_error(
        "unknown_country", "country",
        // TRANSLATORS: %s is the country code given, quoted
        format_text(tr("Country %s is not an ISO 3166-1 country code (two capital letters, like "
                       "'PT')."),
                    quoted(p.country).c_str())));
  } else if (city != nullptr && city->country != p.country) {
    errors.push_back(make_error(
        "city_country_mismatch", "country",
        // TRANSLATORS: %1$s is the country code given ("PT"), %2$s the city, %3$s the code of the
        // city's country
        format_text(tr("Country %s does not match the city: %s is in %s."), p.country.c_str(),
                    tr_ctx("city", city->name.c_str()), city->country.c_str())));
  }
  if (p.sector.empty()) {
    errors.push_back(make_error("required", "sector", tr("Sector is required.")));
  } else if (taxonomy.sector(p.sector) == nullptr) {
    errors.push_back(
        make_error("unknown_sector", "sector",
                   // TRANSLATORS: %s is the sector given, quoted
                   format_text(tr("Sector %s is not a known sector; pick one from the list."),
                               quoted(p.sector).c_str())));
  }

  // TRANSLATORS: a field of the profile form: what the person offers
  check_tags(p.offers, "offers", tr("Offers"), errors);
  // TRANSLATORS: a field of the profile form: what the person seeks
  check_tags(p.seeks, "seeks", tr("Seeks"), errors);
  check_codes(p.languages, "languages", tr("Languages"), kMaxLanguages, true, true, taxonomy,
              errors);
  check_codes(p.target_markets, "target_markets", tr("Target markets"), kMaxMarkets, false, false,
              taxonomy, errors);
  check_codes(p.known_markets, "known_markets", tr("Known markets"), kMaxMarkets, false, false,
              taxonomy, errors);

  const auto& questions = taxonomy.questions();
  if (p.answers.size() != questions.size()) {
    errors.push_back(make_error(
        "answers_count", "answers",
        format_text(
            // TRANSLATORS: how many questions there are, then how many the person answered
            tr_n("Answer the %zu working-style question (%zu answered).",
                 "Answer all %zu working-style questions (%zu answered).", questions.size()),
            questions.size(), p.answers.size())));
  } else {
    for (std::size_t i = 0; i < questions.size(); ++i) {
      if (p.answers[i] < kAnswerMin || p.answers[i] > kAnswerMax) {
        errors.push_back(
            make_error("out_of_range", "answers." + questions[i].id,
                       // TRANSLATORS: %1$s is a question of the working-style questionnaire, %2$d
                       // the answer given
                       format_text(tr("Answer to \"%s\" is %d; pick 1 to 5."),
                                   tr_ctx("questionnaire: question", questions[i].text.c_str()),
                                   p.answers[i])));
      }
    }
  }

  if (p.email.empty()) {
    errors.push_back(make_error("required", "email", tr("Contact e-mail is required.")));
  } else if (!is_plausible_email(p.email)) {
    errors.push_back(make_error(
        "invalid_email", "email",
        // TRANSLATORS: %s is the address given, quoted
        format_text(tr("Contact e-mail %s does not look like an address (name@example.org)."),
                    quoted(p.email).c_str())));
  }
  return errors;
}

Status check_profile(const Profile& profile, const Taxonomy& taxonomy) {
  auto errors = validate_profile(profile, taxonomy);
  if (errors.empty()) return Status::success();
  return errors.front();
}

}  // namespace crossmatch::core
