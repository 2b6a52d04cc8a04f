// Dear ImGui without a window or renderer, for testing views: a context with a display size and
// a built font atlas, frames run on demand, text captured through ImGui's logging, and a mouse
// that finds an item by its id (by moving over the screen until ImGui reports it hovered) and
// clicks it, and a keyboard that types.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <functional>
#include <optional>
#include <string>

namespace crossmatch::test {

class HeadlessUi {
 public:
  using Body = std::function<void()>;

  HeadlessUi(float width = 1280, float height = 800) {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width, height);
    io.IniFilename = nullptr;
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~HeadlessUi() { ImGui::DestroyContext(context_); }
  HeadlessUi(const HeadlessUi&) = delete;
  HeadlessUi& operator=(const HeadlessUi&) = delete;

  // One frame drawing `body` in a full-screen window "test"; returns the text it drew.
  std::string frame(const Body& body) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    ImGui::LogToBuffer();
    body();
    std::string text = ImGui::GetCurrentContext()->LogBuffer.c_str();
    ImGui::LogFinish();
    ImGui::End();
    ImGui::Render();
    return text;
  }

  // A frame without the test window (for a root view that makes its own windows).
  void bare_frame(const Body& body) {
    ImGui::NewFrame();
    body();
    ImGui::Render();
  }

  // The id of `label` inside the test window, under the ids of `scope` (e.g. a table's name and
  // a row's PushID): computed the way ImGui computes it.
  static ImGuiID id_of(const std::function<void()>& scope_push, const char* label, int pops) {
    ImGui::NewFrame();
    ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    scope_push();
    const ImGuiID id = ImGui::GetID(label);
    for (int i = 0; i < pops; ++i) ImGui::PopID();
    ImGui::End();
    ImGui::Render();
    return id;
  }

  // The same inside child windows: `enter` begins the children and pushes ids, `leave` pops
  // the ids and ends the children.
  static ImGuiID id_of(const std::function<void()>& enter, const char* label,
                       const std::function<void()>& leave) {
    ImGui::NewFrame();
    ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    enter();
    const ImGuiID id = ImGui::GetID(label);
    leave();
    ImGui::End();
    ImGui::Render();
    return id;
  }

  // Where the mouse hovers the item `id`, scanning the screen; none when it is not drawn.
  std::optional<ImVec2> find(ImGuiID id, const Body& body) {
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    for (float y = 4; y < size.y; y += 7) {
      for (float x = 6; x < size.x; x += 18) {
        ImGui::GetIO().MousePos = ImVec2(x, y);
        frame(body);
        if (ImGui::GetCurrentContext()->HoveredId == id) return ImVec2(x, y);
      }
    }
    return std::nullopt;
  }

  // Finds the item and clicks it (press in one frame, release in the next); false when not found.
  bool click(ImGuiID id, const Body& body) {
    const auto at = find(id, body);
    if (!at) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = *at;
    frame(body);
    io.MouseDown[0] = true;
    frame(body);
    io.MouseDown[0] = false;
    frame(body);
    return true;
  }

  // Types `text` into the focused input, one frame per character, then a frame to settle.
  void type(const std::string& text, const Body& body) {
    for (char c : text) {
      ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(c));
      frame(body);
    }
    frame(body);
  }

  // The key index (io.KeysDown) of ImGui's named `key`, mapped on first use as a backend does;
  // above the indices a backend's own key codes use.
  static int key_index(ImGuiKey key) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.KeyMap[key] < 0) io.KeyMap[key] = 400 + key;
    return io.KeyMap[key];
  }

  // Keyboard navigation on, as the client's window has it, with the keys it needs mapped.
  static void enable_keyboard_navigation() {
    for (ImGuiKey key : {ImGuiKey_Tab, ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow,
                         ImGuiKey_DownArrow, ImGuiKey_Space, ImGuiKey_Enter, ImGuiKey_Escape})
      key_index(key);
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  }

  // Presses the key at `index` in one frame and releases it in the next, with Ctrl held when
  // `ctrl`.
  void press_index(int index, const Body& body, bool ctrl = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeysDown[index] = true;
    frame(body);
    io.KeysDown[index] = false;
    frame(body);
    io.KeyCtrl = false;
  }
  void press(ImGuiKey key, const Body& body) { press_index(key_index(key), body); }

  // Selects everything in the focused input (Ctrl+A) so typing replaces it.
  void select_all(const Body& body) {
    ImGuiIO& io = ImGui::GetIO();
    const int a = io.KeyMap[ImGuiKey_A] >= 0 ? io.KeyMap[ImGuiKey_A] : 'A';
    io.KeyMap[ImGuiKey_A] = a;
    io.KeyCtrl = true;
    io.KeysDown[a] = true;
    frame(body);
    io.KeysDown[a] = false;
    io.KeyCtrl = false;
    frame(body);
  }

 private:
  ImGuiContext* context_;
};

// The id of `label` among the profile form's fields (the table "profile" inside the scrolling
// child "profile-fields"), under the id `inner` when given (a picker's own scope).
inline ImGuiID profile_field(const char* label, const char* inner = nullptr) {
  return HeadlessUi::id_of(
      [&] {
        ImGui::BeginChild("profile-fields", ImVec2(0, 100));
        ImGui::PushOverrideID(ImGui::GetID("profile"));
        if (inner != nullptr) ImGui::PushID(inner);
      },
      label,
      [&] {
        if (inner != nullptr) ImGui::PopID();
        ImGui::PopID();
        ImGui::EndChild();
      });
}

}  // namespace crossmatch::test
