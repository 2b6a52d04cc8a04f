// TLS against real hub processes: a wrong pin, a man in the middle, a changed certificate, a
// client or hub without TLS, a client that never shakes hands, the organiser's own certificate,
// and the Python example client and the load generator over TLS.
#include <doctest/doctest.h>

#include <optional>

#include "net/client_connection.hpp"
#include "net/tls_identity.hpp"
#include "tests/e2e/hub_process.hpp"
#include "tests/test_assets.hpp"

using namespace crossmatch;
using namespace std::chrono_literals;

namespace {

struct Attempt {
  bool welcomed = false;
  std::optional<net::HubError> error;
  net::ConnectionState state = net::ConnectionState::Connecting;
  std::string fingerprint;
};

// Connects once and waits for the welcome or the first error.
Attempt attempt(const net::ClientOptions& options) {
  net::MemoryOutbox outbox;
  net::ClientConnection connection(test::taxonomy(), options, outbox);
  REQUIRE(connection.start().ok());
  Attempt out;
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (!out.welcomed && !out.error && std::chrono::steady_clock::now() < deadline) {
    for (net::ClientEvent& event : connection.drain()) {
      if (std::holds_alternative<net::Welcome>(event)) out.welcomed = true;
      if (auto* e = std::get_if<net::HubError>(&event); e != nullptr && !out.error) out.error = *e;
    }
    std::this_thread::sleep_for(5ms);
  }
  std::this_thread::sleep_for(20ms);
  out.state = connection.state();
  out.fingerprint = connection.hub_fingerprint();
  connection.stop();
  return out;
}

net::ClientOptions joining(const test::HubProcess& hub, int port) {
  net::ClientOptions options;
  options.port = static_cast<unsigned short>(port);
  options.join_code = hub.code();
  return options;
}

// A program of the test's own (the man in the middle), stopped when the test ends.
class ChildProcess {
 public:
  ChildProcess(std::vector<std::string> args, const std::filesystem::path& log)
      : log_(log), pid_(test::spawn_logged(std::move(args), log)) {}
  ~ChildProcess() {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  // The number after `label` in the output, once it is there.
  int wait_for_number(const std::string& label) {
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (std::chrono::steady_clock::now() < deadline) {
      std::ifstream in(log_);
      std::stringstream s;
      s << in.rdbuf();
      const std::string text = s.str();
      if (const auto at = text.find(label);
          at != std::string::npos && text.find('\n', at) != std::string::npos)
        return std::stoi(text.substr(at + label.size()));
      std::this_thread::sleep_for(20ms);
    }
    FAIL("no '" << label << "' from the child");
    return 0;
  }

 private:
  std::filesystem::path log_;
  pid_t pid_ = -1;
};

}  // namespace

TEST_CASE(
    "tls: the join code's pin reaches the hub; a wrong pin is refused before anything is sent") {
  const auto dir = test::fresh_folder("tls-pin");
  test::HubProcess hub(dir / "event.db", {"--demo", "3"}, 0, test::Transport::Tls);
  REQUIRE(hub.tls());
  const std::string pin = net::split_join_code(hub.code()).pin;
  REQUIRE(pin == net::short_pin(hub.fingerprint()));
  CHECK(hub.log().find("pin: " + pin) != std::string::npos);

  const Attempt right = attempt(joining(hub, hub.port()));
  CHECK(right.welcomed);
  CHECK(right.fingerprint == hub.fingerprint());

  net::ClientOptions wrong = joining(hub, hub.port());
  wrong.join_code = net::split_join_code(hub.code()).code;
  wrong.pin = pin == "AAAA-AAAA-AAAA" ? "BBBB-BBBB-BBBB" : "AAAA-AAAA-AAAA";
  const Attempt refused = attempt(wrong);
  CHECK_FALSE(refused.welcomed);
  REQUIRE(refused.error.has_value());
  CHECK(refused.error->error.code == "wrong_pin");
  CHECK(refused.error->fatal);
  CHECK(refused.error->error.message.find(pin) != std::string::npos);  // what the hub showed
  CHECK(refused.state == net::ConnectionState::Offline);
  CHECK(hub.log_shows("the client refused the hub's certificate"));

  // A pin remembered from before that no longer matches: the certificate changed, and the
  // message says what to do.
  net::ClientOptions remembered = hub.client_options();
  remembered.token = hub.organiser();
  remembered.pin = std::string(64, 'a');
  remembered.pin_remembered = true;
  remembered.forget_hint =
      "remove the line 'pin.127.0.0.1:" + std::to_string(hub.port()) + "=...' from client.conf";
  const Attempt changed = attempt(remembered);
  REQUIRE(changed.error.has_value());
  CHECK(changed.error->error.code == "certificate_changed");
  CHECK(changed.error->error.message.find("Ask the organiser") != std::string::npos);
  CHECK(changed.error->error.message.find(remembered.forget_hint) != std::string::npos);
  CHECK(changed.error->error.message.find(hub.fingerprint()) != std::string::npos);

  // No pin at all: refused without connecting.
  net::ClientOptions none = hub.client_options();
  none.pin.clear();
  none.token = hub.organiser();
  const Attempt nothing = attempt(none);
  REQUIRE(nothing.error.has_value());
  CHECK(nothing.error->error.code == "no_pin");
  // Neither refused connection got as far as a hello.
  CHECK(hub.log().find("wrong") == std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("tls: a man in the middle with a certificate of its own is refused") {
  const auto dir = test::fresh_folder("tls-mitm");
  test::HubProcess hub(dir / "event.db", {"--demo", "3"}, 0, test::Transport::Tls);
  // The impostor's certificate: one a hub of its own made.
  auto impostor = net::load_or_create_tls_identity(dir / "impostor.db", "crossmatch hub");
  REQUIRE(impostor.ok());
  ChildProcess proxy({"python3", CROSSMATCH_SOURCE_DIR "/tests/e2e/tls_proxy.py", "--cert",
                      net::stored_certificate_file(dir / "impostor.db").string(), "--key",
                      net::stored_key_file(dir / "impostor.db").string(), "--hub-port",
                      std::to_string(hub.port())},
                     dir / "proxy.log");
  const int proxy_port = proxy.wait_for_number("listening on ");

  // Through the proxy with the genuine join code: refused.
  const Attempt through = attempt(joining(hub, proxy_port));
  CHECK_FALSE(through.welcomed);
  REQUIRE(through.error.has_value());
  CHECK(through.error->error.code == "wrong_pin");
  CHECK(through.error->error.message.find(net::short_pin(impostor->identity.fingerprint)) !=
        std::string::npos);

  // The proxy does forward: a client told to trust the impostor's certificate gets through, so
  // the refusal above is the pin's doing.
  net::ClientOptions trusting = joining(hub, proxy_port);
  trusting.pin = impostor->identity.fingerprint;
  const Attempt fooled = attempt(trusting);
  CHECK(fooled.welcomed);
  CHECK(fooled.fingerprint == impostor->identity.fingerprint);
  std::filesystem::remove_all(dir);
}

TEST_CASE(
    "tls: a client without TLS on a TLS hub, and a TLS client on a hub without, are told which") {
  const auto dir = test::fresh_folder("tls-mismatch");
  test::HubProcess tls_hub(dir / "tls.db", {}, 0, test::Transport::Tls);
  test::HubProcess plain_hub(dir / "plain.db", {}, 0, test::Transport::Plain);
  CHECK(plain_hub.log().find("WARNING: --insecure") != std::string::npos);
  CHECK(plain_hub.code().size() == 9);  // no pin to carry

  net::ClientOptions plain = joining(tls_hub, tls_hub.port());
  plain.insecure = true;
  const Attempt told = attempt(plain);
  REQUIRE(told.error.has_value());
  CHECK(told.error->error.code == "tls_required");
  CHECK(told.error->error.message.find("This hub speaks TLS") != std::string::npos);
  CHECK(told.error->fatal);

  net::ClientOptions secure = plain_hub.client_options();
  secure.insecure = false;
  secure.pin = "ABCD-EFGH-JKLM";
  secure.join_code = plain_hub.code();
  const Attempt answered = attempt(secure);
  REQUIRE(answered.error.has_value());
  CHECK(answered.error->error.code == "hub_without_tls");
  CHECK(answered.error->error.message.find("without TLS") != std::string::npos);
  CHECK(plain_hub.log_shows("this hub runs without TLS"));

  // The Python example client: plain against TLS is told in the protocol's own words; over TLS
  // with the join code's pin it is welcomed.
  const std::string client =
      "python3 " CROSSMATCH_SOURCE_DIR "/docs/examples/crossmatch_client.py --port ";
  const auto [plain_status, plain_output] = test::run_command(
      client + std::to_string(tls_hub.port()) + " --code " + tls_hub.code() + " --insecure");
  CHECK(plain_status != 0);
  CHECK_MESSAGE(plain_output.find("tls_required: This hub speaks TLS") != std::string::npos,
                plain_output);
  const auto [tls_status, tls_output] =
      test::run_command(client + std::to_string(tls_hub.port()) + " --code " + tls_hub.code());
  CHECK(tls_status == 0);
  CHECK_MESSAGE(tls_output.find("welcome to") != std::string::npos, tls_output);
  const auto [cross_status, cross_output] =
      test::run_command(client + std::to_string(plain_hub.port()) + " --code " + plain_hub.code() +
                        " --pin " + tls_hub.fingerprint());
  CHECK(cross_status != 0);
  CHECK_MESSAGE(cross_output.find("answered without TLS") != std::string::npos, cross_output);
  std::filesystem::remove_all(dir);
}

TEST_CASE("tls: a client that connects and never shakes hands does not keep its connection") {
  const auto dir = test::fresh_folder("tls-silent");
  test::HubProcess hub(dir / "event.db", {"--handshake-seconds", "1"}, 0, test::Transport::Tls);
  const auto [status, output] = test::run_command(
      "python3 -c \"import socket,time; s=socket.create_connection(('127.0.0.1'," +
      std::to_string(hub.port()) +
      ")); s.settimeout(20); t=time.time(); d=s.recv(100); print('closed after %.1f s' % "
      "(time.time()-t), len(d))\"");
  INFO(output);
  CHECK(status == 0);
  CHECK(output.find("closed after") != std::string::npos);
  CHECK(hub.log_shows("no hello in time"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("tls: an organiser's own certificate and key; bad files are named") {
  const auto dir = test::fresh_folder("tls-own");
  auto own = net::load_or_create_tls_identity(dir / "own", "events.example.org");
  REQUIRE(own.ok());
  const std::string cert = net::stored_certificate_file(dir / "own").string();
  const std::string key = net::stored_key_file(dir / "own").string();
  test::HubProcess hub(dir / "event.db", {"--cert", cert, "--key", key}, 0, test::Transport::Tls);
  CHECK(hub.fingerprint() == own->identity.fingerprint);
  CHECK_FALSE(std::filesystem::exists(net::stored_certificate_file(dir / "event.db")));
  CHECK(attempt(joining(hub, hub.port())).welcomed);

  const std::string serve = std::string(CROSSMATCH_BINARY_DIR) +
                            "/bin/crossmatch-hub serve --port 0 --db " +
                            (dir / "other.db").string();
  const auto [missing_status, missing] =
      test::run_command(serve + " --cert " + dir.string() + "/none.pem --key " + key);
  CHECK(missing_status == 2);
  CHECK_MESSAGE(missing.find(dir.string() + "/none.pem") != std::string::npos, missing);
  const auto [half_status, half] = test::run_command(serve + " --cert " + cert);
  CHECK(half_status == 2);
  CHECK_MESSAGE(half.find("--cert and --key go together") != std::string::npos, half);
  const auto [both_status, both] =
      test::run_command(serve + " --cert " + cert + " --key " + key + " --insecure");
  CHECK(both_status == 2);
  std::filesystem::remove_all(dir);
}

TEST_CASE("tls: the load generator joins over TLS with the join code's pin") {
  const auto dir = test::fresh_folder("tls-load");
  test::HubProcess hub(dir / "event.db", {"--demo", "10"}, 0, test::Transport::Tls);
  const auto [status, output] =
      test::run_command(std::string(CROSSMATCH_BINARY_DIR) + "/bin/crossmatch-load --port " +
                        std::to_string(hub.port()) + " --code " + hub.code() +
                        " --clients 4 --participants 14 --seconds 1");
  INFO(output);
  CHECK(status == 0);
  CHECK(output.find("\"clients\":4") != std::string::npos);
  CHECK(output.find("\"errors\":0") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("tls: the load generator stops with a failure when a wrong pin lets nobody join") {
  const auto dir = test::fresh_folder("tls-load-wrong-pin");
  test::HubProcess hub(dir / "event.db", {"--demo", "10"}, 0, test::Transport::Tls);
  const net::JoinCode code = net::split_join_code(hub.code());
  // Runs without --seconds, i.e. until stopped: only the failure to join may end it.
  const auto [status, output] = test::run_command(
      "timeout 60 " + std::string(CROSSMATCH_BINARY_DIR) + "/bin/crossmatch-load --port " +
      std::to_string(hub.port()) + " --code " + code.code + " --pin AAAA-BBBB-CCCC --clients 3");
  INFO(output);
  CHECK(status == 1);  // not 124, timeout's status
  CHECK(output.find("no client joined") != std::string::npos);
  std::filesystem::remove_all(dir);
}
