// JSON of event statistics.
#include "core/event/json_codec.hpp"
#include "core/event/json_values.hpp"

namespace crossmatch::core::json {

Json to_json(const EventStatistics& s) {
  return Json{{"participants", s.participants},
              {"withdrawn", s.withdrawn},
              {"erased", s.erased},
              {"arrived", s.arrived},
              {"requests", s.requests},
              {"pending", s.pending},
              {"accepted", s.accepted},
              {"declined", s.declined},
              {"cancelled", s.cancelled},
              {"held", s.held},
              {"not_held", s.not_held},
              {"share_cross_sector", s.share_cross_sector()},
              {"share_cross_border", s.share_cross_border()},
              {"relationships", s.relationships}};
}

}  // namespace crossmatch::core::json

namespace crossmatch::core {

std::string statistics_to_json(const EventStatistics& statistics) {
  return json::to_json(statistics).dump();
}

}  // namespace crossmatch::core
