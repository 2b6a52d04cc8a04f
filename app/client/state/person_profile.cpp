#include "app/client/state/person_profile.hpp"

#include "app/client/state/person_summary.hpp"
#include "core/i18n/taxonomy_names.hpp"
#include "core/i18n/translation.hpp"
#include "core/matching/pair_reasons.hpp"

namespace crossmatch::client {

using core::format_text;
using core::tr;

namespace {

std::string country_name(const core::Taxonomy& taxonomy, const std::string& code) {
  const core::Country* c = taxonomy.country(code);
  return c ? core::country_name(*c) : code;
}

std::vector<std::string> country_names(const core::Taxonomy& taxonomy,
                                       const std::vector<std::string>& codes) {
  std::vector<std::string> out;
  for (const auto& code : codes) out.push_back(country_name(taxonomy, code));
  return out;
}

// A trait where the answer leans to one side of the middle: "formal" or "informal".
std::vector<std::string> traits(const core::Taxonomy& taxonomy, const std::vector<int>& answers) {
  std::vector<std::string> out;
  const auto& questions = taxonomy.questions();
  for (std::size_t i = 0; i < questions.size() && i < answers.size(); ++i) {
    const char* context = "working-style trait, in a match reason";
    if (answers[i] <= core::kAnswerMin + 1)
      out.push_back(core::tr_ctx(context, questions[i].low_trait.c_str()));
    if (answers[i] >= core::kAnswerMax - 1)
      out.push_back(core::tr_ctx(context, questions[i].high_trait.c_str()));
  }
  return out;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

}  // namespace

PersonProfile person_profile(const ClientSession& session, const PopulationCache& cache,
                             core::ParticipantId id, core::ParticipantId relative_to) {
  PersonProfile out;
  out.id = id;
  out.name = session.name_of(id);
  const core::Participant* p = session.state().participant(id);
  if (p == nullptr) return out;
  out.known = true;
  const core::Taxonomy& taxonomy = session.taxonomy();
  const core::Profile& profile = p->profile;
  const PersonSummary summary = person_summary(session, id);
  out.type = summary.type;
  out.organisation = profile.organisation;
  out.job_title = profile.job_title;
  out.sector = summary.sector;
  out.city = summary.city;
  out.country = country_name(taxonomy, profile.country);
  if (profile.type == core::ParticipantType::Company) out.size = core::label(profile.size);
  if (p->status != core::ParticipantStatus::Active) out.status = core::to_string(p->status);
  out.email = profile.email;  // the replica holds it only where this client may see it
  out.offers = profile.offers;
  out.seeks = profile.seeks;
  for (const auto& code : profile.languages) {
    const core::Language* l = taxonomy.language(code);
    out.languages.push_back(l ? core::language_name(*l) : code);
  }
  out.target_markets = country_names(taxonomy, profile.target_markets);
  out.known_markets = country_names(taxonomy, profile.known_markets);
  out.working_style = traits(taxonomy, profile.answers);

  out.relative_to = relative_to;
  if (!profile.consent.suggestions && id != session.me()) {
    // Other participants get only who they are (core/event/privacy.hpp).
    out.why_not = format_text(
        tr("%s chose not to appear in suggestions or teams, so only who they are is shared."),
        out.name.c_str());
    return out;
  }
  if (relative_to == 0 || relative_to == id || !cache.built()) return out;
  const core::Population& population = cache.population();
  const int a = static_cast<int>(relative_to), b = static_cast<int>(id);
  if (!population.present(a) || !population.present(b)) return out;
  const core::PairScorer& scorer = cache.scorer();
  if (!scorer.allowed(a, b)) {
    out.why_not =
        tr("These two are not suggested to each other: they share no language, work for "
           "the same organisation, or one declined the other.");
    return out;
  }
  out.score = static_cast<float>(scorer.score(a, b));
  for (const core::Reason& r : core::explain_pair(scorer, a, b, core::kScoreComponents + 1))
    out.reasons.push_back(r.text);
  return out;
}

std::vector<std::string> profile_lines(const PersonProfile& p) {
  std::vector<std::string> out;
  std::string head = p.name;
  if (!p.type.empty()) head += " (" + p.type + ")";
  out.push_back(head);
  const auto add = [&](const char* label, const std::string& value) {
    if (!value.empty()) out.push_back(std::string(label) + ": " + value);
  };
  add(tr("Organisation"), p.organisation);
  add(tr("Job title"), p.job_title);
  add(tr("Sector"), p.sector);
  add(tr("City"), p.city);
  add(tr("Country"), p.country);
  // TRANSLATORS: the size of a company (its number of employees)
  add(tr("Size"), p.size);
  add(tr("Status"), p.status);
  add(tr("E-mail"), p.email);
  // TRANSLATORS: what the person offers to partners
  add(tr("Offers"), joined(p.offers));
  // TRANSLATORS: what the person seeks from partners
  add(tr("Seeks"), joined(p.seeks));
  add(tr("Target markets"), joined(p.target_markets));
  add(tr("Known markets"), joined(p.known_markets));
  add(tr("Languages"), joined(p.languages));
  add(tr("Working style"), joined(p.working_style));
  // TRANSLATORS: a reason why two people are suggested to each other
  for (const auto& r : p.reasons) out.push_back(format_text(tr("Why: %s"), r.c_str()));
  // TRANSLATORS: the reason why a person is not suggested follows
  add(tr("Not suggested"), p.why_not);
  return out;
}

}  // namespace crossmatch::client
