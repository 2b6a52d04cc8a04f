// An applied operation made ready for the log by the thread that applied it (the hub's network
// thread, right after its sequencer): the log row's JSON and lookup columns, and copies of the
// derived rows it changed. The storage thread then only writes, and nothing is applied twice.
#pragma once

#include <string>

#include "core/event/event_state.hpp"
#include "core/event/operation.hpp"
#include "storage/row_images.hpp"
#include "storage/touched.hpp"

namespace crossmatch::storage {

struct PreparedOperation {
  core::Operation operation;            // applied and sequenced
  std::string json;                     // its text in the log
  core::ParticipantId participant = 0;  // the log's lookup columns (0: none)
  core::MeetingId meeting = 0;
  RowImages rows;  // read right after it
};

// Prepares `applied`, read from `after`, the state right after it was applied. `noted` holds what
// note_before() noted from the state before it (only removing a session needs that).
PreparedOperation prepare_operation(const core::EventState& after, core::Operation applied,
                                    Touched noted = {});

}  // namespace crossmatch::storage
