// The join screen: the hub's address, the event's join code for newcomers, and a token (masked
// unless shown) with the hub's pin for everyone who has one; the reason when joining fails.
#include "app/client/views/join_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <optional>

#include "app/client/views/widgets.hpp"

namespace crossmatch::client {

void draw_join_view(JoinForm& join, ClientSession& session, ClientConfig* config) {
  const float width = ImGui::GetFontSize() * 26;
  ImGui::SetCursorPos(
      ImVec2((ImGui::GetWindowWidth() - width) * 0.5f, ImGui::GetWindowHeight() * 0.25f));
  ImGui::BeginGroup();
  ImGui::TextUnformatted(tr("Join an event"));
  ImGui::TextDisabled("%s", tr("crossmatch: meet partners across sectors, cities and countries"));
  ImGui::Spacing();
  ImGui::PushItemWidth(width * 0.7f);
  // TRANSLATORS: the form of a hub's address, in its empty field: "192.168.1.20:7420"
  const char* hub_hint = tr("HOST:PORT");
  // TRANSLATORS: the address of the event's hub (its server)
  input_with_hint(tr("Hub"), hub_hint, join.hub);
  const bool waiting = join.waiting(session);
  std::optional<Credential> by;

  // A newcomer joins with the code; someone who has been here signs in with their token. When
  // this app remembers a token, signing in again comes first, so that a returning person does
  // not register a second time with the code still in its field.
  const bool returning = join.remembered_token && !join.token.empty();
  const auto code_part = [&] {
    ImGui::Spacing();
    ImGui::TextUnformatted(returning
                               ? tr("Someone new on this computer? Type the event's join code:")
                               : tr("New here? Type the event's join code:"));
    if (input_with_hint(tr("Join code"), tr("the code the organiser gave you"), join.code,
                        ImGuiInputTextFlags_EnterReturnsTrue))
      by = Credential::Code;
    ImGui::BeginDisabled(waiting);
    if (ImGui::Button(tr("Join with code"))) by = Credential::Code;
    ImGui::EndDisabled();
  };
  const auto token_part = [&] {
    ImGui::Spacing();
    ImGui::TextUnformatted(returning
                               ? tr("Welcome back: sign in as before.")
                               : tr("Been here before, or the organiser or a broker? Your token:"));
    const ImGuiInputTextFlags masked = join.show_token ? 0 : ImGuiInputTextFlags_Password;
    // TRANSLATORS: the secret a person signs in with, given when they first joined
    if (input_with_hint(tr("Token"), tr("your token"), join.token,
                        masked | ImGuiInputTextFlags_EnterReturnsTrue))
      by = Credential::Token;
    ImGui::SameLine();
    // TRANSLATORS: a check box that shows the token instead of dots
    ImGui::Checkbox(format_text("%s##token", tr("Show")).c_str(), &join.show_token);
    // The pin is asked for only until this app has met the hub at this address.
    const bool pin_known = config != nullptr && !config->get(JoinForm::pin_key(join.hub)).empty();
    if (!join.insecure && !pin_known) {
      // TRANSLATORS: the short fingerprint of the hub's certificate, "ABCD-EFGH-JKLM"
      if (input_with_hint(tr("Pin"), tr("the hub's pin, on a first visit"), join.pin,
                          ImGuiInputTextFlags_EnterReturnsTrue))
        by = Credential::Token;
    }
    ImGui::BeginDisabled(waiting);
    if (ImGui::Button(returning ? tr("Sign in") : tr("Sign in with token"))) by = Credential::Token;
    ImGui::EndDisabled();
  };
  if (returning) {
    token_part();
    code_part();
  } else {
    code_part();
    token_part();
  }
  ImGui::PopItemWidth();
  if (join.insecure)
    ImGui::TextDisabled("%s",
                        tr("without TLS (--insecure): what you send can be read on the network"));
  if (by && !waiting) join.join(*by, session, config);
  if (waiting)
    ImGui::TextDisabled("%s", session.opening_kept_event()
                                  ? tr("opening the event kept on this computer...")
                                  : tr("connecting..."));
  const std::string message = join.message(session);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  field_message(message);
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

}  // namespace crossmatch::client
