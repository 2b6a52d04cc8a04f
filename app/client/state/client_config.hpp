// What the client remembers between runs, in the user's config folder (XDG): the last hub, the
// participant's token and the window's geometry, as "key=value" lines; and where ImGui keeps its
// layout.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace crossmatch::client {

class ClientConfig {
 public:
  // $XDG_CONFIG_HOME/crossmatch, else $HOME/.config/crossmatch; none when neither is set.
  static std::optional<std::filesystem::path> default_folder();

  // Reads `folder`/client.conf; a missing file is an empty config, a line without '=' is skipped.
  static ClientConfig load(const std::filesystem::path& folder);
  // Writes it back (the folder is created), replacing the file in one rename.
  core::Status save() const;

  std::string get(const std::string& key, const std::string& fallback = "") const;
  int get_int(const std::string& key, int fallback) const;
  void set(const std::string& key, const std::string& value);
  void set_int(const std::string& key, int value) { set(key, std::to_string(value)); }

  const std::filesystem::path& folder() const { return folder_; }
  std::filesystem::path layout_file() const { return folder_ / "layout.ini"; }

 private:
  std::filesystem::path folder_;
  std::map<std::string, std::string> values_;
};

}  // namespace crossmatch::client
