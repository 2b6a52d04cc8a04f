#include <doctest/doctest.h>

#include <zstd.h>

#include <string>
#include <vector>

#include "net/protocol.hpp"
#include "net/zstd_frame.hpp"

using namespace crossmatch::net;

namespace {

// Many lines like a snapshot's: similar records, so they compress well.
std::string some_lines(int count) {
  std::string lines;
  for (int i = 0; i < count; ++i)
    lines += R"({"type":"snapshot_items","kind":"participants","items":[{"id":)" +
             std::to_string(i) + R"(,"name":"Participant )" + std::to_string(i * 7919 % 10007) +
             R"(","sector":"health"}]})" + "\n";
  return lines;
}

// Feeds `bytes` to a reader in pieces of `piece` bytes; collects the lines.
crossmatch::core::Status read_all(HubLineReader& reader, const std::string& bytes,
                                  std::size_t piece, std::vector<std::string>& lines) {
  for (std::size_t at = 0; at < bytes.size(); at += piece) {
    auto status = reader.feed(std::string_view(bytes).substr(at, piece), [&](std::string_view l) {
      lines.emplace_back(l);
      return true;
    });
    if (!status) return status;
  }
  return crossmatch::core::Status::success();
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t newline = text.find('\n', start);
    out.push_back(text.substr(start, newline - start));
    start = newline + 1;
  }
  return out;
}

// A frame's header line for raw bytes (as a hostile or broken hub would send them).
std::string header(std::size_t bytes, std::size_t lines) {
  return R"({"type":"zstd","bytes":)" + std::to_string(bytes) + R"(,"lines":)" +
         std::to_string(lines) + "}\n";
}

}  // namespace

TEST_CASE("zstd frame: lines around a frame come out in order, whatever the pieces") {
  const std::string lines = some_lines(2000);
  const std::string frame = encode_zstd_frame(lines, 2000, kCompressLevel);
  CHECK(frame.size() < lines.size() / 4);
  const std::string wire = "{\"type\":\"welcome\"}\n" + frame + "{\"type\":\"caught_up\"}\n";
  std::vector<std::string> expected{"{\"type\":\"welcome\"}"};
  for (std::string& l : split(lines)) expected.push_back(std::move(l));
  expected.push_back("{\"type\":\"caught_up\"}");
  for (std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{4096}, wire.size()}) {
    CAPTURE(piece);
    HubLineReader reader(kMaxHubLineBytes, true);
    std::vector<std::string> got;
    REQUIRE(read_all(reader, wire, piece, got).ok());
    CHECK(got == expected);
    CHECK(reader.frame_buffered() == 0);
  }
}

TEST_CASE("zstd frame: a reader that did not ask for frames passes the header on as a line") {
  const std::string frame = encode_zstd_frame("{\"a\":1}\n", 1, 1);
  HubLineReader reader(kMaxHubLineBytes, false);
  std::vector<std::string> got;
  (void)read_all(reader, frame.substr(0, frame.find('\n') + 1), 64, got);
  REQUIRE(got.size() == 1);
  CHECK(is_zstd_frame_header(got[0]));
}

TEST_CASE("zstd frame: a truncated frame is refused, naming its size") {
  const std::string lines = some_lines(500);
  const std::string frame = encode_zstd_frame(lines, 500, 1);
  const std::size_t body = frame.find('\n') + 1;
  const auto parsed = parse_zstd_frame_header(std::string_view(frame).substr(0, body - 1));
  REQUIRE(parsed);
  const std::string_view bytes = std::string_view(frame).substr(body);
  CHECK(parsed->bytes == bytes.size());
  CHECK(parsed->lines == 500);
  // Cut short: fewer bytes than the header says.
  auto cut = decompress_zstd_frame(bytes.substr(0, bytes.size() - 10), *parsed, kMaxHubLineBytes);
  REQUIRE_FALSE(cut);
  CHECK(cut.error().code == "bad_frame");
  // The header made to match the cut bytes: zstd finds the frame incomplete.
  ZstdFrameHeader shorter = *parsed;
  shorter.bytes = bytes.size() - 10;
  cut = decompress_zstd_frame(bytes.substr(0, shorter.bytes), shorter, kMaxHubLineBytes);
  REQUIRE_FALSE(cut);
  CHECK(cut.error().message.find("zstd") != std::string::npos);
  // On a connection: the frame's bytes are awaited, and counted for the message when it ends.
  HubLineReader reader(kMaxHubLineBytes, true);
  std::vector<std::string> got;
  CHECK(read_all(reader, frame.substr(0, frame.size() - 10), 1000, got).ok());
  CHECK(got.empty());
  CHECK(reader.frame_buffered() == bytes.size() - 10);
}

TEST_CASE("zstd frame: a header saying more bytes than the limit is refused before reading them") {
  HubLineReader reader(kMaxHubLineBytes, true);
  std::vector<std::string> got;
  const auto status = read_all(reader, header(kMaxFrameBytes + 1, 1), 64, got);
  REQUIRE_FALSE(status);
  CHECK(status.error().code == "bad_frame");
  CHECK(status.error().field == "bytes");
  CHECK(reader.frame_buffered() == 0);
  // The reader stays failed.
  CHECK_FALSE(reader.feed("{\"a\":1}\n", [](std::string_view) { return true; }).ok());
  for (const char* bad :
       {R"({"type":"zstd","bytes":0,"lines":1})", R"({"type":"zstd","bytes":12,"lines":0})",
        R"({"type":"zstd","bytes":-3,"lines":1})", R"({"type":"zstd","lines":1,"bytes":12})",
        R"({"type":"zstd","bytes":12,"lines":1,"x":1})",
        R"({"type":"zstd","bytes":99999999999999999999999,"lines":1})"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_zstd_frame_header(bad));
  }
}

TEST_CASE("zstd frame: garbage bytes in place of a frame are refused") {
  const std::string garbage(300, '\x5a');
  HubLineReader reader(kMaxHubLineBytes, true);
  std::vector<std::string> got;
  const auto status = read_all(reader, header(garbage.size(), 1) + garbage + "{}\n", 64, got);
  REQUIRE_FALSE(status);
  CHECK(status.error().code == "bad_frame");
  CHECK(got.empty());
  // A frame with its bytes flipped in the middle.
  std::string frame = encode_zstd_frame(some_lines(300), 300, 3);
  const std::size_t body = frame.find('\n') + 1;
  for (std::size_t i = body + 20; i < frame.size() - 8; i += 13) frame[i] ^= 0x55;
  HubLineReader second(kMaxHubLineBytes, true);
  got.clear();
  CHECK_FALSE(read_all(second, frame, 4096, got).ok());
  CHECK(got.empty());
  // A frame that holds fewer lines than its header says, or an unfinished last line.
  const std::string two = encode_zstd_frame("{}\n{}\n", 3, 1);
  HubLineReader third(kMaxHubLineBytes, true);
  CHECK_FALSE(read_all(third, two, 64, got).ok());
  const std::string open_end = encode_zstd_frame("{}\n{", 2, 1);
  HubLineReader fourth(kMaxHubLineBytes, true);
  CHECK_FALSE(read_all(fourth, open_end, 64, got).ok());
}

TEST_CASE("zstd frame: a decompression bomb above the limit is refused without inflating it") {
  // 64 MiB of one byte compresses to a few KiB: its frame says how large it is.
  const std::string big(kMaxFrameContentBytes * 4, 'a');
  std::string bomb(ZSTD_compressBound(big.size()), '\0');
  bomb.resize(ZSTD_compress(bomb.data(), bomb.size(), big.data(), big.size(), 1));
  REQUIRE(bomb.size() < kMaxFrameBytes);
  HubLineReader reader(kMaxHubLineBytes, true);
  std::vector<std::string> got;
  const auto status = read_all(reader, header(bomb.size(), 1) + bomb, 1 << 20, got);
  REQUIRE_FALSE(status);
  CHECK(status.error().message.find(std::to_string(kMaxFrameContentBytes)) != std::string::npos);
  // The same without the size in the frame (streamed): refused too, as zstd frames from the hub
  // always say it.
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 0);
  std::string unsized(ZSTD_compressBound(1000), '\0');
  const std::string small(1000, '\n');
  unsized.resize(ZSTD_compress2(cctx, unsized.data(), unsized.size(), small.data(), small.size()));
  ZSTD_freeCCtx(cctx);
  const auto refused = decompress_zstd_frame(unsized, {unsized.size(), 1000}, kMaxHubLineBytes);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("does not say") != std::string::npos);
}

TEST_CASE("zstd frame: a line inside a frame is held to the line limit") {
  const std::string lines = std::string(2000, 'x') + "\n";
  const std::string frame = encode_zstd_frame(lines, 1, 1);
  HubLineReader reader(1000, true);
  std::vector<std::string> got;
  CHECK_FALSE(read_all(reader, frame, 64, got).ok());
  CHECK(got.empty());
}

TEST_CASE("zstd frames: one thread's frames of many sizes in turn each decompress to their lines") {
  // The compression context and buffer are kept between frames: a large frame, then small ones,
  // then large again, must not leak one frame's bytes into another.
  for (const int count : {4000, 3, 1, 200, 20000, 2, 700}) {
    const std::string lines = some_lines(count);
    const std::string frame =
        encode_zstd_frame(lines, static_cast<std::size_t>(count), kCompressLevel);
    const std::size_t body = frame.find('\n') + 1;
    const auto header = parse_zstd_frame_header(std::string_view(frame).substr(0, body - 1));
    REQUIRE(header);
    CHECK(header->bytes == frame.size() - body);
    const auto content =
        decompress_zstd_frame(std::string_view(frame).substr(body), *header, kMaxHubLineBytes);
    REQUIRE(content);
    CHECK(*content == lines);
  }
}
