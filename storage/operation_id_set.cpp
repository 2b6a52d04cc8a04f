#include "storage/operation_id_set.hpp"

#include <functional>
#include <stdexcept>

namespace crossmatch::storage::detail {

std::string_view OperationIdSet::id(std::uint32_t entry) const {
  const std::uint64_t begin = entry == 0 ? 0 : ends_[entry - 1];
  return std::string_view(bytes_).substr(begin, ends_[entry] - begin);
}

std::size_t OperationIdSet::find(std::string_view wanted, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    if (slots_[i] == 0) return i;
    if (hashes_[i] == hash && id(slots_[i] - 1) == wanted) return i;
  }
}

void OperationIdSet::reserve(std::size_t ids) {
  ends_.reserve(ids);
  std::size_t capacity = 16;
  while (capacity < 2 * ids) capacity *= 2;  // at most half full
  if (capacity <= slots_.size()) return;
  std::vector<std::uint64_t> old_hashes = std::move(hashes_);
  std::vector<std::uint32_t> old_slots = std::move(slots_);
  hashes_.assign(capacity, 0);
  slots_.assign(capacity, 0);
  for (std::size_t i = 0; i < old_slots.size(); ++i) {
    if (old_slots[i] == 0) continue;
    const std::size_t at = find(id(old_slots[i] - 1), old_hashes[i]);
    hashes_[at] = old_hashes[i];
    slots_[at] = old_slots[i];
  }
}

void OperationIdSet::grow() {
  reserve(std::max<std::size_t>(16, 2 * ends_.size()));
}

bool OperationIdSet::contains(std::string_view wanted) const {
  if (slots_.empty()) return false;
  return slots_[find(wanted, std::hash<std::string_view>{}(wanted))] != 0;
}

bool OperationIdSet::insert(std::string_view wanted) {
  if (2 * (ends_.size() + 1) > slots_.size()) grow();
  const std::uint64_t hash = std::hash<std::string_view>{}(wanted);
  const std::size_t at = find(wanted, hash);
  if (slots_[at] != 0) return false;
  if (ends_.size() >= UINT32_MAX - 1) throw std::length_error("too many operation ids");
  bytes_.append(wanted);
  ends_.push_back(bytes_.size());
  hashes_[at] = hash;
  slots_[at] = static_cast<std::uint32_t>(ends_.size());
  return true;
}

}  // namespace crossmatch::storage::detail
