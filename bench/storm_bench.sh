#!/usr/bin/env bash
# Storms: every attendee online at once. A hub serving a PARTICIPANTS-person event (--demo for
# those who do not connect), STORM attendees who register through crossmatch-load and then
# connect all together (crossmatch-load --storm: idle connections, doors open, steady load, a
# Wi-Fi drop, a night away), while CLIENTS already-synced clients act at RATE operations a second
# and measure their acknowledgements and fan-out.
#   bench/storm_bench.sh
#     STORM=15000 CLIENTS=100 RATE=100 PARTICIPANTS=16000 RECEIVE_RATE=125000000 (1 Gbit/s)
#     ARRIVAL=60 STEADY=20 NIGHT=60 DROP_SPREAD=10 PREVIOUS_STORM=1000 PROTOCOLS="current previous"
#     HUB_FLAGS="" (more options for crossmatch-hub serve, e.g. "--fanout-hold-ms 20")
#     LOAD_FLAGS="" (more options for crossmatch-load, e.g. "--timeline acks.csv")
# Two rounds side by side, each on a fresh hub: "current" (zstd frames; returning clients catch up
# after the last operation their replica holds) and "previous" (--no-compress --storm-snapshots:
# plain lines, every connection takes a snapshot, as before). The previous protocol pulls the
# whole event per connection (8.7 MB for 15,000 people): at 1 Gbit/s its doors-open alone would
# take 18 minutes for 15,000, so it runs PREVIOUS_STORM attendees and its doors-open time for
# STORM is projected from its bytes per client and the link's rate.
# Prints each round's JSON line (crossmatch-load's, with "storm" per phase) and a summary line.
# Needs ./run build first.
set -euo pipefail
cd "$(dirname "$0")/.."
storm=${STORM:-15000}
clients=${CLIENTS:-100}
rate=${RATE:-100}
# At least one demo participant: a hub without --demo makes an event whose registration is not open.
participants=${PARTICIPANTS:-$((storm + clients + 900))}
receive_rate=${RECEIVE_RATE:-125000000}
arrival=${ARRIVAL:-60}
steady=${STEADY:-20}
night=${NIGHT:-60}
drop_spread=${DROP_SPREAD:-10}
previous_storm=${PREVIOUS_STORM:-1000}
edit_share=${EDIT_SHARE:-0.1}
protocols=${PROTOCOLS:-current previous}
read -r -a hub_flags <<< "${HUB_FLAGS:-}"
read -r -a load_flags <<< "${LOAD_FLAGS:-}"
[ -x build/bin/crossmatch-hub ] && [ -x build/bin/crossmatch-load ] ||
  { echo "storm_bench: run ./run build first" >&2; exit 2; }

dir=$(mktemp -d)
hub= redis=
cleanup() {
  [ -n "$hub" ] && kill -9 "$hub" 2>/dev/null && wait "$hub" 2>/dev/null
  [ -n "$redis" ] && kill "$redis" 2>/dev/null && wait "$redis" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# 15,000 connections from one process need as many open files on both sides.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# run_round NAME STORM LOAD_FLAGS...: a fresh hub, then the load; its JSON line in $dir/NAME.json.
run_round() {
  local name=$1 n=$2 out="$dir/$1"
  shift 2
  mkdir -p "$out"
  local demo=$((participants - n - clients))
  [ "$demo" -ge 1 ] || { echo "storm_bench: PARTICIPANTS must be more than STORM + CLIENTS (the demo event needs one)" >&2; exit 2; }
  echo "== $name: a hub with a $demo-participant demo event; $n attendees storm, $clients clients act at $rate/s"
  # Every simulated client comes from 127.0.0.1: the per-address limits are lifted.
  build/bin/crossmatch-hub serve --db "$out/event.db" --host 127.0.0.1 --port 0 --demo "$demo" \
    --max-connections $((n + clients + 1000)) --max-signing-in-per-address 1000000 \
    --registrations-per-address 1000000 --failed-sign-ins-per-address 1000000 ${hub_flags[@]+"${hub_flags[@]}"} \
    > "$out/hub.log" 2>&1 &
  hub=$!
  for _ in $(seq 1200); do
    grep -q '^listening on' "$out/hub.log" 2>/dev/null && break
    kill -0 "$hub" 2>/dev/null || { cat "$out/hub.log"; echo "storm_bench: the hub did not start" >&2; exit 1; }
    sleep 0.1
  done
  local port code
  port=$(sed -n 's/^listening on 127.0.0.1://p' "$out/hub.log")
  code=$(sed -n 's/^join code: //p' "$out/hub.log")
  [ -n "$port" ] || { echo "storm_bench: the hub did not start in 120 s" >&2; exit 1; }
  build/bin/crossmatch-load --host 127.0.0.1 --port "$port" --code "$code" --clients "$clients" \
    --participants "$participants" --rate "$rate" --edit-share "$edit_share" --storm "$n" --receive-rate "$receive_rate" \
    --arrival "$arrival" --steady "$steady" --night "$night" --drop-spread "$drop_spread" \
    --hub-pid "$hub" ${load_flags[@]+"${load_flags[@]}"} "$@" > "$out/load.out" 2> "$out/load.err" ||
    { tail -20 "$out/load.err"; echo "storm_bench: crossmatch-load failed ($name)" >&2; exit 1; }
  grep 'storm: .*\(caught up\|failed\|made again\)' "$out/load.err" | sed 's/^crossmatch-load: /   /' || true
  kill -9 "$hub" 2>/dev/null
  wait "$hub" 2>/dev/null || true
  hub=
  tail -1 "$out/load.out" > "$dir/$name.json"
  cat "$dir/$name.json"
}

for p in $protocols; do
  case "$p" in
    current) run_round current "$storm" ;;
    previous) run_round previous "$previous_storm" --no-compress --storm-snapshots ;;
    *) echo "storm_bench: PROTOCOLS holds 'current' and/or 'previous', not '$p'" >&2; exit 2 ;;
  esac
done

# The reference for fan-out: Redis pub/sub delivering messages of the edits' size at the edits'
# rate to STORM subscribers for the steady phase's length (needs Debian's redis-server and
# crossmatch-bench).
if [ -f "$dir/current.json" ] && command -v redis-server > /dev/null && [ -x build/bin/crossmatch-bench ]; then
  bytes=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["edit_line_bytes"] or 1000)' "$dir/current.json")
  publish_rate=$(python3 -c "print($rate * $edit_share)")
  rport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  redis-server --port "$rport" --bind 127.0.0.1 --save '' --appendonly no --maxclients $((storm + 100)) \
    > "$dir/redis.log" 2>&1 &
  redis=$!
  for _ in $(seq 100); do
    grep -q 'Ready to accept connections' "$dir/redis.log" && break
    sleep 0.1
  done
  echo "== redis $(redis-server --version | sed -n 's/.*v=\([0-9.]*\).*/\1/p'): $storm subscribers, $publish_rate messages/s of $bytes bytes for $steady s"
  redis_cpu_before=$(awk '{print $14 + $15}' "/proc/$redis/stat")
  build/bin/crossmatch-bench redis-fanout --port "$rport" --subscribers "$storm" --rate "$publish_rate" \
    --bytes "$bytes" --seconds "$steady" | tail -1 > "$dir/redis.json"
  redis_cpu_after=$(awk '{print $14 + $15}' "/proc/$redis/stat")
  python3 -c "import os; print(round(($redis_cpu_after - $redis_cpu_before) / os.sysconf('SC_CLK_TCK'), 2))" > "$dir/redis_cpu"
  kill "$redis"
  wait "$redis" 2>/dev/null || true
  redis=
  cat "$dir/redis.json"
else
  echo "== no Redis reference (needs redis-server: apt-get install redis-server, and crossmatch-bench)"
fi

python3 - "$dir" "$storm" "$receive_rate" "$clients" "$rate" <<'PY'
import json, os, sys
base, storm, rate, clients, offered = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
out = {"bench": "storm", "storm": storm, "clients": clients, "rate": offered, "receive_rate": rate}
for name in ("current", "previous"):
    path = os.path.join(base, name + ".json")
    if not os.path.exists(path):
        continue
    line = json.loads(open(path).read())
    s = line["storm"]
    r = {"attendees": s["clients"], "registered": s["registered"], "connected": line.get("connected"),
         "first_sync_bytes": line.get("first_sync_bytes")}
    for phase in ("idle", "doors_open", "steady", "wifi_drop", "night"):
        if phase not in s:
            continue
        f = s[phase]
        keep = {k: f[k] for k in ("seconds", "caught_up", "failed", "retries", "bytes_per_client", "connected",
                                  "hub_rss_peak_mb", "hub_cpu_s", "load_cpu_s", "live_ack_p99_ms",
                                  "fanout_p99_ms", "missed_ops", "delivered")}
        if phase == "idle":
            keep["hub_kb_per_connection"] = f["hub_kb_per_connection"]
        if phase in ("doors_open", "wifi_drop", "night") and f["caught_up"]:
            keep["hub_ms_per_sync"] = round(f["hub_cpu_s"] * 1000 / f["caught_up"], 2)
        if phase == "steady":
            keep["live_ops"] = f["live_ops"]
            if f["live_ops"]:
                keep["hub_ms_per_op"] = round(f["hub_cpu_s"] * 1000 / f["live_ops"], 3)
            if f["delivered"]:
                keep["hub_us_per_line"] = round(f["hub_cpu_s"] * 1e6 / f["delivered"], 2)
                keep["load_us_per_line"] = round(f["load_cpu_s"] * 1e6 / f["delivered"], 2)
        r[phase] = keep
    if name == "previous" and "doors_open" in r and rate > 0:
        # The link, not the hub, bounds a doors-open of whole snapshots: STORM of them at the rate.
        r["doors_open_projected_s_for_storm"] = round(r["doors_open"]["bytes_per_client"] * storm / rate, 1)
    out[name] = r
if os.path.exists(os.path.join(base, "redis.json")):
    redis = json.loads(open(os.path.join(base, "redis.json")).read())
    cpu = float(open(os.path.join(base, "redis_cpu")).read())
    delivered = redis["messages"] * redis["subscribers"]
    out["redis"] = {"subscribers": redis["subscribers"], "fanout_p50_ms": redis["fanout_p50_ms"],
                    "fanout_p99_ms": redis["fanout_p99_ms"], "cpu_s": cpu,
                    "us_per_message": round(cpu * 1e6 / max(1, delivered), 2)}
cur = out.get("current")
if cur and all(p in cur for p in ("doors_open", "wifi_drop", "night")):
    goals = {
        "doors_open_within_300_s": cur["doors_open"]["seconds"] <= 300 and cur["doors_open"]["failed"] == 0,
        "first_sync_under_1_5_mb": (cur["first_sync_bytes"] or 0) < 1.5e6,
        "night_under_100_kb": cur["night"]["bytes_per_client"] < 100e3,
        "live_ack_p99_under_200_ms": max(cur[p]["live_ack_p99_ms"] for p in ("doors_open", "wifi_drop", "night")) <= 200,
        "hub_memory_under_1_gib": max(cur[p]["hub_rss_peak_mb"] for p in cur if isinstance(cur[p], dict) and "hub_rss_peak_mb" in cur[p]) <= 1024,
    }
    out["goals_met"] = [k for k, ok in goals.items() if ok]
    out["goals_missed"] = [k for k, ok in goals.items() if not ok]
print(json.dumps(out))
PY
