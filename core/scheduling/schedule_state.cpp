#include "core/scheduling/schedule_state.hpp"

#include <algorithm>

#include "core/scheduling/scheduler.hpp"

namespace crossmatch::core::scheduling {

ScheduleState::ScheduleState(const Model& model)
    : model_(&model),
      slots_(static_cast<std::size_t>(model.slots)),
      days_(static_cast<std::size_t>(model.days)),
      classes_(static_cast<std::size_t>(model.classes)) {
  const auto meetings = static_cast<std::size_t>(model.meetings);
  const auto people = static_cast<std::size_t>(model.participants);
  slot_of_.assign(meetings, -1);
  occupant_.assign(people * slots_, -1);
  mask_.assign(people * days_, 0);
  breaks_.assign(people, 0);
  with_breaks_.assign(slots_ + 2, {});
  with_breaks_index_.assign(people, 0);
  for (int p = 0; p < model.participants; ++p) {
    with_breaks_index_[static_cast<std::size_t>(p)] = p;
    with_breaks_[0].push_back(p);
  }
  load_.assign(slots_ * classes_, 0);
  members_.assign(slots_, {});
  member_index_.assign(meetings, -1);
  unplaced_index_.assign(meetings, -1);
  for (const int m : model.movable) {
    unplaced_index_[static_cast<std::size_t>(m)] = static_cast<int>(unplaced_.size());
    unplaced_.push_back(m);
  }
  for (std::size_t m = 0; m < meetings; ++m) {
    if (!model.fixed[m]) continue;
    const int s = model.fixed_slot[m];
    slot_of_[m] = s;
    for (const int p : model.people_of(static_cast<int>(m))) set_busy(p, s, static_cast<int>(m));
  }
}

void ScheduleState::change_breaks(int p, int delta) {
  if (delta == 0) return;
  const auto pi = static_cast<std::size_t>(p);
  auto& b = breaks_[pi];
  auto& bucket = with_breaks_[static_cast<std::size_t>(b)];
  const int at = with_breaks_index_[pi];
  bucket[static_cast<std::size_t>(at)] = bucket.back();
  with_breaks_index_[static_cast<std::size_t>(bucket.back())] = at;
  bucket.pop_back();
  b += delta;
  auto& into = with_breaks_[static_cast<std::size_t>(b)];
  with_breaks_index_[pi] = static_cast<int>(into.size());
  into.push_back(p);
  total_breaks_ += delta;
  if (b > max_breaks_) max_breaks_ = b;
  if (b < min_breaks_) min_breaks_ = b;
  while (with_breaks_[static_cast<std::size_t>(max_breaks_)].empty()) --max_breaks_;
  while (with_breaks_[static_cast<std::size_t>(min_breaks_)].empty()) ++min_breaks_;
}

void ScheduleState::set_busy(int p, int s, int m) {
  const int delta = breaks_delta(p, s, true);
  total_idle_ += idle_delta(p, s, true);
  occupant_[static_cast<std::size_t>(p) * slots_ + static_cast<std::size_t>(s)] = m;
  mask_[static_cast<std::size_t>(p) * days_ +
        static_cast<std::size_t>(model_->slot_day[static_cast<std::size_t>(s)])] |=
      model_->slot_bit[static_cast<std::size_t>(s)];
  change_breaks(p, delta);
}

void ScheduleState::set_free(int p, int s) {
  const int delta = breaks_delta(p, s, false);
  total_idle_ += idle_delta(p, s, false);
  occupant_[static_cast<std::size_t>(p) * slots_ + static_cast<std::size_t>(s)] = -1;
  mask_[static_cast<std::size_t>(p) * days_ +
        static_cast<std::size_t>(model_->slot_day[static_cast<std::size_t>(s)])] &=
      ~model_->slot_bit[static_cast<std::size_t>(s)];
  change_breaks(p, delta);
}

void ScheduleState::place(int m, int s) {
  const auto mi = static_cast<std::size_t>(m);
  if (recording_) journal_.push_back({m, -1});
  slot_of_[mi] = s;
  for (const int p : model_->people_of(m)) set_busy(p, s, m);
  const int k = model_->meeting_class[mi];
  for (int j = 0; j <= k; ++j)
    ++load_[static_cast<std::size_t>(s) * classes_ + static_cast<std::size_t>(j)];
  auto& in_slot = members_[static_cast<std::size_t>(s)];
  member_index_[mi] = static_cast<int>(in_slot.size());
  in_slot.push_back(m);
  // Leave the unplaced list (swap with its last entry).
  const int at = unplaced_index_[mi];
  const int last = unplaced_.back();
  unplaced_[static_cast<std::size_t>(at)] = last;
  unplaced_index_[static_cast<std::size_t>(last)] = at;
  unplaced_.pop_back();
  unplaced_index_[mi] = -1;
}

void ScheduleState::unplace(int m) {
  const auto mi = static_cast<std::size_t>(m);
  const int s = slot_of_[mi];
  if (recording_) journal_.push_back({m, s});
  for (const int p : model_->people_of(m)) set_free(p, s);
  const int k = model_->meeting_class[mi];
  for (int j = 0; j <= k; ++j)
    --load_[static_cast<std::size_t>(s) * classes_ + static_cast<std::size_t>(j)];
  auto& in_slot = members_[static_cast<std::size_t>(s)];
  const int at = member_index_[mi];
  const int last = in_slot.back();
  in_slot[static_cast<std::size_t>(at)] = last;
  member_index_[static_cast<std::size_t>(last)] = at;
  in_slot.pop_back();
  member_index_[mi] = -1;
  slot_of_[mi] = -1;
  unplaced_index_[mi] = static_cast<int>(unplaced_.size());
  unplaced_.push_back(m);
}

void ScheduleState::rollback() {
  recording_ = false;
  for (auto it = journal_.rbegin(); it != journal_.rend(); ++it) {
    const int now = slot_of_[static_cast<std::size_t>(it->meeting)];
    if (now == it->previous_slot) continue;
    if (now >= 0) unplace(it->meeting);
    if (it->previous_slot >= 0) place(it->meeting, it->previous_slot);
  }
  journal_.clear();
}

void ScheduleState::assign(const std::vector<int>& slot_of) {
  recording_ = false;
  for (const int m : model_->movable) {
    const int now = slot_of_[static_cast<std::size_t>(m)];
    if (now >= 0 && now != slot_of[static_cast<std::size_t>(m)]) unplace(m);
  }
  for (const int m : model_->movable) {
    const int want = slot_of[static_cast<std::size_t>(m)];
    if (want >= 0 && slot_of_[static_cast<std::size_t>(m)] != want) place(m, want);
  }
}

ScheduleScore ScheduleState::score() const {
  return {static_cast<int>(unplaced_.size()), std::max(0, spread() - kMaxBreakSpread),
          total_breaks_, spread()};
}

}  // namespace crossmatch::core::scheduling
