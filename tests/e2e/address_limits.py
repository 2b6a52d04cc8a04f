#!/usr/bin/env python3
"""Limits per network address against a running hub, through the protocol's example client.

    python3 address_limits.py --port P --code JOIN_CODE --organiser TOKEN (--pin FINGERPRINT | --insecure)

The hub must run with --registrations-per-address 3 --failed-sign-ins-per-address 5 and hold at
least one participant. Exits 0 when every case passes.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "docs", "examples"))
import crossmatch_client  # noqa: E402
from crossmatch_client import HubError, snapshot_state  # noqa: E402

TRANSPORT = {}
FAILURES = []
PASSED = []


def HubClient(host, port, timeout=10.0):
    return crossmatch_client.HubClient(host, port, timeout=timeout, **TRANSPORT)


def check(condition, what):
    (PASSED if condition else FAILURES).append(what)
    print("ok:" if condition else "FAIL:", what)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--code", required=True)
    parser.add_argument("--organiser", required=True)
    parser.add_argument("--pin")
    parser.add_argument("--insecure", action="store_true")
    args = parser.parse_args()
    TRANSPORT.update(pin=args.pin, insecure=args.insecure)

    def register(client, name):
        return register_from(client, client.catch_up(), name)

    def register_from(client, caught_up, name):
        state = snapshot_state(caught_up)
        profile = dict(next(iter(state["participants"].values()))["profile"])
        profile["email"] = "limits-%s@example.eu" % os.urandom(4).hex()
        profile["display_name"] = name
        answer, _ = client.submit({"type": "register", "profile": profile,
                                   "availability": {"unavailable": [], "only": "any"}})
        return answer

    # Registrations: three a minute from this address, then refused with the documented code.
    for i in range(3):
        c = HubClient(args.host, args.port)
        c.hello(join_code=args.code)
        answer = register(c, "Newcomer %d" % i)
        check(answer["type"] == "ack" and answer.get("token"), "registration %d is acknowledged" % (i + 1))
        c.close()
    c = HubClient(args.host, args.port)
    c.hello(join_code=args.code)
    answer = register(c, "One Too Many")
    check(answer["type"] == "refused" and answer["code"] == "too_many_registrations",
          "a fourth registration from the address within the minute: too_many_registrations (%s)" % answer)
    check("127.0.0.1" in answer.get("message", "") and "seconds" in answer.get("message", ""),
          "... naming the address and when to try again")
    c.close()
    # The organiser learns where the newcomers registered from; a participant does not.
    o = HubClient(args.host, args.port)
    o.hello(token=args.organiser)
    seen = o.catch_up()
    seen += o.receive_until(lambda m: m.get("type") == "registered_from", limit=20)
    entries = seen[-1]["entries"]
    check(len(entries) == 3 and all(e["address"] == "127.0.0.1" for e in entries),
          "the organiser gets each newcomer's address after caught_up (%s)" % entries)
    p = HubClient(args.host, args.port)
    p.hello(join_code=args.code)
    p.catch_up()
    p.send({"type": "ping"})
    before_pong = p.receive_until(lambda m: m.get("type") == "pong")
    check(not any(m.get("type") == "registered_from" for m in before_pong),
          "a newcomer gets no addresses")
    p.close()
    # The organiser registering people is not a newcomer's registration.
    answer = register_from(o, seen, "Registered By The Organiser")
    check(answer["type"] == "ack", "the organiser still registers people")
    o.close()

    # Wrong join codes and tokens: five a minute, then even the right code is not heard.
    for i in range(5):
        c = HubClient(args.host, args.port)
        try:
            if i % 2:
                c.hello(token="%048x" % i)
            else:
                c.hello(join_code="WRNG-CODE")
            check(False, "guess %d is refused" % (i + 1))
        except HubError as e:
            check(e.code in ("wrong_join_code", "wrong_token"), "guess %d: %s" % (i + 1, e.code))
        c.close()
    for what, hello in (("the right join code", {"join_code": args.code}),
                        ("the organiser's token", {"token": args.organiser})):
        c = HubClient(args.host, args.port)
        try:
            c.hello(**hello)
            check(False, "after five guesses, %s is not heard" % what)
        except HubError as e:
            check(e.code == "too_many_failed_sign_ins" and "127.0.0.1" in e.message.get("message", ""),
                  "after five guesses, %s gets too_many_failed_sign_ins (%s)" % (what, e.code))
        c.close()

    print("%d passed, %d failed" % (len(PASSED), len(FAILURES)))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
