#include <doctest/doctest.h>

#include "core/text.hpp"
#include "i18n/pseudo_language.hpp"

namespace crossmatch::i18n {

TEST_CASE("the pseudo-language accents letters, keeps printf conversions and is 40 % longer") {
  const std::string english = "%zu of %zu suggested";
  const std::string pseudo = pseudo_translation(english);
  CHECK(pseudo.front() == '[');
  CHECK(pseudo.back() == ']');
  CHECK(pseudo.find("%zu öf %zu šüĝĝéšťéď") != std::string::npos);
  CHECK(core::utf8_length(pseudo) * 5 >= core::utf8_length(english) * 7);

  CHECK(pseudo_translation("100%% sure, %1$s and %2$-5.2f").find("100%% šüŕé, %1$s åñď %2$-5.2f") !=
        std::string::npos);
  // Text that never went through it stays plain: no letter a-z is left in a translated word.
  const std::string words = pseudo_translation("Request sent to everyone");
  for (const char c : std::string("acdeghiklnorstuwyz")) CHECK(words.find(c) == std::string::npos);
  CHECK(core::is_valid_utf8(pseudo_translation("Malmö, Kraków: naïve")));
}

}  // namespace crossmatch::i18n
