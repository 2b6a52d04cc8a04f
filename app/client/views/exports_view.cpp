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
  // TRANSLATORS: the folder the exports are written to
  if (ImGui::InputText(tr("Folder"), &m.exports.chosen_folder())) {
    m.exports.waiting_for_folder.reset();
    m.exports.pdf_waiting_for_folder.reset();
  }
  ImGui::Checkbox(tr("For spreadsheets"), &m.exports.spreadsheet);
  ImGui::SameLine();
  note(tr("UTF-8 with a byte-order mark, so that Excel and others show accented names correctly"));
  bool first = true;
  for (const EventExport what : {EventExport::Participants, EventExport::Meetings,
                                 EventExport::Teams, EventExport::Clinics, EventExport::Pitches}) {
    if (!first) same_line_if_fits(label(what));
    first = false;
    if (ImGui::Button(label(what))) {
      auto saved = m.exports.save(m.session.state(), what);
      // A missing folder is asked about below rather than reported as a failure.
      // TRANSLATORS: %s is the file written: "Saved /home/ana/meetings.csv"
      if (saved || !m.exports.waiting_for_folder) m.report_saved(saved, tr("Saved %s"));
    }
  }
  if (const auto what = m.exports.waiting_for_folder) {
    ImGui::Spacing();
    ImGui::TextColored(error_colour(), tr("The folder %s does not exist."),
                       m.exports.chosen_folder().c_str());
    if (ImGui::Button(tr("Create the folder and save"))) {
      m.report_saved(m.exports.create_folder_and_save(m.session.state()), tr("Saved %s"));
    }
    ImGui::SameLine();
    if (ImGui::Button(format_text("%s##folder", tr("Cancel")).c_str()))
      m.exports.waiting_for_folder.reset();
    ImGui::SameLine();
    // TRANSLATORS: %s is what is exported, "Meetings (CSV)"
    ImGui::TextDisabled(tr("then saves %s"), label(*what));
  }

  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextUnformatted(tr("For printing at the venue (PDF)"));
  note(
      tr("Badges with a QR code, each participant's agenda, a sign for every "
         "table, and the poster with the join code"));
  ImGui::AlignTextToFramePadding();
  // TRANSLATORS: the paper size the PDF files are made for (A4 or Letter)
  ImGui::TextUnformatted(tr("Paper"));
  for (const print::Paper paper : {print::Paper::A4, print::Paper::Letter}) {
    ImGui::SameLine();
    // "A4" is the same in every language; "Letter" is the North American paper size.
    const char* name = paper == print::Paper::A4 ? "A4" : tr_ctx("paper size", "Letter");
    if (ImGui::RadioButton(name, m.exports.paper == paper)) m.exports.paper = paper;
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  ImGui::InputText(tr("Hub address on the poster"), &m.exports.chosen_poster_address(m.session));
  const std::string& address = m.exports.poster_address;
  if (address.rfind("127.", 0) == 0 || address.rfind("localhost", 0) == 0 ||
      address.rfind("[::1]", 0) == 0) {
    ImGui::SameLine();
    ImGui::TextColored(error_colour(), "%s",
                       // TRANSLATORS: said of the hub address typed (127.0.0.1 or localhost)
                       tr("reaches this computer only: type the address people's devices use"));
  }
  first = true;
  for (const print::PrintKind what : print::kPrintKinds) {
    if (!first) same_line_if_fits(print::label(what));
    first = false;
    if (ImGui::Button(print::label(what))) {
      auto saved = m.exports.save_pdf(m.session, what);
      if (saved || !m.exports.pdf_waiting_for_folder) m.report_saved(saved, tr("Saved %s"));
    }
  }
  if (const auto what = m.exports.pdf_waiting_for_folder) {
    ImGui::Spacing();
    ImGui::TextColored(error_colour(), tr("The folder %s does not exist."),
                       m.exports.chosen_folder().c_str());
    if (ImGui::Button(format_text("%s##pdf", tr("Create the folder and save")).c_str())) {
      m.report_saved(m.exports.create_folder_and_save_pdf(m.session), tr("Saved %s"));
    }
    ImGui::SameLine();
    if (ImGui::Button(format_text("%s##pdf-folder", tr("Cancel")).c_str()))
      m.exports.pdf_waiting_for_folder.reset();
    ImGui::SameLine();
    ImGui::TextDisabled(tr("then saves %s"), print::label(*what));
  }
  ImGui::Spacing();
  note(tr("Files are written whole or not at all; an existing file is replaced."));
}

}  // namespace crossmatch::client
