#include "app/client/state/event_screen.hpp"

#include "app/client/state/client_models.hpp"
#include "core/i18n/translation.hpp"
#include "net/tls_identity.hpp"

namespace crossmatch::client {

void JoinCodeDisplay::refresh(const ClientSession& session) {
  // The code people type carries the pin of the certificate this app checked the hub by.
  const std::string fingerprint = session.hub_fingerprint();
  const std::string now =
      net::join_code_with_pin(session.state().event.join_code,
                              fingerprint.empty() ? std::string() : net::short_pin(fingerprint));
  if (now == code && (qr || !problem.empty())) return;
  code = now;
  qr.reset();
  problem.clear();
  auto made = print::qr_matrix(code);
  if (made) {
    qr = std::move(*made);
  } else {
    problem = made.error().message;
  }
}

bool save_session(ClientModels& m) {
  SessionForm& form = m.event.session;
  const SessionFormCheck checked = form.check(m.session);
  if (!checked.operation) return false;
  const bool creating = !form.editing_session();
  const char* name = checked.operation->name.c_str();
  std::string done;
  if (creating) {
    // TRANSLATORS: %s is the session's name
    done = core::format_text(core::tr("Session added: %s"), name);
  } else {
    // TRANSLATORS: %s is the session's name
    done = core::format_text(core::tr("Session saved: %s"), name);
  }
  if (!m.submit(*checked.operation, done)) return false;
  form.stop_editing();
  return true;
}

bool ask_to_remove_session(ClientModels& m, core::SessionId id) {
  SessionRemoval plan = plan_session_removal(m.session, id);
  m.event.blocked_removal = 0;
  m.event.removal = {};
  if (!plan.confirmation) {
    m.event.blocked_removal = id;
    m.event.removal = std::move(plan);
    return false;
  }
  if (m.event.session.editing == id) m.event.session.stop_editing();
  m.ask(std::move(*plan.confirmation));
  return true;
}

}  // namespace crossmatch::client
