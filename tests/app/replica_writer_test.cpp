// The replica's writer thread: what the UI thread hands over (its state, copied on the writer's
// thread before it changes again, and batches of operations) is written in order and reads back
// as the replica; a write that fails is said once on standard error, later batches wait for a
// snapshot, and the operations made offline stay in the file.
#include <doctest/doctest.h>

#include <iostream>
#include <sstream>

#include "app/client/outbox/replica_writer.hpp"
#include "core/event/json_codec.hpp"
#include "tests/app/client_fixture.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace crossmatch;

namespace {

// Standard error while it lives.
class CapturedErrors {
 public:
  CapturedErrors() : old_(std::cerr.rdbuf(text_.rdbuf())) {}
  ~CapturedErrors() { std::cerr.rdbuf(old_); }
  std::string text() const { return text_.str(); }

 private:
  std::stringstream text_;
  std::streambuf* old_;
};

std::size_t count(const std::string& text, const std::string& words) {
  std::size_t n = 0;
  for (auto at = text.find(words); at != std::string::npos; at = text.find(words, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE(
    "the replica's writer writes what it is handed in order; a failed write is said once and the "
    "app goes on") {
  test::TempDir dir;
  auto file = client::SqliteOutbox::open(dir / "client.db");
  REQUIRE(file.ok());
  core::Operation made;
  made.id = "c-made-offline";
  made.actor = test::ClientFixture::person(3);
  made.payload = core::RequestMeeting{.from = 3, .to = 5, .message = "Made offline"};
  REQUIRE((*file)->add(made).ok());

  test::ClientFixture event(40);
  client::ReplicaWriter writer(**file);
  const std::uint64_t at_snapshot = event.seq;
  // Handed over as the session does: copied on the writer's thread, changed only after.
  writer.save_snapshot_of(event.state, at_snapshot, "owner");
  writer.wait_copied();
  CHECK_FALSE(writer.copying());
  // The operations after it as the hub numbered them; then five this client may not see.
  const core::Operation asked =
      event.apply(test::ClientFixture::person(3),
                  core::RequestMeeting{.from = 3, .to = 4, .message = "Shall we meet?"});
  const core::Operation accepted = event.apply(
      test::ClientFixture::person(4),
      core::AcceptMeeting{.meeting = std::get<core::RequestMeeting>(asked.payload).meeting});
  const std::uint64_t through = event.seq + 5;
  writer.record_feed(at_snapshot, {{asked, {}}, {accepted, {}}}, through);
  writer.wait();
  CHECK(writer.figures().snapshots == 1);
  CHECK(writer.figures().feeds == 1);
  CHECK_FALSE(writer.figures().failed);
  auto kept = (*file)->load_replica(test::taxonomy());
  REQUIRE(kept.ok());
  REQUIRE(kept->has_value());
  CHECK((*kept)->last_sequence == through);
  CHECK((*kept)->owner == "owner");
  CHECK(core::state_to_json((*kept)->state) == core::state_to_json(event.state));

  {
    // A batch that does not follow the kept replica fails; it is said once, and the batches
    // after it wait for a snapshot (they would no longer follow what is kept).
    CapturedErrors errors;
    writer.record_feed(at_snapshot, {}, through + 4);
    writer.record_feed(through, {}, through + 4);
    writer.wait();
    CHECK(count(errors.text(), "no longer updated") == 1);
    CHECK(count(errors.text(), "The app goes on") == 1);
  }
  CHECK(writer.figures().failed);
  CHECK(*(*file)->last_sequence() == through);
  CHECK((*file)->pending()->size() == 1);  // what was made offline stays

  // A snapshot writes again.
  writer.save_snapshot(event.state, through + 10, "owner");
  writer.wait();
  CHECK(writer.figures().snapshots == 2);
  CHECK(*(*file)->last_sequence() == through + 10);
}
