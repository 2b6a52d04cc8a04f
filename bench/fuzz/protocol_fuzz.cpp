// libFuzzer target: arbitrary bytes through the hub's line splitter, the client-message decoder
// and, for operations, the state machine's check against a small event (what a hostile client
// can reach). Built by bench/fuzz_protocol.sh with clang; not part of the normal build.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/event/apply.hpp"
#include "core/event/sequencer.hpp"
#include "net/line_splitter.hpp"
#include "net/messages.hpp"
#include "net/protocol.hpp"
#include "storage/asset_files.hpp"

using namespace crossmatch;

namespace {

const core::Taxonomy& taxonomy() {
  static const core::Taxonomy t = [] {
    auto loaded = storage::load_taxonomy(storage::default_assets_dir());
    if (!loaded) __builtin_trap();
    return *loaded;
  }();
  return t;
}

// An event with two participants, one session and a table, built once.
const core::EventState& base_state() {
  static const core::EventState s = [] {
    core::Sequencer seq(taxonomy());
    const core::Actor org{core::Role::Organiser, 0};
    const auto add = [&](core::OperationPayload p) {
      core::Operation op;
      op.id = "seed-" + std::to_string(seq.last_sequence());
      op.payload = std::move(p);
      (void)seq.submit(op, org, 1'780'000'000'000);
    };
    add(core::CreateEvent{.name = "Fuzz", .time_zone = "UTC", .join_code = "FUZZ-CODE"});
    add(core::SetRegistration{.open = true});
    core::DefineSession d;
    d.name = "Meetings";
    d.date = 20'600;
    d.start = 9 * 60;
    d.end = 12 * 60;
    add(d);
    add(core::DefineTable{.name = "Table 1"});
    return seq.state();
  }();
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  net::LineSplitter splitter(net::kMaxClientLineBytes);
  std::vector<std::string> lines;
  splitter.feed(std::string_view(reinterpret_cast<const char*>(data), size), lines);
  for (const std::string& line : lines) {
    auto message = net::parse_client_message(line);
    if (!message) {
      (void)net::peek_operation_id(line);
      continue;
    }
    if (auto* submit = std::get_if<net::Submit>(&*message)) {
      core::EventState state = base_state();
      for (const core::Role role : {core::Role::Participant, core::Role::Organiser}) {
        core::Operation op = submit->op;
        op.actor = core::Actor{role, 0};
        (void)core::apply_operation(state, taxonomy(), op, core::ApplyMode::Decide);
      }
    }
    (void)net::encode(*message);
  }
  return 0;
}
