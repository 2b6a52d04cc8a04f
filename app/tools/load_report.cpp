#include "app/tools/load_report.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_set>

namespace crossmatch::tools {

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t i =
      std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())));
  return values[i];
}

std::string report_line(const std::vector<const Tally*>& tallies,
                        const std::vector<core::ParticipantId>& targets, int ready,
                        const std::string& more) {
  std::unordered_map<std::uint64_t, Receipts> receipts;
  std::unordered_map<std::uint64_t, Sent> sent;
  std::vector<double> acks;
  Tally total;
  for (const Tally* t : tallies) {
    for (const auto& [seq, r] : t->receipts) {
      Receipts& all = receipts[seq];
      all.count += r.count;
      if (all.count == r.count || r.last > all.last) all.last = r.last;
    }
    sent.insert(t->sent_by_seq.begin(), t->sent_by_seq.end());
    acks.insert(acks.end(), t->ack_ms.begin(), t->ack_ms.end());
    total.acked += t->acked;
    total.errors += t->errors;
    total.refused += t->refused;
    total.lines += t->lines;
    total.edit_bytes += t->edit_bytes;
    total.edit_lines += t->edit_lines;
    total.first_sync_bytes += t->first_sync_bytes;
    total.first_syncs += t->first_syncs;
    total.elapsed = std::max(total.elapsed, t->elapsed);
  }
  const std::unordered_set<core::ParticipantId> ours(targets.begin(), targets.end());
  std::vector<double> fanout, pairs;
  for (const auto& [seq, s] : sent) {
    const auto r = receipts.find(seq);
    if (r == receipts.end()) continue;
    const double ms = std::chrono::duration<double, std::milli>(r->second.last - s.at).count();
    if (s.everyone && r->second.count >= ready) fanout.push_back(ms);
    if (s.other != 0 && ours.count(s.other) && r->second.count >= 2) pairs.push_back(ms);
  }
  const double elapsed = total.elapsed > 0 ? total.elapsed : 1;
  char line[1200];
  std::snprintf(
      line, sizeof line,
      "{\"clients\":%d,\"ops\":%llu,\"ops_per_s\":%.1f,\"ack_p50_ms\":%.2f,\"ack_p99_ms\":%.2f,"
      "\"fanout_p50_ms\":%.2f,\"fanout_p99_ms\":%.2f,\"errors\":%llu,\"refused\":%llu,"
      "\"fanout_ops\":%zu,\"pair_p99_ms\":%.2f,\"lines_received\":%llu,\"seconds\":%.1f,"
      "\"edit_line_bytes\":%llu,\"threads\":%zu,\"first_sync_bytes\":%llu",
      ready, static_cast<unsigned long long>(total.acked),
      static_cast<double>(total.acked) / elapsed, percentile(acks, 0.5), percentile(acks, 0.99),
      percentile(fanout, 0.5), percentile(fanout, 0.99),
      static_cast<unsigned long long>(total.errors), static_cast<unsigned long long>(total.refused),
      fanout.size(), percentile(pairs, 0.99), static_cast<unsigned long long>(total.lines),
      total.elapsed,
      static_cast<unsigned long long>(total.edit_lines == 0 ? 0
                                                            : total.edit_bytes / total.edit_lines),
      tallies.size(),
      static_cast<unsigned long long>(
          total.first_syncs == 0 ? 0 : total.first_sync_bytes / total.first_syncs));
  return std::string(line) + more + "}";
}

bool write_timeline(const std::vector<const Tally*>& tallies, const std::string& path) {
  std::vector<std::pair<double, double>> all;
  for (const Tally* t : tallies)
    all.insert(all.end(), t->ack_timeline.begin(), t->ack_timeline.end());
  std::sort(all.begin(), all.end());
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) return false;
  std::fprintf(f, "sent_s,ack_ms\n");
  for (const auto& [at, ms] : all) std::fprintf(f, "%.4f,%.2f\n", at, ms);
  return std::fclose(f) == 0;
}

}  // namespace crossmatch::tools
