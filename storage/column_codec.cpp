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

namespace {

void append_utf8(std::string& out, std::uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool hex4(std::string_view text, std::size_t& pos, std::uint32_t& value) {
  if (pos + 4 > text.size()) return false;
  value = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = text[pos++];
    value <<= 4;
    if (c >= '0' && c <= '9')
      value |= static_cast<std::uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f')
      value |= static_cast<std::uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      value |= static_cast<std::uint32_t>(c - 'A' + 10);
    else
      return false;
  }
  return true;
}

// One JSON string starting at text[pos] == '"'; pos ends after its closing quote.
bool json_string(std::string_view text, std::size_t& pos, std::string& out) {
  if (pos >= text.size() || text[pos] != '"') return false;
  ++pos;
  while (pos < text.size()) {
    const char c = text[pos++];
    if (c == '"') return true;
    if (static_cast<unsigned char>(c) < 0x20) return false;
    if (c != '\\') {
      out += c;
      continue;
    }
    if (pos >= text.size()) return false;
    switch (text[pos++]) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '/':
        out += '/';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        std::uint32_t c1 = 0;
        if (!hex4(text, pos, c1)) return false;
        if (c1 >= 0xD800 && c1 < 0xDC00) {
          std::uint32_t c2 = 0;
          if (pos + 2 > text.size() || text[pos] != '\\' || text[pos + 1] != 'u') return false;
          pos += 2;
          if (!hex4(text, pos, c2) || c2 < 0xDC00 || c2 >= 0xE000) return false;
          c1 = 0x10000 + ((c1 - 0xD800) << 10) + (c2 - 0xDC00);
        } else if (c1 >= 0xDC00 && c1 < 0xE000) {
          return false;
        }
        append_utf8(out, c1);
        break;
      }
      default:
        return false;
    }
  }
  return false;
}

}  // namespace

bool decode_strings(std::string_view text, std::vector<std::string>& out) {
  // What encode_strings() writes: a compact array of strings. Hand-read: a large event loads
  // five such columns for each of its participants.
  out.clear();
  std::size_t pos = 0;
  if (text.empty() || text[pos++] != '[') return false;
  if (pos < text.size() && text[pos] == ']') return pos + 1 == text.size();
  while (true) {
    out.emplace_back();
    if (!json_string(text, pos, out.back())) return false;
    if (pos >= text.size()) return false;
    if (text[pos] == ']') return pos + 1 == text.size();
    if (text[pos++] != ',') return false;
  }
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
    if (!r.expect('[') || !r.integer(session) || !r.expect(',') || !r.integer(index) ||
        !r.expect(']'))
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

std::string encode_ids(const std::vector<std::uint32_t>& ids) {
  std::string out = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(ids[i]);
  }
  return out + ']';
}

bool decode_ids(std::string_view text, std::vector<std::uint32_t>& out) {
  out.clear();
  IntArrayReader r(text);
  if (!r.expect('[')) return false;
  if (r.expect(']')) return r.done();
  do {
    long long v = 0;
    if (!r.integer(v) || v < 0 || v > UINT32_MAX) return false;
    out.push_back(static_cast<std::uint32_t>(v));
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
