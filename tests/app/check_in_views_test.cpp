// The check-in desk on screen: a scanned code (typed, then Enter) checks its person in and the
// desk greets them with their badge's details; a second scan, an unknown code and a withdrawn
// person get their own messages; the arrival count follows; a walk-in is registered as arrived.
#include <doctest/doctest.h>

#include "app/client/state/check_in_desk.hpp"
#include "app/client/views/organiser_views.hpp"
#include "core/event/check_in_code.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/app/headless_ui.hpp"
#include "tests/text_checks.hpp"

using namespace crossmatch;

namespace {

using crossmatch::test::contains;

// Three more people registered by the organiser, each with a check-in code as the hub draws one.
struct DeskFixture : test::ClientFixture {
  std::vector<core::ParticipantId> people;
  DeskFixture() {
    auto demo = core::generate_demo_participants(test::taxonomy(), test::demo_vocabulary(), {3, 7});
    REQUIRE(demo.ok());
    for (std::size_t i = 0; i < demo->size(); ++i) {
      core::Profile profile = (*demo)[i].profile;
      profile.email = "desk" + std::to_string(i) + "@example.org";
      const auto op = apply(core::Actor{core::Role::Organiser, 0},
                            core::Register{.profile = profile,
                                           .check_in_code = core::check_in_code_from_bytes(
                                               {1, 2, 3, 4, static_cast<std::uint8_t>(i)})});
      people.push_back(std::get<core::Register>(op.payload).participant);
    }
  }
  const std::string& code_of(core::ParticipantId id) const {
    return state.participants.at(id).check_in_code;
  }
  // The hub applies the session's last operation (as `actor`) and the session hears of it.
  core::Error answer_last(client::ClientSession& session, const core::Actor& actor) {
    auto pending = outbox.pending();
    REQUIRE(pending.ok());
    REQUIRE_FALSE(pending->empty());
    core::Operation op = pending->back();
    op.actor = actor;
    op.at = (clock += 1000);
    op.sequence = seq + 1;
    auto r = core::apply_operation(state, test::taxonomy(), op);
    if (!r.ok()) {
      session.receive_refusal(net::OperationRefused{pending->back(), r.error()}, clock);
      return r.error();
    }
    ++seq;
    session.receive(net::Applied{*r, {}}, clock);
    session.handle(net::OperationDone{r->id, r->sequence, false}, clock);
    return core::Error{};
  }
};

}  // namespace

TEST_CASE("check-in screen: scan, greet, second scan, unknown code, withdrawn; counts follow") {
  DeskFixture f;
  const core::Actor desk{core::Role::Helper, 0};
  auto session = f.session(core::Role::Helper);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_check_in_view(models); };
  std::string text = ui.frame(body);
  const int expected = static_cast<int>(f.state.participants.size());
  CHECK(contains(text, "Arrived: 0 of " + std::to_string(expected) + " participants"));

  // A scanner types the code and Enter into the code field. (That the field takes the keyboard by
  // itself is seen in the real window; here it is clicked first.)
  REQUIRE(ui.click(test::HeadlessUi::id_of([] {}, "##check_in_code", 0), body));
  const core::ParticipantId ana = f.people[0];
  const core::Participant& person = f.state.participants.at(ana);
  ui.type(core::format_check_in_code(f.code_of(ana)), body);
  ui.press(ImGuiKey_Enter, body);
  const auto sent = f.submitted();
  REQUIRE(sent.size() == 1);
  REQUIRE(std::holds_alternative<core::CheckIn>(sent.back()));
  CHECK(std::get<core::CheckIn>(sent.back()).code == f.code_of(ana));
  CHECK(models.check_in.typed.empty());  // ready for the next person
  CHECK(contains(ui.frame(body), "Checking"));
  f.answer_last(*session, desk);
  text = ui.frame(body);
  CHECK(contains(text, "Welcome, " + person.profile.display_name));
  CHECK(contains(text, person.profile.organisation));
  CHECK(contains(text, test::taxonomy().city(person.profile.city)->name));
  CHECK(contains(text, "Arrived: 1 of " + std::to_string(expected)));

  // The same badge again.
  models.check_in.typed = f.code_of(ana);
  models.check_in.check_in(*session);
  CHECK(f.answer_last(*session, desk).code == "already_arrived");
  text = ui.frame(body);
  CHECK(contains(text, person.profile.display_name + " already checked in at "));
  CHECK(models.check_in.message().verdict == client::DeskVerdict::Warning);

  // A code nobody has.
  models.check_in.typed = "zzzz zzzz";
  models.check_in.check_in(*session);
  CHECK(f.answer_last(*session, desk).code == "unknown_code");
  text = ui.frame(body);
  CHECK(contains(text, "No one has check-in code ZZZZ-ZZZZ"));
  CHECK(models.check_in.message().verdict == client::DeskVerdict::Refused);

  // Not a code at all: said at once, nothing sent.
  const std::size_t before = f.submitted().size();
  models.check_in.typed = "hello";
  models.check_in.check_in(*session);
  CHECK(f.submitted().size() == before);
  CHECK(contains(ui.frame(body), "'hello' is not a check-in code"));

  // Someone who withdrew.
  const core::ParticipantId gone = f.people[1];
  session->receive(
      net::Applied{f.apply(test::ClientFixture::person(gone), core::Withdraw{.participant = gone}),
                   {}},
      f.clock);
  models.check_in.typed = f.code_of(gone);
  models.check_in.check_in(*session);
  CHECK(f.answer_last(*session, desk).code == "withdrawn");
  text = ui.frame(body);
  CHECK(contains(text, "has withdrawn from the event"));
  CHECK(contains(text, "Arrived: 1 of " + std::to_string(expected - 1)));
}

TEST_CASE("check-in screen: a walk-in is registered on the spot and counted as arrived") {
  DeskFixture f;
  auto session = f.session(core::Role::Helper);
  client::ClientModels models(*session);
  test::HeadlessUi ui;
  const auto body = [&] { client::draw_check_in_view(models); };
  ui.frame(body);
  client::CheckInDesk& desk = models.check_in;
  desk.start_walk_in(*session);
  // An incomplete form is not sent: its messages say what is missing.
  CHECK_FALSE(desk.register_walk_in(*session));
  CHECK(f.submitted().empty());
  CHECK_FALSE(desk.walk_in.shown_message("display_name").empty());
  core::Profile& draft = desk.walk_in.draft();
  draft.display_name = "Walk In";
  draft.organisation = "Late Studio";
  draft.email = "walk.in@example.org";
  desk.walk_in.set_city(f.state.participants.begin()->second.profile.city, test::taxonomy());
  draft.sector = f.state.participants.begin()->second.profile.sector;
  draft.languages = f.state.participants.begin()->second.profile.languages;
  REQUIRE(desk.register_walk_in(*session));
  const auto sent = f.submitted();
  REQUIRE(sent.size() == 1);
  const auto* reg = std::get_if<core::Register>(&sent[0]);
  REQUIRE(reg != nullptr);
  CHECK(reg->arrived);
  CHECK(reg->profile.display_name == "Walk In");
  f.answer_last(*session, core::Actor{core::Role::Helper, 0});
  const std::string text = ui.frame(body);
  CHECK(contains(text, "Welcome, Walk In (walk-in)"));
  const auto counts = client::CheckInDesk::counts(session->state());
  CHECK(counts.arrived == 1);
  CHECK(counts.expected == static_cast<int>(f.state.participants.size()));
}
