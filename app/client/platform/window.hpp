// The client's window: GLFW, an OpenGL 3 context and Dear ImGui with a readable font, scaled to
// the monitor's content scale.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/error.hpp"

struct GLFWwindow;

namespace crossmatch::client {

struct WindowOptions {
  std::string title = "crossmatch";
  int width = 1280;
  int height = 800;
  int x = -1, y = -1;       // where the window was last; -1: let the window manager decide
  std::string layout_file;  // ImGui's layout (ini); empty: none kept
};

struct WindowGeometry {
  int x = 0, y = 0, width = 0, height = 0;
};

class Window {
 public:
  // Fails with a clear message when there is no display or no OpenGL 3.
  static core::Result<std::unique_ptr<Window>> open(const WindowOptions& options);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  // Runs frames until the window is closed or `frame` returns false. `after_render`, when given,
  // is called once a frame is drawn and before it is shown (the moment to read its pixels).
  void run(const std::function<bool()>& frame,
           const std::function<void(int width, int height)>& after_render = {});

  // The frame buffer just drawn, as RGBA rows from the top; saved as a PNG.
  core::Status save_png(const std::string& path, int width, int height) const;

  float content_scale() const { return scale_; }
  bool font_loaded() const { return font_loaded_; }
  WindowGeometry geometry() const;
  // Sets the title the task bar shows (only when it changed).
  void set_title(const std::string& title);

 private:
  Window() = default;
  GLFWwindow* window_ = nullptr;
  float scale_ = 1.0f;
  bool font_loaded_ = false;
  std::string layout_file_;  // ImGui keeps a pointer to it
  std::string title_;
};

}  // namespace crossmatch::client
