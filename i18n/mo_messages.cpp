// The .mo layout (GNU gettext manual, "The Format of GNU MO Files"): a magic number giving the
// byte order, a revision, the number of strings N, and the offset of a table of N (length,
// offset) pairs locating the original strings. An original is "context\4message" when it has a
// context and "singular\0plural" when it has plural forms; each ends in a NUL.
#include "i18n/mo_messages.hpp"

#include <cstdint>
#include <fstream>
#include <sstream>

namespace crossmatch::i18n {
namespace {

constexpr std::uint32_t kMagic = 0x950412de;
constexpr std::uint32_t kMagicSwapped = 0xde120495;

std::uint32_t swapped(std::uint32_t v) {
  return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
}

}  // namespace

core::Result<MoMessages> parse_mo_messages(std::string bytes, const std::string& name) {
  const auto bad = [&](const std::string& what) {
    return core::make_error("bad_catalogue", name, name + " is not a gettext catalogue: " + what);
  };
  const auto word_at = [&](std::size_t at, bool swap) -> std::uint32_t {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    return swap ? swapped(v) : v;
  };
  if (bytes.size() < 20) return bad("shorter than its header");
  const std::uint32_t magic = word_at(0, false);
  if (magic != kMagic && magic != kMagicSwapped) return bad("no .mo magic number");
  const bool swap = magic == kMagicSwapped;
  const std::uint64_t count = word_at(8, swap);
  const std::uint64_t table = word_at(12, swap);
  if (table + count * 8 > bytes.size()) return bad("its table of messages runs past its end");

  MoMessages out;
  std::vector<std::pair<std::size_t, std::size_t>> strings;  // (offset, length)
  strings.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t length = word_at(table + i * 8, swap);
    const std::uint64_t offset = word_at(table + i * 8 + 4, swap);
    if (offset + length >= bytes.size() || bytes[offset + length] != '\0')
      return bad("message " + std::to_string(i) + " runs past its end");
    strings.emplace_back(offset, length);
  }
  out.bytes = std::move(bytes);
  for (const auto& [offset, length] : strings) {
    if (length == 0) continue;  // the header
    char* text = out.bytes.data() + offset;
    core::MessageKey key;
    for (std::size_t i = 0; i < length; ++i) {
      if (text[i] == '\4' && key.context == nullptr) {
        text[i] = '\0';
        key.context = text;
        text += i + 1;
        break;
      }
    }
    key.singular = text;
    const std::size_t singular_length = std::char_traits<char>::length(text);
    const char* end = out.bytes.data() + offset + length;
    if (text + singular_length < end) key.plural = text + singular_length + 1;
    out.keys.push_back(key);
  }
  return out;
}

core::Result<MoMessages> read_mo_messages(const std::filesystem::path& mo) {
  std::ifstream in(mo, std::ios::binary);
  if (!in) return core::make_error("no_catalogue", mo.string(), "Cannot read " + mo.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return parse_mo_messages(std::move(bytes).str(), mo.string());
}

}  // namespace crossmatch::i18n
