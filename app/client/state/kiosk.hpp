// A kiosk (`crossmatch --kiosk`): a shared computer at the venue. A participant signs in with
// their badge's check-in code (typed, or scanned: a scanner types the code and Enter); the kiosk
// connects as them with its own helper's or organiser's token, which the hub checks together
// with the code (docs/protocol.md, "Kiosks"). It shows their next meeting, agenda, team and
// requests, lets them answer, and signs out after a minute without use or on "Sign out".
// Nothing of a visit outlives it: the session, its replica and its outbox are in memory and
// dropped at sign-out, and the person's own token is never held.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/client/state/client_session.hpp"
#include "app/client/state/my_meetings.hpp"
#include "net/client_connection.hpp"

namespace crossmatch::client {

// Where the kiosk's hub is and the desk credential it signs people in with.
struct KioskDesk {
  std::string host = "127.0.0.1";
  unsigned short port = 0;
  std::string token;  // a helper's or the organiser's
  std::string pin;    // the hub certificate's pin or fingerprint
  bool insecure = false;
};

enum class KioskPhase {
  Waiting,     // the welcome: "scan your badge"
  SigningIn,   // the hub is checking the code
  SignedIn,    // the person's own screen
  SigningOut,  // answers still on their way to the hub, then the welcome
};

// How the last visit ended or why a sign-in failed, for the welcome screen.
struct KioskMessage {
  std::string text;
  bool error = false;
};

class Kiosk {
 public:
  static constexpr std::int64_t kIdleMs = 60'000;    // signs out after this long without use
  static constexpr std::int64_t kWarnMs = 15'000;    // and counts down in the last 15 s
  static constexpr std::int64_t kSignInMs = 15'000;  // a hub that has not let the person in by
                                                     // then is given up
  static constexpr std::int64_t kSendingMs = 5'000;  // answers still unsent at sign-out wait
                                                     // this long at most

  Kiosk(const core::Taxonomy& taxonomy, KioskDesk desk);
  ~Kiosk();
  Kiosk(const Kiosk&) = delete;
  Kiosk& operator=(const Kiosk&) = delete;

  std::string typed;  // the code field of the welcome

  // Signs in with the typed code: a code that is not even of the badge's form is refused here,
  // the hub decides the rest.
  void sign_in(std::int64_t now_ms);
  // A session made elsewhere, already holding the person's state (tests).
  void sign_in_with(std::unique_ptr<ClientSession> session, std::int64_t now_ms);
  // Ends the visit: once the answers given are sent (at most kSendingMs), nothing of it is kept.
  void sign_out(std::int64_t now_ms, std::string why);
  // Any key, click or mouse movement: the idle time starts again.
  void touched(std::int64_t now_ms);
  // Once per frame: the session's news, the sign-in's outcome, the idle time.
  void update(std::int64_t now_ms);

  KioskPhase phase() const { return phase_; }
  const KioskMessage& message() const { return message_; }
  // Whole seconds until the idle sign-out.
  int seconds_left(std::int64_t now_ms) const;
  bool idle_warning(std::int64_t now_ms) const {
    return phase_ == KioskPhase::SignedIn && now_ms - last_touch_ms_ >= kIdleMs - kWarnMs;
  }

  // While signed in: the person's session and meetings.
  ClientSession* session() { return session_.get(); }
  const ClientSession* session() const { return session_.get(); }
  MyMeetings& meetings() { return meetings_; }

  // Answers a request or an offer, says whether a meeting took place, joins or leaves the standby
  // list: sent to the hub, and the line under the header says what became of it.
  void answer(core::OperationPayload payload, std::string done);
  // "Accepted Ana Ferreira", "Sending ...", or the hub's refusal.
  std::string answer_status() const;
  bool answer_refused() const;

 private:
  void drop_visit();
  void fail_sign_in(std::string why);

  const core::Taxonomy* taxonomy_;
  KioskDesk desk_;
  KioskPhase phase_ = KioskPhase::Waiting;
  KioskMessage message_;
  std::unique_ptr<net::MemoryOutbox> outbox_;
  std::unique_ptr<ClientSession> session_;
  MyMeetings meetings_;
  std::int64_t last_touch_ms_ = 0;
  std::int64_t phase_since_ms_ = 0;
  std::string last_answer_id_, last_answer_done_;
  std::string pending_message_;  // said once the visit has ended
};

// The agenda row of the person's next meeting (under way or to come) at `now_ms`, if any.
const MeetingRow* next_meeting(const MyMeetings& meetings, const ClientSession& session,
                               std::int64_t now_ms);

}  // namespace crossmatch::client
