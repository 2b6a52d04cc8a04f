// Reading grouping instances in the MDGPLIB text format, with errors that name the line.
#include <charconv>
#include <cmath>
#include <string>

#include "core/matching/grouping.hpp"

namespace crossmatch::core {
namespace {

Error format_error(int line, const std::string& what) {
  return make_error("bad_instance", "line " + std::to_string(line),
                    "line " + std::to_string(line) + ": " + what);
}

// Whitespace-separated tokens of one line.
std::vector<std::string_view> tokens(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

bool to_int(std::string_view s, long long& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

bool to_double(std::string_view s, double& out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && std::isfinite(out);
}

std::string quoted(std::string_view s) {
  std::string out(1, '\'');
  out.append(s.substr(0, 40));
  out.append(s.size() > 40 ? "...'" : "'");
  return out;
}

}  // namespace

Status check_grouping_instance(const GroupingInstance& g) {
  if (g.n < 1) return make_error("bad_instance", "n", "An instance needs at least one item.");
  if (g.groups < 1 || g.groups > g.n)
    return make_error("bad_instance", "m",
                      "The number of groups must be 1 to n (" + std::to_string(g.n) + "), not " +
                          std::to_string(g.groups) + ".");
  if (static_cast<int>(g.lower.size()) != g.groups || static_cast<int>(g.upper.size()) != g.groups)
    return make_error("bad_instance", "bounds", "Every group needs a lower and an upper bound.");
  if (g.distance.size() != static_cast<std::size_t>(g.n) * g.n)
    return make_error("bad_instance", "distance", "The distance matrix must be n by n.");
  long long low = 0, high = 0;
  for (int k = 0; k < g.groups; ++k) {
    if (g.lower[k] < 0 || g.lower[k] > g.upper[k])
      return make_error("bad_instance", "bounds",
                        "Group " + std::to_string(k) + " has bounds " + std::to_string(g.lower[k]) +
                            ".." + std::to_string(g.upper[k]) + "; need 0 <= lower <= upper.");
    low += g.lower[k];
    high += g.upper[k];
  }
  if (low > g.n || high < g.n)
    return make_error("bad_instance", "bounds",
                      "No grouping fits: the groups hold " + std::to_string(low) + " to " +
                          std::to_string(high) + " items, and there are " + std::to_string(g.n) +
                          ".");
  return Status::success();
}

Result<GroupingInstance> parse_mdgp(std::string_view text) {
  GroupingInstance g;
  int line_number = 0;
  std::size_t pos = 0;
  bool header = false;
  std::vector<char> seen;
  std::size_t pairs = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    const auto t = tokens(line);
    if (t.empty()) {
      if (end == text.size()) break;
      continue;
    }
    if (!header) {
      long long n = 0, m = 0;
      if (t.size() < 3 || !to_int(t[0], n) || !to_int(t[1], m))
        return format_error(line_number, "expected a header 'n m ss|ds LB1 UB1 ...'");
      if (n < 1 || n > kMaxGroupingItems)
        return format_error(line_number, "n must be 1 to " + std::to_string(kMaxGroupingItems) +
                                             ", not " + std::to_string(n));
      if (m < 1 || m > n)
        return format_error(line_number, "m must be 1 to n, not " + std::to_string(m));
      if (t[2] != "ss" && t[2] != "ds")
        return format_error(line_number, "the third field must be ss or ds, not " + quoted(t[2]));
      const std::size_t given = t.size() - 3;
      const bool single_pair = t[2] == "ss" && given == 2;
      if (!single_pair && given != static_cast<std::size_t>(2 * m))
        return format_error(line_number, "expected " + std::to_string(2 * m) +
                                             " group bounds (LB UB per group), found " +
                                             std::to_string(given));
      g.n = static_cast<int>(n);
      g.groups = static_cast<int>(m);
      for (long long k = 0; k < m; ++k) {
        const std::size_t at = 3 + (single_pair ? 0 : 2 * static_cast<std::size_t>(k));
        long long lb = 0, ub = 0;
        if (!to_int(t[at], lb) || !to_int(t[at + 1], ub) || lb < 0 || ub < lb || ub > n)
          return format_error(line_number, "bounds of group " + std::to_string(k) + " (" +
                                               quoted(t[at]) + " " + quoted(t[at + 1]) +
                                               ") are not 0 <= LB <= UB <= n");
        g.lower.push_back(static_cast<int>(lb));
        g.upper.push_back(static_cast<int>(ub));
      }
      g.distance.assign(static_cast<std::size_t>(g.n) * g.n, 0.0);
      seen.assign(static_cast<std::size_t>(g.n) * g.n, 0);
      header = true;
      continue;
    }
    long long i = 0, j = 0;
    double d = 0;
    if (t.size() != 3 || !to_int(t[0], i) || !to_int(t[1], j) || !to_double(t[2], d))
      return format_error(line_number, "expected 'i j d' (two item numbers and a number)");
    if (i < 0 || j < 0 || i >= g.n || j >= g.n)
      return format_error(line_number, "item numbers must be 0 to " + std::to_string(g.n - 1));
    if (i == j) {
      if (d != 0) return format_error(line_number, "an item's distance to itself must be 0");
      continue;
    }
    const std::size_t a = static_cast<std::size_t>(i) * g.n + j;
    const std::size_t b = static_cast<std::size_t>(j) * g.n + i;
    if (seen[a]) {
      return format_error(line_number, "the pair " + std::to_string(i) + " " + std::to_string(j) +
                                           " is given twice");
    }
    seen[a] = seen[b] = 1;
    g.distance[a] = g.distance[b] = d;
    ++pairs;
  }
  if (!header) return format_error(line_number, "the file is empty: no header line");
  const std::size_t expected = static_cast<std::size_t>(g.n) * (g.n - 1) / 2;
  if (pairs != expected)
    return make_error("bad_instance", "pairs",
                      "expected " + std::to_string(expected) + " pair lines for n = " +
                          std::to_string(g.n) + ", found " + std::to_string(pairs));
  const Status ok = check_grouping_instance(g);
  if (!ok) return ok.error();
  return g;
}

}  // namespace crossmatch::core
