// The join screen, drawn until the session has joined an event.
#pragma once

#include "app/client/state/client_config.hpp"
#include "app/client/state/client_session.hpp"
#include "app/client/state/join_form.hpp"

namespace crossmatch::client {

// `config` may be null (nothing remembered).
void draw_join_view(JoinForm& join, ClientSession& session, ClientConfig* config);

}  // namespace crossmatch::client
