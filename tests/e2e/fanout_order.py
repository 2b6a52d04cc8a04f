#!/usr/bin/env python3
"""Held fan-out against a running hub: other people's operations may wait for the hub's fan-out
interval, but a client's own reply carries everything held before it, in sequence order, and
held lines arrive without the client doing anything.

    python3 fanout_order.py --port P --code JOIN_CODE (--pin FINGERPRINT | --insecure)

The hub must run with a long --fanout-hold-ms (the test uses 1000), so that the lines are held.
Exits 0 when every check passes.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "docs", "examples"))
import crossmatch_client  # noqa: E402
from crossmatch_client import snapshot_state  # noqa: E402

FAILURES = []


def check(condition, what):
    print(("ok: " if condition else "FAIL: ") + what)
    if not condition:
        FAILURES.append(what)


def join(args, transport, name):
    c = crossmatch_client.HubClient(args.host, args.port, timeout=15.0, **transport)
    c.hello(join_code=args.code)
    state = snapshot_state(c.catch_up())
    profile = dict(next(iter(state["participants"].values()))["profile"])
    profile["email"] = "held-%s@example.eu" % os.urandom(4).hex()
    profile["display_name"] = name
    answer, _ = c.submit({"type": "register", "profile": profile,
                          "availability": {"unavailable": [], "only": "any"}})
    assert answer["type"] == "ack", answer
    return c, answer["participant"], profile


def op_seqs(messages):
    return [m["op"]["seq"] for m in messages if m.get("type") == "op"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--code", required=True)
    parser.add_argument("--pin")
    parser.add_argument("--insecure", action="store_true")
    args = parser.parse_args()
    transport = {"pin": args.pin, "insecure": args.insecure}

    a, a_id, a_profile = join(args, transport, "Held A")
    b, b_id, b_profile = join(args, transport, "Held B")

    # A's edit is acknowledged at once, while B's copy of it may be held.
    a_profile["display_name"] = "Held A, edited"
    answer, _ = a.submit({"type": "edit_profile", "participant": a_id, "profile": a_profile})
    check(answer["type"] == "ack", "A's edit is acknowledged")
    a_seq = answer["seq"]

    # B's own operation comes back with everything held for B before it, in order.
    b_profile["display_name"] = "Held B, edited"
    answer, before = b.submit({"type": "edit_profile", "participant": b_id, "profile": b_profile})
    check(answer["type"] == "ack", "B's edit is acknowledged")
    seqs = op_seqs(before)
    check(a_seq in seqs, "B's reply comes with A's held edit (seq %d; B saw %s)" % (a_seq, seqs))
    check(seqs == sorted(seqs) and len(seqs) == len(set(seqs)), "B sees operations in sequence order")
    check(seqs and seqs[-1] == answer["seq"], "B's own operation comes last, right before its ack")

    # A gets B's edit without sending anything, once the interval has passed.
    start = time.monotonic()
    seen = a.receive_until(lambda m: m.get("type") == "op" and m["op"]["seq"] == answer["seq"])
    waited = time.monotonic() - start
    check(seen[-1]["op"]["participant"] == b_id, "A receives B's edit on its own (after %.2f s)" % waited)
    check(op_seqs(seen) == sorted(op_seqs(seen)), "A sees operations in sequence order")

    a.close()
    b.close()
    print("%d failed" % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
