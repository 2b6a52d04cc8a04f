#include "app/client/state/client_config.hpp"

#include <cstdlib>
#include <fstream>

namespace crossmatch::client {

std::optional<std::filesystem::path> ClientConfig::default_folder() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && xdg[0] == '/') {
    return std::filesystem::path(xdg) / "crossmatch";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && home[0] != '\0') {
    return std::filesystem::path(home) / ".config" / "crossmatch";
  }
  return std::nullopt;
}

ClientConfig ClientConfig::load(const std::filesystem::path& folder) {
  ClientConfig config;
  config.folder_ = folder;
  std::ifstream in(folder / "client.conf");
  std::string line;
  while (std::getline(in, line)) {
    const auto eq = line.find('=');
    if (eq == std::string::npos || line[0] == '#') continue;
    config.values_[line.substr(0, eq)] = line.substr(eq + 1);
  }
  return config;
}

core::Status ClientConfig::save() const {
  std::error_code ec;
  std::filesystem::create_directories(folder_, ec);
  if (ec) {
    return core::make_error("config_unwritable", folder_.string(),
                            "Cannot create " + folder_.string() + ": " + ec.message());
  }
  const auto file = folder_ / "client.conf";
  const auto temporary = folder_ / "client.conf.new";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << "# crossmatch client settings\n";
    for (const auto& [key, value] : values_) out << key << '=' << value << '\n';
    if (!out) {
      return core::make_error("config_unwritable", temporary.string(),
                              "Cannot write " + temporary.string());
    }
  }
  std::filesystem::rename(temporary, file, ec);
  if (ec)
    return core::make_error("config_unwritable", file.string(),
                            "Cannot replace " + file.string() + ": " + ec.message());
  return core::Status::success();
}

std::string ClientConfig::get(const std::string& key, const std::string& fallback) const {
  const auto it = values_.find(key);
  return it == values_.end() ? fallback : it->second;
}

int ClientConfig::get_int(const std::string& key, int fallback) const {
  const auto it = values_.find(key);
  if (it == values_.end()) return fallback;
  char* end = nullptr;
  const long v = std::strtol(it->second.c_str(), &end, 10);
  return end != nullptr && *end == '\0' && !it->second.empty() && v > -100000 && v < 100000
             ? static_cast<int>(v)
             : fallback;
}

void ClientConfig::set(const std::string& key, const std::string& value) {
  std::string clean;
  for (char c : value) {
    if (c != '\n' && c != '\r') clean += c;
  }
  values_[key] = clean;
}

}  // namespace crossmatch::client
