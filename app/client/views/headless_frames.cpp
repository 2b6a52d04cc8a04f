#include "app/client/views/headless_frames.hpp"

#include <imgui.h>

namespace crossmatch::client {

HeadlessFrames::HeadlessFrames(float width, float height) : context_(ImGui::CreateContext()) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(width, height);
  io.IniFilename = nullptr;
  io.DeltaTime = 1.0f / 60.0f;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
}

HeadlessFrames::~HeadlessFrames() {
  ImGui::DestroyContext(static_cast<ImGuiContext*>(context_));
}

void HeadlessFrames::frame(const std::function<void()>& body) {
  ImGui::SetCurrentContext(static_cast<ImGuiContext*>(context_));
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("frame", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
  body();
  ImGui::End();
  ImGui::Render();
}

}  // namespace crossmatch::client
