#include "core/json/json_reader.hpp"

#include <cmath>

namespace crossmatch::core::json {

const char* type_name(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "true or false";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      return "a whole number";
    case Json::value_t::number_float:
      return "a number";
    default:
      return "something else";
  }
}

ObjectReader::ObjectReader(const Json& value, std::string path)
    : value_(value), path_(std::move(path)) {
  if (!value_.is_object()) {
    const std::string where = path_.empty() ? "" : path_.substr(0, path_.size() - 1);
    error_ = make_error("invalid_type", where,
                        (where.empty() ? std::string("The message") : where) +
                            " must be a JSON object, not " + type_name(value_) + ".");
  }
}

void ObjectReader::fail(const std::string& key, std::string code, std::string message) {
  if (!error_) error_ = make_error(std::move(code), path(key), std::move(message));
}

bool ObjectReader::has(const std::string& key) const {
  return value_.is_object() && value_.contains(key);
}

const Json* ObjectReader::field(const std::string& key, bool required) {
  if (error_) return nullptr;
  read_.insert(key);
  const auto it = value_.find(key);
  if (it == value_.end()) {
    if (required) fail(key, "missing_field", path(key) + " is missing.");
    return nullptr;
  }
  return &*it;
}

Status ObjectReader::finish() {
  if (error_) return *error_;
  for (const auto& [key, v] : value_.items()) {
    if (!read_.count(key)) {
      fail(key, "unknown_field", path(key) + " is not a field of this message.");
      return *error_;
    }
  }
  return Status::success();
}

void ObjectReader::string(const std::string& key, std::string& out, bool required,
                          std::size_t max_bytes) {
  const Json* v = field(key, required);
  if (v == nullptr) return;
  if (!v->is_string())
    return fail(key, "invalid_type", path(key) + " must be a string, not " + type_name(*v) + ".");
  const auto& s = v->get_ref<const std::string&>();
  if (s.size() > max_bytes)
    return fail(key, "too_long",
                path(key) + " is longer than " + std::to_string(max_bytes) + " bytes.");
  out = s;
}

void ObjectReader::boolean(const std::string& key, bool& out, bool required) {
  const Json* v = field(key, required);
  if (v == nullptr) return;
  if (!v->is_boolean())
    return fail(key, "invalid_type",
                path(key) + " must be true or false, not " + type_name(*v) + ".");
  out = v->get<bool>();
}

void ObjectReader::integer(const std::string& key, std::int64_t& out, std::int64_t min,
                           std::int64_t max, bool required) {
  const Json* v = field(key, required);
  if (v == nullptr) return;
  const auto range = [&] {
    fail(key, "out_of_range",
         path(key) + " must be between " + std::to_string(min) + " and " + std::to_string(max) +
             ".");
  };
  if (v->is_number_unsigned()) {
    const std::uint64_t u = v->get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(max)) return range();
    out = static_cast<std::int64_t>(u);
  } else if (v->is_number_integer()) {
    out = v->get<std::int64_t>();
  } else {
    return fail(key, "invalid_type",
                path(key) + " must be a whole number, not " + type_name(*v) + ".");
  }
  if (out < min || out > max) range();
}

void ObjectReader::number(const std::string& key, double& out, double min, double max,
                          bool required) {
  const Json* v = field(key, required);
  if (v == nullptr) return;
  if (!v->is_number())
    return fail(key, "invalid_type", path(key) + " must be a number, not " + type_name(*v) + ".");
  const double d = v->get<double>();
  if (!std::isfinite(d) || d < min || d > max)
    return fail(key, "out_of_range",
                path(key) + " must be between " + std::to_string(min) + " and " +
                    std::to_string(max) + ".");
  out = d;
}

void ObjectReader::strings(const std::string& key, std::vector<std::string>& out,
                           std::size_t max_items, bool required) {
  const Json* v = array(key, max_items, required);
  if (v == nullptr) return;
  std::vector<std::string> items;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& item = (*v)[i];
    if (!item.is_string())
      return fail(
          key, "invalid_type",
          path(key) + "[" + std::to_string(i) + "] must be a string, not " + type_name(item) + ".");
    items.push_back(item.get<std::string>());
  }
  out = std::move(items);
}

const Json* ObjectReader::array(const std::string& key, std::size_t max_items, bool required) {
  const Json* v = field(key, required);
  if (v == nullptr) return nullptr;
  if (!v->is_array()) {
    fail(key, "invalid_type", path(key) + " must be an array, not " + type_name(*v) + ".");
    return nullptr;
  }
  if (v->size() > max_items) {
    fail(key, "too_many", path(key) + " has more than " + std::to_string(max_items) + " items.");
    return nullptr;
  }
  return v;
}

const Json* ObjectReader::object(const std::string& key, bool required) {
  const Json* v = field(key, required);
  if (v == nullptr) return nullptr;
  if (!v->is_object()) {
    fail(key, "invalid_type", path(key) + " must be an object, not " + type_name(*v) + ".");
    return nullptr;
  }
  return v;
}

}  // namespace crossmatch::core::json
