#!/usr/bin/env bash
# The sync benchmark: a hub serving a 15,000-participant event (--demo for most of them, the rest
# registering through the load generator's clients), C connections on loopback acting at R
# operations a second for S seconds; then Redis pub/sub delivering messages of the same size at
# the hub's broadcast rate to the same number of subscribers, in the same run, as the reference.
#   bench/sync_bench.sh            (CLIENTS=2000 PARTICIPANTS=15000 BENCH_SECONDS=30 RATE=1100)
# The hub runs over TLS and then over plain TCP (--insecure), one after the other in the same run
# (TRANSPORTS="tls plain"; one of them alone to save time); the JSON line gives both and the
# ratios TLS / plain. Needs ./run build first, and Debian's redis-server for the reference
# (apt-get install redis-server); without it the hub's figures are still measured and the ratio
# is left out.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${CLIENTS:-2000}
participants=${PARTICIPANTS:-15000}
seconds=${BENCH_SECONDS:-30}
# 1,100 offered so that "at least 1,000 acknowledged a second" shows through the few operations the
# per-connection rate limit refuses (about 1.5 a second).
rate=${RATE:-1100}
edit_share=${EDIT_SHARE:-0.1}
# TIMELINE=PREFIX: every acknowledgement's time and latency into PREFIX.TRANSPORT.csv.
# HUB_FLAGS: more flags for the hub (e.g. HUB_FLAGS="--fanout-hold-ms 0" to write every group at once).
read -r -a hub_flags <<< "${HUB_FLAGS:-}"
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
# run_hub TRANSPORT: the hub and the load over TLS ("tls") or plain TCP ("plain", --insecure);
# leaves the load generator's JSON line and the hub's figures in files under $dir/TRANSPORT.
run_hub() {
  local transport=$1 out="$dir/$1" flags=() load_flags=()
  mkdir -p "$out"
  [ "$transport" = plain ] && flags=(--insecure) && load_flags=(--insecure)
  echo "== hub ($transport): creating a $demo-participant demo event"
  local start
  start=$(date +%s.%N)
  # Every simulated client comes from 127.0.0.1: the per-address limits are lifted.
  nice -n "$nice_level" build/bin/crossmatch-hub serve --db "$out/event.db" --host 127.0.0.1 --port 0 --demo "$demo" \
    --max-signing-in-per-address 1000000 --registrations-per-address 1000000 \
    "${flags[@]}" "${hub_flags[@]}" > "$out/hub.log" 2>&1 &
  hub=$!
  for _ in $(seq 1200); do
    grep -q '^listening on' "$out/hub.log" 2>/dev/null && break
    kill -0 "$hub" 2>/dev/null || { cat "$out/hub.log"; echo "sync_bench: the hub did not start" >&2; exit 1; }
    sleep 0.1
  done
  grep -q '^listening on' "$out/hub.log" || { echo "sync_bench: the hub did not start in 120 s" >&2; exit 1; }
  local port code
  port=$(sed -n 's/^listening on 127.0.0.1://p' "$out/hub.log")
  # The join code carries the pin of the hub's certificate over TLS.
  code=$(sed -n 's/^join code: //p' "$out/hub.log")
  echo "   listening after $(python3 -c "import time; print(round(time.time() - $start, 1))") s"

  echo "== load ($transport): $clients clients register, then act at $rate operations/s for $seconds s (edits: $edit_share)"
  local cpu_before cpu_after load_json
  cpu_before=$(awk '{print $14 + $15}' "/proc/$hub/stat")
  load_json=$(run /usr/bin/time -f '%U %S' -o "$out/load.time" build/bin/crossmatch-load --host 127.0.0.1 --port "$port" \
    --code "$code" "${load_flags[@]}" --clients "$clients" --participants "$participants" --seconds "$seconds" \
    --rate "$rate" --edit-share "$edit_share" ${TIMELINE:+--timeline "$TIMELINE.$transport.csv"} | tail -1)
  if ! grep -q '^VmHWM' "/proc/$hub/status" 2>/dev/null; then
    tail -20 "$out/hub.log"
    echo "sync_bench: the hub ($transport) stopped during the load" >&2
    exit 1
  fi
  cpu_after=$(awk '{print $14 + $15}' "/proc/$hub/stat")
  awk '{print $1 + $2}' "$out/load.time" > "$out/load_cpu"
  awk '/^VmHWM/ {print $2}' "/proc/$hub/status" > "$out/hwm_kb"
  kill -TERM "$hub"
  wait "$hub" || true
  hub=
  python3 -c "import os; print(round(($cpu_after - $cpu_before) / os.sysconf('SC_CLK_TCK'), 1))" > "$out/hub_cpu"
  echo "$load_json" > "$out/load.json"
  echo "   $load_json"
  echo "   hub: VmHWM $(( $(cat "$out/hwm_kb") / 1024 )) MiB, $(cat "$out/hub_cpu") s of processor time (the load generator: $(cat "$out/load_cpu") s), $(grep -c 'teams version' "$out/hub.log" || true) team versions pushed"
}

# TRANSPORTS="tls plain" (the default) measures both in the same run, one after the other, for
# the ratio; the figures of the first are the headline ones.
transports=${TRANSPORTS:-tls plain}
for t in $transports; do
  case "$t" in tls|plain) ;; *) echo "sync_bench: TRANSPORTS holds 'tls' and/or 'plain', not '$t'" >&2; exit 2 ;; esac
  run_hub "$t"
done
first=${transports%% *}
load_json=$(cat "$dir/$first/load.json")
hwm_kb=$(cat "$dir/$first/hwm_kb")
hub_cpu=$(cat "$dir/$first/hub_cpu")
load_cpu=$(cat "$dir/$first/load_cpu")
transport_json=$(python3 - "$dir" $transports <<'PY'
import json, os, sys
base, names = sys.argv[1], sys.argv[2:]
out = {}
for n in names:
    d = os.path.join(base, n)
    load = json.loads(open(os.path.join(d, "load.json")).read())
    out[n] = {k: load[k] for k in ("ops_per_s", "ack_p50_ms", "ack_p99_ms", "fanout_p50_ms", "fanout_p99_ms", "errors")}
    out[n]["hub_cpu_s"] = float(open(os.path.join(d, "hub_cpu")).read())
    out[n]["hub_vmhwm_mib"] = round(int(open(os.path.join(d, "hwm_kb")).read()) / 1024, 1)
if "tls" in out and "plain" in out:
    t, p = out["tls"], out["plain"]
    ratio = lambda a, b: round(a / b, 3) if b > 0 else None
    out["tls_vs_plain"] = {k: ratio(t[k], p[k]) for k in ("ops_per_s", "ack_p99_ms", "fanout_p99_ms", "hub_cpu_s", "hub_vmhwm_mib")}
    # goals: at most 20 % less throughput, at most 20 % more p99
    r = out["tls_vs_plain"]
    out["tls_goals_met"] = bool(r["ops_per_s"] and r["ops_per_s"] >= 0.8 and r["ack_p99_ms"] is not None and
                                r["ack_p99_ms"] <= 1.2 and r["fanout_p99_ms"] is not None and r["fanout_p99_ms"] <= 1.2)
print(json.dumps(out))
PY
)
echo "== transports: $transport_json"

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
  "${redis_cpu:-0}" "${fanout_cpu:-0}" "$first" "$transport_json" <<'PY'
import json, sys
load = json.loads(sys.argv[1])
redis = json.loads(sys.argv[2]) if sys.argv[2] else None
hwm_mib = int(sys.argv[3]) / 1024
hub_cpu, load_cpu, redis_cpu, fanout_cpu = (float(x) for x in sys.argv[6:10])
out = {"bench": "sync", "transport": sys.argv[10], "clients": load["clients"], "participants": int(sys.argv[5]),
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
out["transports"] = json.loads(sys.argv[11])
out["goals_met"] = [k for k, ok in goals.items() if ok]
out["goals_missed"] = [k for k, ok in goals.items() if not ok]
print(json.dumps(out))
PY
