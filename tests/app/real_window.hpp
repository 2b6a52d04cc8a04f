// The real client program in a virtual X display, driven as a person drives it: the mouse moved
// and clicked and keys typed through the X server (xdotool), never by calling the client's code.
// Where to click is read from the file the client keeps with --layout-dump (the text on screen and
// its rectangles); waits poll that file until what is expected shows, within a time limit.
#pragma once

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/e2e/hub_process.hpp"

namespace crossmatch::test {

// Whether the programs this needs are installed.
inline bool have_xvfb_and_xdotool() {
  return run_command("command -v xvfb-run && command -v Xvfb && command -v xdotool").first == 0;
}

// One X server (xvfb-run) for the life of the object, `width` x `height` pixels.
class VirtualDisplay {
 public:
  VirtualDisplay(const std::filesystem::path& dir, int width, int height) {
    const auto where = dir / "display";
    // The inner shell says where the server is and who may use it, then waits to be ended.
    pid_ = spawn_logged(
        {"xvfb-run", "-a", "-s",
         "-screen 0 " + std::to_string(width) + "x" + std::to_string(height) + "x24", "sh", "-c",
         "printf '%s\\n%s\\n%s\\n' \"$DISPLAY\" \"$XAUTHORITY\" $$ > " + where.string() +
             ".partial && mv " + where.string() + ".partial " + where.string() +
             " && exec sleep 600"},
        dir / "xvfb.log");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!std::filesystem::exists(where)) {
      REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline, "Xvfb did not start");
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::ifstream in(where);
    std::getline(in, display_);
    std::getline(in, authority_);
    in >> waiter_;
    REQUIRE(!display_.empty());
  }
  ~VirtualDisplay() {
    if (waiter_ > 0) ::kill(waiter_, SIGTERM);  // xvfb-run then stops the server and cleans up
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  VirtualDisplay(const VirtualDisplay&) = delete;
  VirtualDisplay& operator=(const VirtualDisplay&) = delete;

  // The environment a program needs to use this display, as `env` arguments.
  std::vector<std::string> environment() const {
    return {"DISPLAY=" + display_, "XAUTHORITY=" + authority_};
  }
  // Runs an xdotool command line on this display; its exit status and output.
  std::pair<int, std::string> try_xdotool(const std::string& arguments) const {
    return run_command("DISPLAY=" + display_ + " XAUTHORITY=" + authority_ + " xdotool " +
                       arguments);
  }
  // The same, failing the test unless it succeeds.
  std::string xdotool(const std::string& arguments) const {
    const auto [status, output] = try_xdotool(arguments);
    REQUIRE_MESSAGE(status == 0, "xdotool " << arguments << ": " << output);
    return output;
  }

 private:
  pid_t pid_ = -1;
  pid_t waiter_ = -1;
  std::string display_, authority_;
};

// A run of text on screen, in the window's pixels.
struct Spot {
  int x = 0, y = 0, width = 0, height = 0;
  std::string text;
  int centre_x() const { return x + width / 2; }
  int centre_y() const { return y + height / 2; }
};

// One client window: build/bin/crossmatch with its own config folder, at (x, 0).
class RealWindow {
 public:
  RealWindow(const VirtualDisplay& display, const std::filesystem::path& dir,
             const std::string& name, int x, std::vector<std::string> flags)
      : display_(display), layout_(dir / (name + ".layout")) {
    const auto config = dir / name;
    std::filesystem::create_directories(config);
    std::ofstream(config / "client.conf")
        << "window_x=" << x << "\nwindow_y=0\nwindow_width=1280\nwindow_height=800\n";
    std::vector<std::string> args{"env"};
    for (const std::string& e : display.environment()) args.push_back(e);
    // The system's X and OpenGL libraries keep allocations until exit (see screenshot_test).
    const char* asan = std::getenv("ASAN_OPTIONS");
    args.push_back(std::string("ASAN_OPTIONS=") + (asan ? std::string(asan) + ":" : "") +
                   "detect_leaks=0");
    args.push_back(std::string(CROSSMATCH_BINARY_DIR) + "/bin/crossmatch");
    for (const std::string& f :
         {std::string("--config"), config.string(), std::string("--layout-dump"), layout_.string()})
      args.push_back(f);
    args.insert(args.end(), flags.begin(), flags.end());
    pid_ = spawn_logged(args, dir / (name + ".log"));
    wait_until([&] { return std::filesystem::exists(layout_); }, "the window to open", 30);
    // The window is found by its process; it is focused before keys are sent to it.
    wait_until(
        [&] {
          const auto [status, out] =
              display.try_xdotool("search --onlyvisible --pid " + std::to_string(pid_));
          if (status != 0 || out.empty()) return false;
          window_ = out.substr(0, out.find('\n'));
          return true;
        },
        "the window to be mapped", 30);
  }
  ~RealWindow() { close(); }
  RealWindow(const RealWindow&) = delete;
  RealWindow& operator=(const RealWindow&) = delete;

  void close() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  // Waits for the program to end by itself (a --screenshot run); its exit status.
  int wait_exit(int seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    int status = 0;
    while (::waitpid(pid_, &status, WNOHANG) != pid_) {
      if (std::chrono::steady_clock::now() >= deadline)
        FAIL("the program did not end; the window shows:\n" << layout());
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  // What the window shows now: the screen's name, then "x y width height text" lines.
  std::string layout() const {
    std::ifstream in(layout_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::string screen() const {
    const std::string text = layout();
    return text.rfind("screen ", 0) == 0 ? text.substr(7, text.find('\n') - 7) : "";
  }
  // The first run that reads `text` (or ends in it, when drawn right after other text) whose top
  // is at `below` or lower.
  std::optional<Spot> find(const std::string& text, int below = 0) const {
    std::istringstream lines(layout());
    std::string line;
    std::getline(lines, line);  // the screen
    while (std::getline(lines, line)) {
      Spot s;
      std::istringstream fields(line);
      fields >> s.x >> s.y >> s.width >> s.height;
      fields.get();
      std::getline(fields, s.text);
      if (s.y < below) continue;
      if (s.text == text) return s;
      if (s.text.size() > text.size() + 1 &&
          s.text.compare(s.text.size() - text.size() - 1, std::string::npos, " " + text) == 0) {
        // Only the end is the text: its share of the run's width, from the right.
        const int w =
            static_cast<int>(static_cast<double>(s.width) * static_cast<double>(text.size()) /
                             static_cast<double>(s.text.size()));
        return Spot{s.x + s.width - w, s.y, w, s.height, text};
      }
    }
    return std::nullopt;
  }
  bool shows(const std::string& text, int below = 0) const { return find(text, below).has_value(); }
  // The first run that starts at `x` (within a pixel) and lies lower than `y`: the first row of
  // a column under its header.
  std::optional<Spot> first_under(int x, int y) const {
    std::istringstream lines(layout());
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
      Spot s;
      std::istringstream fields(line);
      fields >> s.x >> s.y >> s.width >> s.height;
      fields.get();
      std::getline(fields, s.text);
      if (s.y > y && s.x >= x - 1 && s.x <= x + 1) return s;
    }
    return std::nullopt;
  }
  // The first run that holds `text` anywhere in it.
  std::optional<Spot> find_part(const std::string& text, int below = 0) const {
    std::istringstream lines(layout());
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
      Spot s;
      std::istringstream fields(line);
      fields >> s.x >> s.y >> s.width >> s.height;
      fields.get();
      std::getline(fields, s.text);
      if (s.y >= below && s.text.find(text) != std::string::npos) return s;
    }
    return std::nullopt;
  }
  Spot wait_for_part(const std::string& text, int below = 0, int seconds = 20) const {
    std::optional<Spot> spot;
    wait_until([&] { return (spot = find_part(text, below)).has_value(); }, "'" + text + "'",
               seconds);
    return *spot;
  }
  // Waits until `text` shows; where it is.
  Spot wait_for(const std::string& text, int below = 0, int seconds = 20) const {
    std::optional<Spot> spot;
    wait_until([&] { return (spot = find(text, below)).has_value(); }, "'" + text + "'", seconds);
    return *spot;
  }
  template <class Done>
  void wait_until(Done done, const std::string& what, int seconds = 20) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (!done()) {
      if (std::chrono::steady_clock::now() >= deadline)
        FAIL("timed out waiting for " << what << "; the window shows:\n" << layout());
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  // A click as a person makes it: move, rest, press, release (ImGui reads the mouse per frame).
  void click_at(int x, int y) const {
    display_.xdotool("windowfocus --sync " + window_ + " mousemove --window " + window_ + " " +
                     std::to_string(x) + " " + std::to_string(y) +
                     " sleep 0.3 mousedown 1 sleep 0.15 mouseup 1 sleep 0.2");
  }
  void move_mouse(int x, int y) const {
    display_.xdotool("mousemove --window " + window_ + " " + std::to_string(x) + " " +
                     std::to_string(y) + " sleep 0.2");
  }
  void click(const std::string& text, int below = 0) const {
    const Spot s = wait_for(text, below);
    click_at(s.centre_x(), s.centre_y());
  }
  // Clicks a tab and waits until its screen is drawn.
  void open_tab(const std::string& label, const std::string& screen_name) const {
    click(label);
    wait_until([&] { return screen() == screen_name; }, "the screen " + screen_name);
  }
  // The input whose label ImGui draws on its right.
  void click_input_left_of(const std::string& label, int below = 0) const {
    const Spot s = wait_for(label, below);
    click_at(s.x - 60, s.centre_y());
  }
  // The input right of a label drawn before it.
  void click_input_right_of(const std::string& label, int below = 0) const {
    const Spot s = wait_for(label, below);
    click_at(s.x + s.width + 40, s.centre_y());
  }
  // Replaces what the focused input holds with `text`.
  void replace_text(const std::string& text) const {
    key("ctrl+a");
    type(text);
  }
  void type(const std::string& text) const {
    display_.xdotool("windowfocus --sync " + window_ + " type --delay 25 '" + text + "'");
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
  }
  // A key held for a few frames (ImGui samples the keys once a frame).
  void key(const std::string& name) const {
    display_.xdotool("windowfocus --sync " + window_ + " keydown " + name + " sleep 0.1 keyup " +
                     name + " sleep 0.1");
  }
  // Scrolls the mouse wheel over (x, y) by `notches` (down when positive).
  void scroll(int x, int y, int notches) const {
    std::string line = "mousemove --window " + window_ + " " + std::to_string(x) + " " +
                       std::to_string(y) + " sleep 0.2";
    for (int i = 0; i < (notches < 0 ? -notches : notches); ++i)
      line += notches > 0 ? " click 5 sleep 0.05" : " click 4 sleep 0.05";
    display_.xdotool(line + " sleep 0.2");
  }

 private:
  const VirtualDisplay& display_;
  std::filesystem::path layout_;
  pid_t pid_ = -1;
  std::string window_;
};

}  // namespace crossmatch::test
