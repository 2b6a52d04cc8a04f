#include "app/client/state/kiosk.hpp"

#include <algorithm>
#include <utility>

#include "core/event/check_in_code.hpp"
#include "core/i18n/translation.hpp"

namespace crossmatch::client {

Kiosk::Kiosk(const core::Taxonomy& taxonomy, KioskDesk desk)
    : taxonomy_(&taxonomy), desk_(std::move(desk)) {}

Kiosk::~Kiosk() {
  drop_visit();
}

void Kiosk::sign_in(std::int64_t now_ms) {
  if (phase_ != KioskPhase::Waiting) return;
  const std::string code = core::normalise_check_in_code(typed);
  typed.clear();
  if (code.empty()) {
    message_ = {core::tr("That is not a check-in code: it has 8 letters and digits, as printed "
                         "under the QR code on your badge."),
                true};
    return;
  }
  outbox_ = std::make_unique<net::MemoryOutbox>();
  session_ = std::make_unique<ClientSession>(*taxonomy_, *outbox_);
  net::ClientOptions options;
  options.host = desk_.host;
  options.port = desk_.port;
  options.token = desk_.token;
  options.check_in_code = code;
  options.pin = desk_.pin;
  options.insecure = desk_.insecure;
  options.client_name = "crossmatch kiosk 0.1.0";
  // One try after another while the hub is away; kSignInMs ends the wait.
  options.backoff_max_seconds = 2;
  if (core::Status s = session_->connect(options); !s) return fail_sign_in(s.error().message);
  message_ = {};
  phase_ = KioskPhase::SigningIn;
  phase_since_ms_ = last_touch_ms_ = now_ms;
}

void Kiosk::sign_in_with(std::unique_ptr<ClientSession> session, std::int64_t now_ms) {
  drop_visit();
  session_ = std::move(session);
  message_ = {};
  phase_ = KioskPhase::SignedIn;
  phase_since_ms_ = last_touch_ms_ = now_ms;
}

void Kiosk::sign_out(std::int64_t now_ms, std::string why) {
  if (phase_ == KioskPhase::Waiting || phase_ == KioskPhase::SigningOut) return;
  pending_message_ = std::move(why);
  if (phase_ == KioskPhase::SignedIn && session_ && session_->link().pending > 0) {
    phase_ = KioskPhase::SigningOut;
    phase_since_ms_ = now_ms;
    return;
  }
  drop_visit();
  message_ = {std::move(pending_message_), false};
}

void Kiosk::touched(std::int64_t now_ms) {
  last_touch_ms_ = now_ms;
}

void Kiosk::update(std::int64_t now_ms) {
  if (!session_) return;
  session_->update(now_ms);
  switch (phase_) {
    case KioskPhase::Waiting:
      break;
    case KioskPhase::SigningIn:
      if (const auto& fatal = session_->fatal_error()) {
        // The kiosk's own credential or connection is at fault, not the person's badge.
        const bool kiosk_at_fault = fatal->code != "unknown_check_in_code" &&
                                    fatal->code != "withdrawn" && fatal->code != "erased";
        if (!kiosk_at_fault) return fail_sign_in(fatal->message);
        return fail_sign_in(core::format_text(
            // TRANSLATORS: %s is the hub's reason for refusing the kiosk's credential
            core::tr("This kiosk cannot sign anyone in (%s). Please tell the registration desk."),
            fatal->message.c_str()));
      }
      if (session_->joined() && session_->link().status == LinkStatus::Online) {
        phase_ = KioskPhase::SignedIn;
        phase_since_ms_ = last_touch_ms_ = now_ms;
      } else if (now_ms - phase_since_ms_ >= kSignInMs) {
        const std::string reason = session_->link().reason;
        fail_sign_in(reason.empty()
                         ? std::string(core::tr("The hub does not answer; try again in a moment, "
                                                "or ask at the registration desk."))
                         // TRANSLATORS: %s is why the hub cannot be reached
                         : core::format_text(core::tr("The hub does not answer (%s); try again in "
                                                      "a moment, or ask at the registration desk."),
                                             reason.c_str()));
      }
      break;
    case KioskPhase::SignedIn:
      if (const auto& fatal = session_->fatal_error()) return fail_sign_in(fatal->message);
      meetings_.refresh(*session_);
      if (now_ms - last_touch_ms_ >= kIdleMs)
        sign_out(now_ms, core::tr("Signed out after a minute without use."));
      break;
    case KioskPhase::SigningOut: {
      const std::size_t unsent = session_->link().pending;
      if (unsent == 0 || now_ms - phase_since_ms_ >= kSendingMs) {
        std::string said = std::move(pending_message_);
        drop_visit();
        if (unsent > 0) {
          message_ = {core::format_text(
                          // TRANSLATORS: %s is how the visit ended (e.g. "Signed out. See you
                          // later!"), %zu how many of the person's answers were not sent
                          core::tr_n("%s %zu answer could not reach the hub: please give it "
                                     "again, or ask at the desk.",
                                     "%s %zu answers could not reach the hub: please give it "
                                     "again, or ask at the desk.",
                                     unsent),
                          said.c_str(), unsent),
                      true};
        } else {
          message_ = {std::move(said), false};
        }
      }
      break;
    }
  }
}

int Kiosk::seconds_left(std::int64_t now_ms) const {
  const std::int64_t left = std::max<std::int64_t>(0, kIdleMs - (now_ms - last_touch_ms_));
  return static_cast<int>((left + 999) / 1000);
}

void Kiosk::answer(core::OperationPayload payload, std::string done) {
  if (phase_ != KioskPhase::SignedIn || !session_) return;
  auto id = session_->submit(std::move(payload));
  if (!id) {
    last_answer_id_.clear();
    last_answer_done_ = id.error().message;
    return;
  }
  last_answer_id_ = *id;
  last_answer_done_ = std::move(done);
}

std::string Kiosk::answer_status() const {
  if (!session_ || last_answer_done_.empty()) return {};
  if (last_answer_id_.empty()) return last_answer_done_;
  const OperationOutcome* outcome = session_->outcome(last_answer_id_);
  if (outcome == nullptr) {
    // TRANSLATORS: %s is the answer on its way, e.g. "Accepted Ana Ferreira"
    return core::format_text(core::tr("Sending: %s"), last_answer_done_.c_str());
  }
  // TRANSLATORS: %s is the hub's reason for refusing the person's answer
  if (outcome->refused) return core::format_text(core::tr("Not done: %s"), outcome->reason.c_str());
  return last_answer_done_;
}

bool Kiosk::answer_refused() const {
  if (!session_) return false;
  if (last_answer_id_.empty()) return !last_answer_done_.empty();  // not even sent
  const OperationOutcome* outcome = session_->outcome(last_answer_id_);
  return outcome != nullptr && outcome->refused;
}

void Kiosk::drop_visit() {
  if (session_) session_->disconnect();
  session_.reset();
  outbox_.reset();
  meetings_ = MyMeetings();
  typed.clear();
  last_answer_id_.clear();
  last_answer_done_.clear();
  phase_ = KioskPhase::Waiting;
}

void Kiosk::fail_sign_in(std::string why) {
  drop_visit();
  message_ = {std::move(why), true};
}

const MeetingRow* next_meeting(const MyMeetings& meetings, const ClientSession& session,
                               std::int64_t now_ms) {
  const core::EventState& state = session.state();
  for (const MeetingRow& row : meetings.agenda()) {
    if (row.start_ms == 0) continue;
    const core::Meeting* m = state.meeting(row.id);
    int minutes = 20;
    if (m != nullptr && m->placement) {
      if (const core::Session* s = state.session(m->placement->slot.session))
        minutes = s->slot_minutes;
    }
    if (row.start_ms + std::int64_t{minutes} * 60'000 > now_ms) return &row;
  }
  return nullptr;
}

}  // namespace crossmatch::client
