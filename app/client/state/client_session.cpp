#include "app/client/state/client_session.hpp"

#include <cctype>
#include <iostream>
#include <type_traits>

#include "app/client/state/person_summary.hpp"
#include "core/event/calendar.hpp"

namespace crossmatch::client {

std::string LinkSummary::text() const {
  const std::string waiting = std::to_string(pending) + " pending";
  switch (status) {
    case LinkStatus::Online: return pending == 0 ? "online" : "online, sending " + waiting;
    case LinkStatus::Connecting: return pending == 0 ? "connecting" : "connecting, " + waiting;
    case LinkStatus::Reconnecting: return "reconnecting, " + waiting;
    case LinkStatus::Offline: return "offline, " + waiting;
  }
  return "";
}

ClientSession::ClientSession(const core::Taxonomy& taxonomy, net::Outbox& outbox)
    : taxonomy_(&taxonomy), outbox_(&outbox), fallback_outbox_(&outbox), replica_(taxonomy) {}

void ClientSession::keep_outbox_in(std::filesystem::path folder) { outbox_folder_ = std::move(folder); }

void ClientSession::choose_outbox(const net::ClientOptions& options) {
  if (!outbox_folder_) return;
  // One file per hub: what was made for one event is never sent to another hub.
  std::string name = "outbox-";
  for (const char c : options.host) name += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ? c : '_';
  name += "-" + std::to_string(options.port) + ".db";
  const std::filesystem::path file = *outbox_folder_ / name;
  if (file_outbox_ && file == outbox_file_) return;
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
}

ClientSession::~ClientSession() { disconnect(); }

core::Status ClientSession::connect(const net::ClientOptions& options) {
  disconnect();
  fatal_.reset();
  choose_outbox(options);
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

void ClientSession::use_offline_connection(const net::ClientOptions& options) {
  disconnect();
  connection_ = std::make_unique<net::ClientConnection>(*taxonomy_, options, *outbox_);
  connection_state_ = net::ConnectionState::Offline;
  connection_reason_ = "not connected";
}

void ClientSession::disconnect() {
  if (!connection_) return;
  connection_->stop();
  connection_.reset();
  connection_state_ = net::ConnectionState::Offline;
  connection_reason_ = "disconnected";
}

core::Result<std::string> ClientSession::submit(core::OperationPayload payload) {
  if (!connection_) {
    return core::make_error("not_connected", "", "Not connected to a hub: join an event first.");
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
  replica_.restore(std::move(state), seq);
  role_ = role;
  me_ = me;
  joined_ = welcomed_ = true;
  load_time_zone();
  bump_all();
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
    case net::ConnectionState::CatchingUp: out.status = LinkStatus::Connecting; break;
    case net::ConnectionState::Online: out.status = LinkStatus::Online; break;
    case net::ConnectionState::Reconnecting: out.status = LinkStatus::Reconnecting; break;
    case net::ConnectionState::Offline: out.status = LinkStatus::Offline; break;
  }
  return out;
}

void ClientSession::update(std::int64_t now_ms) {
  if (connection_) {
    for (auto& event : connection_->drain()) {
      std::visit(
          [&](auto& e) {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, net::StateChanged>) {
              connection_state_ = e.state;
              connection_reason_ = e.reason;
              ++version_;
            } else if constexpr (std::is_same_v<E, net::Welcome>) {
              role_ = e.role;
              me_ = e.participant;
              welcomed_ = true;
              fatal_.reset();
            } else if constexpr (std::is_same_v<E, net::Snapshot>) {
              replica_.reset(std::move(e));
              joined_ = welcomed_;
              load_time_zone();
              bump_all();
            } else if constexpr (std::is_same_v<E, net::Applied>) {
              receive(e, now_ms);
            } else if constexpr (std::is_same_v<E, net::CaughtUp>) {
              replica_.advance(e.seq);
              joined_ = welcomed_;
              ++version_;
            } else if constexpr (std::is_same_v<E, net::OperationDone>) {
              ++version_;
            } else if constexpr (std::is_same_v<E, net::OperationRefused>) {
              notifications_.add(NoticeKind::Refused,
                                 std::string("The hub refused ") + core::operation_type(e.op.payload) +
                                     ": " + e.error.message,
                                 now_ms);
              ++version_;
            } else if constexpr (std::is_same_v<E, net::TokenIssued>) {
              me_ = e.participant;
              issued_token_ = e.token;
              bump_all();
            } else if constexpr (std::is_same_v<E, net::Teams>) {
              teams_ = std::move(e);
              ++version_;
            } else if constexpr (std::is_same_v<E, net::Notice>) {
              notifications_.add(NoticeKind::Connection, e.message, now_ms);
            } else if constexpr (std::is_same_v<E, net::HubError>) {
              if (e.fatal) fatal_ = e.error;
              connection_reason_ = e.error.message;
              ++version_;
            }
          },
          event);
    }
  }
  if (joined_) remind(now_ms);
}

void ClientSession::receive(const net::Applied& applied, std::int64_t now_ms) {
  if (core::Status s = replica_.apply(applied); !s) {
    // The replica no longer follows the hub: reconnecting without a sequence number asks for a
    // fresh snapshot; meanwhile the user is told.
    notifications_.add(NoticeKind::Connection,
                       "The local copy of the event is out of step (" + s.error().message +
                           "); reconnect to refresh it.",
                       now_ms);
    return;
  }
  if (std::holds_alternative<core::CreateEvent>(applied.op.payload)) load_time_zone();
  bump_for(applied.op.payload);
  journal(applied.op);
  notify_applied(applied.op, now_ms);
}

void ClientSession::notify_applied(const core::Operation& op, std::int64_t now_ms) {
  const auto& state = replica_.state();
  if (const auto* a = std::get_if<core::Announce>(&op.payload)) {
    notifications_.add(NoticeKind::Announcement, a->text, now_ms);
    return;
  }
  if (const auto* r = std::get_if<core::PublishTeamRound>(&op.payload)) {
    notifications_.add(NoticeKind::TeamRound, "Team round published: " + r->name, now_ms);
    return;
  }
  if (role_ != core::Role::Participant || me_ == 0) return;
  const bool by_me = op.actor.role == core::Role::Participant && op.actor.participant == me_;
  if (by_me) return;
  if (const auto* r = std::get_if<core::RequestMeeting>(&op.payload); r && r->to == me_) {
    notifications_.add(NoticeKind::Request, "New request from " + name_with_type(*this, r->from), now_ms);
  } else if (const auto* i = std::get_if<core::Introduce>(&op.payload);
             i && (i->first == me_ || i->second == me_)) {
    notifications_.add(NoticeKind::Request,
                       "A broker introduces you to " + name_with_type(*this, i->first == me_ ? i->second : i->first),
                       now_ms);
  } else {
    core::MeetingId id = 0;
    std::string verb;
    if (const auto* x = std::get_if<core::AcceptMeeting>(&op.payload)) id = x->meeting, verb = " accepted";
    if (const auto* x = std::get_if<core::DeclineMeeting>(&op.payload)) id = x->meeting, verb = " declined";
    if (const auto* x = std::get_if<core::ProposeSlot>(&op.payload)) id = x->meeting, verb = " proposed another slot for";
    if (const auto* x = std::get_if<core::CancelMeeting>(&op.payload)) id = x->meeting, verb = " cancelled";
    const core::Meeting* m = id ? state.meeting(id) : nullptr;
    if (m == nullptr || !m->involves(me_)) return;
    const std::string who = op.actor.role == core::Role::Participant ? name_of(op.actor.participant) : "The organiser";
    notifications_.add(NoticeKind::Answer, who + verb + " your meeting", now_ms);
  }
}

void ClientSession::remind(std::int64_t now_ms) {
  if (role_ != core::Role::Participant || me_ == 0) return;
  const auto& state = replica_.state();
  const auto it = state.index.person_meetings.find(me_);
  if (it == state.index.person_meetings.end()) return;
  constexpr std::int64_t kAhead = 5 * 60 * 1000;
  for (const core::MeetingId id : it->second) {
    const core::Meeting* m = state.meeting(id);
    if (m == nullptr || m->status != core::MeetingStatus::Accepted || !m->placement) continue;
    const std::int64_t start = slot_start_ms(m->placement->slot);
    if (start <= now_ms || start - now_ms > kAhead) continue;
    if (!reminded_.insert({id, start}).second) continue;
    notifications_.add(NoticeKind::Reminder,
                       "In " + std::to_string((start - now_ms + 59999) / 60000) + " min: " +
                           table_name(m->placement->table) + " with " + name_of(m->other(me_)),
                       now_ms);
  }
}

void ClientSession::bump_for(const core::OperationPayload& payload) {
  ++version_;
  std::visit(
      [&](const auto& p) {
        using P = std::decay_t<decltype(p)>;
        constexpr bool profiles = std::is_same_v<P, core::Register> || std::is_same_v<P, core::EditProfile> ||
                                  std::is_same_v<P, core::Withdraw> || std::is_same_v<P, core::Erase> ||
                                  std::is_same_v<P, core::SetSettings> || std::is_same_v<P, core::DeclineMeeting>;
        constexpr bool meetings =
            std::is_same_v<P, core::RequestMeeting> || std::is_same_v<P, core::Introduce> ||
            std::is_same_v<P, core::AcceptMeeting> || std::is_same_v<P, core::DeclineMeeting> ||
            std::is_same_v<P, core::ProposeSlot> || std::is_same_v<P, core::CancelMeeting> ||
            std::is_same_v<P, core::GiveFeedback> || std::is_same_v<P, core::ApplySchedule> ||
            std::is_same_v<P, core::PublishTeamRound> || std::is_same_v<P, core::Withdraw> ||
            std::is_same_v<P, core::Erase> || std::is_same_v<P, core::RemoveSession> ||
            std::is_same_v<P, core::RemoveTable>;
        if (profiles) ++profiles_version_;
        if (meetings) ++meetings_version_;
      },
      payload);
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

void ClientSession::journal(const core::Operation& op) {
  constexpr std::size_t kJournal = 4096;
  const auto add = [&](core::ParticipantId p, core::ParticipantId other) {
    profile_changes_.push_back({profiles_version_, p, other});
  };
  std::visit(
      [&](const auto& p) {
        using P = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<P, core::Register> || std::is_same_v<P, core::EditProfile> ||
                      std::is_same_v<P, core::Withdraw> || std::is_same_v<P, core::Erase>) {
          add(p.participant, 0);
        } else if constexpr (std::is_same_v<P, core::DeclineMeeting>) {
          if (const core::Meeting* m = replica_.state().meeting(p.meeting)) add(m->requester, m->invitee);
        } else if constexpr (std::is_same_v<P, core::SetSettings>) {
          add(0, 0);  // weights: the scorer changes, nobody's record
        }
        if constexpr (std::is_same_v<P, core::RequestMeeting> || std::is_same_v<P, core::Introduce> ||
                      std::is_same_v<P, core::AcceptMeeting> || std::is_same_v<P, core::DeclineMeeting> ||
                      std::is_same_v<P, core::ProposeSlot> || std::is_same_v<P, core::CancelMeeting> ||
                      std::is_same_v<P, core::GiveFeedback>) {
          meeting_changes_.push_back({meetings_version_, p.meeting});
        } else if constexpr (std::is_same_v<P, core::Withdraw> || std::is_same_v<P, core::Erase> ||
                             std::is_same_v<P, core::RemoveSession> || std::is_same_v<P, core::RemoveTable> ||
                             std::is_same_v<P, core::PublishTeamRound>) {
          meeting_changes_.push_back({meetings_version_, 0});  // several meetings or teams at once
        }
      },
      op.payload);
  while (meeting_changes_.size() > kJournal) {
    meeting_journal_from_ = meeting_changes_.front().version;
    meeting_changes_.pop_front();
  }
  while (profile_changes_.size() > kJournal) {
    journal_from_ = profile_changes_.front().version;
    profile_changes_.pop_front();
  }
}

bool ClientSession::meeting_changes_since(std::uint64_t version, std::vector<MeetingChange>& out) const {
  out.clear();
  if (version < meeting_journal_from_ || version > meetings_version_) return false;
  for (const auto& change : meeting_changes_) {
    if (change.version > version) out.push_back(change);
  }
  return true;
}

bool ClientSession::profile_changes_since(std::uint64_t version, std::vector<ProfileChange>& out) const {
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
  if (p == nullptr || p->profile.display_name.empty()) return "participant " + std::to_string(id);
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
  if (s == nullptr || slot.index < 0 || slot.index >= s->slot_count()) return "no slot";
  return core::format_day_label(s->date) + " " + core::format_time_of_day(s->slot_starts[slot.index]);
}

std::string ClientSession::table_name(core::TableId table) const {
  const core::Table* t = replica_.state().table(table);
  return t ? t->name : "table " + std::to_string(table);
}

}  // namespace crossmatch::client
