#include "app/client/platform/window.hpp"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <stb_image_write.h>

#include <cmath>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "app/client/views/theme.hpp"
#include "app/client/views/ui_font.hpp"

namespace crossmatch::client {
namespace {

std::string g_glfw_error;

void on_glfw_error(int code, const char* description) {
  g_glfw_error = "GLFW error " + std::to_string(code) + ": " + description;
}

float usable_scale(float scale) {
  return scale > 0.5f && scale < 4.0f ? scale : 1.0f;
}

// A readable UI font from Debian's font packages, or ImGui's own with a log line.
bool load_font(float scale) {
  if (add_ui_font(*ImGui::GetIO().Fonts, 16.0f * scale)) return true;
  std::fprintf(stderr,
               "crossmatch: no TrueType UI font found (install fonts-dejavu-core); "
               "using ImGui's built-in font\n");
  return false;
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
  GLFWmonitor* monitor = options.full_screen ? glfwGetPrimaryMonitor() : nullptr;
  const GLFWvidmode* mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
  if (mode == nullptr) monitor = nullptr;  // no monitor to fill: a window of the usual size
  w->window_ = glfwCreateWindow(mode != nullptr ? mode->width : options.width,
                                mode != nullptr ? mode->height : options.height,
                                options.title.c_str(), monitor, nullptr);
  if (w->window_ == nullptr) {
    const std::string reason = g_glfw_error;
    glfwTerminate();
    return core::make_error("no_opengl", "", "cannot create an OpenGL 3 window: " + reason);
  }
  if (monitor == nullptr && options.x >= 0 && options.y >= 0)
    glfwSetWindowPos(w->window_, options.x, options.y);
  glfwMakeContextCurrent(w->window_);
  glfwSwapInterval(1);
  float xscale = 1.0f, yscale = 1.0f;
  glfwGetWindowContentScale(w->window_, &xscale, &yscale);
  w->scale_ = usable_scale(xscale);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  // Every control reachable with the keyboard: arrows move, Space or Enter acts, Alt reaches the
  // menu bar, Escape leaves a popup.
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  w->layout_file_ = options.layout_file;
  io.IniFilename = w->layout_file_.empty() ? nullptr : w->layout_file_.c_str();
  ImGui_ImplGlfw_InitForOpenGL(w->window_, true);
  ImGui_ImplOpenGL3_Init("#version 130");
  // After ImGui's own callbacks, so that Ctrl+wheel zooms instead of scrolling; the rest goes on
  // to ImGui. A move to a monitor with another content scale rebuilds the font.
  glfwSetWindowUserPointer(w->window_, w.get());
  glfwSetScrollCallback(w->window_, on_scroll);
  glfwSetKeyCallback(w->window_, on_key);
  glfwSetWindowContentScaleCallback(w->window_, on_content_scale);
  w->refresh_appearance();
  return w;
}

void Window::on_content_scale(GLFWwindow* window, float xscale, float /*yscale*/) {
  auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window));
  if (self == nullptr) return;
  self->scale_ = usable_scale(xscale);
  self->stale_ = true;
}

void Window::on_scroll(GLFWwindow* window, double xoffset, double yoffset) {
  auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window));
  const bool ctrl = glfwGetKey(window, GLFW_KEY_LEFT_CONTROL) == GLFW_PRESS ||
                    glfwGetKey(window, GLFW_KEY_RIGHT_CONTROL) == GLFW_PRESS;
  if (self != nullptr && ctrl) {
    self->zoom_wheel_ += yoffset;
    return;
  }
  ImGui_ImplGlfw_ScrollCallback(window, xoffset, yoffset);
}

void Window::on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
  auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window));
  if (self != nullptr) {
    auto& pressed = self->pressed_since_frame_;
    if (action == GLFW_PRESS) {
      pressed.push_back(key);
    } else if (action == GLFW_RELEASE &&
               std::find(pressed.begin(), pressed.end(), key) != pressed.end()) {
      self->late_releases_.push_back(KeyRelease{key, scancode, mods});
      return;
    }
  }
  ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

void Window::release_late_keys() {
  pressed_since_frame_.clear();
  std::vector<KeyRelease> releases;
  releases.swap(late_releases_);
  for (const KeyRelease& r : releases)
    ImGui_ImplGlfw_KeyCallback(window_, r.key, r.scancode, GLFW_RELEASE, r.mods);
}

void Window::use_appearance(const Appearance& appearance) {
  if (appearance.theme() == theme_ && appearance.zoom() == zoom_) return;
  theme_ = appearance.theme();
  zoom_ = appearance.zoom();
  stale_ = true;
}

int Window::take_zoom_notches() {
  // A touchpad sends fractions of a notch: whole notches are taken, the rest kept.
  const double whole = std::trunc(zoom_wheel_);
  zoom_wheel_ -= whole;
  return static_cast<int>(whole);
}

void Window::refresh_appearance() {
  if (!stale_) return;
  stale_ = false;
  const float scale = scale_ * zoom_;
  ImGui::GetStyle() = themed_style(theme_, scale);
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  font_loaded_ = load_font(scale);
  // The backend makes the font texture on its first frame; later, it is made again here.
  if (fonts_built_) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
}

Window::~Window() {
  if (window_ == nullptr) return;
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

WindowGeometry Window::geometry() const {
  WindowGeometry g;
  glfwGetWindowPos(window_, &g.x, &g.y);
  glfwGetWindowSize(window_, &g.width, &g.height);
  return g;
}

void Window::set_title(const std::string& title) {
  if (title == title_) return;
  title_ = title;
  glfwSetWindowTitle(window_, title_.c_str());
}

core::Status Window::save_png(const std::string& path, int width, int height) const {
  if (width <= 0 || height <= 0)
    return core::make_error("empty_window", path, "The window has no pixels to save.");
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) *
                                    static_cast<std::size_t>(height) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // OpenGL's rows start at the bottom; PNG's at the top.
  const std::size_t stride = static_cast<std::size_t>(width) * 4;
  std::vector<unsigned char> flipped(pixels.size());
  for (int row = 0; row < height; ++row) {
    std::copy_n(pixels.data() + static_cast<std::size_t>(height - 1 - row) * stride, stride,
                flipped.data() + static_cast<std::size_t>(row) * stride);
  }
  if (stbi_write_png(path.c_str(), width, height, 4, flipped.data(), static_cast<int>(stride)) ==
      0) {
    return core::make_error("screenshot_unwritable", path,
                            "Cannot write the screenshot to " + path + ".");
  }
  return core::Status::success();
}

void Window::run(const std::function<bool()>& frame,
                 const std::function<void(int, int)>& after_render) {
  while (!glfwWindowShouldClose(window_)) {
    glfwPollEvents();
    refresh_appearance();
    ImGui_ImplOpenGL3_NewFrame();
    fonts_built_ = true;
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    const bool keep_going = frame();
    ImGui::Render();
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (after_render) after_render(width, height);
    glfwSwapBuffers(window_);
    release_late_keys();
    if (!keep_going) break;
  }
}

}  // namespace crossmatch::client
