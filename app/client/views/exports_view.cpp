// Exports: participants, meetings, teams, policy-clinic tables with their outcomes and pitches as
// CSV, for spreadsheets if chosen; badges, agendas, table signs and the join poster as PDF for
// printing; a folder that does not exist is offered to be created.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/client/views/organiser_views.hpp"
#include "app/client/views/widgets.hpp"

namespace crossmatch::client {

void draw_exports_view(ClientModels& m) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
  if (ImGui::InputText("Folder", &m.exports.chosen_folder())) {
    m.exports.waiting_for_folder.reset();
    m.exports.pdf_waiting_for_folder.reset();
  }
  ImGui::Checkbox("For spreadsheets", &m.exports.spreadsheet);
  ImGui::SameLine();
  ImGui::TextDisabled(
      "UTF-8 with a byte-order mark, so that Excel and others show accented names correctly");
  bool first = true;
  for (const EventExport what : {EventExport::Participants, EventExport::Meetings,
                                 EventExport::Teams, EventExport::Clinics, EventExport::Pitches}) {
    if (!first) ImGui::SameLine();
    first = false;
    if (ImGui::Button(label(what))) {
      auto saved = m.exports.save(m.session.state(), what);
      // A missing folder is asked about below rather than reported as a failure.
      if (saved || !m.exports.waiting_for_folder) m.report_saved(saved, "Saved");
    }
  }
  if (const auto what = m.exports.waiting_for_folder) {
    ImGui::Spacing();
    ImGui::TextColored(error_colour(), "The folder %s does not exist.",
                       m.exports.chosen_folder().c_str());
    if (ImGui::Button("Create the folder and save")) {
      m.report_saved(m.exports.create_folder_and_save(m.session.state()), "Saved");
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel##folder")) m.exports.waiting_for_folder.reset();
    ImGui::SameLine();
    ImGui::TextDisabled("then saves %s", label(*what));
  }

  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextUnformatted("For printing at the venue (PDF)");
  ImGui::TextDisabled(
      "Badges with a QR code, each participant's agenda, a sign for every table, and the poster "
      "with the join code");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Paper");
  for (const print::Paper paper : {print::Paper::A4, print::Paper::Letter}) {
    ImGui::SameLine();
    if (ImGui::RadioButton(paper == print::Paper::A4 ? "A4" : "Letter", m.exports.paper == paper))
      m.exports.paper = paper;
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  ImGui::InputText("Hub address on the poster", &m.exports.chosen_poster_address(m.session));
  const std::string& address = m.exports.poster_address;
  if (address.rfind("127.", 0) == 0 || address.rfind("localhost", 0) == 0 ||
      address.rfind("[::1]", 0) == 0) {
    ImGui::SameLine();
    ImGui::TextColored(error_colour(),
                       "reaches this computer only: type the address people's devices use");
  }
  first = true;
  for (const print::PrintKind what : print::kPrintKinds) {
    if (!first) ImGui::SameLine();
    first = false;
    if (ImGui::Button(print::label(what))) {
      auto saved = m.exports.save_pdf(m.session, what);
      if (saved || !m.exports.pdf_waiting_for_folder) m.report_saved(saved, "Saved");
    }
  }
  if (const auto what = m.exports.pdf_waiting_for_folder) {
    ImGui::Spacing();
    ImGui::TextColored(error_colour(), "The folder %s does not exist.",
                       m.exports.chosen_folder().c_str());
    if (ImGui::Button("Create the folder and save##pdf")) {
      m.report_saved(m.exports.create_folder_and_save_pdf(m.session), "Saved");
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel##pdf-folder")) m.exports.pdf_waiting_for_folder.reset();
    ImGui::SameLine();
    ImGui::TextDisabled("then saves %s", print::label(*what));
  }
  ImGui::Spacing();
  ImGui::TextDisabled("Files are written whole or not at all; an existing file is replaced.");
}

}  // namespace crossmatch::client
