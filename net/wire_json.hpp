// The pieces of JSON both wire codecs (messages, auto-schedule plans) write alike.
#pragma once

#include <string>

#include "core/error.hpp"
#include "core/json/json_reader.hpp"

namespace crossmatch::net {

// One line's text. Hub messages only carry text that was valid UTF-8 when it arrived; replacing
// keeps a bug from ever turning into an exception on the network thread.
std::string wire_text(const core::json::Json& j);

// {"code", "field", "message"}: how every refusal travels.
core::json::Json error_json(const core::Error& e);

}  // namespace crossmatch::net
