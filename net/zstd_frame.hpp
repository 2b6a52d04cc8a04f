// Compressed runs of lines (docs/protocol.md, "Compression"): the hub packs a run of lines into
// one zstd frame behind a header line; the client's reader takes the frame's bytes after the
// header and hands its lines on as if they had come one by one. zstd_frame.cpp is the one file
// that includes zstd's header.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "net/line_splitter.hpp"

namespace crossmatch::net {

// What a frame's header line says: {"type":"zstd","bytes":N,"lines":K}.
struct ZstdFrameHeader {
  std::size_t bytes = 0;  // the compressed frame's size, following the header's newline
  std::size_t lines = 0;  // the lines it holds
};

// The header and the frame as they go on the wire: the header line, its newline, then the zstd
// frame of `lines` (complete lines, each with its newline; `count` of them) at `level`.
std::string encode_zstd_frame(std::string_view lines, std::size_t count, int level);

// Whether `line` is a frame's header (begins {"type":"zstd").
bool is_zstd_frame_header(std::string_view line);
// The header's numbers; an error names what is wrong (the form, or a size past the limit).
core::Result<ZstdFrameHeader> parse_zstd_frame_header(std::string_view line);
// The frame's lines, each with its newline. Refused: a frame that is not exactly one zstd frame
// of `header.bytes`, one that does not say its content's size or says more than
// kMaxFrameContentBytes, a corrupt one, and content that is not `header.lines` complete lines of
// at most `max_line_bytes` each.
core::Result<std::string> decompress_zstd_frame(std::string_view frame,
                                                const ZstdFrameHeader& header,
                                                std::size_t max_line_bytes);

// Reads the hub's bytes into lines, taking frames apart when they are allowed (the client asked
// for them in its hello); without, a frame's header is a line like any other.
class HubLineReader {
 public:
  HubLineReader(std::size_t max_line_bytes, bool frames)
      : splitter_(max_line_bytes), frames_(frames) {}

  // Hands every complete line in `bytes` (without its newline) to `on_line(std::string_view) ->
  // bool`, in order, those of frames included; `on_line` returns false to stop reading (the rest
  // is dropped). An error: a line past the limit or a frame that cannot be read; the reader
  // then stays failed.
  template <class OnLine>
  core::Status feed(std::string_view bytes, OnLine&& on_line);

  // The bytes of a frame read so far (a frame cut short by the end of the connection).
  std::size_t frame_buffered() const { return skip_frames_ ? skipped_ : frame_.size(); }
  // From now on frames are passed over unread: their lines are not handed on (the load
  // generator's clients count a snapshot's bytes without taking it apart).
  void skip_frame_contents() { skip_frames_ = true; }

 private:
  core::Status fail(core::Error error) {
    failed_ = error;
    frame_.clear();
    frame_.shrink_to_fit();
    return error;
  }

  LineSplitter splitter_;
  bool frames_;
  std::optional<ZstdFrameHeader> header_;  // a frame's bytes are being read
  std::string frame_;
  bool skip_frames_ = false;
  std::size_t skipped_ = 0;  // of the frame being passed over
  std::optional<core::Error> failed_;
};

template <class OnLine>
core::Status HubLineReader::feed(std::string_view bytes, OnLine&& on_line) {
  if (failed_) return *failed_;
  bool go_on = true;
  while (go_on && !bytes.empty()) {
    if (header_ && skip_frames_) {
      const std::size_t take = std::min(bytes.size(), header_->bytes - skipped_);
      skipped_ += take;
      bytes.remove_prefix(take);
      if (skipped_ < header_->bytes) break;
      header_.reset();
      skipped_ = 0;
      continue;
    }
    if (header_) {
      const std::size_t take = std::min(bytes.size(), header_->bytes - frame_.size());
      frame_.append(bytes.substr(0, take));
      bytes.remove_prefix(take);
      if (frame_.size() < header_->bytes) break;
      auto content = decompress_zstd_frame(frame_, *header_, splitter_.max());
      header_.reset();
      frame_.clear();
      frame_.shrink_to_fit();
      if (!content) return fail(content.error());
      std::string_view rest = *content;
      while (go_on && !rest.empty()) {
        const std::size_t newline = rest.find('\n');
        go_on = on_line(rest.substr(0, newline));
        rest.remove_prefix(newline + 1);
      }
      continue;
    }
    std::optional<core::Error> bad;
    const bool fits = splitter_.feed_some(bytes, [&](std::string_view line) {
      if (frames_ && is_zstd_frame_header(line)) {
        auto header = parse_zstd_frame_header(line);
        if (!header) {
          bad = header.error();
        } else {
          header_ = *header;
          if (!skip_frames_) frame_.reserve(header_->bytes);
        }
        return false;
      }
      go_on = on_line(line);
      return go_on;
    });
    if (bad) return fail(std::move(*bad));
    if (!fits)
      return fail(core::make_error("line_too_long", "",
                                   "The hub sent a line longer than the protocol allows (" +
                                       std::to_string(splitter_.max()) + " bytes)."));
  }
  return core::Status::success();
}

}  // namespace crossmatch::net
