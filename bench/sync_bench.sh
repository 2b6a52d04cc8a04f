#!/usr/bin/env bash
# The sync benchmark: a hub serving a 15,000-participant event (--demo for most of them, the rest
# registering through the load generator's clients), C connections on loopback acting at R
# operations a second for S seconds; then Redis pub/sub delivering messages of the same size at
# the hub's broadcast rate to the same number of subscribers, in the same run, as the reference.
#   bench/sync_bench.sh            (CLIENTS=2000 PARTICIPANTS=15000 BENCH_SECONDS=30 RATE=1000)
# Needs ./run build first, and Debian's redis-server for the reference (apt-get install
# redis-server); without it the hub's figures are still measured and the ratio is left out.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${CLIENTS:-2000}
participants=${PARTICIPANTS:-15000}
seconds=${BENCH_SECONDS:-30}
rate=${RATE:-1000}
edit_share=${EDIT_SHARE:-0.1}
# BENCH_NICE=-10 runs every measured program (hub, Redis and both client programs alike) at that
# priority, so that on a machine shared with other work the figures are less the neighbours'.
nice_level=${BENCH_NICE:-0}
run() { nice -n "$nice_level" "$@"; }
[ -x build/bin/crossmatch-hub ] && [ -x build/bin/crossmatch-load ] && [ -x build/bin/crossmatch-bench ] ||
  { echo "sync_bench: run ./run build first" >&2; exit 2; }
demo=$((participants - clients))
[ "$demo" -ge 0 ] || { echo "sync_bench: PARTICIPANTS must be at least CLIENTS" >&2; exit 2; }

dir=$(mktemp -d)
hub= redis=
cleanup() {
  [ -n "$hub" ] && kill "$hub" 2>/dev/null && wait "$hub" 2>/dev/null
  [ -n "$redis" ] && kill "$redis" 2>/dev/null && wait "$redis" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }

echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), nice $nice_level"
echo "== hub: creating a $demo-participant demo event"
start=$(date +%s.%N)
nice -n "$nice_level" build/bin/crossmatch-hub serve --db "$dir/event.db" --host 127.0.0.1 --port 0 --demo "$demo" > "$dir/hub.log" 2>&1 &
hub=$!
for _ in $(seq 1200); do
  grep -q '^listening on' "$dir/hub.log" && break
  kill -0 "$hub" 2>/dev/null || { cat "$dir/hub.log"; echo "sync_bench: the hub did not start" >&2; exit 1; }
  sleep 0.1
done
grep -q '^listening on' "$dir/hub.log" || { echo "sync_bench: the hub did not start in 120 s" >&2; exit 1; }
port=$(sed -n 's/^listening on 127.0.0.1://p' "$dir/hub.log")
code=$(sed -n 's/^join code: //p' "$dir/hub.log")
echo "   listening after $(python3 -c "import time; print(round(time.time() - $start, 1))") s"

echo "== load: $clients clients register, then act at $rate operations/s for $seconds s (edits: $edit_share)"
cpu_before=$(awk '{print $14 + $15}' "/proc/$hub/stat")
load_json=$(run /usr/bin/time -f '%U %S' -o "$dir/load.time" build/bin/crossmatch-load --host 127.0.0.1 --port "$port" \
  --code "$code" --clients "$clients" --participants "$participants" --seconds "$seconds" --rate "$rate" \
  --edit-share "$edit_share" | tail -1)
cpu_after=$(awk '{print $14 + $15}' "/proc/$hub/stat")
load_cpu=$(awk '{print $1 + $2}' "$dir/load.time")
hwm_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$hub/status")
kill -TERM "$hub"
wait "$hub" || true
hub=
hub_cpu=$(python3 -c "import os; print(round(($cpu_after - $cpu_before) / os.sysconf('SC_CLK_TCK'), 1))")
teams=$(grep -c 'teams version' "$dir/hub.log" || true)
echo "   $load_json"
echo "   hub: VmHWM $((hwm_kb / 1024)) MiB, $hub_cpu s of processor time (the load generator: $load_cpu s), $teams team versions pushed"

redis_json=
if command -v redis-server > /dev/null; then
  bytes=$(field "$load_json" edit_line_bytes)
  [ "$bytes" -gt 0 ] || bytes=1000
  publish_rate=$(python3 -c "print($rate * $edit_share)")
  rport=$(free_port)
  nice -n "$nice_level" redis-server --port "$rport" --bind 127.0.0.1 --save '' --appendonly no --maxclients $((clients + 100)) \
    > "$dir/redis.log" 2>&1 &
  redis=$!
  for _ in $(seq 100); do
    grep -q 'Ready to accept connections' "$dir/redis.log" && break
    sleep 0.1
  done
  echo "== redis $(redis-server --version | sed -n 's/.*v=\([0-9.]*\).*/\1/p'): $clients subscribers, $publish_rate messages/s of $bytes bytes for $seconds s"
  redis_cpu_before=$(awk '{print $14 + $15}' "/proc/$redis/stat")
  redis_json=$(run /usr/bin/time -f '%U %S' -o "$dir/fanout.time" build/bin/crossmatch-bench redis-fanout --port "$rport" \
    --subscribers "$clients" --rate "$publish_rate" --bytes "$bytes" --seconds "$seconds" | tail -1)
  redis_cpu_after=$(awk '{print $14 + $15}' "/proc/$redis/stat")
  redis_cpu=$(python3 -c "import os; print(round(($redis_cpu_after - $redis_cpu_before) / os.sysconf('SC_CLK_TCK'), 1))")
  fanout_cpu=$(awk '{print $1 + $2}' "$dir/fanout.time")
  redis_hwm_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$redis/status")
  kill "$redis"
  wait "$redis" 2>/dev/null || true
  redis=
  echo "   $redis_json"
  echo "   redis: VmHWM $((redis_hwm_kb / 1024)) MiB, $redis_cpu s of processor time (the subscribers' program: $fanout_cpu s)"
else
  echo "== redis-server is not installed (apt-get install redis-server): no reference figures"
fi

python3 - "$load_json" "$redis_json" "$hwm_kb" "$clients" "$participants" "$hub_cpu" "$load_cpu" \
  "${redis_cpu:-0}" "${fanout_cpu:-0}" <<'PY'
import json, sys
load = json.loads(sys.argv[1])
redis = json.loads(sys.argv[2]) if sys.argv[2] else None
hwm_mib = int(sys.argv[3]) / 1024
hub_cpu, load_cpu, redis_cpu, fanout_cpu = (float(x) for x in sys.argv[6:10])
out = {"bench": "sync", "clients": load["clients"], "participants": int(sys.argv[5]),
       "ops_per_s": load["ops_per_s"], "ack_p50_ms": load["ack_p50_ms"], "ack_p99_ms": load["ack_p99_ms"],
       "fanout_p50_ms": load["fanout_p50_ms"], "fanout_p99_ms": load["fanout_p99_ms"],
       "hub_vmhwm_mib": round(hwm_mib, 1), "errors": load["errors"],
       "hub_cpu_s": hub_cpu, "load_cpu_s": load_cpu, "lines_received": load["lines_received"],
       # processor time per line a client received (registrations, while joining, included)
       "hub_us_per_line": round(hub_cpu * 1e6 / max(1, load["lines_received"]), 2)}
goals = {"ops_per_s": load["ops_per_s"] >= 1000, "ack_p99_ms": load["ack_p99_ms"] <= 50,
         "fanout_p99_ms": load["fanout_p99_ms"] <= 200, "hub_vmhwm_mib": hwm_mib <= 300}
if redis:
    out["redis_fanout_p50_ms"] = redis["fanout_p50_ms"]
    out["redis_fanout_p99_ms"] = redis["fanout_p99_ms"]
    if redis["fanout_p99_ms"] > 0:
        out["fanout_p99_ratio"] = round(load["fanout_p99_ms"] / redis["fanout_p99_ms"], 2)
    if redis["fanout_p50_ms"] > 0:
        out["fanout_p50_ratio"] = round(load["fanout_p50_ms"] / redis["fanout_p50_ms"], 2)
if redis:
    delivered = redis["messages"] * redis["subscribers"]
    out["redis_cpu_s"] = redis_cpu
    out["redis_us_per_message"] = round(redis_cpu * 1e6 / max(1, delivered), 2)
    out["fanout_program_cpu_s"] = fanout_cpu
out["goals_met"] = [k for k, ok in goals.items() if ok]
out["goals_missed"] = [k for k, ok in goals.items() if not ok]
print(json.dumps(out))
PY
