// Where newcomers registered from: per network address, how many, and removing everyone from
// one address after a confirmation that names them.
#include <imgui.h>

#include "app/client/state/registration_sources.hpp"
#include "app/client/views/organiser_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {

void draw_registration_sources(ClientModels& m) {
  const auto rows = registrations_by_address(m.session.state(), m.session.registered_from());
  const std::string heading = format_text(
      // TRANSLATORS: a heading; %zu is how many network addresses people registered from
      tr("Registrations by network address (%zu)"), rows.size());
  if (!ImGui::CollapsingHeader(labelled(heading.c_str(), "registration-sources").c_str())) return;
  if (rows.empty()) {
    ImGui::TextDisabled("%s", tr("No newcomer has registered through this hub since it started."));
    return;
  }
  ImGui::TextWrapped(
      "%s", tr("Many registrations from one address can be a flood of fake accounts, or a venue "
               "network that puts many people behind one address: check the names before "
               "removing them."));
  if (ImGui::BeginTable("registration-sources", 3,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    // TRANSLATORS: column header: a network address
    ImGui::TableSetupColumn(tr("Address"));
    ImGui::TableSetupColumn(tr("People registered"));
    ImGui::TableSetupColumn("");
    ImGui::TableHeadersRow();
    for (const AddressRegistrations& row : rows) {
      ImGui::PushID(row.address.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.address.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%zu", row.people.size());
      ImGui::TableNextColumn();
      if (ImGui::SmallButton(tr("Remove them..."))) {
        if (auto plan =
                plan_address_removal(m.session.state(), m.session.registered_from(), row.address))
          m.ask(std::move(*plan));
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
}

}  // namespace crossmatch::client
