// The messages a compiled gettext catalogue (.mo) holds, read from the file itself: Boost.Locale
// looks messages up but does not list them, and the client needs the list to read texts the hub
// made in English from the catalogue's templates (core/i18n/rendered_text.hpp).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/i18n/rendered_text.hpp"

namespace crossmatch::i18n {

struct MoMessages {
  std::string bytes;                   // the file, its strings split in place
  std::vector<core::MessageKey> keys;  // point into `bytes`: moving this keeps them valid
};

// The English side of every message in `mo` (but the header), or an error naming the file and
// what is wrong with it.
core::Result<MoMessages> read_mo_messages(const std::filesystem::path& mo);

// The same from the file's bytes; `name` is what an error calls them.
core::Result<MoMessages> parse_mo_messages(std::string bytes, const std::string& name);

}  // namespace crossmatch::i18n
