// The client's window: GLFW, an OpenGL 3 context and Dear ImGui with a readable font, scaled to
// the monitor's content scale times the person's zoom, in their theme; keyboard navigation on.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/client/state/appearance.hpp"
#include "core/error.hpp"

struct GLFWwindow;

namespace crossmatch::client {

struct WindowOptions {
  std::string title = "crossmatch";
  int width = 1280;
  int height = 800;
  int x = -1, y = -1;        // where the window was last; -1: let the window manager decide
  std::string layout_file;   // ImGui's layout (ini); empty: none kept
  bool full_screen = false;  // the whole primary monitor (the big screen on a projector)
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

  // The theme and zoom to show from the next frame on: the font is rebuilt at the new size (crisp
  // text, not a stretched texture) and the style's sizes scaled with it.
  void use_appearance(const Appearance& appearance);
  // Ctrl+wheel notches since the last call (positive: zoom in); the wheel does not scroll then.
  int take_zoom_notches();

  float content_scale() const { return scale_; }
  bool font_loaded() const { return font_loaded_; }
  WindowGeometry geometry() const;
  // Sets the title the task bar shows (only when it changed).
  void set_title(const std::string& title);

 private:
  Window() = default;
  // Rebuilds the font and the style when the theme, zoom or content scale changed.
  void refresh_appearance();
  static void on_content_scale(GLFWwindow* window, float xscale, float yscale);
  static void on_scroll(GLFWwindow* window, double xoffset, double yoffset);
  // Dear ImGui 1.86 sees keys as held or not at each frame: a key pressed and released between
  // two frames (a barcode scanner's Enter, typed right after the code) would never be seen. Such
  // a release is handed on after the frame that saw the key down.
  static void on_key(GLFWwindow* window, int key, int scancode, int action, int mods);
  void release_late_keys();

  struct KeyRelease {
    int key = 0, scancode = 0, mods = 0;
  };
  std::vector<int> pressed_since_frame_;
  std::vector<KeyRelease> late_releases_;

  GLFWwindow* window_ = nullptr;
  float scale_ = 1.0f;  // the monitor's content scale
  Theme theme_ = Theme::Light;
  float zoom_ = 1.0f;
  bool stale_ = true;  // the font and style do not match scale_, theme_ and zoom_ yet
  bool fonts_built_ = false;
  double zoom_wheel_ = 0;
  bool font_loaded_ = false;
  std::string layout_file_;  // ImGui keeps a pointer to it
  std::string title_;
};

}  // namespace crossmatch::client
