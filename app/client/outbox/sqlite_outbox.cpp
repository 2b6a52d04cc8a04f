#include "app/client/outbox/sqlite_outbox.hpp"

namespace crossmatch::client {

core::Result<std::unique_ptr<SqliteOutbox>> SqliteOutbox::open(const std::filesystem::path& file) {
  auto store = storage::OutboxStore::open(file);
  if (!store) return store.error();
  return std::make_unique<SqliteOutbox>(std::move(*store));
}

SqliteOutbox::SqliteOutbox(std::unique_ptr<storage::OutboxStore> store)
    : store_(std::move(store)) {}

core::Status SqliteOutbox::add(const core::Operation& op) {
  std::lock_guard lock(mutex_);
  return store_->add(op);
}

core::Status SqliteOutbox::remove(const std::string& id) {
  std::lock_guard lock(mutex_);
  auto removed = store_->remove(id);
  if (!removed) return removed.error();
  return core::Status::success();
}

core::Result<std::vector<core::Operation>> SqliteOutbox::pending() {
  std::lock_guard lock(mutex_);
  return store_->pending();
}

core::Status SqliteOutbox::save_replica(const core::EventState& state, std::uint64_t seq) {
  std::lock_guard lock(mutex_);
  return store_->save_snapshot(state, seq);
}

core::Status SqliteOutbox::save_replica_json(const std::string& state_json, std::uint64_t seq,
                                             const std::string& owner) {
  std::lock_guard lock(mutex_);
  return store_->save_snapshot_json(state_json, seq, owner);
}

core::Status SqliteOutbox::record_feed(std::uint64_t from,
                                       const std::vector<core::VisibleOperation>& operations,
                                       std::uint64_t through) {
  std::lock_guard lock(mutex_);
  return store_->record_feed(from, operations, through);
}

core::Result<std::optional<storage::ReplicaHeader>> SqliteOutbox::replica_header() {
  std::lock_guard lock(mutex_);
  return store_->header();
}

core::Status SqliteOutbox::discard_replica() {
  std::lock_guard lock(mutex_);
  return store_->discard_replica();
}

core::Result<std::optional<storage::Replica>> SqliteOutbox::load_replica(
    const core::Taxonomy& taxonomy) {
  std::lock_guard lock(mutex_);
  return store_->load_replica(taxonomy);
}

core::Result<std::uint64_t> SqliteOutbox::last_sequence() {
  std::lock_guard lock(mutex_);
  return store_->last_sequence();
}

core::Status SqliteOutbox::put_setting(const std::string& key, const std::string& value) {
  std::lock_guard lock(mutex_);
  return store_->put_setting(key, value);
}

core::Result<std::optional<std::string>> SqliteOutbox::get_setting(const std::string& key) {
  std::lock_guard lock(mutex_);
  return store_->get_setting(key);
}

core::Result<net::ClientOptions> resume_options(SqliteOutbox& outbox, net::ClientOptions options) {
  auto token = outbox.get_setting(kTokenSetting);
  if (!token) return token.error();
  if (*token && !(*token)->empty()) options.token = **token;
  auto last = outbox.last_sequence();
  if (!last) return last.error();
  options.after = *last > 0 ? std::optional<std::uint64_t>(*last) : std::nullopt;
  return options;
}

}  // namespace crossmatch::client
