// JSON of profiles, availability, slots and event settings.
#include "core/event/calendar.hpp"
#include "core/event/json_codec.hpp"
#include "core/event/json_values.hpp"
#include "core/text.hpp"

namespace crossmatch::core::json {

Result<Json> parse_json(std::string_view text) {
  if (!is_valid_utf8(text))
    return make_error("invalid_utf8", "", "The message is not valid UTF-8.");
  Json value = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return make_error("invalid_json", "", "The message is not valid JSON.");
  return value;
}

Json to_json(const SlotRef& slot) {
  return Json{{"session", slot.session}, {"index", slot.index}};
}

Result<SlotRef> slot_from(const Json& value, const std::string& path) {
  ObjectReader r(value, path + ".");
  SlotRef slot;
  r.integer_as("session", slot.session, 1, UINT32_MAX);
  r.integer_as("index", slot.index, 0, static_cast<std::int64_t>(kMaxSlotsPerSession) - 1);
  if (Status s = r.finish(); !s) return s.error();
  return slot;
}

Json to_json(const Profile& p) {
  return Json{
      {"display_name", p.display_name},
      {"organisation", p.organisation},
      {"job_title", p.job_title},
      {"type", to_string(p.type)},
      {"city", p.city},
      {"country", p.country},
      {"sector", p.sector},
      {"offers", p.offers},
      {"seeks", p.seeks},
      {"languages", p.languages},
      {"target_markets", p.target_markets},
      {"known_markets", p.known_markets},
      {"size", to_string(p.size)},
      {"answers", p.answers},
      {"consent",
       {{"suggestions", p.consent.suggestions}, {"share_contact", p.consent.share_contact}}},
      {"email", p.email}};
}

Result<Profile> profile_from(const Json& value, const std::string& path) {
  ObjectReader r(value, path + ".");
  Profile p;
  // Lengths are the profile rules' business; here only a bound against huge input.
  constexpr std::size_t kBytes = 4096;
  r.string("display_name", p.display_name, true, kBytes);
  r.string("organisation", p.organisation, true, kBytes);
  r.string("job_title", p.job_title, false, kBytes);
  r.enumeration("type", p.type, parse_participant_type,
                "company, policy-maker, intermediary or researcher", false);
  r.string("city", p.city, true, kBytes);
  r.string("country", p.country, true, kBytes);
  r.string("sector", p.sector, true, kBytes);
  r.strings("offers", p.offers, 100);
  r.strings("seeks", p.seeks, 100);
  r.strings("languages", p.languages, 100, true);
  r.strings("target_markets", p.target_markets, 300);
  r.strings("known_markets", p.known_markets, 300);
  r.enumeration("size", p.size, parse_company_size, "solo, micro, small, medium or large", false);
  if (const Json* answers = r.array("answers", 20, true)) {
    for (std::size_t i = 0; i < answers->size(); ++i) {
      const Json& a = (*answers)[i];
      if (!a.is_number_integer() || a.get<std::int64_t>() < -1000 || a.get<std::int64_t>() > 1000) {
        r.fail("answers", "invalid_type",
               r.path("answers") + "[" + std::to_string(i) + "] must be a whole number 1 to 5.");
        break;
      }
      p.answers.push_back(static_cast<int>(a.get<std::int64_t>()));
    }
  }
  if (const Json* consent = r.object("consent", false)) {
    ObjectReader c(*consent, r.path("consent") + ".");
    c.boolean("suggestions", p.consent.suggestions);
    c.boolean("share_contact", p.consent.share_contact);
    if (Status s = c.finish(); !s) return s.error();
  }
  r.string("email", p.email, true, kBytes);
  if (Status s = r.finish(); !s) return s.error();
  return p;
}

Json to_json(const Availability& a) {
  Json slots = Json::array();
  for (const SlotRef& s : a.unavailable) slots.push_back(to_json(s));
  return Json{{"unavailable", slots}, {"only", to_string(a.only)}};
}

Result<Availability> availability_from(const Json& value, const std::string& path) {
  ObjectReader r(value, path + ".");
  Availability a;
  if (const Json* slots = r.array("unavailable", kMaxUnavailableSlots, false)) {
    for (std::size_t i = 0; i < slots->size(); ++i) {
      auto slot = slot_from((*slots)[i], r.path("unavailable") + "[" + std::to_string(i) + "]");
      if (!slot) return slot.error();
      a.unavailable.push_back(*slot);
    }
  }
  r.enumeration("only", a.only, parse_time_of_day_requirement, "any, morning or afternoon", false);
  if (Status s = r.finish(); !s) return s.error();
  return a;
}

Json to_json(const EventSettings& s) {
  const ScoreWeights& w = s.matching.weights;
  return Json{{"matching",
               {{"weights",
                 {{"sector", w.sector},
                  {"working_style", w.working_style},
                  {"international", w.international},
                  {"offers_seeks", w.offers_seeks},
                  {"market_bridge", w.market_bridge},
                  {"participant_types", w.participant_types}}},
                {"team_min", s.matching.team_min},
                {"team_max", s.matching.team_max}}},
              {"max_open_requests", s.max_open_requests},
              {"max_incoming_requests", s.max_incoming_requests},
              {"max_requests_per_pair", s.max_requests_per_pair},
              {"booking", to_string(s.booking)},
              {"afternoon_start", format_time_of_day(s.afternoon_start)},
              {"relationship_target", s.relationship_target},
              {"request_expiry_minutes", s.request_expiry_minutes}};
}

Result<EventSettings> settings_from(const Json& value, const std::string& path) {
  ObjectReader r(value, path + ".");
  EventSettings s;
  if (const Json* matching = r.object("matching", false)) {
    ObjectReader m(*matching, r.path("matching") + ".");
    if (const Json* weights = m.object("weights", false)) {
      ObjectReader w(*weights, m.path("weights") + ".");
      ScoreWeights& sw = s.matching.weights;
      w.number("sector", sw.sector, -1e9, 1e9, false);
      w.number("working_style", sw.working_style, -1e9, 1e9, false);
      w.number("international", sw.international, -1e9, 1e9, false);
      w.number("offers_seeks", sw.offers_seeks, -1e9, 1e9, false);
      w.number("market_bridge", sw.market_bridge, -1e9, 1e9, false);
      w.number("participant_types", sw.participant_types, -1e9, 1e9, false);
      if (Status st = w.finish(); !st) return st.error();
    }
    m.integer_as("team_min", s.matching.team_min, -1000, 1000, false);
    m.integer_as("team_max", s.matching.team_max, -1000, 1000, false);
    if (Status st = m.finish(); !st) return st.error();
  }
  r.integer_as("max_open_requests", s.max_open_requests, -1000000, 1000000, false);
  r.integer_as("max_incoming_requests", s.max_incoming_requests, -1000000, 1000000, false);
  r.integer_as("max_requests_per_pair", s.max_requests_per_pair, -1000000, 1000000, false);
  r.enumeration("booking", s.booking, parse_booking_mode, "instant or deferred", false);
  r.integer_as("relationship_target", s.relationship_target, -1000000, 1000000, false);
  r.integer_as("request_expiry_minutes", s.request_expiry_minutes, -1000000, 1000000, false);
  if (r.has("afternoon_start")) {
    std::string text;
    r.string("afternoon_start", text, true, 16);
    if (r.ok() && !parse_time_of_day(text, s.afternoon_start))
      r.fail("afternoon_start", "invalid",
             r.path("afternoon_start") + " must be a time like 13:00.");
  }
  if (Status st = r.finish(); !st) return st.error();
  return s;
}

}  // namespace crossmatch::core::json

namespace crossmatch::core {

std::string profile_to_json(const Profile& profile) {
  return json::to_json(profile).dump();
}

Result<Profile> profile_from_json(std::string_view text) {
  auto value = json::parse_json(text);
  if (!value) return value.error();
  return json::profile_from(*value, "profile");
}

}  // namespace crossmatch::core
