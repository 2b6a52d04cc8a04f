// The columns of the event database's tables (event_schema.cpp creates them), one list per table:
// what the derived tables are written with and read back from, and the log's row.
// tests/storage/column_list_test.cpp checks each list against its table in a new file.
#pragma once

#include "storage/column_list.hpp"

namespace crossmatch::storage::detail {

inline constexpr ColumnList<10> kOperationColumns{
    "operations",
    {"seq", "op_id", "type", "actor_role", "actor_participant", "at", "operation", "participant",
     "meeting", "checksum"}};

inline constexpr ColumnList<3> kCredentialColumns{"credentials",
                                                  {"token_hash", "role", "participant"}};

inline constexpr ColumnList<14> kEventColumns{
    "event",
    {"id", "created", "name", "time_zone", "join_code", "registration_open", "settings",
     "next_participant", "next_meeting", "next_session", "next_table", "next_round",
     "next_announcement", "next_clinic_table"}};

inline constexpr ColumnList<9> kSessionColumns{
    "sessions",
    {"id", "name", "kind", "date", "start_time", "end_time", "slot_minutes", "breaks",
     "last_change"}};

inline constexpr ColumnList<4> kTableColumns{"tables", {"id", "name", "seats", "last_change"}};

inline constexpr ColumnList<24> kParticipantColumns{"participants",
                                                    {"id",
                                                     "status",
                                                     "display_name",
                                                     "organisation",
                                                     "job_title",
                                                     "type",
                                                     "city",
                                                     "country",
                                                     "sector",
                                                     "size",
                                                     "email",
                                                     "offers",
                                                     "seeks",
                                                     "languages",
                                                     "target_markets",
                                                     "known_markets",
                                                     "answers",
                                                     "consent_suggestions",
                                                     "consent_share_contact",
                                                     "unavailable",
                                                     "time_of_day",
                                                     "check_in_code",
                                                     "arrived_at",
                                                     "standby"}};

inline constexpr ColumnList<25> kMeetingColumns{
    "meetings",
    {"id", "requester", "invitee", "introduced", "message", "preferred", "requester_accepted",
     "invitee_accepted", "status", "slot_session", "slot_index", "table_id", "closed_by",
     "close_reason", "held", "requested_at", "accepted_at",
     // The last placement, kept after a cancellation for the calendar's entry.
     "calendar_session", "calendar_index", "calendar_table", "last_change",
     // The organiser's constraints for the auto-schedule (version 7).
     "pinned_session", "pinned_index", "earlier_meetings",
     // An offer of a freed slot (version 8).
     "offered"}};

inline constexpr ColumnList<5> kFeedbackColumns{
    "feedback", {"meeting", "participant", "rating", "comment", "held"}};

inline constexpr ColumnList<4> kRoundColumns{"team_rounds",
                                             {"id", "name", "session", "published_at"}};

inline constexpr ColumnList<4> kTeamColumns{"teams", {"round", "team", "table_id", "reasons"}};

inline constexpr ColumnList<4> kTeamMemberColumns{"team_members",
                                                  {"round", "team", "position", "participant"}};

inline constexpr ColumnList<3> kAnnouncementColumns{"announcements", {"id", "text", "at"}};

inline constexpr ColumnList<5> kPitchSessionColumns{
    "pitch_sessions", {"session", "status", "current", "running_since", "elapsed_before"}};

inline constexpr ColumnList<6> kPitchColumns{
    "pitches", {"session", "position", "pitcher", "minutes", "outcome", "interested"}};

inline constexpr ColumnList<8> kClinicTableColumns{
    "clinic_tables",
    {"id", "session", "table_id", "theme", "members", "reasons", "outcome", "last_change"}};

inline constexpr ColumnList<2> kClinicThemeColumns{"clinic_themes", {"participant", "themes"}};

inline constexpr ColumnList<4> kFollowUpColumns{"follow_ups", {"id", "name", "open", "opened_at"}};

inline constexpr ColumnList<6> kFollowUpAnswerColumns{
    "follow_up_answers", {"follow_up", "meeting", "participant", "outcome", "note", "at"}};

}  // namespace crossmatch::storage::detail
