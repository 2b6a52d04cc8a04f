#!/usr/bin/env python3
"""Another client's round trip while long lines reach the hub (issue: one big line stalled everyone).

    bench/big_lines.py [--hub build/bin/crossmatch-hub] [--hub OTHER_BUILD ...] [--rounds 3]

Starts each hub (plain TCP, a demo event of 40) in turn, round after round, so that builds are
compared side by side under the same load. In each case a watcher pings the hub every 2 ms
while the senders' lines are sent; printed: the watcher's round trips during the case (median,
99th percentile, longest, in ms) and how long the senders waited for their answers.

Cases: `schedule`, one organiser line of 4 MiB (an apply_schedule of 60,000 placements, refused
at its first unknown meeting); `text`, one organiser line of 4 MB (an announcement, refused as
too long); `nested`, five newcomers' lines of 60 KB each (arrays nested 30,000 deep).
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "examples"))
import crossmatch_client  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_hub(binary, folder):
    port = free_port()
    log = open(os.path.join(folder, "hub.log"), "w")
    hub = subprocess.Popen([binary, "serve", "--db", os.path.join(folder, "e.db"), "--host",
                            "127.0.0.1", "--port", str(port), "--demo", "40", "--insecure",
                            "--rate", "1000", "--burst", "1000"], stdout=log, stderr=log)
    for _ in range(600):
        text = open(os.path.join(folder, "hub.log")).read()
        if "listening on" in text:
            fields = dict(l.split(": ", 1) for l in text.splitlines() if ": " in l)
            return hub, port, fields["join code"], fields["organiser token"]
        time.sleep(0.05)
    hub.kill()
    raise RuntimeError("the hub did not start: " + text)


def line_of(kind, n):
    if kind == "schedule":
        placements = [{"meeting": 1000000 + i, "session": 1, "index": 0, "table": 1} for i in range(60000)]
        op = {"id": "big-%d" % n, "type": "apply_schedule", "sessions": [1], "moves_allowed": True,
              "placements": placements}
        return json.dumps({"type": "op", "op": op})
    if kind == "text":
        return json.dumps({"type": "op", "op": {"id": "text-%d" % n, "type": "announce", "text": "x" * 4000000}})
    depth = 30000
    return '{"type":"op","op":{"id":"nested-%d","type":"announce","text":%s%s}}' % (n, "[" * depth, "]" * depth)


def run_case(port, code, organiser, kind, n):
    def client():
        return crossmatch_client.HubClient("127.0.0.1", port, timeout=60, insecure=True)
    watcher = client()
    watcher.hello(join_code=code)
    watcher.catch_up()
    senders = []
    for _ in range(5 if kind == "nested" else 1):
        c = client()
        if kind == "nested":
            c.hello(join_code=code)
        else:
            c.hello(token=organiser)
        c.catch_up()
        senders.append(c)
    line = (line_of(kind, n) + "\n").encode()
    rtts = []
    done = threading.Event()

    def watch():
        while not done.is_set():
            t = time.perf_counter()
            watcher.ping()
            rtts.append((time.perf_counter() - t) * 1000)
            time.sleep(0.002)  # within the hub's rate for the watcher

    thread = threading.Thread(target=watch)
    thread.start()
    time.sleep(0.2)
    rtts.clear()
    started = time.perf_counter()
    for c in senders:
        c.send_raw(line)
    for c in senders:
        c.receive_until(lambda m: m.get("type") in ("ack", "refused", "error"))
    answered = (time.perf_counter() - started) * 1000
    done.set()
    thread.join()
    for c in senders + [watcher]:
        c.close()
    r = sorted(rtts) or [0.0]
    return r[len(r) // 2], r[min(len(r) - 1, int(len(r) * 0.99))], r[-1], answered, len(r)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hub", action="append")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    hubs = args.hub or [os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build", "bin", "crossmatch-hub")]
    print("load average %.2f on %d processors" % (os.getloadavg()[0], os.cpu_count()))
    print("%-10s %-9s %5s %9s %9s %9s %12s" % ("hub", "case", "round", "p50 ms", "p99 ms", "max ms", "answered ms"))
    for r in range(args.rounds):
        for i, binary in enumerate(hubs):
            with tempfile.TemporaryDirectory() as folder:
                hub, port, code, organiser = start_hub(binary, folder)
                try:
                    for kind in ("schedule", "text", "nested"):
                        p50, p99, top, answered, count = run_case(port, code, organiser, kind, r)
                        print("%-10s %-9s %5d %9.1f %9.1f %9.1f %12.0f" % ("hub %d" % (i + 1), kind, r + 1, p50, p99, top, answered))
                finally:
                    hub.terminate()
                    hub.wait()


if __name__ == "__main__":
    main()
