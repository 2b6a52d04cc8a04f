#include "core/event/operation_json_writer.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "core/event/event_state.hpp"

namespace crossmatch::core::detail {
namespace {

// Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF), the
// same text the general codec accepts. Returns the length of the sequence at `i`, or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  const auto tail = [&](std::size_t k, unsigned char lo, unsigned char hi) {
    return i + k < s.size() && byte(i + k) >= lo && byte(i + k) <= hi;
  };
  if (c >= 0xC2 && c <= 0xDF) return tail(1, 0x80, 0xBF) ? 2 : 0;
  if (c == 0xE0) return tail(1, 0xA0, 0xBF) && tail(2, 0x80, 0xBF) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
    return tail(1, 0x80, 0xBF) && tail(2, 0x80, 0xBF) ? 3 : 0;
  if (c == 0xED) return tail(1, 0x80, 0x9F) && tail(2, 0x80, 0xBF) ? 3 : 0;
  if (c == 0xF0) return tail(1, 0x90, 0xBF) && tail(2, 0x80, 0xBF) && tail(3, 0x80, 0xBF) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3)
    return tail(1, 0x80, 0xBF) && tail(2, 0x80, 0xBF) && tail(3, 0x80, 0xBF) ? 4 : 0;
  if (c == 0xF4) return tail(1, 0x80, 0x8F) && tail(2, 0x80, 0xBF) && tail(3, 0x80, 0xBF) ? 4 : 0;
  return 0;
}

void append_number(std::string& out, std::int64_t value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

// The values of one object's fields, rendered one after another into `text`; written out in
// the order of their keys (bytewise), as the general codec's objects keep them.
class Fields {
 public:
  Fields() { text_.reserve(256); }
  void number(std::string_view key, std::int64_t value) {
    begin(key);
    append_number(text_, value);
    finish();
  }
  void boolean(std::string_view key, bool value) {
    begin(key);
    text_ += value ? "true" : "false";
    finish();
  }
  bool string(std::string_view key, std::string_view value) {
    begin(key);
    const bool ok = quote(value, text_);
    finish();
    return ok;
  }
  // A value written by `write(text)`: a nested object or array, or a plain name in quotes.
  template <class Write>
  void value(std::string_view key, Write write) {
    begin(key);
    write(text_);
    finish();
  }
  void name(std::string_view key, const char* plain) {
    begin(key);
    text_ += '"';
    text_ += plain;
    text_ += '"';
    finish();
  }

  void write(std::string& out) const {
    out.reserve(out.size() + text_.size() + 16 * count_);
    std::array<std::size_t, kMax> order{};
    for (std::size_t i = 0; i < count_; ++i) order[i] = i;
    // Insertion sort: a dozen keys at most.
    for (std::size_t i = 1; i < count_; ++i) {
      for (std::size_t j = i; j > 0 && key(order[j]) < key(order[j - 1]); --j)
        std::swap(order[j], order[j - 1]);
    }
    out += '{';
    for (std::size_t i = 0; i < count_; ++i) {
      if (i > 0) out += ',';
      const Field& f = fields_[order[i]];
      out += '"';
      out += f.key;  // keys are plain ASCII names
      out += "\":";
      out.append(text_, f.begin, f.end - f.begin);
    }
    out += '}';
  }

  static bool quote(std::string_view s, std::string& out) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) {
        const std::size_t n = utf8_length(s, i);
        if (n == 0) return false;
        out.append(s.data() + i, n);
        i += n;
        continue;
      }
      switch (c) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          if (c < 0x20) {
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
    }
    out += '"';
    return true;
  }

 private:
  static constexpr std::size_t kMax = 16;
  struct Field {
    std::string_view key;
    std::size_t begin = 0, end = 0;
  };
  std::string_view key(std::size_t i) const { return fields_[i].key; }
  void begin(std::string_view key) {
    fields_[count_].key = key;
    fields_[count_].begin = text_.size();
  }
  void finish() { fields_[count_++].end = text_.size(); }

  std::array<Field, kMax> fields_{};
  std::size_t count_ = 0;
  std::string text_;
};

// Small objects of fixed fields, written with their keys already in order.
void append_slot(std::string& out, const SlotRef& s) {
  out += "{\"index\":";
  append_number(out, s.index);
  out += ",\"session\":";
  append_number(out, s.session);
  out += '}';
}

void append_placement(std::string& out, const Placement& p) {
  out += "{\"index\":";
  append_number(out, p.slot.index);
  out += ",\"session\":";
  append_number(out, p.slot.session);
  out += ",\"table\":";
  append_number(out, p.table);
  out += '}';
}

void append_slots(std::string& out, const std::vector<SlotRef>& slots) {
  out += '[';
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (i > 0) out += ',';
    append_slot(out, slots[i]);
  }
  out += ']';
}

void append_actor(std::string& out, const Actor& actor) {
  out += '{';
  if (actor.participant != 0) {
    out += "\"participant\":";
    append_number(out, actor.participant);
    out += ',';
  }
  out += "\"role\":\"";
  out += to_string(actor.role);  // a plain name
  out += "\"}";
}

// The operation's own fields, for the kinds written directly; false for a kind left to the
// general codec (the catch-all below) or a text that is not valid UTF-8.
template <class Kind>
bool payload_fields(const Kind&, Fields&) {
  return false;
}
bool payload_fields(const RequestMeeting& p, Fields& f) {
  f.number("meeting", p.meeting);
  f.number("from", p.from);
  f.number("to", p.to);
  f.value("preferred", [&](std::string& out) { append_slots(out, p.preferred); });
  return f.string("message", p.message);
}
bool payload_fields(const Introduce& p, Fields& f) {
  f.number("meeting", p.meeting);
  f.number("first", p.first);
  f.number("second", p.second);
  f.value("preferred", [&](std::string& out) { append_slots(out, p.preferred); });
  return f.string("note", p.note);
}
bool payload_fields(const AcceptMeeting& p, Fields& f) {
  f.number("meeting", p.meeting);
  if (p.slot) f.value("slot", [&](std::string& out) { append_slot(out, *p.slot); });
  if (p.placement)
    f.value("placement", [&](std::string& out) { append_placement(out, *p.placement); });
  return true;
}
bool meeting_and_reason(MeetingId meeting, const std::string& reason, Fields& f) {
  f.number("meeting", meeting);
  return f.string("reason", reason);
}
bool payload_fields(const DeclineMeeting& p, Fields& f) {
  return meeting_and_reason(p.meeting, p.reason, f);
}
bool payload_fields(const CancelMeeting& p, Fields& f) {
  return meeting_and_reason(p.meeting, p.reason, f);
}
bool payload_fields(const WithdrawIntroduction& p, Fields& f) {
  f.number("meeting", p.meeting);
  f.number("first", p.first);
  f.number("second", p.second);
  return f.string("reason", p.reason);
}
bool payload_fields(const ProposeSlot& p, Fields& f) {
  f.number("meeting", p.meeting);
  f.value("slot", [&](std::string& out) { append_slot(out, p.slot); });
  return true;
}
bool payload_fields(const GiveFeedback& p, Fields& f) {
  f.number("meeting", p.meeting);
  f.number("rating", p.rating);
  f.name("held", to_string(p.held));
  return f.string("comment", p.comment);
}
bool payload_fields(const MarkInterested& p, Fields& f) {
  f.number("session", p.session);
  f.number("pitcher", p.pitcher);
  f.boolean("interested", p.interested);
  return true;
}
bool payload_fields(const ReopenPitch& p, Fields& f) {
  f.number("session", p.session);
  f.number("pitcher", p.pitcher);
  return true;
}
bool payload_fields(const ControlPitch& p, Fields& f) {
  f.number("session", p.session);
  f.name("action", to_string(p.action));
  return true;
}
bool payload_fields(const Withdraw& p, Fields& f) {
  f.number("participant", p.participant);
  return true;
}
bool payload_fields(const Erase& p, Fields& f) {
  f.number("participant", p.participant);
  return true;
}
bool payload_fields(const SetRegistration& p, Fields& f) {
  f.boolean("open", p.open);
  return true;
}

}  // namespace

bool write_operation_json(const Operation& op, std::string& out) {
  Fields f;
  if (!std::visit([&](const auto& p) { return payload_fields(p, f); }, op.payload)) return false;
  if (!f.string("id", op.id)) return false;
  f.name("type", operation_type(op.payload));
  f.value("actor", [&](std::string& out) { append_actor(out, op.actor); });
  f.number("at", op.at);
  if (op.sequence != 0) {
    // The general codec writes the unsigned sequence in full.
    if (op.sequence > static_cast<std::uint64_t>(INT64_MAX)) return false;
    f.number("seq", static_cast<std::int64_t>(op.sequence));
  }
  f.write(out);
  return true;
}

}  // namespace crossmatch::core::detail
