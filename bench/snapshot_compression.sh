#!/usr/bin/env bash
# Compressed snapshots: the snapshot a newcomer receives from a hub serving the 15,000-participant
# demo event, plain and as zstd frames. Captures the plain snapshot with the Python example client
# (docs/examples/crossmatch_client.py, which never asks for compression), times zstd's levels 1 to
# 3 on it in 4 MiB blocks as the hub cuts its frames (`zstd -b`, the command-line tool of Debian's
# zstd package), then has crossmatch-load join CLIENTS newcomers with a snapshot, with and without
# --no-compress, and prints their first_sync_bytes.
#   bench/snapshot_compression.sh        (PARTICIPANTS=15000 CLIENTS=20)
# Needs crossmatch-hub and crossmatch-load built (./run build).
set -euo pipefail
cd "$(dirname "$0")/.."
participants=${PARTICIPANTS:-15000}
clients=${CLIENTS:-20}
[ -x build/bin/crossmatch-hub ] && [ -x build/bin/crossmatch-load ] ||
  { echo "snapshot_compression: build crossmatch-hub and crossmatch-load first" >&2; exit 2; }
command -v zstd >/dev/null || { echo "snapshot_compression: needs zstd (apt-get install zstd)" >&2; exit 2; }

dir=$(mktemp -d)
hub=
cleanup() {
  [ -n "$hub" ] && kill "$hub" 2>/dev/null && wait "$hub" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

build/bin/crossmatch-hub serve --db "$dir/event.db" --demo "$participants" --port 0 --insecure \
  --team-delay-ms 600000 --registrations-per-address 1000 >"$dir/hub.out" 2>"$dir/hub.err" &
hub=$!
for _ in $(seq 1 600); do
  grep -q '^listening on' "$dir/hub.out" 2>/dev/null && break
  sleep 0.5
done
port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$dir/hub.out")
code=$(sed -n 's/^join code: //p' "$dir/hub.out")
[ -n "$port" ] && [ -n "$code" ] || { echo "snapshot_compression: the hub did not start" >&2; cat "$dir/hub.err" >&2; exit 1; }

PYTHONPATH=docs/examples python3 - "$port" "$code" "$dir/snapshot.jsonl" <<'PY'
import sys
from crossmatch_client import HubClient
port, code, path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
client = HubClient(port=port, insecure=True, timeout=120)
client.hello(join_code=code)
# The lines after the welcome up to caught_up, as a plain client reads them.
with open(path, "wb") as out:
    data = client.buffer
    while b'"type":"caught_up"' not in data:
        chunk = client.sock.recv(1 << 20)
        if not chunk:
            sys.exit("the hub closed the connection")
        data += chunk
    out.write(data[: data.index(b"\n", data.index(b'"type":"caught_up"')) + 1])
PY
echo "plain snapshot: $(stat -c %s "$dir/snapshot.jsonl") bytes"
# zstd -b rewrites its progress with carriage returns: only each level's last figures are kept.
for level in 1 2 3; do
  printf 'zstd level %s: ' "$level"
  zstd -b"$level" -B4194304 -i3 "$dir/snapshot.jsonl" 2>&1 | tr '\r' '\n' | grep 'MB/s, ' | tail -1 |
    sed 's/^.*: *//; s/  */ /g'
done
seed=1
for flag in "" --no-compress; do
  echo "crossmatch-load --snapshot $flag:"
  build/bin/crossmatch-load --port "$port" --code "$code" --insecure --clients "$clients" \
    --seconds 1 --rate 10 --snapshot --seed "$seed" $flag
  seed=$((seed + 1))  # other newcomers: the first run's addresses are registered
done
