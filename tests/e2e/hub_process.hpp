// A real hub for end-to-end tests: build/bin/crossmatch-hub serve on 127.0.0.1 with port 0 and a
// database in a fresh temporary folder; its printed join code, tokens, certificate and port are
// read back. The hubs speak TLS, or plain TCP (--insecure) when the environment says
// CROSSMATCH_TEST_TRANSPORT=plain: the same suites run over both.
#pragma once

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "net/client_connection.hpp"

namespace crossmatch::test {

enum class Transport { FromEnvironment, Tls, Plain };

// The transport of this test run.
inline Transport run_transport() {
  const char* t = std::getenv("CROSSMATCH_TEST_TRANSPORT");
  return t != nullptr && std::string(t) == "plain" ? Transport::Plain : Transport::Tls;
}

inline std::filesystem::path fresh_folder(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("crossmatch-" + name + "-" + std::to_string(::getpid()) + "-" +
                    std::to_string(std::random_device{}()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Starts `args` (args[0] found on PATH) with standard output and error going to `log`.
inline pid_t spawn_logged(std::vector<std::string> args, const std::filesystem::path& log) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::FILE* out = std::freopen(log.c_str(), "w", stdout);
    (void)out;
    ::dup2(::fileno(stdout), 2);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    std::_Exit(127);
  }
  return pid;
}

class HubProcess {
 public:
  // Starts the hub; `extra` flags are added to `serve --db DB --port PORT`.
  HubProcess(std::filesystem::path db, std::vector<std::string> extra, int port = 0,
             Transport transport = Transport::FromEnvironment)
      : db_(std::move(db)) {
    log_ = db_.string() + ".log-" + std::to_string(++starts_);
    std::vector<std::string> args{std::string(CROSSMATCH_BINARY_DIR) + "/bin/crossmatch-hub",
                                  "serve",
                                  "--db",
                                  db_.string(),
                                  "--host",
                                  "127.0.0.1",
                                  "--port",
                                  std::to_string(port)};
    args.insert(args.end(), extra.begin(), extra.end());
    if (transport == Transport::FromEnvironment) transport = run_transport();
    if (transport == Transport::Plain) args.push_back("--insecure");
    pid_ = spawn_logged(std::move(args), log_);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
      const std::string text = log();
      if (const auto at = text.find("listening on 127.0.0.1:"); at != std::string::npos) {
        port_ = std::stoi(text.substr(at + 23));
        code_ = field(text, "join code: ");
        organiser_ = field(text, "organiser token: ");
        broker_ = field(text, "broker token: ");
        helper_ = field(text, "helper token (check-in desk): ");
        fingerprint_ = field(text, "certificate sha256: ");
        REQUIRE_MESSAGE((transport == Transport::Plain) == fingerprint_.empty(), text);
        return;
      }
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        FAIL("the hub exited before listening: " << text);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    FAIL("the hub did not start: " << log());
  }
  ~HubProcess() { stop(SIGKILL); }

  // Waits up to `seconds` for the hub to exit by itself; returns its exit status, or -1 when it
  // still runs.
  int wait_exit(int seconds) {
    if (pid_ <= 0) return -1;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    for (;;) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      if (std::chrono::steady_clock::now() >= deadline) return -1;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  // Sends the signal and waits for the hub to exit; returns its exit status.
  int stop(int signal = SIGTERM) {
    if (pid_ <= 0) return -1;
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  std::string log() const {
    std::ifstream in(log_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  // Whether the hub's log says `text` within `seconds`: the hub writes a line about a connection
  // after the connection is gone, so a client may see the close first.
  bool log_shows(const std::string& text, int seconds = 10) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (log().find(text) == std::string::npos) {
      if (std::chrono::steady_clock::now() >= deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
  }
  int port() const { return port_; }
  const std::string& code() const { return code_; }
  const std::string& organiser() const { return organiser_; }
  const std::string& broker() const { return broker_; }
  const std::string& helper() const { return helper_; }
  // The hub's certificate (SHA-256, hex); empty for a hub without TLS.
  const std::string& fingerprint() const { return fingerprint_; }
  bool tls() const { return !fingerprint_.empty(); }
  // Options that reach this hub: TLS pinned to its certificate, or plain TCP. A join code that
  // carries the pin (code()) needs no `pin`; tokens do.
  net::ClientOptions client_options() const {
    net::ClientOptions options;
    options.port = static_cast<unsigned short>(port_);
    options.insecure = !tls();
    options.pin = fingerprint_;
    return options;
  }
  // The transport flags for the load generator and the Python client.
  std::string transport_flags() const {
    return tls() ? " --pin " + fingerprint_ : std::string(" --insecure");
  }

 private:
  static std::string field(const std::string& text, const std::string& label) {
    const auto at = text.find(label);
    if (at == std::string::npos) return {};
    return text.substr(at + label.size(), text.find('\n', at) - at - label.size());
  }

  std::filesystem::path db_;
  std::string log_;
  pid_t pid_ = -1;
  int port_ = 0;
  std::string code_, organiser_, broker_, helper_, fingerprint_;
  static inline int starts_ = 0;
};

// Runs a command; returns its exit status and output.
inline std::pair<int, std::string> run_command(const std::string& command) {
  std::string output;
  std::FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  const int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

}  // namespace crossmatch::test
