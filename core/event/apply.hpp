// The one function that changes an event: it checks an operation against the state and the
// actor's role, and either applies it or returns the refusal. The hub, the replay tool and every
// client's replica use it alike.
#pragma once

#include "core/error.hpp"
#include "core/event/event_state.hpp"
#include "core/event/local_time.hpp"
#include "core/event/operation.hpp"
#include "core/taxonomy.hpp"

namespace crossmatch::core {

enum class ApplyMode {
  // The hub (and replay): checks everything and decides what the hub decides (new ids, the slot
  // and table of an accepted meeting); such fields arriving with the operation are ignored.
  Decide,
  // A replica applying an operation the hub already applied: takes those decisions as given.
  Follow,
};

// On success the state has changed and the applied operation (with the hub's decisions filled
// in) is returned; on refusal the state is exactly as it was. Deciding when a slot starts (an
// offer lapsing) takes `local_to_utc`; without it local times are taken as UTC.
Result<Operation> apply_operation(EventState& state, const Taxonomy& taxonomy,
                                  const Operation& operation, ApplyMode mode = ApplyMode::Decide,
                                  const LocalToUtc* local_to_utc = nullptr);

}  // namespace crossmatch::core
