#include "app/tools/load_client.hpp"

#include <algorithm>

#include "core/overloaded.hpp"
#include "net/protocol.hpp"

namespace crossmatch::tools {

using core::Overloaded;

SimulatedClient::~SimulatedClient() {
  if (link_) link_->close();
  if (open_) host_.connection_closed();
}

void SimulatedClient::link_opened(const std::string&) {
  open_ = true;
  host_.connection_opened();
}

void SimulatedClient::connect(asio::io_context& io, const net::HubTarget& target,
                              const std::string& code, bool snapshot, bool compress) {
  net::Hello hello;
  hello.protocol = net::kProtocolVersion;
  hello.join_code = code;
  hello.catch_up = snapshot ? net::CatchUp::Replica : net::CatchUp::Live;
  if (compress) hello.compress = {"zstd"};
  hello.client = "crossmatch-load";
  link_ = net::HubLink::open(io, target, hello, *this);
}

std::string SimulatedClient::submit(core::Operation op) {
  // Unique in the event, also over runs against the same hub: the client's number, the time and a
  // count.
  op.id = "l" + std::to_string(index_) + "-" +
          std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + "-" +
          std::to_string(++submitted_);
  std::string id = op.id;
  if (link_) link_->send(net::ClientMessage{net::Submit{std::move(op)}});
  return id;
}

void SimulatedClient::ping() {
  if (link_) link_->send(net::ClientMessage{net::Ping{}});
}

void SimulatedClient::fail(const std::string& why) {
  if (failed_) return;
  failed_ = true;
  if (link_) link_->close();
  if (open_) host_.connection_closed();
  open_ = false;
  if (ready_) return host_.client_error(*this, why);
  host_.client_failed(*this, why);
}

void SimulatedClient::link_read() {
  host_.lines_read(std::chrono::steady_clock::now());
}

void SimulatedClient::link_ended(const net::LinkEnd& end) {
  fail(end.reason);
}

void SimulatedClient::link_line(std::string_view line) {
  auto message = net::parse_hub_message_head(line);
  if (!message)
    return host_.client_error(
        *this, "the hub sent a line this client cannot read: " + message.error().message);
  std::visit(
      Overloaded{
          [&](const net::AppliedHead& head) { on_operation(head, line.size()); },
          [&](const net::Ack& ack) {
            if (!register_id_.empty() && ack.id == register_id_ && ack.participant != 0 &&
                !ready_) {
              participant_ = ack.participant;
              ready_ = true;
              return host_.client_ready(*this);
            }
            host_.acknowledged(ack.id, ack.seq);
          },
          [&](const net::Refused& refused) {
            if (refused.id == register_id_ && !ready_)
              return fail("registration refused: " + refused.error.message);
            host_.refused(refused.id, refused.error);
          },
          [&](const net::ErrorMessage& error) {
            const std::string what = error.error.code + ": " + error.error.message;
            if (!ready_) return fail(what);
            host_.client_error(*this, what);
          },
          [&](const net::CaughtUp&) {
            if (!synced_ && link_) host_.first_sync(link_->bytes_received());
            synced_ = true;
            register_once();
          },
          [&](const net::Pong&) { host_.ponged(); },
          // The welcome, notices and team suggestions ask nothing of a simulated participant.
          [](const auto&) {},
      },
      *message);
}

// A newcomer registers once caught up (live: at once).
void SimulatedClient::register_once() {
  if (!register_id_.empty()) return;
  profile_ = host_.profile_for(index_);
  core::Operation op;
  op.payload = core::Register{.profile = profile_};
  register_id_ = submit(std::move(op));
}

void SimulatedClient::on_operation(const net::AppliedHead& head, std::size_t line_bytes) {
  if (head.is<core::RequestMeeting>() && head.meeting != 0) {
    // A request to this client: remembered to answer; one from it: to cancel later.
    if (head.to == participant_) {
      incoming_.push_back(head.meeting);
    } else if (head.from == participant_) {
      outgoing_.push_back(head.meeting);
    }
  } else if (head.is<core::AcceptMeeting>() || head.is<core::DeclineMeeting>() ||
             head.is<core::CancelMeeting>()) {
    std::erase(outgoing_, head.meeting);
    std::erase(incoming_, head.meeting);
  }
  host_.operation_received(*this, head, line_bytes);
}

}  // namespace crossmatch::tools
