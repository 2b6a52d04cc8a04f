#include "storage/touched.hpp"

#include "core/event/operation_catalogue.hpp"

namespace crossmatch::storage {
namespace {

// The catalogue's account of what an operation changed, as the rows that hold it.
class RowsTouched final : public core::ChangeSink {
 public:
  RowsTouched(Touched& touched, std::uint64_t sequence) : t_(touched), sequence_(sequence) {}

  void session(core::SessionId id) override { t_.sessions.insert(id); }
  void session_removed(core::SessionId id) override {
    t_.sessions.erase(id);
    t_.removed_sessions.insert(id);
  }
  void table(core::TableId id) override { t_.tables.insert(id); }
  void table_removed(core::TableId id) override {
    t_.tables.erase(id);
    t_.removed_tables.insert(id);
  }
  void person(core::ParticipantId id) override { t_.participants.insert(id); }
  void availability(core::ParticipantId id) override { t_.participants.insert(id); }
  void erased(core::ParticipantId id) override { t_.erased[id] = sequence_; }
  void meeting(core::MeetingId id, bool created) override {
    t_.meetings.insert(id);
    if (created) t_.new_meetings.insert(id);
  }
  void feedback(core::MeetingId id, core::ParticipantId whose) override {
    t_.feedback.emplace(id, whose);
  }
  void round(core::RoundId id) override { t_.rounds.insert(id); }
  void announcement(core::AnnouncementId id) override { t_.announcements.insert(id); }
  void pitching(core::SessionId id) override { t_.pitching.insert(id); }
  void clinic_table(core::ClinicTableId id) override { t_.clinic_tables.insert(id); }
  void clinic_themes(core::ParticipantId id) override { t_.clinic_themes.insert(id); }
  void follow_up(core::FollowUpId id) override { t_.follow_ups.insert(id); }
  void follow_up_answer(core::FollowUpId id, core::MeetingId meeting,
                        core::ParticipantId whose) override {
    t_.follow_up_answers.emplace(id, meeting, whose);
  }
  // The event row (its record and settings) is rewritten by every group anyway: it holds the
  // next ids too.

 private:
  Touched& t_;
  std::uint64_t sequence_;
};

}  // namespace

void note_before(const core::EventState& before, const core::Operation& op, Touched& touched) {
  RowsTouched rows(touched, op.sequence);
  core::report_changes_before(before, op, rows);
}

void note_after(const core::EventState& after, const core::Operation& applied, Touched& touched) {
  RowsTouched rows(touched, applied.sequence);
  core::report_changes(applied, after, rows);
}

}  // namespace crossmatch::storage
