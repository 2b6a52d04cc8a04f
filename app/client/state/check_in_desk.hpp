// The check-in desk (organiser and helpers): the code being typed or scanned, what the last
// check-in said (who arrived, or why not), the walk-in being registered, and the arrival counts.
#pragma once

#include <cstdint>
#include <string>

#include "app/client/state/client_session.hpp"
#include "app/client/state/profile_form.hpp"

namespace crossmatch::client {

// How the last check-in went, for its colour.
enum class DeskVerdict { None, Waiting, Arrived, Warning, Refused };

struct DeskMessage {
  DeskVerdict verdict = DeskVerdict::None;
  std::string headline;  // "Welcome, Ana Lopez" or why not
  std::string details;   // the badge's details: organisation, type, city and country
};

struct ArrivalCounts {
  int arrived = 0;
  int expected = 0;  // active participants
};

class CheckInDesk {
 public:
  // The code field, as typed or as a barcode scanner types it (it ends with Enter).
  std::string typed;

  // Checks in whoever has the typed code; the field empties for the next person.
  void check_in(ClientSession& session);
  // Once per frame: turns the hub's answer to the last check-in into the message shown.
  void follow(const ClientSession& session);
  const DeskMessage& message() const { return message_; }

  // Walk-ins: a short form (name, organisation, e-mail, type, city, sector, language) registered as
  // arrived. The form starts from a blank profile with the questionnaire's middle answers.
  ProfileForm walk_in;
  void start_walk_in(const ClientSession& session);
  // Registers the walk-in when the form is valid; false (and the form's messages) otherwise.
  bool register_walk_in(ClientSession& session);

  static ArrivalCounts counts(const core::EventState& state);

 private:
  std::string sent_id_;    // the last check-in's operation id
  std::string sent_code_;  // its code, normalised
  std::string walk_in_id_;
  std::string walk_in_name_;
  DeskMessage message_;
};

// "Atelier Nord (Company), Porto, Portugal": what the badge says of a person besides the name.
std::string badge_details(const core::Participant& person, const core::Taxonomy& taxonomy);

}  // namespace crossmatch::client
