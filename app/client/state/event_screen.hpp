// The organiser's event screen: the session form and the table being typed, kept between frames,
// and why the last session the organiser tried to remove cannot be removed.
#pragma once

#include <optional>
#include <string>

#include "app/client/state/session_form.hpp"
#include "app/client/state/session_removal.hpp"
#include "core/event/operation.hpp"
#include "core/i18n/translation.hpp"
#include "print/qr_matrix.hpp"

namespace crossmatch::client {

struct TableDraft {
  // TRANSLATORS: the name first offered for a new meeting table, which the organiser may change
  std::string name = core::tr("Table");
  int seats = 2;
};

// The join code as people type it, with the hub's pin, and its QR code, made again only when the
// code changes.
struct JoinCodeDisplay {
  std::string code;
  std::optional<print::QrMatrix>
      qr;  // none when the code cannot be encoded (then `problem` says why)
  std::string problem;

  void refresh(const ClientSession& session);
};

struct EventScreen {
  JoinCodeDisplay join_code;
  SessionForm session;
  TableDraft table;
  core::SessionId blocked_removal = 0;  // the session whose removal the hub would refuse
  SessionRemoval removal;               // and why
};

struct ClientModels;
// Add session / Save changes: sends the form's operation when its check allows; false otherwise.
bool save_session(ClientModels& m);
// The Remove button: asks to confirm, or (false) keeps why the hub would refuse in m.event, for
// the screen to show beside the session.
bool ask_to_remove_session(ClientModels& m, core::SessionId id);

}  // namespace crossmatch::client
