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
};

class Window {
 public:
  // Fails with a clear message when there is no display or no OpenGL 3.
  static core::Result<std::unique_ptr<Window>> open(const WindowOptions& options);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  // Runs frames until the window is closed or `frame` returns false.
  void run(const std::function<bool()>& frame);

  float content_scale() const { return scale_; }

 private:
  Window() = default;
  GLFWwindow* window_ = nullptr;
  float scale_ = 1.0f;
};

}  // namespace crossmatch::client
