#include "app/client/state/check_in_desk.hpp"

#include <ctime>

#include "core/event/check_in_code.hpp"

namespace crossmatch::client {
namespace {

std::string clock_time(std::int64_t unix_ms) {
  const std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  char text[16] = "";
  if (localtime_r(&t, &tm) != nullptr) std::strftime(text, sizeof text, "%H:%M", &tm);
  return text;
}

const core::Participant* holder_of(const core::EventState& state, const std::string& code) {
  if (code.empty()) return nullptr;
  const auto it = state.index.check_in_codes.find(code);
  return it == state.index.check_in_codes.end() ? nullptr : state.participant(it->second);
}

}  // namespace

std::string badge_details(const core::Participant& person, const core::Taxonomy& taxonomy) {
  const core::Profile& p = person.profile;
  std::string out = p.organisation;
  out += std::string(out.empty() ? "" : " ") + "(" + core::label(p.type) + ")";
  if (const core::City* city = taxonomy.city(p.city))
    out += ", " + city->name;
  else if (!p.city.empty())
    out += ", " + p.city;
  if (const core::Country* country = taxonomy.country(p.country))
    out += ", " + country->name;
  else if (!p.country.empty())
    out += ", " + p.country;
  return out;
}

void CheckInDesk::check_in(ClientSession& session) {
  const std::string code = core::normalise_check_in_code(typed);
  if (code.empty()) {
    message_ = {DeskVerdict::Refused,
                typed.empty() ? "Type or scan a check-in code."
                              : "'" + typed + "' is not a check-in code: 8 letters and digits.",
                ""};
    typed.clear();
    return;
  }
  auto id = session.submit(core::CheckIn{.code = code});
  typed.clear();
  if (!id) {
    message_ = {DeskVerdict::Refused, id.error().message, ""};
    return;
  }
  sent_id_ = *id;
  sent_code_ = code;
  message_ = {DeskVerdict::Waiting, "Checking " + core::format_check_in_code(code) + "...", ""};
}

void CheckInDesk::follow(const ClientSession& session) {
  if (!walk_in_id_.empty()) {
    if (const OperationOutcome* o = session.outcome(walk_in_id_)) {
      message_ = o->refused
                     ? DeskMessage{DeskVerdict::Refused,
                                   "The walk-in was not registered: " + o->reason, ""}
                     : DeskMessage{DeskVerdict::Arrived, "Welcome, " + walk_in_name_ + " (walk-in)",
                                   "Registered and checked in."};
      walk_in_id_.clear();
    }
  }
  if (sent_id_.empty()) return;
  const OperationOutcome* outcome = session.outcome(sent_id_);
  if (outcome == nullptr) return;
  const core::Participant* person = holder_of(session.state(), sent_code_);
  const std::string details =
      person != nullptr ? badge_details(*person, session.taxonomy()) : std::string();
  if (!outcome->refused) {
    message_ = {DeskVerdict::Arrived,
                "Welcome, " + (person != nullptr ? person->profile.display_name : sent_code_),
                details};
  } else if (person != nullptr && person->active() && person->arrived()) {
    message_ = {DeskVerdict::Warning,
                person->profile.display_name + " already checked in at " +
                    clock_time(person->arrived_at) + ".",
                details};
  } else {
    message_ = {DeskVerdict::Refused, outcome->reason, details};
  }
  sent_id_.clear();
}

void CheckInDesk::start_walk_in(const ClientSession& session) {
  walk_in = ProfileForm{};
  walk_in.load(core::Profile{}, session.taxonomy(), session.state());
}

bool CheckInDesk::register_walk_in(ClientSession& session) {
  if (!walk_in.attempt_submit(session.taxonomy())) return false;
  core::Register reg{.profile = walk_in.profile()};
  reg.arrived = true;
  auto id = session.submit(std::move(reg));
  if (!id) {
    message_ = {DeskVerdict::Refused, id.error().message, ""};
    return false;
  }
  walk_in_id_ = *id;
  walk_in_name_ = walk_in.profile().display_name;
  message_ = {DeskVerdict::Waiting, "Registering " + walk_in_name_ + "...", ""};
  start_walk_in(session);
  return true;
}

ArrivalCounts CheckInDesk::counts(const core::EventState& state) {
  ArrivalCounts c;
  for (const auto& [id, p] : state.participants) {
    if (!p.active()) continue;
    ++c.expected;
    c.arrived += p.arrived();
  }
  return c;
}

}  // namespace crossmatch::client
