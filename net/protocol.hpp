// The wire protocol's shared constants: its version and every limit, used by the hub and the
// client alike (docs/protocol.md describes the messages).
#pragma once

#include <cstddef>
#include <cstdint>

namespace crossmatch::net {

inline constexpr int kProtocolVersion = 1;

// Sequence numbers and other counters on the wire stay below 2^53, so that every JSON reader
// (JavaScript's and Python's among them) reads them exactly.
inline constexpr std::int64_t kMaxSequence = std::int64_t{1} << 53;

// Lines a client sends: at most this many bytes before the newline.
inline constexpr std::size_t kMaxClientLineBytes = 64 * 1024;
// An organiser's lines may be longer: a whole auto-schedule or team round is one operation.
inline constexpr std::size_t kMaxOrganiserLineBytes = 4 * 1024 * 1024;
// Lines the hub sends: at most 64 KiB, except one operation or one snapshot record that is larger
// by itself (an organiser's operation as applied), which travels alone on a line of at most this.
inline constexpr std::size_t kMaxHubLineBytes = 5 * 1024 * 1024;
// The hub packs snapshot records and team suggestions into lines of about this size.
inline constexpr std::size_t kChunkBytes = 60 * 1024;

// Compressed runs of lines (docs/protocol.md, "Compression"), for a client whose hello asked for
// them: a run of lines the hub would send together (a snapshot, a catch-up) travels as one zstd
// frame once it holds at least kCompressMinBytes; a frame holds at most kFrameContentBytes of
// lines (the hub cuts longer runs), and a client refuses a frame whose compressed bytes pass
// kMaxFrameBytes or whose lines pass kMaxFrameContentBytes.
inline constexpr std::size_t kCompressMinBytes = 16 * 1024;
inline constexpr std::size_t kFrameContentBytes = 4 * 1024 * 1024;
inline constexpr std::size_t kMaxFrameBytes = 8 * 1024 * 1024;
inline constexpr std::size_t kMaxFrameContentBytes = 16 * 1024 * 1024;
// zstd's level for the hub's frames (bench/README.md, "Compressed snapshots").
inline constexpr int kCompressLevel = 3;

// A registered_from line carries at most this many entries (a longer list comes in several lines).
inline constexpr std::size_t kMaxRegisteredFromEntries = 1000;

// A client that is this far behind the hub gets a snapshot instead of the operations, unless
// the hub still holds every operation it missed in memory (net/recent_log.hpp), each already
// encoded for every kind of viewer: then up to kMaxKeptCatchUpOperations. A device back after a
// night at a busy event so catches up on a few hundred of its own lines (tens of KB) instead of
// a snapshot of the whole event (a megabyte at 15,000 people), while after a restart of the hub
// (nothing in memory) a long catch-up read back and encoded again for every device would cost
// more than the snapshot they share.
inline constexpr std::uint64_t kMaxCatchUpOperations = 5000;
inline constexpr std::uint64_t kMaxKeptCatchUpOperations = 20000;
// A snapshot brings the person's notices from at most this many operations before it.
inline constexpr std::uint64_t kMaxMissedOperations = 20000;
// Operations read from the store per catch-up step.
inline constexpr std::size_t kCatchUpBatch = 500;

// Defaults of the hub's limits (each can be changed on the command line).
inline constexpr int kDefaultPort = 7420;
inline constexpr int kDefaultMaxConnections = 4000;
inline constexpr int kDefaultHandshakeSeconds = 10;
// Connections from one address that may be signing in at once (TLS handshake, hello, token check).
inline constexpr int kDefaultMaxSigningInPerAddress = 32;
// The share of the connection cap (in percent) that only people who have signed in may fill.
inline constexpr int kDefaultSignedInSharePercent = 20;
// Connections the hub lets sign in at once (TLS handshake, hello, token check). When that many
// are under way it takes no more from the system's queue of new connections until one is done:
// the rest wait there, unanswered, instead of all shaking hands at once, each getting a sliver of
// the processor, and timing out half-way (a doors-open storm would otherwise never end).
inline constexpr int kDefaultMaxHandshakes = 128;
// Near its cap, the hub gives a connection this long (at most) to shake hands and say hello.
inline constexpr int kDefaultBusyHandshakeSeconds = 3;
// From one address: registrations and failed sign-ins (wrong join code or token) a minute.
inline constexpr int kDefaultRegistrationsPerAddressPerMinute = 30;
inline constexpr int kDefaultFailedSignInsPerAddressPerMinute = 10;
inline constexpr int kDefaultIdleSeconds = 90;
inline constexpr double kDefaultRatePerSecond = 20;  // lines a participant may send per second
inline constexpr double kDefaultRateBurst = 100;     // ... and at once
inline constexpr double kPrivilegedRateFactor = 50;  // organiser and broker: this many times more
inline constexpr std::size_t kDefaultMaxUnsentBytes = 16 * 1024 * 1024;
// Other people's operations wait at most this long, so that a busy hub writes each client once
// per interval rather than once per commit; replies to the client's own operations never wait.
inline constexpr int kDefaultFanoutHoldMs = 20;
// A client whose lines keep being refused for the rate limit is disconnected after this many.
inline constexpr int kMaxRateRefusals = 500;

// The client sends a ping after this many seconds without sending anything, and gives the hub up
// when nothing has arrived for kClientDeadSeconds.
inline constexpr int kClientPingSeconds = 20;
inline constexpr int kClientDeadSeconds = 60;

// Tokens: bytes of randomness (hex-encoded on the wire, so twice as many characters).
inline constexpr std::size_t kTokenBytes = 24;

}  // namespace crossmatch::net
