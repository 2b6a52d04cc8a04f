#include "app/client/state/profile_form.hpp"

#include "core/profile_validation.hpp"

namespace crossmatch::client {

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view item = text.substr(start, end - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    start = end + 1;
  }
  return out;
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

void ProfileForm::load(const core::Profile& profile, const core::Taxonomy& taxonomy) {
  draft_ = profile;
  draft_.answers.resize(taxonomy.questions().size(), 3);
  for (int& a : draft_.answers) a = a < core::kAnswerMin || a > core::kAnswerMax ? 3 : a;
  offers = join_list(profile.offers);
  seeks = join_list(profile.seeks);
  languages = join_list(profile.languages);
  target_markets = join_list(profile.target_markets);
  known_markets = join_list(profile.known_markets);
  loaded_ = true;
  validate(taxonomy);
}

void ProfileForm::validate(const core::Taxonomy& taxonomy) {
  draft_.offers = split_list(offers);
  draft_.seeks = split_list(seeks);
  draft_.languages = split_list(languages);
  draft_.target_markets = split_list(target_markets);
  draft_.known_markets = split_list(known_markets);
  if (const core::City* city = taxonomy.city(draft_.city)) draft_.country = city->country;
  errors_ = core::validate_profile(draft_, taxonomy);
}

std::string ProfileForm::message_for(std::string_view field) const {
  for (const auto& e : errors_) {
    const std::string_view f = e.field;
    if (f == field ||
        (f.size() > field.size() && f.substr(0, field.size()) == field && f[field.size()] == '[')) {
      return e.message;
    }
  }
  return {};
}

}  // namespace crossmatch::client
