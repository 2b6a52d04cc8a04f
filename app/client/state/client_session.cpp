#include "app/client/state/client_session.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>

#include "app/client/state/person_summary.hpp"
#include "core/event/calendar.hpp"
#include "core/event/operation_catalogue.hpp"
#include "core/i18n/rendered_text.hpp"
#include "core/i18n/translation.hpp"
#include "core/overloaded.hpp"

namespace crossmatch::client {

using core::format_text;
using core::tr;
using core::tr_n;

// The state of the link to the hub, in the status bar; %zu counts the operations made here that
// the hub has not acknowledged yet.
std::string LinkSummary::text() const {
  switch (status) {
    case LinkStatus::Online:
      // TRANSLATORS: state of the link to the hub
      if (pending == 0) return tr("online");
      return format_text(
          // TRANSLATORS: state of the link to the hub; %zu operations are on their way to it
          tr_n("online, sending %zu pending", "online, sending %zu pending", pending), pending);
    case LinkStatus::Connecting:
      // TRANSLATORS: state of the link to the hub
      if (pending == 0) return tr("connecting");
      // TRANSLATORS: state of the link to the hub; %zu operations wait to be sent
      return format_text(tr_n("connecting, %zu pending", "connecting, %zu pending", pending),
                         pending);
    case LinkStatus::Reconnecting:
      // TRANSLATORS: state of the link to the hub; %zu operations wait to be sent
      return format_text(tr_n("reconnecting, %zu pending", "reconnecting, %zu pending", pending),
                         pending);
    case LinkStatus::Offline:
      // TRANSLATORS: state of the link to the hub; %zu operations wait to be sent
      return format_text(tr_n("offline, %zu pending", "offline, %zu pending", pending), pending);
  }
  return "";
}

ClientSession::ClientSession(const core::Taxonomy& taxonomy, net::Outbox& outbox)
    : taxonomy_(&taxonomy), outbox_(&outbox), fallback_outbox_(&outbox), replica_(taxonomy) {}

void ClientSession::keep_outbox_in(std::filesystem::path folder) {
  notice_marks_.keep_in(folder);
  outbox_folder_ = std::move(folder);
}

void ClientSession::choose_outbox(const net::ClientOptions& options) {
  if (!outbox_folder_) return;
  // One file per hub: what was made for one event is never sent to another hub.
  std::string name = "outbox-";
  for (const char c : options.host)
    name += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ? c : '_';
  name += "-" + std::to_string(options.port) + ".db";
  const std::filesystem::path file = *outbox_folder_ / name;
  if (file_outbox_ && file == outbox_file_) return;
  kept_.reset();  // writes what it was handed for the file it belongs to
  std::error_code ignored;
  std::filesystem::create_directories(*outbox_folder_, ignored);
  auto opened = SqliteOutbox::open(file);
  if (!opened) {
    std::cerr << "crossmatch: operations made offline are kept in memory only: "
              << opened.error().message << "\n";
    file_outbox_.reset();
    outbox_file_.clear();
    outbox_ = fallback_outbox_;
    return;
  }
  file_outbox_ = std::move(*opened);
  outbox_file_ = file;
  outbox_ = file_outbox_.get();
  kept_ = std::make_unique<KeptReplica>(*file_outbox_);
}

ClientSession::~ClientSession() {
  disconnect();
  if (kept_) kept_->wait_copied();  // the writer may still be copying the replica
}

core::Status ClientSession::connect(const net::ClientOptions& given) {
  disconnect();
  fatal_.reset();
  choose_outbox(given);
  net::ClientOptions options = given;
  hub_host_ = options.host;
  hub_port_ = options.port;
  notice_key_ = NoticeMarks::key(hub_host_, hub_port_, options.token);
  // A replica is kept for someone signed in with a token, not for a newcomer's code (until the
  // hub gives them a token) nor for a kiosk signing someone in by their badge.
  sign_in_.reset();
  if (!options.token.empty() && options.check_in_code.empty() &&
      options.catch_up == net::CatchUp::Replica)
    sign_in_ = ReplicaOwner::of(hub_address(), options.token);
  if (kept_ && sign_in_ && !options.after) {
    const auto& keeping = kept_->owner();
    if (joined_ && !replica_out_of_step_ && keeping && keeping->same_sign_in(*sign_in_)) {
      // Disconnected and back in the same app: the replica in memory is this person's.
      options.after = replica_.seq();
    } else if (kept_->start_loading(*sign_in_, *taxonomy_)) {
      opening_ = std::move(options);
      connection_state_ = net::ConnectionState::Connecting;
      connection_reason_.clear();
      return core::Status::success();
    }
  }
  return start_connection(std::move(options));
}

core::Status ClientSession::start_connection(net::ClientOptions options) {
  // With a replica the hub sends the operations after it, and its number is how far the person
  // has seen their notices; without, the snapshot comes with what they missed since their mark.
  if (!options.after && !options.notices_after)
    options.notices_after = notice_marks_.get(notice_key_);
  notices_floor_ = options.after ? *options.after : options.notices_after.value_or(0);
  options_ = options;
  welcome_.reset();
  kept_not_theirs_ = false;
  connection_ = std::make_unique<net::ClientConnection>(*taxonomy_, options, *outbox_);
  connection_state_ = net::ConnectionState::Connecting;
  connection_reason_.clear();
  if (core::Status s = connection_->start(); !s) {
    connection_.reset();
    connection_state_ = net::ConnectionState::Offline;
    return s;
  }
  return core::Status::success();
}

void ClientSession::finish_opening() {
  auto loaded = kept_->take_loaded();
  if (!loaded) return;  // still reading
  kept_->wait_copied();
  net::ClientOptions options = std::move(*opening_);
  opening_.reset();
  if (*loaded) {
    storage::Replica& kept = **loaded;
    const auto owner = ReplicaOwner::parse(kept.owner);  // read by take_loaded()
    const std::uint64_t seq = kept.last_sequence;
    // The state's indexes were rebuilt as it was read; reset() takes it as it is.
    net::Snapshot shown;
    shown.seq = seq;
    shown.state = std::move(kept.state);
    replica_.reset(std::move(shown));
    role_ = owner->role;
    me_ = owner->participant;
    joined_ = true;
    showing_kept_ = true;
    replica_out_of_step_ = false;
    load_time_zone();
    bump_all();
    kept_->keep_for(*owner);
    kept_->kept_at(seq);
    options.after = seq;
    std::cerr << "crossmatch: opened the event kept on this computer ("
              << replica_.state().participants.size() << " participants, up to operation " << seq
              << ") in " << static_cast<int>(kept_->load_ms()) << " ms\n";
  }
  if (core::Status s = start_connection(std::move(options)); !s) {
    connection_reason_ = s.error().message;
    std::cerr << "crossmatch: " << s.error().message << "\n";
  }
}

void ClientSession::reconnect_for_snapshot() {
  std::cerr << "crossmatch: the event kept on this computer is not the hub's for this sign-in; "
               "it is discarded and the hub sends the event again\n";
  if (kept_) {
    kept_->wait_copied();
    kept_->discard();
  }
  net::ClientOptions options = options_;
  options.after.reset();
  if (connection_) {
    connection_->stop();
    connection_.reset();
  }
  joined_ = false;
  showing_kept_ = false;
  if (core::Status s = start_connection(std::move(options)); !s)
    connection_reason_ = s.error().message;
}

void ClientSession::use_offline_connection(const net::ClientOptions& options) {
  disconnect();
  connection_ = std::make_unique<net::ClientConnection>(*taxonomy_, options, *outbox_);
  connection_state_ = net::ConnectionState::Offline;
  // TRANSLATORS: why the link to the hub is not online
  connection_reason_ = tr("not connected");
}

void ClientSession::disconnect() {
  if (opening_) {
    // Stopped while the kept replica was being read: nothing was shown or connected.
    opening_.reset();
    kept_->wait_loaded();
    (void)kept_->take_loaded();
    connection_state_ = net::ConnectionState::Offline;
    // TRANSLATORS: why the link to the hub is not online
    connection_reason_ = tr("disconnected");
  }
  if (!connection_) return;
  mark_notices_seen(0, true);
  if (kept_ && joined_ && !showing_kept_) kept_->close(replica_.state(), replica_.seq());
  connection_->stop();
  connection_.reset();
  connection_state_ = net::ConnectionState::Offline;
  connection_reason_ = tr("disconnected");
  lose_plans(connection_reason_);
}

core::Result<std::string> ClientSession::submit(core::OperationPayload payload) {
  if (!connection_) {
    return core::make_error("not_connected", "",
                            tr("Not connected to a hub: join an event first."));
  }
  core::Operation op;
  op.actor = {role_, me_};
  op.payload = std::move(payload);
  auto id = connection_->submit(std::move(op));
  ++version_;  // the pending count changed
  return id;
}

void ClientSession::restore(core::EventState state, std::uint64_t seq, core::Role role,
                            core::ParticipantId me) {
  if (kept_) kept_->wait_copied();
  replica_.restore(std::move(state), seq);
  role_ = role;
  me_ = me;
  joined_ = welcomed_ = true;
  load_time_zone();
  bump_all();
}

core::Result<std::string> ClientSession::request_plan(std::vector<core::SessionId> sessions,
                                                      bool allow_moves, double seconds) {
  if (!connection_ || connection_state_ != net::ConnectionState::Online) {
    return core::make_error(
        "not_connected", "",
        // TRANSLATORS: %s is why the hub is not connected, e.g. "reconnecting"
        format_text(tr("The hub plans the schedule, and it is not connected now (%s): plan again "
                       "once it is."),
                    connection_reason_.empty() ? tr("connecting") : connection_reason_.c_str()));
  }
  net::PlanSchedule request;
  request.id = net::make_operation_id();
  request.sessions = std::move(sessions);
  request.allow_moves = allow_moves;
  request.seconds = std::clamp(seconds, net::kMinPlanSeconds, net::kMaxPlanSeconds);
  plans_asked_.emplace(request.id, request);
  connection_->request(request);
  ++version_;
  return request.id;
}

void ClientSession::stop_plan(const std::string& id) {
  if (connection_ && plans_asked_.count(id) > 0) connection_->request(net::StopPlan{id});
}

std::vector<net::PlanSchedule> ClientSession::pending_plans() const {
  std::vector<net::PlanSchedule> out;
  for (const auto& [id, request] : plans_asked_) out.push_back(request);
  return out;
}

std::optional<net::SchedulePlanned> ClientSession::take_plan(const std::string& id) {
  const auto it = plans_answered_.find(id);
  if (it == plans_answered_.end()) return std::nullopt;
  net::SchedulePlanned out = std::move(it->second);
  plans_answered_.erase(it);
  return out;
}

void ClientSession::lose_plans(const std::string& reason) {
  for (auto& [id, request] : plans_asked_) {
    net::SchedulePlanned lost;
    lost.id = id;
    lost.error = core::Error{"connection_lost", "",
                             // TRANSLATORS: %s is why the connection was lost
                             format_text(tr("The connection to the hub was lost while it planned "
                                            "(%s): plan again once it is back."),
                                         reason.c_str())};
    plans_answered_.insert_or_assign(id, std::move(lost));
  }
  plans_asked_.clear();
}

std::optional<std::string> ClientSession::take_issued_token() {
  auto token = std::move(issued_token_);
  issued_token_.reset();
  return token;
}

LinkSummary ClientSession::link() const {
  LinkSummary out;
  out.pending = connection_ ? connection_->pending() : 0;
  out.reason = connection_reason_;
  switch (connection_state_) {
    case net::ConnectionState::Connecting:
    case net::ConnectionState::CatchingUp:
      out.status = LinkStatus::Connecting;
      break;
    case net::ConnectionState::Online:
      out.status = LinkStatus::Online;
      break;
    case net::ConnectionState::Reconnecting:
      out.status = LinkStatus::Reconnecting;
      break;
    case net::ConnectionState::Offline:
      out.status = LinkStatus::Offline;
      break;
  }
  return out;
}

void ClientSession::update(std::int64_t now_ms) {
  if (opening_) {
    // Until the kept event is read nothing is connected; once read, it shows this frame and the
    // hub's answers come from the next.
    finish_opening();
    return;
  }
  // While the writer copies the replica it is read, not changed: what the hub sent waits a frame
  // or two in the connection's inbox.
  const bool copying = kept_ && kept_->copying();
  if (connection_ && !copying) {
    for (auto& event : connection_->drain()) {
      handle(std::move(event), now_ms);
      // What else that connection received follows a replica that is not theirs.
      if (kept_not_theirs_) break;
    }
  }
  if (kept_not_theirs_) reconnect_for_snapshot();
  if (kept_ && !copying && joined_ && !showing_kept_)
    kept_->follow(replica_.state(), replica_.seq(),
                  connection_state_ == net::ConnectionState::Online);
  if (joined_) remind(now_ms);
  mark_notices_seen(now_ms, false);
}

void ClientSession::mark_notices_seen(std::int64_t now_ms, bool now) {
  // Only once caught up: the notices of everything up to the replica's number have been raised.
  if (!joined_ || connection_state_ != net::ConnectionState::Online) return;
  notice_marks_.set(notice_key_, replica_.seq());
  constexpr std::int64_t kSaveEveryMs = 5000;
  if (!now && now_ms - marks_saved_ms_ < kSaveEveryMs) return;
  marks_saved_ms_ = now_ms;
  if (core::Status s = notice_marks_.save(); !s)
    std::cerr << "crossmatch: " << s.error().message << "\n";
}

void ClientSession::handle(net::ClientEvent event, std::int64_t now_ms) {
  if (kept_) kept_->wait_copied();  // at once from update(); tests may hand events in directly
  std::visit(core::Overloaded{
                 [&](net::StateChanged& e) {
                   connection_state_ = e.state;
                   connection_reason_ = e.reason;
                   if (e.state == net::ConnectionState::Reconnecting ||
                       e.state == net::ConnectionState::Offline)
                     lose_plans(e.reason);
                   ++version_;
                 },
                 [&](net::Welcome& e) {
                   if (showing_kept_ && (e.role != role_ || e.participant != me_)) {
                     kept_not_theirs_ = true;
                     return;
                   }
                   showing_kept_ = false;
                   role_ = e.role;
                   me_ = e.participant;
                   welcomed_ = true;
                   fatal_.reset();
                   welcome_ = e;
                   if (kept_ && sign_in_) {
                     ReplicaOwner owner = *sign_in_;
                     owner.role = e.role;
                     owner.participant = e.participant;
                     kept_->keep_for(std::move(owner));
                   }
                 },
                 [&](net::Snapshot& e) {
                   replica_.reset(std::move(e));
                   replica_out_of_step_ = false;
                   if (kept_) kept_->replaced();
                   joined_ = welcomed_;
                   load_time_zone();
                   bump_all();
                 },
                 [&](net::Applied& e) { receive(e, now_ms); },
                 [&](net::Missed& e) { notify_applied(e.op, now_ms); },
                 [&](net::CaughtUp& e) {
                   replica_.advance(e.seq);
                   joined_ = welcomed_;
                   ++version_;
                 },
                 // The connection keeps the link alive with it; it also says the hub has sent
                 // everything up to its number, which is where a kept replica stands.
                 [&](net::Pong& e) { replica_.advance(e.seq); },
                 [&](net::OperationDone& e) {
                   record_outcome(e.id, {});
                   ++version_;
                 },
                 [&](net::OperationRefused& e) { receive_refusal(e, now_ms); },
                 [&](net::TokenIssued& e) {
                   notice_key_ = NoticeMarks::key(hub_host_, hub_port_, e.token);
                   me_ = e.participant;
                   issued_token_ = e.token;
                   if (kept_ && options_.check_in_code.empty()) {
                     // Registered: from now on this newcomer signs in with the token, and the event
                     // is kept for it.
                     sign_in_ = ReplicaOwner::of(hub_address(), e.token);
                     ReplicaOwner owner = *sign_in_;
                     owner.role = role_;
                     owner.participant = e.participant;
                     kept_->keep_for(std::move(owner));
                     kept_->replaced();
                   }
                   bump_all();
                 },
                 [&](net::Teams& e) {
                   teams_ = std::move(e);
                   ++version_;
                 },
                 [&](net::Notice& e) {
                   notifications_.add(NoticeKind::Connection, core::tr_rendered(e.message), now_ms);
                 },
                 [&](net::RegisteredFrom& e) {
                   for (net::RegisteredFrom::Entry& entry : e.entries)
                     registered_from_[entry.participant] = std::move(entry.address);
                   ++version_;
                 },
                 [&](net::SchedulePlanned& e) {
                   if (plans_asked_.erase(e.id) == 0) return;  // not asked here, or asked long ago
                   plans_answered_.insert_or_assign(e.id, std::move(e));
                   ++version_;
                 },
                 [&](net::HubError& e) {
                   if (e.fatal) fatal_ = e.error;
                   // Refused for good before the hub welcomed them: the join screen says why,
                   // rather than the event kept on this computer.
                   if (e.fatal && showing_kept_) joined_ = showing_kept_ = false;
                   connection_reason_ = core::tr_rendered(e.error.message);
                   ++version_;
                 },
             },
             event);
}

void ClientSession::record_outcome(const std::string& id, OperationOutcome outcome) {
  constexpr std::size_t kOutcomes = 1024;
  if (outcomes_.insert_or_assign(id, std::move(outcome)).second) outcome_order_.push_back(id);
  while (outcome_order_.size() > kOutcomes) {
    outcomes_.erase(outcome_order_.front());
    outcome_order_.pop_front();
  }
}

const OperationOutcome* ClientSession::outcome(const std::string& id) const {
  const auto it = outcomes_.find(id);
  return it == outcomes_.end() ? nullptr : &it->second;
}

void ClientSession::receive_refusal(const net::OperationRefused& refused, std::int64_t now_ms) {
  // The hub writes its reason in English, from the catalogue's messages: shown in the person's
  // language, a template's names and numbers filled in again ("There is no session 5.").
  const std::string reason = core::tr_rendered(refused.error.message);
  record_outcome(refused.op.id, {.refused = true, .reason = reason});
  // The catalogue's action ("Save the session") in the person's language.
  const std::string action(core::operation_action(refused.op.payload));
  notifications_.add(NoticeKind::Refused,
                     // TRANSLATORS: the first %s is what the person did (e.g. "Save the session"),
                     // the second the hub's reason for refusing it
                     format_text(tr("%s: refused. %s"), tr(action.c_str()), reason.c_str()),
                     now_ms);
  ++version_;
}

void ClientSession::receive(const net::Applied& applied, std::int64_t now_ms) {
  if (core::Status s = replica_.apply(applied); !s) {
    replica_out_of_step_ = true;
    if (kept_) kept_->out_of_step();
    // The replica no longer follows the hub: reconnecting without a sequence number asks for a
    // fresh snapshot; meanwhile the user is told.
    notifications_.add(NoticeKind::Connection,
                       // TRANSLATORS: %s is why an operation from the hub could not be applied
                       format_text(tr("The local copy of the event is out of step (%s); "
                                      "reconnect to refresh it."),
                                   s.error().message.c_str()),
                       now_ms);
    return;
  }
  if (kept_) kept_->applied(applied);
  follow_changes(applied.op);
  if (applied.op.sequence > notices_floor_) notify_applied(applied.op, now_ms);
}

void ClientSession::notify_applied(const core::Operation& op, std::int64_t now_ms) {
  auto notice = core::notice(op, replica_.state(), role_, me_);
  if (!notice) return;
  std::string text = std::move(notice->text);
  if (notice->person != 0) {
    // The catalogue's phrase names the person by a placeholder; their name is the replica's.
    const auto fill = [&](std::string_view placeholder, const std::string& who) {
      if (const auto at = text.find(placeholder); at != std::string::npos)
        text.replace(at, placeholder.size(), who);
    };
    fill("{person}", name_with_type(*this, notice->person));
    fill("{name}", name_of(notice->person));
  }
  notifications_.add(notice->kind, std::move(text), now_ms);
}

void ClientSession::remind(std::int64_t now_ms) {
  if (role_ != core::Role::Participant || me_ == 0) return;
  const auto& state = replica_.state();
  const auto it = state.index.person_meetings.find(me_);
  if (it == state.index.person_meetings.end()) return;
  constexpr std::int64_t kAhead = 5 * 60 * 1000;
  // After the slot, for three hours: did it take place? Asked once, while they have not said.
  constexpr std::int64_t kAskFor = 3 * 60 * 60 * 1000;
  for (const core::MeetingId id : it->second) {
    const core::Meeting* m = state.meeting(id);
    if (m == nullptr || m->status != core::MeetingStatus::Accepted || !m->placement) continue;
    const std::int64_t start = slot_start_ms(m->placement->slot);
    if (const auto s = state.sessions.find(m->placement->slot.session); s != state.sessions.end()) {
      const std::int64_t end = start + std::int64_t{s->second.slot_minutes} * 60 * 1000;
      const core::MeetingFeedback& mine =
          m->requester == me_ ? m->requester_feedback : m->invitee_feedback;
      if (end <= now_ms && now_ms - end < kAskFor && mine.held == core::HeldState::Unknown &&
          asked_held_.insert(id).second)
        notifications_.add(NoticeKind::Reminder,
                           // TRANSLATORS: %s is the other person's name; "Feedback" is the name
                           // of a screen
                           format_text(tr("Did your meeting with %s take place? Say so on "
                                          "Feedback: one \"no\" from either of you marks it "
                                          "not held."),
                                       name_of(m->other(me_)).c_str()),
                           now_ms);
    }
    if (start <= now_ms || start - now_ms > kAhead) continue;
    if (!reminded_.insert({id, start}).second) continue;
    const long minutes = static_cast<long>((start - now_ms + 59999) / 60000);
    notifications_.add(NoticeKind::Reminder,
                       // TRANSLATORS: a reminder of a meeting about to start: in how many
                       // minutes, at which table, with whom
                       format_text(tr_n("In %ld min: %s with %s", "In %ld min: %s with %s",
                                        static_cast<unsigned long>(minutes)),
                                   minutes, table_name(m->placement->table).c_str(),
                                   name_of(m->other(me_)).c_str()),
                       now_ms);
  }
}

void ClientSession::bump_all() {
  ++version_;
  ++profiles_version_;
  ++meetings_version_;
  profile_changes_.clear();
  journal_from_ = profiles_version_;
  meeting_changes_.clear();
  meeting_journal_from_ = meetings_version_;
}

namespace {

// What the client's caches follow of an operation's changes, as the catalogue reports them:
// profiles (and what matching keeps apart) and meetings (and teams), each a version counter and a
// journal of what changed, so that view models update instead of rebuilding.
class CacheChanges final : public core::ChangeSink {
 public:
  void event_record() override { event_record_ = true; }
  void settings() override { profile(0, 0); }  // weights: the scorer changes, nobody's record
  void person(core::ParticipantId id) override { profile(id, 0); }
  void kept_apart(core::ParticipantId a, core::ParticipantId b) override { profile(a, b); }
  void meeting(core::MeetingId id, bool) override { meetings_.push_back(id); }
  // Several meetings or teams at once: counted again.
  void left(core::ParticipantId) override { meetings_.push_back(0); }
  void round(core::RoundId) override { meetings_.push_back(0); }
  void session_removed(core::SessionId) override { meetings_.push_back(0); }
  void table_removed(core::TableId) override { meetings_.push_back(0); }

  bool event_record_ = false;
  std::vector<std::pair<core::ParticipantId, core::ParticipantId>> profiles_;
  std::vector<core::MeetingId> meetings_;

 private:
  void profile(core::ParticipantId a, core::ParticipantId b) { profiles_.emplace_back(a, b); }
};

}  // namespace

void ClientSession::follow_changes(const core::Operation& op) {
  CacheChanges changes;
  core::report_changes(op, replica_.state(), changes);
  ++version_;
  if (changes.event_record_) load_time_zone();
  if (!changes.profiles_.empty()) ++profiles_version_;
  if (!changes.meetings_.empty()) ++meetings_version_;
  for (const auto& [a, b] : changes.profiles_)
    profile_changes_.push_back({profiles_version_, a, b});
  for (const core::MeetingId m : changes.meetings_)
    meeting_changes_.push_back({meetings_version_, m});
  constexpr std::size_t kJournal = 4096;
  while (meeting_changes_.size() > kJournal) {
    meeting_journal_from_ = meeting_changes_.front().version;
    meeting_changes_.pop_front();
  }
  while (profile_changes_.size() > kJournal) {
    journal_from_ = profile_changes_.front().version;
    profile_changes_.pop_front();
  }
}

bool ClientSession::meeting_changes_since(std::uint64_t version,
                                          std::vector<MeetingChange>& out) const {
  out.clear();
  if (version < meeting_journal_from_ || version > meetings_version_) return false;
  for (const auto& change : meeting_changes_) {
    if (change.version > version) out.push_back(change);
  }
  return true;
}

bool ClientSession::profile_changes_since(std::uint64_t version,
                                          std::vector<ProfileChange>& out) const {
  out.clear();
  if (version < journal_from_ || version > profiles_version_) return false;
  for (const auto& change : profile_changes_) {
    if (change.version > version) out.push_back(change);
  }
  return true;
}

void ClientSession::load_time_zone() {
  const std::string& name = replica_.state().event.time_zone;
  if (name == time_zone_name_) return;
  time_zone_name_ = name;
  zone_.reset();
  if (name.empty()) return;
  auto zone = storage::TimeZone::load(name);
  if (zone) zone_ = std::move(*zone);
}

std::string ClientSession::name_of(core::ParticipantId id) const {
  const core::Participant* p = replica_.state().participant(id);
  // TRANSLATORS: in place of the name of someone unknown or nameless; %u is their number
  if (p == nullptr || p->profile.display_name.empty()) return format_text(tr("participant %u"), id);
  return p->profile.display_name;
}

std::int64_t ClientSession::slot_start_ms(core::SlotRef slot) const {
  const core::Session* s = replica_.state().session(slot.session);
  if (s == nullptr || slot.index < 0 || slot.index >= s->slot_count()) return 0;
  return local_to_ms(s->slot_time(slot.index));
}

std::int64_t ClientSession::session_start_ms(core::SessionId session) const {
  const core::Session* s = replica_.state().session(session);
  return s == nullptr ? 0 : local_to_ms(s->date * 1440 + s->start);
}

std::int64_t ClientSession::local_to_ms(std::int64_t local_minutes) const {
  const std::int64_t local = local_minutes * 60;
  return (zone_ ? zone_->to_utc(local) : local) * 1000;
}

std::string ClientSession::slot_label(core::SlotRef slot) const {
  const core::Session* s = replica_.state().session(slot.session);
  // TRANSLATORS: in place of a meeting slot's day and time, when it has none
  if (s == nullptr || slot.index < 0 || slot.index >= s->slot_count()) return tr("no slot");
  return core::format_day_label(s->date) + " " +
         core::format_time_of_day(s->slot_starts[slot.index]);
}

std::string ClientSession::table_name(core::TableId table) const {
  const core::Table* t = replica_.state().table(table);
  // TRANSLATORS: in place of the name of a table that is unknown; %u is its number
  return t ? t->name : format_text(tr("table %u"), table);
}

}  // namespace crossmatch::client
