#include "app/hub/team_matcher.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <asio.hpp>

#include <atomic>
#include <limits>

#include "core/event/operation_catalogue.hpp"
#include "core/matching/population.hpp"
#include "core/matching/teams.hpp"
#include "core/search_budget.hpp"

namespace crossmatch::hub {
namespace {

using Clock = std::chrono::steady_clock;

// Population slots are participant ids minus one: ids only grow, so a slot never changes hands
// and the previous formation's team_of stays valid as people join.
int slot_of(core::ParticipantId id) {
  return static_cast<int>(id) - 1;
}

double first_formation_seconds(int n) {
  if (n <= 100) return 0.05;
  if (n <= 1000) return 0.2;
  if (n <= 5000) return 1.0;
  return 3.0;
}

std::string join_reasons(const std::vector<std::string>& reasons) {
  std::string out;
  for (const std::string& r : reasons) {
    if (!out.empty()) out += "; ";
    out += r;
  }
  return out;
}

}  // namespace

// [SECTION] What changes teams

namespace {

// Profiles, statuses, the settings and declined requests change the teams; the catalogue says
// which of them an operation changed.
class TeamChanges final : public core::ChangeSink {
 public:
  explicit TeamChanges(TeamImpact& impact) : impact_(impact) {}
  void person(core::ParticipantId id) override { concern(id); }
  void settings() override {
    impact_.affects = true;
    impact_.settings = true;
  }
  // A declined request keeps the two apart in teams too.
  void kept_apart(core::ParticipantId a, core::ParticipantId b) override {
    concern(a);
    concern(b);
  }

 private:
  void concern(core::ParticipantId id) {
    impact_.affects = true;
    impact_.participants.push_back(id);
  }
  TeamImpact& impact_;
};

}  // namespace

TeamImpact team_impact(const core::Operation& op, const core::EventState& state) {
  TeamImpact impact;
  TeamChanges changes(impact);
  core::report_changes(op, state, changes);
  return impact;
}

MemberUpdate member_update(const core::EventState& state, core::ParticipantId id) {
  MemberUpdate u;
  u.id = id;
  const core::Participant* p = state.participant(id);
  if (p == nullptr || p->status == core::ParticipantStatus::Erased) {
    u.erased = true;
    return u;
  }
  u.active = p->active();
  u.profile = p->profile;
  if (const auto it = state.index.person_meetings.find(id);
      it != state.index.person_meetings.end()) {
    for (const core::MeetingId m : it->second) {
      const core::Meeting* meeting = state.meeting(m);
      if (meeting != nullptr && meeting->status == core::MeetingStatus::Declined)
        u.declined.push_back(meeting->other(id));
    }
  }
  return u;
}

// [SECTION] The matcher's thread

struct TeamMatcher::Job {
  std::uint64_t seq = 0;
  std::vector<MemberUpdate> members;
  std::optional<core::MatchingSettings> settings;
};

class TeamMatcher::Worker {
 public:
  Worker(const core::Taxonomy& taxonomy, MatcherOptions options,
         std::function<void(std::optional<net::Teams>, std::uint64_t)> done)
      : population_(taxonomy), options_(options), done_(std::move(done)) {}

  ~Worker() { stop(); }

  void start() {
    thread_ = std::thread([this] {
      // Teams can wait; acknowledgements and broadcasts cannot: on a machine with few cores the
      // network and storage threads come first.
      ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 10);
      run();
    });
  }

  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      jobs_.clear();
    }
    cancel_ = true;
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

  void push(Job job) {
    {
      std::lock_guard lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
  }

 private:
  void run() {
    for (;;) {
      Job job;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (stopping_) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      done_(form(job), job.seq);
    }
  }

  std::optional<net::Teams> form(const Job& job) {
    bool fresh = team_of_.empty();
    if (job.settings) {
      // New team sizes or weights: the old teams are no basis for the new ones.
      fresh = fresh || !(settings_ == *job.settings);
      settings_ = *job.settings;
    }
    std::vector<int> changed;
    for (const MemberUpdate& u : job.members) {
      const int slot = slot_of(u.id);
      if (slot < 0) continue;
      if (u.erased) {
        population_.remove(slot);
        continue;
      }
      population_.set(slot, u.profile);
      population_.set_active(slot, u.active);
      for (const core::ParticipantId other : u.declined) {
        if (slot_of(other) >= 0) population_.add_declined(slot, slot_of(other));
      }
      changed.push_back(slot);
    }
    const double seconds =
        fresh ? (options_.first_seconds > 0 ? options_.first_seconds
                                            : first_formation_seconds(population_.size()))
              : options_.update_seconds;
    const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(seconds));
    core::SearchBudget budget(std::numeric_limits<std::uint64_t>::max(), [this, deadline] {
      return cancel_.load() || Clock::now() >= deadline;
    });
    core::TeamFormation formation =
        fresh ? core::form_teams(population_, settings_, budget, job.seq)
              : core::reoptimise_teams(population_, settings_, team_of_, budget, job.seq, changed);
    if (cancel_) return std::nullopt;
    team_of_ = formation.team_of;
    if (team_of_.empty()) team_of_.assign(static_cast<std::size_t>(population_.size()), -1);
    net::Teams teams;
    teams.version = job.seq;
    teams.teams.reserve(formation.teams.size());
    for (const core::SuggestedTeam& t : formation.teams) {
      net::TeamSuggestion s;
      for (const int member : t.members)
        s.members.push_back(static_cast<core::ParticipantId>(member + 1));
      s.reasons = join_reasons(t.reasons);
      teams.teams.push_back(std::move(s));
    }
    return teams;
  }

  core::Population population_;
  core::MatchingSettings settings_;
  std::vector<int> team_of_;  // the last formation's, per slot
  MatcherOptions options_;
  std::function<void(std::optional<net::Teams>, std::uint64_t)> done_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
  std::atomic<bool> cancel_{false};
  std::thread thread_;
};

// [SECTION] The network thread's side

struct TeamMatcher::Timer {
  explicit Timer(asio::io_context& io) : timer(io) {}
  asio::steady_timer timer;
};

TeamMatcher::TeamMatcher(asio::io_context& network, const core::Taxonomy& taxonomy,
                         MatcherOptions options, std::function<const core::EventState&()> state,
                         Publish publish)
    : network_(network),
      taxonomy_(taxonomy),
      options_(options),
      state_(std::move(state)),
      publish_(std::move(publish)),
      timer_(std::make_unique<Timer>(network)) {
  worker_ = std::make_unique<Worker>(
      taxonomy_, options_, [this](std::optional<net::Teams> teams, std::uint64_t seq) {
        asio::post(network_, [this, teams = std::move(teams), seq]() mutable {
          finished(std::move(teams), seq);
        });
      });
}

TeamMatcher::~TeamMatcher() {
  stop();
}

void TeamMatcher::start(std::uint64_t seq) {
  worker_->start();
  const core::EventState& state = state_();
  Job job;
  job.seq = seq;
  job.settings = state.event.settings.matching;
  job.members.reserve(state.participants.size());
  for (const auto& [id, p] : state.participants) job.members.push_back(member_update(state, id));
  running_ = true;
  worker_->push(std::move(job));
}

void TeamMatcher::applied(const core::Operation& op) {
  if (stopped_) return;
  const TeamImpact impact = team_impact(op, state_());
  if (!impact.affects) return;
  dirty_.insert(impact.participants.begin(), impact.participants.end());
  settings_dirty_ = settings_dirty_ || impact.settings;
  last_change_seq_ = op.sequence;
  if (!first_change_) first_change_ = Clock::now();
  arm();
}

void TeamMatcher::arm() {
  const auto latest = *first_change_ + options_.max_delay;
  const auto at = std::min(Clock::now() + options_.delay, latest);
  timer_->timer.expires_at(at);
  timer_->timer.async_wait([this](const std::error_code& ec) {
    if (!ec) fire();
  });
}

void TeamMatcher::fire() {
  if (stopped_ || !first_change_) return;
  if (running_) {
    fire_when_done_ = true;
    return;
  }
  dispatch();
}

void TeamMatcher::dispatch() {
  const core::EventState& state = state_();
  Job job;
  job.seq = last_change_seq_;
  if (settings_dirty_) job.settings = state.event.settings.matching;
  job.members.reserve(dirty_.size());
  for (const core::ParticipantId id : dirty_) job.members.push_back(member_update(state, id));
  dirty_.clear();
  settings_dirty_ = false;
  first_change_.reset();
  fire_when_done_ = false;
  running_ = true;
  worker_->push(std::move(job));
}

void TeamMatcher::finished(std::optional<net::Teams> teams, std::uint64_t seq) {
  running_ = false;
  if (stopped_) return;
  if (teams) {
    ++runs_;
    publish_(std::move(*teams), seq);
  }
  if (fire_when_done_) dispatch();
}

void TeamMatcher::stop() {
  if (stopped_) return;
  stopped_ = true;
  timer_->timer.cancel();
  worker_->stop();
}

std::uint64_t TeamMatcher::runs() const {
  return runs_;
}

}  // namespace crossmatch::hub
