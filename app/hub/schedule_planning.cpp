#include "app/hub/schedule_planning.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <asio/io_context.hpp>
#include <asio/post.hpp>
#include <cmath>
#include <sstream>
#include <utility>

#include "app/common/run_on_threads.hpp"
#include "core/event/auto_schedule.hpp"
#include "core/search_budget.hpp"

namespace crossmatch::hub {
namespace {

using Clock = std::chrono::steady_clock;

// The planning thread and the search threads it starts (which inherit it) give way to the
// network and storage threads when the processors are all busy.
void lower_this_threads_priority() {
  ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 10);
}

std::string seconds_text(double seconds) {
  std::ostringstream out;
  out.precision(seconds < 10 ? 2 : 3);
  out << seconds;
  return out.str();
}

}  // namespace

SchedulePlanning::SchedulePlanning(asio::io_context& network, net::HubServer& server, int searches)
    : network_(network), server_(server), searches_(std::max(1, searches)) {}

SchedulePlanning::~SchedulePlanning() {
  shutdown();
}

net::HubServer::PlanHandlers SchedulePlanning::handlers() {
  net::HubServer::PlanHandlers h;
  h.plan = [this](std::uint64_t connection, net::PlanSchedule request) {
    plan(connection, std::move(request));
  };
  h.stop = [this](std::uint64_t connection, const net::StopPlan& request) {
    stop(connection, request);
  };
  h.closed = [this](std::uint64_t connection) { closed(connection); };
  return h;
}

void SchedulePlanning::join() {
  if (thread_.joinable()) thread_.join();
}

void SchedulePlanning::plan(std::uint64_t connection, net::PlanSchedule request) {
  if (running_) {
    const double elapsed = std::chrono::duration<double>(Clock::now() - running_->started).count();
    net::SchedulePlanned busy;
    busy.id = request.id;
    busy.error = core::Error{
        "plan_running", "id",
        "The hub is already planning a schedule (" + seconds_text(elapsed) + " s of at most " +
            seconds_text(running_->limit_seconds) +
            " s, asked for by an organiser's window); wait for it to end or stop it there."};
    server_.send_plan(connection, busy);
    return;
  }
  join();  // the thread of the last plan, which has ended
  Running run;
  run.connection = connection;
  run.id = request.id;
  run.started = Clock::now();
  run.limit_seconds = request.seconds;
  run.stop = std::make_shared<std::atomic<bool>>(false);
  running_ = run;
  const auto deadline = run.started + std::chrono::duration_cast<Clock::duration>(
                                          std::chrono::duration<double>(request.seconds));
  // The copy is taken here, on the network thread that owns the state; the planning thread only
  // reads it.
  thread_ = std::thread([this, state = server_.state(), as_of = server_.applied_seq(),
                         request = std::move(request), deadline, stop = run.stop,
                         started = run.started, alive = alive_]() {
    lower_this_threads_priority();
    core::SearchBudget budget(UINT64_MAX, [&] { return stop->load() || Clock::now() >= deadline; });
    core::scheduling::ScheduleOptions options;
    options.searches = searches_;
    options.run_together = app::run_on_threads;
    auto result =
        core::plan_auto_schedule(state, request.sessions, request.allow_moves, budget, options);
    net::SchedulePlanned planned;
    planned.id = request.id;
    planned.as_of = as_of;
    planned.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    planned.stopped = stop->load() && Clock::now() < deadline;
    if (result) {
      planned.plan = std::move(*result);
      planned.plan.report.seconds = planned.seconds;
    } else {
      planned.error = result.error();
    }
    asio::post(network_, [this, alive, planned = std::move(planned)]() mutable {
      if (alive->load()) finished(std::move(planned));
    });
  });
}

void SchedulePlanning::finished(net::SchedulePlanned planned) {
  if (!running_ || running_->id != planned.id) return;
  const std::uint64_t connection = running_->connection;
  running_.reset();
  if (!planned.error) ++plans_;
  server_.send_plan(connection, planned);
}

void SchedulePlanning::stop(std::uint64_t, const net::StopPlan& request) {
  if (running_ && running_->id == request.id) running_->stop->store(true);
}

void SchedulePlanning::closed(std::uint64_t connection) {
  // Nobody is left to read the plan: it ends at once.
  if (running_ && running_->connection == connection) running_->stop->store(true);
}

void SchedulePlanning::shutdown() {
  // The server no longer hands this planner anything (it may outlive it).
  server_.set_plan_handlers({});
  alive_->store(false);
  if (running_) running_->stop->store(true);
  join();
  running_.reset();
}

}  // namespace crossmatch::hub
