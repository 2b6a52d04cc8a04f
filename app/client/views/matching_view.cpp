// Matching settings: the pair-score weights and team sizes, with a preview of what would change
// (recomputed only when the draft changes), and a button that sends them.
#include <imgui.h>

#include <cmath>

#include "app/client/state/matching_preview.hpp"
#include "app/client/views/organiser_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {

void draw_matching_view(ClientModels& m) {
  const core::EventState& state = m.session.state();
  const core::MatchingSettings& current = state.event.settings.matching;
  if (!m.matching.loaded) {
    m.matching.draft = current;
    m.matching.loaded = true;
  }
  core::MatchingSettings& d = m.matching.draft;
  m.population.refresh(m.session);

  ImGui::PushItemWidth(ImGui::GetFontSize() * 14);
  float w[5] = {static_cast<float>(d.weights.sector), static_cast<float>(d.weights.working_style),
                static_cast<float>(d.weights.international),
                static_cast<float>(d.weights.offers_seeks),
                static_cast<float>(d.weights.market_bridge)};
  // TRANSLATORS: the parts of the pair score a weight is given to
  const char* names[5] = {tr_noop("Sector complementarity"), tr_noop("Working style"),
                          tr_noop("International"), tr_noop("Offers meet seeks"),
                          tr_noop("Market bridge")};
  double* weights[5] = {&d.weights.sector, &d.weights.working_style, &d.weights.international,
                        &d.weights.offers_seeks, &d.weights.market_bridge};
  // Only a moved slider writes back: a float round trip would change every weight a little.
  for (int i = 0; i < 5; ++i) {
    if (ImGui::SliderFloat(tr(names[i]), &w[i], 0.0f, 1.0f, "%.2f"))
      *weights[i] = std::round(w[i] * 100.0) / 100.0;
  }
  ImGui::SliderInt(tr("Smallest team"), &d.team_min, core::kMinTeamSize, core::kMaxTeamSize);
  ImGui::SliderInt(tr("Largest team"), &d.team_max, core::kMinTeamSize, core::kMaxTeamSize);
  if (d.team_max < d.team_min) d.team_max = d.team_min;
  ImGui::PopItemWidth();

  PreviewCache& cache = m.matching.preview;
  if (!cache.computed || !(cache.previewed == d) || !(cache.current == current) ||
      cache.population_builds != m.population.builds()) {
    cache.preview = preview_matching(m.population, current, d);
    cache.previewed = d;
    cache.current = current;
    cache.population_builds = m.population.builds();
    cache.computed = true;
  }
  const MatchingPreview& preview = cache.preview;
  ImGui::Separator();
  // TRANSLATORS: heading: what the draft settings would change
  ImGui::TextUnformatted(tr("Preview"));
  ImGui::Bullet();
  ImGui::TextWrapped(
      tr_n("Top three suggestions change for %d of %d person sampled",
           "Top three suggestions change for %d of %d people sampled", preview.sampled),
      preview.top_changed, preview.sampled);
  // Three counts in one line: each counted noun has its own plural, put into the sentence.
  const int n_people = preview.matchable, n_teams = preview.teams, n_now = preview.teams_now;
  const std::string people = format_text(tr_n("%d person", "%d people", n_people), n_people);
  const std::string teams = format_text(tr_n("%d team", "%d teams", n_teams), n_teams);
  const std::string teams_now = format_text(tr_n("%d team", "%d teams", n_now), n_now);
  // TRANSLATORS: "12 people in 3 teams of 4-5 (now 2 teams)": the people, the teams, the smallest
  // and largest team size, and the teams there are now
  ImGui::Bullet();
  ImGui::TextWrapped(tr("%s in %s of %d-%d (now %s)"), people.c_str(), teams.c_str(),
                     preview.smallest, preview.largest, teams_now.c_str());
  const bool changed = !(d == current);
  ImGui::BeginDisabled(!changed);
  if (ImGui::Button(tr("Apply to the event"))) {
    core::EventSettings settings = state.event.settings;
    settings.matching = d;
    m.submit(core::SetSettings{.settings = settings}, tr("Matching settings sent"));
  }
  ImGui::SameLine();
  // TRANSLATORS: button: back to the event's current matching settings
  if (ImGui::Button(tr("Reset"))) d = current;
  ImGui::EndDisabled();
}

}  // namespace crossmatch::client
