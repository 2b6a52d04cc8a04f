// The pseudo-language: every text 40 % longer, its letters accented and its ends bracketed, so
// that a screen drawn in it shows texts that are cut ("[Ŝéåŕçĥ ñåɱé" has lost its "]"), glyphs the
// font lacks, and texts that never went through a catalogue (still plain English).
#pragma once

#include <string>
#include <string_view>

namespace crossmatch::i18n {

// `english` in the pseudo-language; printf conversions ("%s", "%2$d", "%%") are kept as they are.
std::string pseudo_translation(std::string_view english);

}  // namespace crossmatch::i18n
