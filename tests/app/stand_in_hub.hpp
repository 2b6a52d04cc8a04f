// A stand-in hub for the client's screen tests: what a session submitted is checked and applied
// to the fixture's state with core's apply function, as the hub does; an applied operation goes to
// every session and is acknowledged to the sender, a refused one is answered with core's refusal,
// so that the status line follows the hub's answers as in the real program.
#pragma once

#include <doctest/doctest.h>

#include <vector>

#include "app/client/state/client_models.hpp"
#include "tests/app/client_fixture.hpp"

namespace crossmatch::test {

struct HubAnswers {
  std::vector<core::OperationPayload> applied;
  std::vector<core::Error> refused;
};

inline HubAnswers answer(ClientFixture& f, client::ClientSession& sender,
                         const std::vector<client::ClientSession*>& everyone) {
  auto pending = f.outbox.pending();
  REQUIRE(pending.ok());
  HubAnswers out;
  for (core::Operation op : *pending) {
    REQUIRE(f.outbox.remove(op.id).ok());
    op.at = (f.clock += 1000);
    op.sequence = f.seq + 1;
    auto applied = core::apply_operation(f.state, taxonomy(), op);
    if (applied) {
      ++f.seq;
      for (client::ClientSession* s : everyone) s->receive({*applied, {}}, f.clock);
      sender.handle(net::OperationDone{.id = op.id, .seq = f.seq}, f.clock);
      out.applied.push_back(applied->payload);
    } else {
      sender.handle(net::OperationRefused{.op = op, .error = applied.error()}, f.clock);
      out.refused.push_back(applied.error());
    }
  }
  return out;
}

// The id of a button in the confirmation dialog (drawn by client::draw_confirmation).
inline ImGuiID dialog_button(const char* label) {
  return ImHashStr(label, 0, ImHashStr("Please confirm###confirm-action", 0, 0));
}

}  // namespace crossmatch::test
