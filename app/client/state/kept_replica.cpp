#include "app/client/state/kept_replica.hpp"

#include <iostream>
#include <sstream>

#include "net/tokens.hpp"

namespace crossmatch::client {
namespace {

constexpr const char* kOwnerTag = "crossmatch-replica";

}  // namespace

ReplicaOwner ReplicaOwner::of(const std::string& hub, const std::string& token) {
  ReplicaOwner owner;
  owner.hub = hub;
  owner.token_sha256 = net::token_hash(token);
  return owner;
}

std::string ReplicaOwner::text() const {
  return std::string(kOwnerTag) + " hub=" + hub + " token_sha256=" + token_sha256 +
         " role=" + core::to_string(role) + " participant=" + std::to_string(participant);
}

std::optional<ReplicaOwner> ReplicaOwner::parse(const std::string& text) {
  std::istringstream in(text);
  std::string word;
  if (!(in >> word) || word != kOwnerTag) return std::nullopt;
  ReplicaOwner owner;
  bool hub = false, token = false, role = false, participant = false;
  while (in >> word) {
    const auto eq = word.find('=');
    if (eq == std::string::npos) return std::nullopt;
    const std::string key = word.substr(0, eq), value = word.substr(eq + 1);
    if (key == "hub") {
      owner.hub = value;
      hub = true;
    } else if (key == "token_sha256") {
      owner.token_sha256 = value;
      token = !value.empty();
    } else if (key == "role") {
      role = core::parse_role(value, owner.role);
    } else if (key == "participant") {
      try {
        std::size_t used = 0;
        owner.participant = static_cast<core::ParticipantId>(std::stoull(value, &used));
        participant = used == value.size();
      } catch (const std::exception&) {
        return std::nullopt;
      }
    }
  }
  if (!hub || !token || !role || !participant) return std::nullopt;
  return owner;
}

KeptReplica::KeptReplica(SqliteOutbox& file)
    : file_(&file), writer_(std::make_unique<ReplicaWriter>(file)) {}

KeptReplica::~KeptReplica() {
  if (loading_.valid()) loading_.wait();
  writer_.reset();  // writes what was handed over
}

bool KeptReplica::start_loading(const ReplicaOwner& owner, const core::Taxonomy& taxonomy) {
  const auto read = [this, owner, &taxonomy]() -> core::Result<std::optional<storage::Replica>> {
    const auto start = std::chrono::steady_clock::now();
    auto loaded = file_->load_replica(taxonomy);
    load_ms_ =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return loaded;
  };
  if (!writer_->idle()) {
    // What an earlier connection handed over goes into the file first (a snapshot may take a
    // second): waited for on the reading thread, then whose replica it is looked at there.
    loading_ = std::async(std::launch::async,
                          [this, owner, read]() -> core::Result<std::optional<storage::Replica>> {
                            writer_->wait();
                            auto theirs = holds(owner);
                            if (!theirs) return theirs.error();
                            if (!*theirs) return std::optional<storage::Replica>();
                            return read();
                          });
    return true;
  }
  auto theirs = holds(owner);
  if (!theirs) {
    std::cerr << "crossmatch: the event kept on this computer cannot be read: "
              << theirs.error().message << " The hub sends the event again.\n";
    return false;
  }
  if (!*theirs) return false;
  loading_ = std::async(std::launch::async, read);
  return true;
}

core::Result<bool> KeptReplica::holds(const ReplicaOwner& owner) {
  auto header = file_->replica_header();
  if (!header) return header.error();
  if (!*header) return false;
  const auto kept_for = ReplicaOwner::parse((*header)->owner);
  // Someone else's replica (another token, another hub) is left to be replaced once this
  // person's arrives.
  return kept_for.has_value() && kept_for->same_sign_in(owner);
}

void KeptReplica::wait_loaded() const {
  if (loading_.valid()) loading_.wait();
}

std::optional<std::optional<storage::Replica>> KeptReplica::take_loaded() {
  if (!loading_.valid()) return std::nullopt;
  if (loading_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
  auto loaded = loading_.get();
  const auto unusable = [&](const std::string& why) {
    std::cerr << "crossmatch: the event kept on this computer cannot be used: " << why
              << " It is discarded, and the hub sends the event again.\n";
    discard();
    return std::optional<std::optional<storage::Replica>>(std::in_place);
  };
  if (!loaded) return unusable(loaded.error().message);
  // Read, and nothing to show (not theirs, or none): an engaged answer holding nothing.
  if (!*loaded) return std::optional<std::optional<storage::Replica>>(std::in_place);
  if (!ReplicaOwner::parse((*loaded)->owner)) return unusable("it does not say whose it is.");
  return std::optional<std::optional<storage::Replica>>(std::move(*loaded));
}

void KeptReplica::kept_at(std::uint64_t seq) {
  kept_seq_ = seq;
  snapshot_due_ = false;
  stalled_ = false;
  rows_since_snapshot_ = 0;
  batch_.clear();
}

void KeptReplica::replaced() {
  snapshot_due_ = true;
  stalled_ = false;
  batch_.clear();
}

void KeptReplica::applied(const core::VisibleOperation& operation) {
  if (!owner_ || snapshot_due_ || stalled_) return;
  if (batch_.empty() && !waiting_) {
    waiting_ = true;
    waiting_since_ = std::chrono::steady_clock::now();
  }
  batch_.push_back(operation);
}

void KeptReplica::out_of_step() {
  discard();
  stalled_ = true;
}

void KeptReplica::follow(const core::EventState& state, std::uint64_t seq, bool online) {
  if (!owner_ || stalled_) return;
  if (snapshot_due_) {
    // After a hub's snapshot, once caught up: the whole state, once.
    if (online) save_snapshot(state, seq);
    return;
  }
  if (rows_since_snapshot_ + batch_.size() > kRowsPerSnapshot) return save_snapshot(state, seq);
  if (batch_.empty() && seq <= kept_seq_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!waiting_) {
    waiting_ = true;
    waiting_since_ = now;
  }
  if (batch_.size() >= kRowsPerBatch || now - waiting_since_ >= kBatchEvery) write_batch(seq);
}

void KeptReplica::close(const core::EventState& state, std::uint64_t seq) {
  if (!owner_ || stalled_ || seq == 0) return;
  if (snapshot_due_ || rows_since_snapshot_ > 0 || !batch_.empty() || seq > kept_seq_)
    save_snapshot(state, seq);
}

void KeptReplica::discard() {
  writer_->discard();
  snapshot_due_ = true;
  batch_.clear();
  waiting_ = false;
  kept_seq_ = 0;
  rows_since_snapshot_ = 0;
}

void KeptReplica::save_snapshot(const core::EventState& state, std::uint64_t seq) {
  // Copied on the writer's thread; the session changes its state again once copying() is false.
  writer_->save_snapshot_of(state, seq, owner_->text());
  kept_seq_ = seq;
  snapshot_due_ = false;
  rows_since_snapshot_ = 0;
  batch_.clear();
  waiting_ = false;
}

void KeptReplica::write_batch(std::uint64_t seq) {
  rows_since_snapshot_ += batch_.size() + 1;
  writer_->record_feed(kept_seq_, std::move(batch_), seq);
  batch_.clear();
  kept_seq_ = seq;
  waiting_ = false;
}

}  // namespace crossmatch::client
