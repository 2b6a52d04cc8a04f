#include "storage/column_codec.hpp"

#include <nlohmann/json.hpp>

#include <charconv>

#include "core/event/calendar.hpp"

namespace crossmatch::storage::detail {
namespace {

// A small strict reader of arrays of integers, nested one level at most: faster than a general
// JSON parser on the hundred thousand rows a large event loads.
class IntArrayReader {
 public:
  explicit IntArrayReader(std::string_view text) : text_(text) {}
  bool expect(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool integer(long long& value) {
    const char* first = text_.data() + pos_;
    const auto [ptr, ec] = std::from_chars(first, text_.data() + text_.size(), value);
    if (ec != std::errc() || ptr == first) return false;
    pos_ += static_cast<std::size_t>(ptr - first);
    return true;
  }
  bool done() const { return pos_ == text_.size(); }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string encode_strings(const std::vector<std::string>& items) {
  return nlohmann::json(items).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
}

bool decode_strings(std::string_view text, std::vector<std::string>& out) {
  out.clear();
  if (text == "[]") return true;
  const auto value = nlohmann::json::parse(text, nullptr, false);
  if (!value.is_array()) return false;
  out.reserve(value.size());
  for (const auto& item : value) {
    if (!item.is_string()) return false;
    out.push_back(item.get<std::string>());
  }
  return true;
}

std::string encode_slots(const std::vector<core::SlotRef>& slots) {
  std::string out = "[";
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (i) out += ',';
    out += '[' + std::to_string(slots[i].session) + ',' + std::to_string(slots[i].index) + ']';
  }
  return out + ']';
}

bool decode_slots(std::string_view text, std::vector<core::SlotRef>& out) {
  out.clear();
  IntArrayReader r(text);
  if (!r.expect('[')) return false;
  if (r.expect(']')) return r.done();
  do {
    long long session = 0, index = 0;
    if (!r.expect('[') || !r.integer(session) || !r.expect(',') || !r.integer(index) || !r.expect(']'))
      return false;
    if (session < 0 || session > UINT32_MAX || index < 0 || index > INT32_MAX) return false;
    out.push_back(core::SlotRef{static_cast<core::SessionId>(session), static_cast<int>(index)});
  } while (r.expect(','));
  return r.expect(']') && r.done();
}

std::string encode_ints(const std::vector<int>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(values[i]);
  }
  return out + ']';
}

bool decode_ints(std::string_view text, std::vector<int>& out) {
  out.clear();
  IntArrayReader r(text);
  if (!r.expect('[')) return false;
  if (r.expect(']')) return r.done();
  do {
    long long v = 0;
    if (!r.integer(v) || v < INT32_MIN || v > INT32_MAX) return false;
    out.push_back(static_cast<int>(v));
  } while (r.expect(','));
  return r.expect(']') && r.done();
}

std::string encode_breaks(const std::vector<core::TimeRange>& breaks) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& b : breaks)
    out.push_back({core::format_time_of_day(b.start), core::format_time_of_day(b.end)});
  return out.dump();
}

bool decode_breaks(std::string_view text, std::vector<core::TimeRange>& out) {
  out.clear();
  const auto value = nlohmann::json::parse(text, nullptr, false);
  if (!value.is_array()) return false;
  for (const auto& item : value) {
    if (!item.is_array() || item.size() != 2 || !item[0].is_string() || !item[1].is_string())
      return false;
    core::TimeRange range;
    if (!core::parse_time_of_day(item[0].get<std::string>(), range.start) ||
        !core::parse_time_of_day(item[1].get<std::string>(), range.end))
      return false;
    out.push_back(range);
  }
  return true;
}

}  // namespace crossmatch::storage::detail
