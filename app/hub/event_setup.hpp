// A new event in a new database: the create operation with a fresh join code, the organiser's
// and a broker's tokens (only their hashes stored), and for a demo, sessions, tables and
// generated participants.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/demo_event.hpp"
#include "core/error.hpp"
#include "core/event/operation.hpp"
#include "core/taxonomy.hpp"
#include "storage/event_store.hpp"

namespace crossmatch::hub {

struct EventSetup {
  std::string name = "Cross Innovation Event";
  std::string time_zone = "UTC";
  std::int64_t first_day = 0;  // days since 1970-01-01 of the first meeting day (demo)
  int demo_participants = 0;   // 0: an empty event the organiser sets up
  std::uint64_t seed = 1;
};

struct NewEvent {
  std::string join_code;
  std::string organiser_token;  // shown once; only hashes are stored
  std::string broker_token;
  std::string helper_token;  // for the desk: check-ins and walk-ins only
  std::uint64_t operations = 0;
};

// The operations that create the event (and the demo's sessions, tables and participants), as
// the organiser at `at_ms`, unsequenced.
std::vector<core::Operation> event_operations(const EventSetup& setup, const std::string& join_code,
                                              const std::vector<core::DemoParticipant>& demo,
                                              std::int64_t at_ms);

// Applies and stores them in `store` (which must be empty) and stores the two credentials.
core::Result<NewEvent> create_event(storage::EventStore& store, const core::Taxonomy& taxonomy,
                                    const EventSetup& setup,
                                    const std::vector<core::DemoParticipant>& demo);

}  // namespace crossmatch::hub
