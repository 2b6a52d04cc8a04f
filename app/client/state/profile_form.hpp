// The profile editor's draft: the profile being edited, its free tags as comma-separated text,
// the pickers of its city, country, languages and markets (the event's own first), and the
// validation messages by field (core::validate_profile). A field's message is shown once the
// person has left the field or tried to submit, never while they have not typed yet.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/client/state/type_ahead_picker.hpp"
#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/profile.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::client {

class ProfileForm {
 public:
  // Starts editing `profile` (answers padded to the questionnaire's length with the middle);
  // nothing is touched yet. The pickers list the places and languages of `event` first.
  void load(const core::Profile& profile, const core::Taxonomy& taxonomy,
            const core::EventState& event);
  void load(const core::Profile& profile, const core::Taxonomy& taxonomy) {
    load(profile, taxonomy, core::EventState{});
  }
  bool loaded() const { return loaded_; }
  // Names the pickers' places and languages again when the language changed since they were
  // filled (the draft and what was picked stay).
  void follow_language(const core::Taxonomy& taxonomy, const core::EventState& event);

  core::Profile& draft() { return draft_; }
  const core::Profile& draft() const { return draft_; }
  // Free tags, edited as comma-separated text.
  std::string offers, seeks;
  // Languages and markets are chosen by name from these.
  TypeAheadPicker city_picker, country_picker, language_picker, market_picker;

  // A city sets the country to the city's; a country that is not the city's clears the city.
  void set_city(const std::string& city, const core::Taxonomy& taxonomy);
  void set_country(const std::string& country, const core::Taxonomy& taxonomy);

  // Parses the tags into the draft and checks it; the messages stay until the next call.
  void validate(const core::Taxonomy& taxonomy);
  bool valid() const { return errors_.empty(); }
  const std::vector<core::Error>& errors() const { return errors_; }
  // The first message about `field` or one of its items ("offers" covers "offers[2]"); empty
  // when the field is fine.
  std::string message_for(std::string_view field) const;

  // The person left `field` (or picked in it): its message shows from now on.
  void touch(std::string_view field);
  // The view reports the field being typed in each frame, then ends the frame: a field that was
  // being typed in and no longer is has been left, and is touched.
  void note_active(std::string_view field);
  void end_frame();
  bool touched(std::string_view field) const;
  // A press of Register or Save: every message shows from now on. True when the draft is valid
  // (validated first), so that it can be sent.
  bool attempt_submit(const core::Taxonomy& taxonomy);
  bool submit_attempted() const { return submit_attempted_; }
  // message_for(field) once the field is touched or a submit was attempted, else empty.
  std::string shown_message(std::string_view field) const;

  // The profile to submit (tags parsed).
  const core::Profile& profile() const { return draft_; }

 private:
  void fill_pickers(const core::Taxonomy& taxonomy, const core::EventState& event);
  core::Profile draft_;
  std::vector<core::Error> errors_;
  std::set<std::string, std::less<>> touched_;
  std::set<std::string, std::less<>> active_, was_active_;
  bool submit_attempted_ = false;
  std::string pickers_language_;  // the language the pickers' names are in
  bool loaded_ = false;
};

// "a, b ,c" -> {"a", "b", "c"}; empty items dropped.
std::vector<std::string> split_list(std::string_view text);
std::string join_list(const std::vector<std::string>& items);

}  // namespace crossmatch::client
