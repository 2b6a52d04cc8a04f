#!/usr/bin/env bash
# The client's start-up: seconds from the program's start to its first frame drawn, under Xvfb
# (Mesa's software renderer), N runs each of a client with nothing to join and of one joining a
# hub's demo event of P participants (the first frame must not wait for the network).
#   bench/first_frame.sh            (RUNS=5 PARTICIPANTS=2000)
# Needs ./run build first and xvfb-run (Debian's xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
participants=${PARTICIPANTS:-2000}
[ -x build/bin/crossmatch ] && [ -x build/bin/crossmatch-hub ] || { echo "first_frame: run ./run build first" >&2; exit 2; }
command -v xvfb-run > /dev/null || { echo "first_frame: needs xvfb-run (apt-get install xvfb)" >&2; exit 2; }

dir=$(mktemp -d)
hub=
cleanup() {
  [ -n "$hub" ] && kill "$hub" 2>/dev/null && wait "$hub" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

first_frame_ms() {  # the client's own report of its first frame
  xvfb-run -a -s "-screen 0 1280x800x24" build/bin/crossmatch --config "$dir/config" \
    --screenshot "$dir/shot.png" --after 0.2 "$@" 2>&1 | sed -n 's/^crossmatch: first frame after \([0-9]*\) ms$/\1/p'
}
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
alone=()
for _ in $(seq "$runs"); do alone+=("$(first_frame_ms)"); done
echo "   nothing to join: ${alone[*]} ms; median $(printf '%s\n' "${alone[@]}" | median) ms"

build/bin/crossmatch-hub serve --db "$dir/event.db" --host 127.0.0.1 --port 0 --demo "$participants" > "$dir/hub.log" 2>&1 &
hub=$!
for _ in $(seq 1200); do grep -q '^listening on' "$dir/hub.log" && break; sleep 0.1; done
port=$(sed -n 's/^listening on 127.0.0.1://p' "$dir/hub.log")
code=$(sed -n 's/^join code: //p' "$dir/hub.log")
[ -n "$port" ] || { cat "$dir/hub.log"; echo "first_frame: the hub did not start" >&2; exit 1; }
joining=()
for _ in $(seq "$runs"); do joining+=("$(first_frame_ms --hub "127.0.0.1:$port" --code "$code")"); done
echo "   joining a $participants-participant event: ${joining[*]} ms; median $(printf '%s\n' "${joining[@]}" | median) ms (goal: at most 500 ms)"
