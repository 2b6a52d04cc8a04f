#!/usr/bin/env bash
# Builds the protocol fuzz target with clang's libFuzzer (Debian's clang and libclang-rt-14-dev)
# and runs it for a bounded time: bench/fuzz_protocol.sh [SECONDS] (default 60).
# Needs ./run build first (it links the Release build's core library).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v clang++ >/dev/null || { echo "clang++ is missing: apt-get install clang libclang-rt-14-dev" >&2; exit 2; }
out=build-fuzz
mkdir -p "$out/corpus"
cp -n bench/fuzz/corpus/* "$out/corpus/" 2>/dev/null || true
# The protocol's files are built with clang's coverage and sanitizers; core comes from the Release
# build (g++), so core's own code is exercised but not coverage-guided.
[ -f build/lib/libcrossmatch_core.a ] || { echo "run ./run build first" >&2; exit 2; }
sources=(bench/fuzz/protocol_fuzz.cpp net/line_splitter.cpp net/wire_codec.cpp storage/asset_files.cpp)
echo "== building the fuzz target ($out/protocol_fuzz)"
clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -I. -I/usr/include \
  "${sources[@]}" build/lib/libcrossmatch_core.a -o "$out/protocol_fuzz"
echo "== fuzzing for $seconds s"
# Findings (crash-*, timeout-*, slow-unit-*) are written into $out. The timeout is on the wall
# clock: on a machine shared with builds a unit can wait seconds for a processor, hence 60 s.
CROSSMATCH_ASSETS="$PWD/assets" "$out/protocol_fuzz" -max_total_time="$seconds" -max_len=70000 \
  -timeout=60 -rss_limit_mb=2048 -artifact_prefix="$out/" "$out/corpus"
