// crossmatch: the client for participants, organisers and brokers.
#include <imgui.h>

#include <iostream>

#include "app/client/platform/window.hpp"
#include "app/client/views/taxonomy_view.hpp"
#include "storage/asset_files.hpp"

int main() {
  namespace client = crossmatch::client;
  auto taxonomy = crossmatch::storage::load_taxonomy(crossmatch::storage::default_assets_dir());
  if (!taxonomy) {
    std::cerr << "crossmatch: " << taxonomy.error().message << "\n";
    return 2;
  }
  auto window = client::Window::open({});
  if (!window) {
    std::cerr << "crossmatch: " << window.error().message << "\n";
    return 2;
  }
  (*window)->run([&] {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("crossmatch", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    client::draw_taxonomy_view(*taxonomy);
    ImGui::End();
    return true;
  });
  return 0;
}
