// Matching settings: the pair-score weights and team sizes, with a preview of what would change
// (recomputed only when the draft changes), and a button that sends them.
#include <imgui.h>

#include <cmath>

#include "app/client/state/matching_preview.hpp"
#include "app/client/views/organiser_views.hpp"

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
  const char* names[5] = {"Sector complementarity", "Working style", "International",
                          "Offers meet seeks", "Market bridge"};
  double* weights[5] = {&d.weights.sector, &d.weights.working_style, &d.weights.international,
                        &d.weights.offers_seeks, &d.weights.market_bridge};
  // Only a moved slider writes back: a float round trip would change every weight a little.
  for (int i = 0; i < 5; ++i) {
    if (ImGui::SliderFloat(names[i], &w[i], 0.0f, 1.0f, "%.2f"))
      *weights[i] = std::round(w[i] * 100.0) / 100.0;
  }
  ImGui::SliderInt("Smallest team", &d.team_min, core::kMinTeamSize, core::kMaxTeamSize);
  ImGui::SliderInt("Largest team", &d.team_max, core::kMinTeamSize, core::kMaxTeamSize);
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
  ImGui::TextUnformatted("Preview");
  ImGui::BulletText("Top three suggestions change for %d of %d people sampled", preview.top_changed,
                    preview.sampled);
  ImGui::BulletText("%d people in %d teams of %d-%d (now %d teams)", preview.matchable,
                    preview.teams, preview.smallest, preview.largest, preview.teams_now);
  const bool changed = !(d == current);
  ImGui::BeginDisabled(!changed);
  if (ImGui::Button("Apply to the event")) {
    core::EventSettings settings = state.event.settings;
    settings.matching = d;
    m.submit(core::SetSettings{.settings = settings}, "Matching settings sent");
  }
  ImGui::SameLine();
  if (ImGui::Button("Reset")) d = current;
  ImGui::EndDisabled();
}

}  // namespace crossmatch::client
