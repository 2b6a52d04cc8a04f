#include "app/client/platform/window.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace crossmatch::client {
namespace {

std::string g_glfw_error;

void on_glfw_error(int code, const char* description) {
  g_glfw_error = "GLFW error " + std::to_string(code) + ": " + description;
}

// A readable UI font from Debian's font packages, or ImGui's own with a log line.
void load_font(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  const char* candidates[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                              "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                              "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"};
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F, 0x2190, 0x21FF,
                                    0x25A0, 0x25FF, 0};
  for (const char* path : candidates) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) continue;
    if (io.Fonts->AddFontFromFileTTF(path, 16.0f * scale, nullptr, kRanges) != nullptr) return;
  }
  std::fprintf(stderr, "crossmatch: no TrueType UI font found (install fonts-dejavu-core); "
                       "using ImGui's built-in font\n");
  ImFontConfig config;
  config.SizePixels = 13.0f * scale;
  io.Fonts->AddFontDefault(&config);
}

}  // namespace

core::Result<std::unique_ptr<Window>> Window::open(const WindowOptions& options) {
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    return core::make_error("no_display", "",
                            "cannot open a window: " +
                                (g_glfw_error.empty() ? std::string("no display") : g_glfw_error) +
                                " (is DISPLAY set?)");
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  std::unique_ptr<Window> w(new Window());
  w->window_ = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
  if (w->window_ == nullptr) {
    const std::string reason = g_glfw_error;
    glfwTerminate();
    return core::make_error("no_opengl", "", "cannot create an OpenGL 3 window: " + reason);
  }
  glfwMakeContextCurrent(w->window_);
  glfwSwapInterval(1);
  float xscale = 1.0f, yscale = 1.0f;
  glfwGetWindowContentScale(w->window_, &xscale, &yscale);
  w->scale_ = xscale > 0.5f && xscale < 4.0f ? xscale : 1.0f;

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::StyleColorsLight();
  ImGui::GetStyle().ScaleAllSizes(w->scale_);
  load_font(w->scale_);
  ImGui_ImplGlfw_InitForOpenGL(w->window_, true);
  ImGui_ImplOpenGL3_Init("#version 130");
  return w;
}

Window::~Window() {
  if (window_ == nullptr) return;
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

void Window::run(const std::function<bool()>& frame) {
  while (!glfwWindowShouldClose(window_)) {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    const bool keep_going = frame();
    ImGui::Render();
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.94f, 0.94f, 0.94f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window_);
    if (!keep_going) break;
  }
}

}  // namespace crossmatch::client
