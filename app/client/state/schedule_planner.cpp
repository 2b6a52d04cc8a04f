#include "app/client/state/schedule_planner.hpp"

namespace crossmatch::client {

core::Status SchedulePlanner::start(ClientSession& session, std::vector<core::SessionId> sessions,
                                    bool allow_moves, double seconds) {
  if (running()) stop(session);
  id_.clear();
  auto id = session.request_plan(std::move(sessions), allow_moves, seconds);
  if (!id) return id.error();
  id_ = *id;
  started_ = std::chrono::steady_clock::now();
  limit_seconds_ = seconds;
  return core::Status::success();
}

void SchedulePlanner::stop(ClientSession& session) {
  if (running()) session.stop_plan(id_);
}

double SchedulePlanner::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

std::optional<net::SchedulePlanned> SchedulePlanner::take(ClientSession& session) {
  if (!running()) return std::nullopt;
  auto answer = session.take_plan(id_);
  if (answer) id_.clear();
  return answer;
}

}  // namespace crossmatch::client
