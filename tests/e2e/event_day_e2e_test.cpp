// An event day over real connections, the way the venue runs it: the desk checks people in; a
// request left unanswered past the organiser's expiry is expired by the hub; a participant signs
// in at a kiosk with their badge's code, sees their agenda, says whether a meeting took place and
// is signed out when the kiosk is left alone; the other side answers "no" at the kiosk and the
// meeting is marked not held; a late withdrawal frees a booked slot, the hub offers it to two
// people on standby, both accept at the kiosk and the meeting is booked there with nothing else
// moved.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "app/client/state/kiosk.hpp"
#include "core/event/apply.hpp"
#include "core/event/check_in_code.hpp"
#include "storage/event_store.hpp"
#include "tests/e2e/hub_process.hpp"
#include "tests/e2e/sync_client.hpp"
#include "tests/event_fixture.hpp"

using namespace crossmatch;
using namespace std::chrono_literals;

namespace {

std::int64_t unix_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool share_language(const core::Participant& a, const core::Participant& b) {
  for (const std::string& l : a.profile.languages) {
    if (std::find(b.profile.languages.begin(), b.profile.languages.end(), l) !=
        b.profile.languages.end())
      return true;
  }
  return false;
}

// `n` disjoint pairs of people who could meet: a common language, different organisations.
std::vector<std::pair<core::ParticipantId, core::ParticipantId>> meeting_pairs(
    const core::EventState& state, std::size_t n) {
  std::vector<std::pair<core::ParticipantId, core::ParticipantId>> out;
  std::set<core::ParticipantId> used;
  for (const auto& [a, pa] : state.participants) {
    if (used.count(a) != 0) continue;
    for (const auto& [b, pb] : state.participants) {
      if (b <= a || used.count(b) != 0) continue;
      if (!share_language(pa, pb) || pa.profile.organisation == pb.profile.organisation) continue;
      out.emplace_back(a, b);
      used.insert(a);
      used.insert(b);
      break;
    }
    if (out.size() == n) break;
  }
  REQUIRE(out.size() == n);
  return out;
}

// The stored event, changed while no hub runs: operations applied as the hub would have applied
// them, at the times given, and appended to the log.
class StoredEvent {
 public:
  explicit StoredEvent(const std::filesystem::path& db) {
    auto store = storage::EventStore::open(db, test::taxonomy(), false);
    REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().message));
    store_ = std::move(*store);
    auto loaded = store_->load();
    REQUIRE(loaded.ok());
    state = std::move(loaded->state);
    seq_ = loaded->last_sequence;
  }

  core::Operation apply(const core::Actor& actor, core::OperationPayload payload,
                        std::int64_t at_ms) {
    core::Operation op;
    op.id = "day-" + std::to_string(seq_ + 1);
    op.actor = actor;
    op.payload = std::move(payload);
    op.at = at_ms;
    op.sequence = seq_ + 1;
    auto applied = core::apply_operation(state, test::taxonomy(), op);
    REQUIRE_MESSAGE(applied.ok(), (applied.ok() ? "" : applied.error().message));
    REQUIRE(store_->append({*applied}).ok());
    ++seq_;
    return *applied;
  }

  core::EventState state;

 private:
  std::unique_ptr<storage::EventStore> store_;
  std::uint64_t seq_ = 0;
};

core::Actor person(core::ParticipantId id) {
  return {core::Role::Participant, id};
}

// Runs the kiosk's frames (its clock the real one) until `done`, at most `seconds`.
bool drive(client::Kiosk& kiosk, const std::function<bool()>& done, int seconds = 20) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    kiosk.update(unix_ms());
    if (done()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

// Signs the person with `code` in at the kiosk and waits for their screen.
void visit(client::Kiosk& kiosk, const std::string& code) {
  REQUIRE(kiosk.phase() == client::KioskPhase::Waiting);
  kiosk.typed = code;
  kiosk.sign_in(unix_ms());
  REQUIRE_MESSAGE(drive(kiosk, [&] { return kiosk.phase() != client::KioskPhase::SigningIn; }),
                  kiosk.message().text);
  REQUIRE_MESSAGE(kiosk.phase() == client::KioskPhase::SignedIn, kiosk.message().text);
}

// Gives an answer at the kiosk and waits until the hub has applied it.
void answer_at(client::Kiosk& kiosk, core::OperationPayload payload, const std::string& done) {
  kiosk.answer(std::move(payload), done);
  REQUIRE(drive(kiosk, [&] { return kiosk.answer_status() == done || kiosk.answer_refused(); }));
  REQUIRE_MESSAGE(kiosk.answer_status() == done, kiosk.answer_status());
}

}  // namespace

TEST_CASE("an event day over real connections: desk, expiry, kiosk, attendance, refill") {
  const auto dir = test::fresh_folder("event-day");
  const auto db = dir / "event.db";
  test::HubProcess first(db, {"--demo", "16"});
  const std::string organiser_token = first.organiser(), helper_token = first.helper(),
                    broker_token = first.broker();
  REQUIRE(first.stop(SIGTERM) == 0);

  // Before doors open: two meetings booked, two people on standby, and a request sent 40 minutes
  // ago under an expiry of 30 minutes (the hub was not running meanwhile).
  core::MeetingId held_meeting = 0, freed_meeting = 0, stale_request = 0;
  core::ParticipantId a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0;
  std::map<core::ParticipantId, std::string> codes;
  {
    StoredEvent event(db);
    const auto pairs = meeting_pairs(event.state, 4);
    std::tie(a, b) = pairs[0];
    std::tie(c, d) = pairs[1];
    std::tie(e, f) = pairs[2];
    std::tie(g, h) = pairs[3];
    for (const auto& [id, p] : event.state.participants) codes[id] = p.check_in_code;
    const std::int64_t then = unix_ms() - 40 * 60'000;
    core::EventSettings settings = event.state.event.settings;
    settings.request_expiry_minutes = 30;
    event.apply(test::organiser(), core::SetSettings{.settings = settings}, then);
    const auto meet = [&](core::ParticipantId x, core::ParticipantId y) {
      const auto asked = event.apply(person(x), core::RequestMeeting{.from = x, .to = y}, then);
      const core::MeetingId id = std::get<core::RequestMeeting>(asked.payload).meeting;
      event.apply(person(y), core::AcceptMeeting{.meeting = id}, then + 1);
      REQUIRE(event.state.meetings.at(id).placement);
      return id;
    };
    held_meeting = meet(a, b);
    freed_meeting = meet(e, f);
    const auto asked = event.apply(person(g), core::RequestMeeting{.from = g, .to = h}, then + 2);
    stale_request = std::get<core::RequestMeeting>(asked.payload).meeting;
    event.apply(person(c), core::SetStandby{.participant = c, .on = true}, then + 3);
    event.apply(person(d), core::SetStandby{.participant = d, .on = true}, then + 3);
  }

  test::HubProcess hub(db, {});
  net::MemoryOutbox organiser_outbox, desk_outbox;
  test::SyncClient organiser(hub, "", organiser_token, organiser_outbox);
  test::SyncClient desk(hub, "", helper_token, desk_outbox);
  REQUIRE(organiser.wait_for([&] { return organiser.online; }));
  REQUIRE(desk.wait_for([&] { return desk.online; }));
  const core::EventState& seen = organiser.replica.state();
  const core::Placement booked_ab = *seen.meetings.at(held_meeting).placement;
  const core::Placement freed_at = *seen.meetings.at(freed_meeting).placement;

  // The hub expires the stale request on its own.
  REQUIRE(organiser.wait_for(
      [&] { return seen.meetings.at(stale_request).status == core::MeetingStatus::Cancelled; },
      20s));

  // The desk checks in everyone who comes today; F does not come.
  for (const core::ParticipantId id : {a, b, c, d, e}) {
    auto scanned = desk.submit(core::CheckIn{.code = codes.at(id)});
    REQUIRE(scanned.ok());
    REQUIRE(desk.wait_for([&] { return desk.answered(*scanned); }));
    REQUIRE(desk.done.count(*scanned) == 1);
  }
  REQUIRE(organiser.wait_for([&] { return seen.participants.at(e).arrived(); }));

  client::KioskDesk where;
  const net::ClientOptions hub_options = hub.client_options();
  where.host = hub_options.host;
  where.port = hub_options.port;
  where.token = helper_token;
  where.pin = hub_options.pin;
  where.insecure = hub_options.insecure;
  client::Kiosk kiosk(test::taxonomy(), where);

  // A at the kiosk: their meeting with B on the agenda; they say it took place; then they walk
  // away and the kiosk signs them out after a minute.
  visit(kiosk, core::format_check_in_code(codes.at(a)));
  REQUIRE(kiosk.session()->me() == a);
  REQUIRE(drive(kiosk, [&] { return kiosk.meetings().agenda().size() == 1; }));
  CHECK(kiosk.meetings().agenda().front().id == held_meeting);
  const client::MeetingRow* next = client::next_meeting(kiosk.meetings(), *kiosk.session(), 0);
  REQUIRE(next != nullptr);
  CHECK(next->partner == b);
  answer_at(kiosk, core::GiveFeedback{.meeting = held_meeting, .held = core::HeldState::Held},
            "we met");
  kiosk.update(unix_ms() + client::Kiosk::kIdleMs + 1'000);
  CHECK(kiosk.phase() == client::KioskPhase::Waiting);
  CHECK(kiosk.session() == nullptr);
  CHECK(kiosk.message().text == "Signed out after a minute without use.");

  // B says it did not: the meeting is not held, and each side's answer is kept.
  visit(kiosk, codes.at(b));
  answer_at(kiosk, core::GiveFeedback{.meeting = held_meeting, .held = core::HeldState::NotHeld},
            "it did not");
  kiosk.sign_out(unix_ms(), "bye");
  REQUIRE(drive(kiosk, [&] { return kiosk.phase() == client::KioskPhase::Waiting; }));
  REQUIRE(organiser.wait_for(
      [&] { return seen.meetings.at(held_meeting).held == core::HeldState::NotHeld; }));
  CHECK(seen.meetings.at(held_meeting).requester_feedback.held == core::HeldState::Held);
  CHECK(seen.meetings.at(held_meeting).invitee_feedback.held == core::HeldState::NotHeld);

  // F has not come: the organiser withdraws them; their booked slot is freed and the hub offers
  // it to C and D, on standby, free then and arrived.
  auto withdrawn = organiser.submit(core::Withdraw{.participant = f});
  REQUIRE(organiser.wait_for([&] { return organiser.answered(*withdrawn); }));
  REQUIRE(organiser.done.count(*withdrawn) == 1);
  core::MeetingId offer = 0;
  REQUIRE(organiser.wait_for([&] {
    for (const auto& [id, m] : seen.meetings) {
      if (m.offered && m.status == core::MeetingStatus::Requested) offer = id;
    }
    return offer != 0;
  }));
  const core::Meeting& offered = seen.meetings.at(offer);
  CHECK(((offered.requester == c && offered.invitee == d) ||
         (offered.requester == d && offered.invitee == c)));
  REQUIRE(offered.preferred.size() == 1);
  CHECK(offered.preferred.front() == freed_at.slot);

  // Both accept at the kiosk, one after the other: booked at the freed slot at once.
  for (const core::ParticipantId id : {c, d}) {
    visit(kiosk, codes.at(id));
    REQUIRE(drive(kiosk, [&] {
      const auto& in = kiosk.meetings().incoming();
      return std::any_of(in.begin(), in.end(),
                         [&](const client::MeetingRow& r) { return r.id == offer && r.offered; });
    }));
    answer_at(kiosk, core::AcceptMeeting{.meeting = offer}, "accepted");
    kiosk.sign_out(unix_ms(), "bye");
    REQUIRE(drive(kiosk, [&] { return kiosk.phase() == client::KioskPhase::Waiting; }));
  }
  REQUIRE(organiser.wait_for([&] { return seen.meetings.at(offer).placement.has_value(); }));
  CHECK(seen.meetings.at(offer).placement->slot == freed_at.slot);
  CHECK(*seen.meetings.at(held_meeting).placement == booked_ab);  // nothing else moved

  // A kiosk set up with a broker's token signs no one in, and says it is the kiosk's fault.
  client::KioskDesk wrong = where;
  wrong.token = broker_token;
  client::Kiosk misconfigured(test::taxonomy(), wrong);
  misconfigured.typed = codes.at(a);
  misconfigured.sign_in(unix_ms());
  REQUIRE(
      drive(misconfigured, [&] { return misconfigured.phase() == client::KioskPhase::Waiting; }));
  CHECK(misconfigured.message().error);
  CHECK(misconfigured.message().text.find("This kiosk cannot sign anyone in") == 0);

  CHECK(organiser.problems.empty());
  CHECK(desk.problems.empty());
  organiser.stop();
  desk.stop();
  CHECK(hub.stop(SIGTERM) == 0);
  std::filesystem::remove_all(dir);
}
