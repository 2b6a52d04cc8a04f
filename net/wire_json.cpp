#include "net/wire_json.hpp"

#include <nlohmann/json.hpp>

namespace crossmatch::net {

std::string wire_text(const core::json::Json& j) {
  return j.dump(-1, ' ', false, core::json::Json::error_handler_t::replace);
}

core::json::Json error_json(const core::Error& e) {
  return core::json::Json{{"code", e.code}, {"field", e.field}, {"message", e.message}};
}

}  // namespace crossmatch::net
