// At the foot of a participant's profile: erasing their data from the event, which asks first
// and says what is forgotten.
#include <imgui.h>

#include "app/client/state/erase_consequences.hpp"
#include "app/client/views/participant_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {

void draw_erase_panel(ClientModels& m) {
  if (m.session.role() != core::Role::Participant || m.session.my_record() == nullptr ||
      !m.session.my_record()->active())
    return;
  ImGui::Spacing();
  ImGui::Separator();
  note(tr("Leaving for good: your profile, requests and meetings are removed."));
  same_line_if_fits(tr("Erase my data..."));
  if (ImGui::Button(tr("Erase my data..."))) m.ask(erase_confirmation(m.session, m.session.me()));
}

}  // namespace crossmatch::client
