// Reading JSON objects strictly: each field checked for presence and type, unknown fields
// refused, and the first problem reported with the field's path. Only the codec files include
// this header (it brings in nlohmann/json).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace crossmatch::core::json {

using Json = nlohmann::json;

class ObjectReader {
 public:
  // `path` prefixes field names in errors ("profile." gives "profile.email").
  ObjectReader(const Json& value, std::string path);

  bool ok() const { return !error_; }
  const Error& error() const { return *error_; }
  // Fails on the first field that was not read (unknown to this kind of object).
  Status finish();
  void fail(const std::string& key, std::string code, std::string message);
  bool has(const std::string& key) const;
  std::string path(const std::string& key) const { return path_ + key; }

  // Each reads one field; a missing optional field keeps `out` as it was.
  void string(const std::string& key, std::string& out, bool required = true,
              std::size_t max_bytes = 64 * 1024);
  void boolean(const std::string& key, bool& out, bool required = true);
  // Integers in [min, max]; a fractional or huge number is refused.
  void integer(const std::string& key, std::int64_t& out, std::int64_t min, std::int64_t max,
               bool required = true);
  template <class Int>
  void integer_as(const std::string& key, Int& out, std::int64_t min, std::int64_t max,
                  bool required = true) {
    std::int64_t v = static_cast<std::int64_t>(out);
    integer(key, v, min, max, required);
    if (ok()) out = static_cast<Int>(v);
  }
  void number(const std::string& key, double& out, double min, double max, bool required = true);
  void strings(const std::string& key, std::vector<std::string>& out, std::size_t max_items,
               bool required = false);
  // An array field; returns its elements (empty when absent and optional, or on error).
  const Json* array(const std::string& key, std::size_t max_items, bool required = false);
  // A nested object field; nullptr when absent and optional, or on error.
  const Json* object(const std::string& key, bool required = true);

  // An enum through its parse function ("kind": "meetings").
  template <class Enum, class Parse>
  void enumeration(const std::string& key, Enum& out, Parse parse, const char* allowed,
                   bool required = true) {
    std::string text;
    if (!required && !has(key)) return;
    string(key, text, required, 64);
    if (!ok()) return;
    if (!parse(text, out))
      fail(key, "invalid", path(key) + " is '" + text + "'; expected " + allowed + ".");
  }

 private:
  const Json* field(const std::string& key, bool required);
  const Json& value_;
  std::string path_;
  std::set<std::string> read_;
  std::optional<Error> error_;
};

// "a JSON object", "a string", ... for messages.
const char* type_name(const Json& value);

}  // namespace crossmatch::core::json
