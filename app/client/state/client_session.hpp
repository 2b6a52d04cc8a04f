// The client's live event: the replica, the connection to the hub, who this client is, the hub's
// team suggestions, notifications, and version counters that tell view models when to recompute.
// The UI thread owns it and calls update() once per frame; views read it and submit intents.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "app/client/outbox/sqlite_outbox.hpp"
#include "app/client/state/kept_replica.hpp"
#include "app/client/state/notice_marks.hpp"
#include "app/client/state/notifications.hpp"
#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"
#include "core/taxonomy.hpp"
#include "net/client_connection.hpp"
#include "net/replica.hpp"
#include "storage/time_zone.hpp"

namespace crossmatch::client {

enum class LinkStatus { Offline, Connecting, Reconnecting, Online };

// A meeting that changed (0: too much changed to follow one by one: count again).
struct MeetingChange {
  std::uint64_t version = 0;  // the meetings_version it made
  core::MeetingId meeting = 0;
};

// A change that matching's copy of the participants must follow: a profile or status changed
// (other == 0), or a request between two people was declined.
struct ProfileChange {
  std::uint64_t version = 0;  // the profiles_version it made
  core::ParticipantId participant = 0;
  core::ParticipantId other = 0;
};

// The hub's answer to an operation this client sent.
struct OperationOutcome {
  bool refused = false;
  std::string reason;  // refused: the hub's message
};

// What the status bar shows, always.
struct LinkSummary {
  LinkStatus status = LinkStatus::Offline;
  std::size_t pending = 0;   // operations made and not yet acknowledged
  std::string reason;        // why it is not online
  std::string text() const;  // "online", "reconnecting (3 pending)", "offline, 2 pending"
};

class ClientSession {
 public:
  ClientSession(const core::Taxonomy& taxonomy, net::Outbox& outbox);
  ~ClientSession();
  ClientSession(const ClientSession&) = delete;
  ClientSession& operator=(const ClientSession&) = delete;

  // Connects (a previous connection is stopped). Fails only when the outbox cannot be read.
  // Signing in with a token while the outbox is kept in a folder: the event kept on this
  // computer for that token (KeptReplica) is read first, on a thread of its own
  // (opening_kept_event()), then shown, and the hub is asked only for what came after it.
  core::Status connect(const net::ClientOptions& options);
  // From now on, connecting keeps the operations made offline in a SQLite file per hub inside
  // `folder`, so that they survive a restart of the app and are sent on the next connection.
  // Without it (or when the file cannot be opened, said on standard error) they are kept in
  // the outbox given to the constructor. How far each person has seen their notices is kept
  // there too (NoticeMarks), so that what they missed while the app was closed reaches them.
  // The same file keeps the replica of someone signed in with a token (KeptReplica).
  void keep_outbox_in(std::filesystem::path folder);
  // Reading the event kept on this computer before connecting.
  bool opening_kept_event() const { return opening_.has_value(); }
  // The replica shown came from this computer's file and the hub has not answered yet.
  bool showing_kept_event() const { return showing_kept_; }
  // The kept replica's keeper while a file is in use (figures, tests); null otherwise.
  KeptReplica* kept_replica() { return kept_.get(); }
  // Bytes read from the hub by the current connection, over every attempt.
  std::uint64_t bytes_received() const { return connection_ ? connection_->bytes_received() : 0; }
  // The hub's welcome on the current connection, once it came.
  const std::optional<net::Welcome>& welcome() const { return welcome_; }
  void disconnect();
  // Keeps the connection's submissions without starting it: the app works offline on the
  // replica and everything made waits in the outbox (tests, and a start without a hub).
  void use_offline_connection(const net::ClientOptions& options);

  // Once per frame: drains what the connection received, applies it to the replica, raises
  // notifications (also those the hub sends of what the person missed while away), and reminds
  // of meetings five minutes before they start.
  void update(std::int64_t now_ms);

  // One thing the connection received, as update() drains it (tests hand in the hub's answers
  // and team suggestions through it).
  void handle(net::ClientEvent event, std::int64_t now_ms);

  // An operation the hub applied, as update() receives it: applied to the replica, then the
  // version counters, the journal of profile changes and the notifications follow.
  void receive(const net::Applied& applied, std::int64_t now_ms);
  // The hub's refusal of an operation sent from here, as update() receives it: the outcome is
  // recorded (the status line then says "refused" with the reason) and a notice raised.
  void receive_refusal(const net::OperationRefused& refused, std::int64_t now_ms);

  // A user intent: kept in the outbox and sent when online. Returns the operation's id.
  core::Result<std::string> submit(core::OperationPayload payload);

  // A state from elsewhere (a test, a benchmark) as if the hub had sent it.
  void restore(core::EventState state, std::uint64_t seq, core::Role role, core::ParticipantId me);

  const core::Taxonomy& taxonomy() const { return *taxonomy_; }
  const core::EventState& state() const { return replica_.state(); }
  std::uint64_t seq() const { return replica_.seq(); }
  core::Role role() const { return role_; }
  core::ParticipantId me() const { return me_; }
  const core::Participant* my_record() const { return replica_.state().participant(me_); }
  // Welcomed and holding the event's state: the main screens can show.
  bool joined() const { return joined_; }
  // The connection was refused for good (wrong code or token, another protocol).
  const std::optional<core::Error>& fatal_error() const { return fatal_; }
  // The SHA-256 fingerprint of the hub's certificate, once connected over TLS.
  std::string hub_fingerprint() const {
    return connection_ ? connection_->hub_fingerprint() : std::string();
  }
  // The hub's address as people type it: "192.168.1.20:7420" ("[::1]:7420" for IPv6).
  std::string hub_address() const {
    const bool v6 = hub_host_.find(':') != std::string::npos;
    return (v6 ? "[" + hub_host_ + "]" : hub_host_) + ":" + std::to_string(hub_port_);
  }
  // The token the hub issued on registering (to be remembered), once.
  std::optional<std::string> take_issued_token();

  // The organiser's auto-schedule is planned by the hub (docs/protocol.md, "Auto-schedule on the
  // hub"). Asks for a plan and returns its id, or why it cannot be asked for now.
  core::Result<std::string> request_plan(std::vector<core::SessionId> sessions, bool allow_moves,
                                         double seconds);
  // Asks the hub to end the plan now with the best schedule found so far.
  void stop_plan(const std::string& id);
  // The plans asked for and not yet answered.
  std::vector<net::PlanSchedule> pending_plans() const;
  // The hub's answer to the plan `id`, once; none while it plans. A plan whose connection was
  // lost is answered with that error (ask again once connected).
  std::optional<net::SchedulePlanned> take_plan(const std::string& id);

  std::uint64_t version() const { return version_; }  // any change
  std::uint64_t profiles_version() const {
    return profiles_version_;
  }  // profiles, status, declines
  std::uint64_t meetings_version() const { return meetings_version_; }  // meetings, rounds
  LinkSummary link() const;
  // The changes after `version` up to profiles_version(), in order; false when they are no longer
  // all kept (a snapshot, or too many since), so that the caller rebuilds from the state.
  bool profile_changes_since(std::uint64_t version, std::vector<ProfileChange>& out) const;
  // The same for meetings.
  bool meeting_changes_since(std::uint64_t version, std::vector<MeetingChange>& out) const;
  // The hub's answer to the operation `id` sent from here, while it is among the latest answers;
  // null while none came (pending, or answered too long ago).
  const OperationOutcome* outcome(const std::string& id) const;
  const net::Teams& teams() const { return teams_; }
  // For the organiser: the network address each newcomer registered from, as the hub reports it.
  const std::map<core::ParticipantId, std::string>& registered_from() const {
    return registered_from_;
  }
  Notifications& notifications() { return notifications_; }
  const Notifications& notifications() const { return notifications_; }

  // A participant's display name ("participant 12" when unknown or erased).
  std::string name_of(core::ParticipantId id) const;
  // The unix milliseconds at which a slot starts, in the event's time zone.
  std::int64_t slot_start_ms(core::SlotRef slot) const;
  std::int64_t session_start_ms(core::SessionId session) const;
  // Unix milliseconds of a wall-clock time in the event's time zone (minutes since 1970-01-01).
  std::int64_t local_to_ms(std::int64_t local_minutes) const;
  // "Thu 14 May 09:20"
  std::string slot_label(core::SlotRef slot) const;
  std::string table_name(core::TableId table) const;

 private:
  void notify_applied(const core::Operation& op, std::int64_t now_ms);
  void remind(std::int64_t now_ms);
  // Version counters and journals follow what the catalogue says the operation changed.
  void follow_changes(const core::Operation& op);
  void bump_all();
  void load_time_zone();
  void choose_outbox(const net::ClientOptions& options);
  // Starts the connection itself (connect() does, or update() once the kept replica is read).
  core::Status start_connection(net::ClientOptions options);
  // The kept replica has been read: show it and connect after it, or connect for a snapshot.
  void finish_opening();
  // The hub's welcome does not fit the replica shown from the file: ask for a snapshot.
  void reconnect_for_snapshot();
  void record_outcome(const std::string& id, OperationOutcome outcome);
  // Notes that the person has seen the notices up to the replica's sequence number.
  void mark_notices_seen(std::int64_t now_ms, bool now);
  // Answers every plan still asked for with the lost connection's reason.
  void lose_plans(const std::string& reason);

  const core::Taxonomy* taxonomy_;
  net::Outbox* outbox_;
  net::Outbox* fallback_outbox_;
  std::optional<std::filesystem::path> outbox_folder_;
  std::filesystem::path outbox_file_;
  std::unique_ptr<SqliteOutbox> file_outbox_;
  std::unique_ptr<KeptReplica> kept_;  // with file_outbox_, destroyed before it
  // connect() waits for the kept replica to be read, then connects with these.
  std::optional<net::ClientOptions> opening_;
  std::optional<ReplicaOwner> sign_in_;  // hub and token of the connection (none: a code, a kiosk)
  net::ClientOptions options_;           // of the connection under way
  std::optional<net::Welcome> welcome_;
  bool showing_kept_ = false;
  bool kept_not_theirs_ = false;  // the welcome disagreed with the kept replica shown
  bool replica_out_of_step_ =
      false;  // a refused operation: the next connection asks for a snapshot
  std::unique_ptr<net::ClientConnection> connection_;
  NoticeMarks notice_marks_;
  std::string hub_host_;
  unsigned short hub_port_ = 0;
  std::string notice_key_;  // the person's key in notice_marks_ (none for a newcomer)
  std::int64_t marks_saved_ms_ = 0;
  // Operations up to here were seen in an earlier run: a snapshot the hub shares between clients
  // may be a few seconds old, and the operations after it raise no notice the person already had.
  std::uint64_t notices_floor_ = 0;
  net::Replica replica_;
  core::Role role_ = core::Role::Participant;
  core::ParticipantId me_ = 0;
  bool joined_ = false;
  bool welcomed_ = false;
  std::optional<core::Error> fatal_;
  std::optional<std::string> issued_token_;
  std::map<std::string, net::PlanSchedule> plans_asked_;
  std::map<std::string, net::SchedulePlanned> plans_answered_;
  net::ConnectionState connection_state_ = net::ConnectionState::Offline;
  std::string connection_reason_;
  net::Teams teams_;
  std::map<core::ParticipantId, std::string> registered_from_;
  std::unordered_map<std::string, OperationOutcome> outcomes_;  // the latest kOutcomes answers
  std::deque<std::string> outcome_order_;
  Notifications notifications_;
  std::set<std::pair<core::MeetingId, std::int64_t>> reminded_;  // meeting and the start it was for
  std::set<core::MeetingId> asked_held_;                         // asked whether it took place
  std::string time_zone_name_;
  std::optional<storage::TimeZone> zone_;  // none: times are taken as UTC
  std::uint64_t version_ = 0, profiles_version_ = 0, meetings_version_ = 0;
  std::deque<ProfileChange> profile_changes_;  // the latest kJournal
  std::uint64_t journal_from_ = 0;  // changes after this version are all in profile_changes_
  std::deque<MeetingChange> meeting_changes_;
  std::uint64_t meeting_journal_from_ = 0;
};

}  // namespace crossmatch::client
