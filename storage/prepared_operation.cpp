#include "storage/prepared_operation.hpp"

#include "core/event/json_codec.hpp"
#include "core/event/operation_catalogue.hpp"

namespace crossmatch::storage {

PreparedOperation prepare_operation(const core::EventState& after, core::Operation applied,
                                    Touched noted) {
  note_after(after, applied, noted);
  PreparedOperation prepared;
  prepared.json = core::operation_to_json(applied);
  const core::Subject about = core::subject(applied.payload);
  prepared.participant = about.participant;
  prepared.meeting = about.meeting;
  prepared.rows = read_rows(after, noted, applied.sequence);
  prepared.operation = std::move(applied);
  return prepared;
}

}  // namespace crossmatch::storage
