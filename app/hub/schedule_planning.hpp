// The hub's auto-schedule: plans the organiser's requests (net::PlanSchedule) on a thread of its
// own, one plan at a time, on a copy of the event state taken when the request arrives, and sends
// the plan back to the connection that asked. Its searches run at a lower priority than the
// network and storage threads, so that planning never holds up operations, catch-up or teams.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "net/hub_server.hpp"
#include "net/messages.hpp"

namespace asio {
class io_context;
}

namespace crossmatch::hub {

class SchedulePlanning {
 public:
  // `searches`: independent searches side by side (threads) for each plan.
  SchedulePlanning(asio::io_context& network, net::HubServer& server, int searches);
  ~SchedulePlanning();
  SchedulePlanning(const SchedulePlanning&) = delete;
  SchedulePlanning& operator=(const SchedulePlanning&) = delete;

  // The server's plan handlers, bound to this planner.
  net::HubServer::PlanHandlers handlers();

  // On the network thread.
  void plan(std::uint64_t connection, net::PlanSchedule request);
  void stop(std::uint64_t connection, const net::StopPlan& request);
  void closed(std::uint64_t connection);
  // Stops a plan under way, joins its thread (its answer is not sent) and takes the handlers off
  // the server.
  void shutdown();

  std::uint64_t plans() const { return plans_; }  // answered with a plan

 private:
  struct Running {
    std::uint64_t connection = 0;
    std::string id;
    std::chrono::steady_clock::time_point started;
    double limit_seconds = 0;
    std::shared_ptr<std::atomic<bool>> stop;
  };
  void finished(net::SchedulePlanned planned);
  void join();

  asio::io_context& network_;
  net::HubServer& server_;
  int searches_;
  std::optional<Running> running_;  // network thread only
  std::thread thread_;
  std::shared_ptr<std::atomic<bool>> alive_ = std::make_shared<std::atomic<bool>>(true);
  std::uint64_t plans_ = 0;
};

}  // namespace crossmatch::hub
