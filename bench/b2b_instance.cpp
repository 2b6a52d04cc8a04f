#include "bench/b2b_instance.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>

namespace crossmatch::bench {

namespace {

using core::Error;
using core::make_error;
using core::Result;

constexpr std::size_t kMaxFileBytes = 64u << 20;
constexpr long long kMaxCount = 100'000;

// A MiniZinc data value: a number, a set of numbers, an array, or a 2-d array literal [| |].
struct Value {
  enum class Kind { number, set, array, rows } kind = Kind::number;
  long long number = 0;
  std::vector<long long> members;
  std::vector<Value> items;
  std::vector<std::vector<Value>> rows;
};

class DznReader {
 public:
  explicit DznReader(std::string_view text) : text_(text) {}

  Result<std::map<std::string, Value>> statements() {
    std::map<std::string, Value> out;
    for (;;) {
      skip_space();
      if (pos_ >= text_.size()) return out;
      const std::string name = identifier();
      if (name.empty()) return fail("a name (like nBusiness) at the start of a statement");
      skip_space();
      if (!eat('=')) return fail("'=' after " + name);
      auto value = parse_value(0);
      if (!value) return value.error();
      skip_space();
      if (!eat(';')) return fail("';' after the value of " + name);
      if (out.count(name)) {
        return make_error("duplicate", name, name + " is given twice (line " + line() + ").");
      }
      out.emplace(name, std::move(*value));
    }
  }

 private:
  Error fail(const std::string& expected) const {
    std::string found = "the end";
    if (pos_ < text_.size()) {
      found = "'";
      found.push_back(text_[pos_]);
      found.push_back('\'');
    }
    return make_error("syntax", "line " + line(),
                      "Line " + line() + ": expected " + expected + ", found " + found + ".");
  }

  std::string line() const {
    std::size_t lines = 1;
    for (std::size_t i = 0; i < pos_ && i < text_.size(); ++i) lines += text_[i] == '\n';
    return std::to_string(lines);
  }

  void skip_space() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '%') {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        ++pos_;
      } else {
        return;
      }
    }
  }

  bool peek(char c) {
    skip_space();
    return pos_ < text_.size() && text_[pos_] == c;
  }

  bool eat(char c) {
    if (!peek(c)) return false;
    ++pos_;
    return true;
  }

  std::string identifier() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) {
      ++pos_;
    }
    if (start == pos_ || std::isdigit(static_cast<unsigned char>(text_[start]))) {
      pos_ = start;
      return {};
    }
    return std::string(text_.substr(start, pos_ - start));
  }

  Result<long long> integer() {
    skip_space();
    const std::size_t start = pos_;
    if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
    std::size_t digits = 0;
    long long value = 0;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      if (++digits > 12) return fail("a number of at most 12 digits");
      value = value * 10 + (text_[pos_] - '0');
      ++pos_;
    }
    if (digits == 0) {
      pos_ = start;
      return fail("a number");
    }
    return text_[start] == '-' ? -value : value;
  }

  // a..b as a set, after the first number was read
  Result<Value> maybe_range(long long first) {
    Value v;
    if (pos_ + 1 < text_.size() && text_[pos_] == '.' && text_[pos_ + 1] == '.') {
      pos_ += 2;
      auto last = integer();
      if (!last) return last.error();
      if (*last - first > kMaxCount) return fail("a shorter range");
      v.kind = Value::Kind::set;
      for (long long x = first; x <= *last; ++x) v.members.push_back(x);
      return v;
    }
    v.number = first;
    return v;
  }

  Result<Value> parse_value(int depth) {
    if (depth > 8) return fail("less deeply nested values");
    skip_space();
    Value v;
    if (eat('{')) {
      v.kind = Value::Kind::set;
      while (!eat('}')) {
        auto x = integer();
        if (!x) return x.error();
        auto element = maybe_range(*x);
        if (!element) return element.error();
        if (element->kind == Value::Kind::set) {
          v.members.insert(v.members.end(), element->members.begin(), element->members.end());
        } else {
          v.members.push_back(*x);
        }
        if (!eat(',') && !peek('}')) return fail("',' or '}' in a set");
      }
      return v;
    }
    if (eat('[')) {
      if (eat('|')) return parse_rows(depth);
      v.kind = Value::Kind::array;
      while (!eat(']')) {
        auto item = parse_value(depth + 1);
        if (!item) return item.error();
        v.items.push_back(std::move(*item));
        if (!eat(',') && !peek(']')) return fail("',' or ']' in an array");
      }
      return v;
    }
    if (pos_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[pos_]))) {
      // array2d(1..n, 1..3, [...]) and the like: keep the arguments as an array.
      const std::string call = identifier();
      if (!eat('(')) return fail("'(' after " + call);
      v.kind = Value::Kind::array;
      while (!eat(')')) {
        auto item = parse_value(depth + 1);
        if (!item) return item.error();
        v.items.push_back(std::move(*item));
        if (!eat(',') && !peek(')')) return fail("',' or ')' in " + call + "(...)");
      }
      return v;
    }
    auto x = integer();
    if (!x) return x.error();
    return maybe_range(*x);
  }

  Result<Value> parse_rows(int depth) {
    Value v;
    v.kind = Value::Kind::rows;
    std::vector<Value> row;
    for (;;) {
      if (eat('|')) {
        if (!row.empty()) v.rows.push_back(std::move(row));
        row.clear();
        if (eat(']')) return v;
        continue;
      }
      if (eat(']')) return fail("'|]' to close the 2-d array");
      auto item = parse_value(depth + 1);
      if (!item) return item.error();
      row.push_back(std::move(*item));
      if (!eat(',') && !peek('|')) return fail("',' or '|' in a 2-d array");
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

Result<int> count_field(const std::map<std::string, Value>& values, const std::string& name,
                        long long min) {
  const auto it = values.find(name);
  if (it == values.end()) return make_error("missing", name, name + " is missing.");
  if (it->second.kind != Value::Kind::number) {
    return make_error("not_a_number", name, name + " must be a single number.");
  }
  const long long n = it->second.number;
  if (n < min || n > kMaxCount) {
    return make_error("out_of_range", name,
                      name + " is " + std::to_string(n) + "; it must be between " +
                          std::to_string(min) + " and " + std::to_string(kMaxCount) + ".");
  }
  return static_cast<int>(n);
}

// The flat numbers of `requested`: a [| |] literal, or array2d(.., .., [...]), or a flat array.
Result<std::vector<std::vector<long long>>> request_rows(const Value& value) {
  std::vector<std::vector<long long>> rows;
  const auto number_of = [](const Value& v) -> Result<long long> {
    if (v.kind != Value::Kind::number) {
      return make_error("not_a_number", "requested", "requested must hold numbers only.");
    }
    return v.number;
  };
  if (value.kind == Value::Kind::rows) {
    for (const auto& row : value.rows) {
      rows.emplace_back();
      for (const auto& v : row) {
        auto x = number_of(v);
        if (!x) return x.error();
        rows.back().push_back(*x);
      }
    }
    return rows;
  }
  const Value* flat = &value;
  if (value.kind == Value::Kind::array && !value.items.empty() &&
      value.items.back().kind == Value::Kind::array) {
    flat = &value.items.back();  // array2d(rows, cols, [...])
  }
  if (flat->kind != Value::Kind::array || flat->items.size() % 3 != 0) {
    return make_error("bad_shape", "requested",
                      "requested must be rows of three numbers: business, business, code.");
  }
  for (std::size_t i = 0; i < flat->items.size(); i += 3) {
    rows.emplace_back();
    for (std::size_t j = i; j < i + 3; ++j) {
      auto x = number_of(flat->items[j]);
      if (!x) return x.error();
      rows.back().push_back(*x);
    }
  }
  return rows;
}

}  // namespace

Result<B2bInstance> parse_b2b_dzn(std::string_view text, std::string name) {
  DznReader reader(text);
  auto parsed = reader.statements();
  if (!parsed) return parsed.error();
  const auto& values = *parsed;

  B2bInstance instance;
  instance.name = std::move(name);
  auto businesses = count_field(values, "nBusiness", 1);
  if (!businesses) return businesses.error();
  auto meetings = count_field(values, "nMeetings", 0);
  if (!meetings) return meetings.error();
  auto tables = count_field(values, "nTables", 1);
  if (!tables) return tables.error();
  auto slots = count_field(values, "nTotalSlots", 1);
  if (!slots) return slots.error();
  if (*slots > core::scheduling::kMaxSlotsPerDay) {
    return make_error("out_of_range", "nTotalSlots",
                      "nTotalSlots is " + std::to_string(*slots) + "; at most " +
                          std::to_string(core::scheduling::kMaxSlotsPerDay) + " are supported.");
  }
  auto morning = count_field(values, "nMorningSlots", 0);
  if (!morning) return morning.error();
  if (*morning > *slots) {
    return make_error("out_of_range", "nMorningSlots",
                      "nMorningSlots (" + std::to_string(*morning) +
                          ") is larger than nTotalSlots (" + std::to_string(*slots) + ").");
  }
  instance.businesses = *businesses;
  instance.tables = *tables;
  instance.slots = *slots;
  instance.morning_slots = *morning;

  const auto requested = values.find("requested");
  if (requested == values.end()) return make_error("missing", "requested", "requested is missing.");
  auto rows = request_rows(requested->second);
  if (!rows) return rows.error();
  if (rows->size() != static_cast<std::size_t>(*meetings)) {
    return make_error("count_mismatch", "requested",
                      "requested has " + std::to_string(rows->size()) + " rows but nMeetings is " +
                          std::to_string(*meetings) + ".");
  }
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto& row = (*rows)[i];
    const std::string field = "requested[" + std::to_string(i + 1) + "]";
    if (row.size() != 3) {
      return make_error("bad_shape", field,
                        field + " has " + std::to_string(row.size()) +
                            " numbers; expected business, business, code.");
    }
    for (int k = 0; k < 2; ++k) {
      if (row[static_cast<std::size_t>(k)] < 1 || row[static_cast<std::size_t>(k)] > *businesses) {
        return make_error("out_of_range", field,
                          field + " names business " +
                              std::to_string(row[static_cast<std::size_t>(k)]) +
                              "; businesses are 1.." + std::to_string(*businesses) + ".");
      }
    }
    if (row[0] == row[1]) {
      return make_error("self_meeting", field,
                        field + " asks business " + std::to_string(row[0]) + " to meet itself.");
    }
    if (row[2] < 1 || row[2] > 3) {
      return make_error("out_of_range", field,
                        field + " has code " + std::to_string(row[2]) +
                            "; codes are 1 (morning), 2 (afternoon), 3 (any time).");
    }
    instance.requested.push_back(
        {static_cast<int>(row[0]), static_cast<int>(row[1]), static_cast<int>(row[2])});
  }

  instance.forbidden.assign(static_cast<std::size_t>(*businesses), {});
  const auto forbidden = values.find("forbidden");
  if (forbidden != values.end()) {
    const auto& list = forbidden->second;
    if (list.kind != Value::Kind::array ||
        list.items.size() != static_cast<std::size_t>(*businesses)) {
      return make_error("count_mismatch", "forbidden",
                        "forbidden must be an array of one set per business (" +
                            std::to_string(*businesses) + ").");
    }
    for (std::size_t b = 0; b < list.items.size(); ++b) {
      const auto& set = list.items[b];
      const std::string field = "forbidden[" + std::to_string(b + 1) + "]";
      if (set.kind != Value::Kind::set) {
        return make_error("not_a_set", field, field + " must be a set like {0,17}.");
      }
      for (const long long s : set.members) {
        if (s == 0) continue;  // filler
        if (s < 0 || s > *slots) {
          return make_error("out_of_range", field,
                            field + " holds slot " + std::to_string(s) + "; slots are 1.." +
                                std::to_string(*slots) + ".");
        }
        instance.forbidden[b].push_back(static_cast<int>(s));
      }
    }
  }

  const auto fixed = values.find("fixed");
  if (fixed != values.end()) {
    const auto& list = fixed->second;
    if (list.kind != Value::Kind::array || list.items.size() != instance.requested.size()) {
      return make_error("count_mismatch", "fixed",
                        "fixed must be an array of one slot (or 0) per meeting (" +
                            std::to_string(instance.requested.size()) + ").");
    }
    bool any = false;
    std::vector<int> slots_of;
    for (std::size_t m = 0; m < list.items.size(); ++m) {
      const auto& item = list.items[m];
      const std::string field = "fixed[" + std::to_string(m + 1) + "]";
      if (item.kind != Value::Kind::number || item.number < 0 || item.number > *slots) {
        return make_error("out_of_range", field,
                          field + " must be 0 (free) or a slot 1.." + std::to_string(*slots) + ".");
      }
      slots_of.push_back(static_cast<int>(item.number));
      any = any || item.number != 0;
    }
    if (any) instance.fixed = std::move(slots_of);
  }

  const auto precedences = values.find("precedences");
  if (precedences != values.end()) {
    const auto& list = precedences->second;
    const auto meetings_count = static_cast<long long>(instance.requested.size());
    if (list.kind != Value::Kind::array ||
        list.items.size() != static_cast<std::size_t>(meetings_count)) {
      return make_error("count_mismatch", "precedences",
                        "precedences must be an array of one set per meeting (" +
                            std::to_string(meetings_count) + ").");
    }
    bool any = false;
    std::vector<std::vector<int>> earlier(list.items.size());
    for (std::size_t m = 0; m < list.items.size(); ++m) {
      const auto& set = list.items[m];
      const std::string field = "precedences[" + std::to_string(m + 1) + "]";
      if (set.kind != Value::Kind::set) {
        return make_error("not_a_set", field, field + " must be a set of meetings like {3,7}.");
      }
      for (const long long other : set.members) {
        if (other < 1 || other > meetings_count || other == static_cast<long long>(m + 1)) {
          return make_error("out_of_range", field,
                            field + " holds meeting " + std::to_string(other) +
                                "; meetings are 1.." + std::to_string(meetings_count) +
                                ", other than itself.");
        }
        if (std::find(earlier[m].begin(), earlier[m].end(), other) != earlier[m].end()) continue;
        earlier[m].push_back(static_cast<int>(other));
        any = true;
      }
    }
    if (any) instance.precedences = std::move(earlier);
  }
  return instance;
}

Result<B2bInstance> read_b2b_dzn(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("unreadable", "--dzn", "Cannot open " + path + ".");
  std::ostringstream text;
  text << in.rdbuf();
  const std::string content = text.str();
  if (content.size() > kMaxFileBytes) {
    return make_error("too_large", "--dzn", path + " is larger than 64 MiB.");
  }
  std::string name = path.substr(path.find_last_of('/') + 1);
  for (const char* suffix : {".original.dzn", ".dzn"}) {
    const std::string s = suffix;
    if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
      name.resize(name.size() - s.size());
      break;
    }
  }
  auto instance = parse_b2b_dzn(content, name);
  if (!instance) {
    auto error = instance.error();
    error.message = path + ": " + error.message;
    return error;
  }
  return instance;
}

core::scheduling::Problem b2b_problem(const B2bInstance& instance) {
  using namespace core::scheduling;
  Problem problem;
  for (int s = 0; s < instance.slots; ++s) {
    problem.slots.push_back(Slot{0, s < instance.morning_slots, {}});
  }
  problem.tables.assign(static_cast<std::size_t>(instance.tables), Table{2, {}});
  problem.participants.resize(static_cast<std::size_t>(instance.businesses));
  for (std::size_t b = 0; b < instance.forbidden.size(); ++b) {
    problem.participants[b].name = "business " + std::to_string(b + 1);
    for (const int s : instance.forbidden[b]) problem.participants[b].unavailable.push_back(s - 1);
  }
  for (const auto& request : instance.requested) {
    Meeting meeting;
    meeting.people = {request.first - 1, request.second - 1};
    meeting.time_of_day = request.code == 1   ? TimeOfDay::morning
                          : request.code == 2 ? TimeOfDay::afternoon
                                              : TimeOfDay::any;
    problem.meetings.push_back(std::move(meeting));
  }
  for (std::size_t m = 0; m < instance.fixed.size(); ++m) {
    if (instance.fixed[m] > 0) problem.meetings[m].pinned_slot = instance.fixed[m] - 1;
  }
  for (std::size_t m = 0; m < instance.precedences.size(); ++m) {
    for (const int other : instance.precedences[m]) problem.meetings[m].after.push_back(other - 1);
  }
  return problem;
}

}  // namespace crossmatch::bench
