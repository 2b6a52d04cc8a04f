// `crossmatch-hub print`: badges, personal agendas, table signs or the join poster as one PDF.
#include <filesystem>
#include <iostream>

#include "app/hub/data_commands.hpp"
#include "core/text.hpp"
#include "net/tls_identity.hpp"
#include "print/print_job.hpp"
#include "storage/file_output.hpp"

namespace crossmatch::hub {

namespace {

// "3,7,12" as participant ids.
core::Result<std::vector<core::ParticipantId>> participant_ids(const std::string& text) {
  std::vector<core::ParticipantId> out;
  if (core::trim(text).empty()) return out;
  std::vector<std::string> parts;
  core::split(text, ',', [&](std::string_view part) { parts.emplace_back(core::trim(part)); });
  for (const std::string& part : parts) {
    std::uint64_t id = 0;
    bool digits = !part.empty() && part.size() <= 10;
    for (const char c : part) {
      if (c < '0' || c > '9') {
        digits = false;
        break;
      }
      id = id * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (!digits || id == 0 || id > UINT32_MAX)
      return core::make_error("invalid", "--participants",
                              "--participants takes participant ids separated by commas (3,7,12); "
                              "'" +
                                  part + "' is not one.");
    out.push_back(static_cast<core::ParticipantId>(id));
  }
  return out;
}

// The join code as people type it: with the pin of the certificate kept beside the database,
// when the hub made one (a hub with the organiser's own certificate or without TLS: the code
// alone).
std::string typed_join_code(const std::filesystem::path& db, const std::string& code) {
  std::error_code error;
  const auto cert = net::stored_certificate_file(db);
  const auto key = net::stored_key_file(db);
  if (!std::filesystem::exists(cert, error) || !std::filesystem::exists(key, error)) return code;
  auto identity = net::load_tls_identity(cert, key);
  if (!identity) return code;
  return net::join_code_with_pin(code, net::short_pin(identity->fingerprint));
}

}  // namespace

int run_print(const PrintOptions& options) {
  print::PrintRequest request;
  if (!print::parse_print_kind(options.what, request.what))
    return detail::fail(core::make_error(
        "invalid", "--what",
        "--what is '" + options.what + "'; it must be badges, agendas, tables or poster."));
  if (!print::parse_paper(options.paper, request.paper))
    return detail::fail(core::make_error(
        "invalid", "--paper", "--paper is '" + options.paper + "'; it must be a4 or letter."));
  auto ids = participant_ids(options.participants);
  if (!ids) return detail::fail(ids.error());
  request.participants = std::move(*ids);
  if (!request.participants.empty() && request.what != print::PrintKind::Badges &&
      request.what != print::PrintKind::Agendas)
    return detail::fail(core::make_error("invalid", "--participants",
                                         "--participants goes with --what badges or agendas."));
  if (request.what == print::PrintKind::Poster) {
    if (!options.hub)
      return detail::fail(core::make_error("missing_flag", "--hub",
                                           "The poster needs --hub HOST:PORT, the address people "
                                           "type to join."));
    request.hub_address = *options.hub;
  } else if (options.hub) {
    return detail::fail(core::make_error("invalid", "--hub", "--hub goes with --what poster."));
  }

  auto taxonomy = detail::taxonomy_from(options.assets);
  if (!taxonomy) return detail::fail(taxonomy.error());
  auto store = detail::open_for_reading(options.db, *taxonomy);
  if (!store) return detail::fail(store.error());
  auto loaded = (*store)->load();
  if (!loaded) return detail::fail(loaded.error());
  const core::EventState& state = loaded->state;
  request.join_code = typed_join_code(options.db, state.event.join_code);

  auto pdf = print::print_pdf(state, *taxonomy, request);
  if (!pdf) return detail::fail(pdf.error());
  if (auto s = storage::write_file_atomically(options.out, *pdf); !s)
    return detail::fail(s.error());
  std::cerr << "wrote " << print::label(request.what) << " of '" << state.event.name
            << "' (as of operation " << loaded->last_sequence << ") to " << options.out << "\n";
  return 0;
}

}  // namespace crossmatch::hub
