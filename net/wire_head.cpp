// The heads of the hub's "op" lines, read without building a JSON tree: the wire protocol's fast
// path for a client that follows every operation without keeping a replica (the load
// generator). The whole decoder (wire_codec.cpp) stays the reference: any line this reader does
// not take as a plain "op" line goes to it, and tests/net/wire_head_test.cpp checks that both
// read the same heads from every kind of operation.
#include <cstring>
#include <optional>

#include "net/messages.hpp"
#include "net/protocol.hpp"

namespace crossmatch::net {
namespace {

constexpr int kMaxDepth = 64;

// Walks JSON text: strings are checked (escapes, no control characters) but not unescaped;
// values that are not wanted are skipped whole.
class Reader {
 public:
  explicit Reader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  bool take(char c) {
    space();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool at_end() {
    space();
    return p_ == end_;
  }

  // A string's text between its quotes, escapes as they are; `escaped` tells whether it has any.
  bool string(std::string_view& out, bool& escaped) {
    if (!take('"')) return false;
    const char* start = p_;
    escaped = false;
    while (p_ != end_) {
      const char c = *p_;
      if (c == '"') {
        out = std::string_view(start, static_cast<std::size_t>(p_ - start));
        ++p_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c == '\\') {
        escaped = true;
        if (++p_ == end_) return false;
        if (*p_ == 'u') {
          for (int i = 0; i < 4; ++i) {
            if (++p_ == end_ || !hex(*p_)) return false;
          }
        } else if (*p_ == '\0' || std::strchr("\"\\/bfnrt", *p_) == nullptr) {
          return false;
        }
      }
      ++p_;
    }
    return false;
  }

  // A whole number without sign, fraction or exponent, at most `max`; on false nothing is read.
  bool whole(std::uint64_t& out, std::uint64_t max) {
    space();
    const char* at = p_;
    std::uint64_t value = 0;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') {
      const auto digit = static_cast<std::uint64_t>(*p_ - '0');
      if (value > (max - digit) / 10) return restore(at);
      value = value * 10 + digit;
      ++p_;
    }
    if (p_ == at || (*at == '0' && p_ - at > 1)) return restore(at);
    if (p_ != end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return restore(at);
    out = value;
    return true;
  }

  bool skip_value(int depth = 0) {
    space();
    if (p_ == end_ || depth > kMaxDepth) return false;
    switch (*p_) {
      case '"': {
        std::string_view text;
        bool escaped = false;
        return string(text, escaped);
      }
      case '{':
        ++p_;
        if (take('}')) return true;
        do {
          std::string_view key;
          bool escaped = false;
          if (!string(key, escaped) || !take(':') || !skip_value(depth + 1)) return false;
        } while (take(','));
        return take('}');
      case '[':
        ++p_;
        if (take(']')) return true;
        do {
          if (!skip_value(depth + 1)) return false;
        } while (take(','));
        return take(']');
      case 't':
        return word("true");
      case 'f':
        return word("false");
      case 'n':
        return word("null");
      default:
        return number();
    }
  }

 private:
  static bool hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
  static bool digit(char c) { return c >= '0' && c <= '9'; }

  void space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool restore(const char* at) {
    p_ = at;
    return false;
  }
  bool word(std::string_view w) {
    if (static_cast<std::size_t>(end_ - p_) < w.size() || std::string_view(p_, w.size()) != w)
      return false;
    p_ += w.size();
    return true;
  }
  // -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
  bool number() {
    if (p_ != end_ && *p_ == '-') ++p_;
    if (p_ == end_ || !digit(*p_)) return false;
    if (*p_ == '0') {
      ++p_;
    } else {
      while (p_ != end_ && digit(*p_)) ++p_;
    }
    if (p_ != end_ && *p_ == '.') {
      ++p_;
      if (p_ == end_ || !digit(*p_)) return false;
      while (p_ != end_ && digit(*p_)) ++p_;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || !digit(*p_)) return false;
      while (p_ != end_ && digit(*p_)) ++p_;
    }
    return true;
  }

  const char* p_;
  const char* end_;
};

// The operation object of an "op" line: its sequence number and kind (both required) and the
// numbers named in AppliedHead; every other field is skipped.
bool read_operation(Reader& r, AppliedHead& head) {
  if (!r.take('{')) return false;
  bool have_seq = false;
  if (r.take('}')) return false;
  do {
    std::string_view key;
    bool escaped = false;
    if (!r.string(key, escaped) || !r.take(':')) return false;
    std::uint64_t number = 0;
    if (key == "seq") {
      if (!r.whole(head.seq, kMaxSequence)) return false;
      have_seq = true;
    } else if (key == "type") {
      std::string_view type;
      if (!r.string(type, escaped) || escaped) return false;
      head.kind = core::operation_index(type);
      if (head.kind < 0) return false;
    } else if ((key == "participant" || key == "from" || key == "to" || key == "meeting") &&
               r.whole(number, UINT32_MAX)) {
      const auto value = static_cast<std::uint32_t>(number);
      if (key == "participant")
        head.participant = value;
      else if (key == "from")
        head.from = value;
      else if (key == "to")
        head.to = value;
      else
        head.meeting = value;
    } else if (!r.skip_value(1)) {
      return false;
    }
  } while (r.take(','));
  return r.take('}') && have_seq && head.kind >= 0;
}

// The head of a plain "op" line; none for any other line or anything unusual in it.
std::optional<AppliedHead> read_op_line(std::string_view line) {
  Reader r(line);
  if (!r.take('{') || r.take('}')) return std::nullopt;
  AppliedHead head;
  bool is_op = false, have_op = false;
  do {
    std::string_view key;
    bool escaped = false;
    if (!r.string(key, escaped) || !r.take(':')) return std::nullopt;
    if (key == "type") {
      std::string_view type;
      if (!r.string(type, escaped)) return std::nullopt;
      is_op = type == "op";
    } else if (key == "op") {
      if (have_op || !read_operation(r, head)) return std::nullopt;
      have_op = true;
    } else if (key == "contacts") {
      if (!r.skip_value()) return std::nullopt;
    } else {
      return std::nullopt;
    }
  } while (r.take(','));
  if (!r.take('}') || !r.at_end() || !is_op || !have_op) return std::nullopt;
  return head;
}

}  // namespace

core::Result<HubMessageHead> parse_hub_message_head(std::string_view line) {
  if (auto head = read_op_line(line)) return HubMessageHead{*head};
  // Every other line, and an "op" line with anything unusual, as the whole decoder reads it.
  auto message = parse_hub_message(line);
  if (!message) return message.error();
  return std::visit(
      [](auto& m) -> HubMessageHead {
        if constexpr (std::is_same_v<std::decay_t<decltype(m)>, Applied>) {
          return head_of(m.op);
        } else {
          return std::move(m);
        }
      },
      *message);
}

AppliedHead head_of(const core::Operation& op) {
  AppliedHead head;
  head.seq = op.sequence;
  head.kind = static_cast<int>(op.payload.index());
  std::visit(
      [&head](const auto& p) {
        using P = std::decay_t<decltype(p)>;
        if constexpr (requires { requires std::is_integral_v<decltype(P::participant)>; })
          head.participant = p.participant;
        if constexpr (requires { requires std::is_integral_v<decltype(P::from)>; })
          head.from = p.from;
        if constexpr (requires { requires std::is_integral_v<decltype(P::to)>; }) head.to = p.to;
        if constexpr (requires { requires std::is_integral_v<decltype(P::meeting)>; })
          head.meeting = p.meeting;
      },
      op.payload);
  return head;
}

}  // namespace crossmatch::net
