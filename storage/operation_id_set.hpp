// The client ids of the logged operations, kept by the writer to refuse a resend before anything
// is written: compact (the ids' bytes end to end, and an open-addressing table of their hashes)
// and cheap to add to, since every appended operation adds one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crossmatch::storage::detail {

class OperationIdSet {
 public:
  // Adds `id`; false when it is there already (nothing changes then).
  bool insert(std::string_view id);
  bool contains(std::string_view id) const;
  std::size_t size() const { return ends_.size(); }
  void reserve(std::size_t ids);

 private:
  std::string_view id(std::uint32_t entry) const;
  // The slot holding `id`, or the empty slot where it would go.
  std::size_t find(std::string_view id, std::uint64_t hash) const;
  void grow();

  std::string bytes_;                  // every id, end to end
  std::vector<std::uint64_t> ends_;    // where each id ends in bytes_
  std::vector<std::uint64_t> hashes_;  // per slot: the id's hash
  std::vector<std::uint32_t> slots_;   // per slot: entry + 1, or 0 when empty
};

}  // namespace crossmatch::storage::detail
