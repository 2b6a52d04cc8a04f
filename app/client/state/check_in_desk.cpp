#include "app/client/state/check_in_desk.hpp"

#include <ctime>

#include "core/event/check_in_code.hpp"
#include "core/i18n/taxonomy_names.hpp"
#include "core/i18n/translation.hpp"

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
    out += std::string(", ") + core::city_name(*city);
  else if (!p.city.empty())
    out += ", " + p.city;
  if (const core::Country* country = taxonomy.country(p.country))
    out += std::string(", ") + core::country_name(*country);
  else if (!p.country.empty())
    out += ", " + p.country;
  return out;
}

void CheckInDesk::check_in(ClientSession& session) {
  const std::string code = core::normalise_check_in_code(typed);
  if (code.empty()) {
    message_ = {DeskVerdict::Refused,
                typed.empty() ? std::string(core::tr("Type or scan a check-in code."))
                              : core::format_text(
                                    core::tr("'%s' is not a check-in code: 8 letters and digits."),
                                    typed.c_str()),
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
  message_ = {
      DeskVerdict::Waiting,
      core::format_text(core::tr("Checking %s..."), core::format_check_in_code(code).c_str()), ""};
}

void CheckInDesk::follow(const ClientSession& session) {
  if (!walk_in_id_.empty()) {
    if (const OperationOutcome* o = session.outcome(walk_in_id_)) {
      if (o->refused) {
        message_ = {
            DeskVerdict::Refused,
            // TRANSLATORS: %s is the hub's reason
            core::format_text(core::tr("The walk-in was not registered: %s"), o->reason.c_str()),
            ""};
      } else {
        message_ = {DeskVerdict::Arrived,
                    // TRANSLATORS: at the check-in desk; %s is the person's name
                    core::format_text(core::tr("Welcome, %s (walk-in)"), walk_in_name_.c_str()),
                    core::tr("Registered and checked in.")};
      }
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
    const std::string& who = person != nullptr ? person->profile.display_name : sent_code_;
    // TRANSLATORS: at the check-in desk; %s is the person's name (or their code)
    message_ = {DeskVerdict::Arrived, core::format_text(core::tr("Welcome, %s"), who.c_str()),
                details};
  } else if (person != nullptr && person->active() && person->arrived()) {
    message_ = {DeskVerdict::Warning,
                // TRANSLATORS: a person's name, then the time of day they checked in ("09:12")
                core::format_text(core::tr("%s already checked in at %s."),
                                  person->profile.display_name.c_str(),
                                  clock_time(person->arrived_at).c_str()),
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
  message_ = {DeskVerdict::Waiting,
              core::format_text(core::tr("Registering %s..."), walk_in_name_.c_str()), ""};
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
