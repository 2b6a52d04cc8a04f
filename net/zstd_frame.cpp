#include "net/zstd_frame.hpp"

#include <zstd.h>

#include <charconv>
#include <memory>
#include <new>
#include <stdexcept>

#include "net/protocol.hpp"

namespace crossmatch::net {
namespace {

constexpr std::string_view kHeaderStart = R"({"type":"zstd")";

core::Error bad_frame(const std::string& field, const std::string& what) {
  return core::make_error("bad_frame", field,
                          "The hub sent a compressed frame this client cannot read: " + what);
}

// Reads `"key":N` at the front of `text` and moves past it.
bool read_number(std::string_view& text, std::string_view key, std::size_t& out) {
  const std::string quoted = "\"" + std::string(key) + "\":";
  if (!text.starts_with(quoted)) return false;
  text.remove_prefix(quoted.size());
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec != std::errc() || end == text.data()) return false;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return true;
}

}  // namespace

// One compression context and output buffer per thread, kept between frames: zstd's one-shot
// ZSTD_compress makes and clears a context of its own every call (hundreds of kilobytes at level
// 3), which a hub compressing every returning device's catch-up paid for again and again.
struct Compressor {
  Compressor() : context(ZSTD_createCCtx()) {}
  ~Compressor() { ZSTD_freeCCtx(context); }
  Compressor(const Compressor&) = delete;
  Compressor& operator=(const Compressor&) = delete;
  ZSTD_CCtx* context;
  std::unique_ptr<char[]> out;
  std::size_t capacity = 0;
};

std::string encode_zstd_frame(std::string_view lines, std::size_t count, int level) {
  thread_local Compressor compressor;
  if (compressor.context == nullptr) throw std::bad_alloc();
  const std::size_t bound = ZSTD_compressBound(lines.size());
  if (compressor.capacity < bound) {
    compressor.out = std::make_unique_for_overwrite<char[]>(bound);
    compressor.capacity = bound;
  }
  const std::size_t size = ZSTD_compressCCtx(compressor.context, compressor.out.get(), bound,
                                             lines.data(), lines.size(), level);
  // Only a programming error (a bad level, a buffer below the bound) makes zstd fail here.
  if (ZSTD_isError(size)) throw std::logic_error(std::string("zstd: ") + ZSTD_getErrorName(size));
  const std::string header = std::string(kHeaderStart) + ",\"bytes\":" + std::to_string(size) +
                             ",\"lines\":" + std::to_string(count) + "}\n";
  std::string wire;
  wire.reserve(header.size() + size);
  wire += header;
  wire.append(compressor.out.get(), size);
  // A frame of a few megabytes must not keep a buffer that size for the thread's whole life.
  if (compressor.capacity > (1u << 20)) {
    compressor.out.reset();
    compressor.capacity = 0;
  }
  return wire;
}

bool is_zstd_frame_header(std::string_view line) {
  return line.starts_with(kHeaderStart);
}

core::Result<ZstdFrameHeader> parse_zstd_frame_header(std::string_view line) {
  ZstdFrameHeader header;
  std::string_view rest = line;
  const bool ok = rest.starts_with(kHeaderStart) &&
                  (rest.remove_prefix(kHeaderStart.size()), true) && rest.starts_with(",") &&
                  (rest.remove_prefix(1), true) && read_number(rest, "bytes", header.bytes) &&
                  rest.starts_with(",") && (rest.remove_prefix(1), true) &&
                  read_number(rest, "lines", header.lines) && rest == "}";
  if (!ok)
    return bad_frame("", "its header is not {\"type\":\"zstd\",\"bytes\":N,\"lines\":K} (" +
                             std::string(line.substr(0, 200)) + ").");
  if (header.bytes == 0 || header.bytes > kMaxFrameBytes)
    return bad_frame("bytes", "its header says " + std::to_string(header.bytes) +
                                  " bytes; a frame has 1 to " + std::to_string(kMaxFrameBytes) +
                                  ".");
  if (header.lines == 0 || header.lines > kMaxFrameContentBytes)
    return bad_frame("lines", "its header says " + std::to_string(header.lines) + " lines.");
  return header;
}

core::Result<std::string> decompress_zstd_frame(std::string_view frame,
                                                const ZstdFrameHeader& header,
                                                std::size_t max_line_bytes) {
  if (frame.size() != header.bytes)
    return bad_frame("bytes", "it holds " + std::to_string(frame.size()) + " bytes, not the " +
                                  std::to_string(header.bytes) + " its header says.");
  const std::size_t compressed = ZSTD_findFrameCompressedSize(frame.data(), frame.size());
  if (ZSTD_isError(compressed))
    return bad_frame(
        "bytes", std::string("it is not a zstd frame (") + ZSTD_getErrorName(compressed) + ").");
  if (compressed != frame.size())
    return bad_frame("bytes", "its zstd frame is " + std::to_string(compressed) +
                                  " bytes, not the " + std::to_string(frame.size()) +
                                  " its header says.");
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR) return bad_frame("bytes", "it is not a zstd frame.");
  if (size == ZSTD_CONTENTSIZE_UNKNOWN)
    return bad_frame("bytes", "its zstd frame does not say how large its content is.");
  if (size > kMaxFrameContentBytes)
    return bad_frame("bytes", "its content would be " + std::to_string(size) + " bytes; at most " +
                                  std::to_string(kMaxFrameContentBytes) + " are accepted.");
  std::string content(static_cast<std::size_t>(size), '\0');
  // The output buffer is the declared size: a frame that holds more fails instead of growing it.
  const std::size_t got =
      ZSTD_decompress(content.data(), content.size(), frame.data(), frame.size());
  if (ZSTD_isError(got))
    return bad_frame("bytes",
                     std::string("zstd could not decompress it (") + ZSTD_getErrorName(got) + ").");
  if (got != content.size())
    return bad_frame("bytes", "its content is " + std::to_string(got) + " bytes, not the " +
                                  std::to_string(size) + " its frame says.");
  if (content.empty() || content.back() != '\n')
    return bad_frame("lines", "its content does not end with a complete line.");
  std::size_t lines = 0;
  for (std::size_t start = 0; start < content.size();) {
    const std::size_t newline = content.find('\n', start);
    if (newline - start > max_line_bytes)
      return bad_frame("lines", "it holds a line of " + std::to_string(newline - start) +
                                    " bytes; at most " + std::to_string(max_line_bytes) +
                                    " are allowed.");
    ++lines;
    start = newline + 1;
  }
  if (lines != header.lines)
    return bad_frame("lines", "it holds " + std::to_string(lines) + " lines, not the " +
                                  std::to_string(header.lines) + " its header says.");
  return content;
}

}  // namespace crossmatch::net
