#include "app/client/state/profile_form.hpp"

#include "core/i18n/translation.hpp"
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

void ProfileForm::load(const core::Profile& profile, const core::Taxonomy& taxonomy,
                       const core::EventState& event) {
  draft_ = profile;
  draft_.answers.resize(taxonomy.questions().size(), 3);
  for (int& a : draft_.answers) a = a < core::kAnswerMin || a > core::kAnswerMax ? 3 : a;
  offers = join_list(profile.offers);
  seeks = join_list(profile.seeks);
  fill_pickers(taxonomy, event);
  touched_.clear();
  active_.clear();
  was_active_.clear();
  submit_attempted_ = false;
  loaded_ = true;
  validate(taxonomy);
}

void ProfileForm::fill_pickers(const core::Taxonomy& taxonomy, const core::EventState& event) {
  const EventPlaces places = EventPlaces::of(event);
  city_picker.set_choices(city_choices(taxonomy, places.cities));
  country_picker.set_choices(country_choices(taxonomy, places.countries));
  language_picker.set_choices(language_choices(taxonomy, places.languages));
  market_picker.set_choices(country_choices(taxonomy, places.countries));
  pickers_language_ = core::current_language_code();
}

void ProfileForm::follow_language(const core::Taxonomy& taxonomy, const core::EventState& event) {
  if (loaded_ && pickers_language_ != core::current_language_code()) fill_pickers(taxonomy, event);
}

void ProfileForm::set_city(const std::string& city, const core::Taxonomy& taxonomy) {
  draft_.city = city;
  if (const core::City* c = taxonomy.city(city)) draft_.country = c->country;
}

void ProfileForm::set_country(const std::string& country, const core::Taxonomy& taxonomy) {
  draft_.country = country;
  const core::City* c = taxonomy.city(draft_.city);
  if (c != nullptr && c->country != country) draft_.city.clear();
}

void ProfileForm::validate(const core::Taxonomy& taxonomy) {
  draft_.offers = split_list(offers);
  draft_.seeks = split_list(seeks);
  errors_ = core::validate_profile(draft_, taxonomy);
}

void ProfileForm::touch(std::string_view field) {
  touched_.emplace(field);
}

void ProfileForm::note_active(std::string_view field) {
  active_.emplace(field);
}

void ProfileForm::end_frame() {
  for (const auto& field : was_active_) {
    if (active_.find(field) == active_.end()) touched_.insert(field);
  }
  was_active_.swap(active_);
  active_.clear();
}

bool ProfileForm::touched(std::string_view field) const {
  return touched_.find(field) != touched_.end();
}

bool ProfileForm::attempt_submit(const core::Taxonomy& taxonomy) {
  submit_attempted_ = true;
  validate(taxonomy);
  return valid();
}

std::string ProfileForm::shown_message(std::string_view field) const {
  if (!submit_attempted_ && !touched(field)) return {};
  return message_for(field);
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
