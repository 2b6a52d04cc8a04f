// Frames of the client's views without a window or renderer (benchmarks and tools): an ImGui
// context with a display size and a built font atlas, and one full-screen frame at a time.
#pragma once

#include <functional>

namespace crossmatch::client {

class HeadlessFrames {
 public:
  HeadlessFrames(float width, float height);
  ~HeadlessFrames();
  HeadlessFrames(const HeadlessFrames&) = delete;
  HeadlessFrames& operator=(const HeadlessFrames&) = delete;

  // One frame drawing `body` inside a full-screen window, up to ImGui's draw lists.
  void frame(const std::function<void()>& body);

 private:
  void* context_;  // ImGuiContext, kept out of this header
};

}  // namespace crossmatch::client
