#!/usr/bin/env python3
"""Bad input against a running hub, through the protocol's example client (standard library only).

    python3 bad_input.py --port P --code JOIN_CODE --organiser TOKEN (--pin FINGERPRINT | --insecure)

The hub must run with --handshake-seconds 1 --idle-seconds 3 --max-unsent-mb 1 --rate 50 --burst 100.
Each case checks the documented answer, that the hub keeps serving another client, and that
nothing from a refused operation is stored. Exits 0 when every case passes.
"""
import argparse
import json
import os
import socket
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "docs", "examples"))
import crossmatch_client  # noqa: E402
from crossmatch_client import HubError, snapshot_state  # noqa: E402

TRANSPORT = {}


def HubClient(host, port, timeout=10.0):
    """The example client over the hub's transport (TLS pinned to its certificate, or plain)."""
    return crossmatch_client.HubClient(host, port, timeout=timeout, **TRANSPORT)

FAILURES = []
PASSED = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAIL:", what)
    else:
        PASSED.append(what)
        print("ok:", what)


def first(client, types):
    """The next message of one of `types` (others skipped), or None when the hub closed."""
    while True:
        m = client.receive()
        if m is None or m.get("type") in types:
            return m


def closed(client, timeout=10):
    """True when the hub closes the connection (after any lines still on their way)."""
    client.sock.settimeout(timeout)
    try:
        while client.receive() is not None:
            pass
        return True
    except (ConnectionResetError, BrokenPipeError):
        return True
    except socket.timeout:
        return False


def participant(args):
    """A newcomer who registers; returns the client and its participant number."""
    c = HubClient(args.host, args.port)
    c.hello(join_code=args.code)
    state = snapshot_state(c.catch_up())
    profile = dict(next(iter(state["participants"].values()))["profile"])
    profile["email"] = "bad-input-%s@example.eu" % os.urandom(4).hex()
    profile["display_name"] = "Bad Input"
    answer, _ = c.submit({"type": "register", "profile": profile, "availability": {"unavailable": [], "only": "any"}})
    assert answer["type"] == "ack", answer
    c.profile = profile
    return c, answer["participant"]


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

    def organiser_seq():
        """The hub's sequence number, through a fresh organiser connection."""
        o = HubClient(args.host, args.port)
        o.hello(token=args.organiser, live=True)
        seq = o.ping()["seq"]
        o.close()
        return seq

    def still_serving(what):
        o = HubClient(args.host, args.port)
        o.hello(token=args.organiser, live=True)
        check(o.ping()["type"] == "pong", "the hub keeps serving others after " + what)
        o.close()

    # Before the handshake.
    c = HubClient(args.host, args.port)
    c.send({"type": "op", "op": {"id": "early", "type": "withdraw", "participant": 1}})
    m = first(c, ("error",))
    check(m and m["code"] == "hello_first" and m["close"], "an operation before the hello: hello_first, closed")
    check(closed(c), "... and the connection is closed")

    c = HubClient(args.host, args.port)
    try:
        c.hello(join_code="WRONG-CODE")
        check(False, "a wrong join code is refused")
    except HubError as e:
        check(e.code == "wrong_join_code", "a wrong join code: wrong_join_code")
    c = HubClient(args.host, args.port)
    try:
        c.hello(token="00" * 24)
        check(False, "a wrong token is refused")
    except HubError as e:
        check(e.code == "wrong_token", "a wrong token: wrong_token" +
              ("" if e.code == "wrong_token" else f" (the hub answered {e})"))
    c = HubClient(args.host, args.port)
    c.send({"type": "hello", "protocol": 99, "join_code": args.code})
    m = first(c, ("error",))
    check(m and m["code"] == "protocol_mismatch", "another protocol version: protocol_mismatch")
    # A client name made to forge a log line and recolour the terminal: signs in, logged escaped.
    c = HubClient(args.host, args.port)
    c.send({"type": "hello", "protocol": crossmatch_client.PROTOCOL, "join_code": crossmatch_client.split_join_code(args.code)[0],
            "client": "x\nFAKE LOG LINE\u001b[31m\r\u007f"})
    m = c.receive()
    check(m and m.get("type") == "welcome", "a client name with control characters: signed in (logged escaped)")
    c.close()
    still_serving("bad handshakes")

    # After the handshake, as a participant.
    p, me = participant(args)
    before = organiser_seq()

    p.send_raw(b"\xff\xfe\xfd\n")
    m = first(p, ("error",))
    check(m and m["code"] == "invalid_utf8" and not m["close"], "invalid UTF-8: invalid_utf8, connection kept")
    p.send_raw(b"this is not json\n")
    m = first(p, ("error",))
    check(m and m["code"] == "invalid_json", "not JSON: invalid_json")
    p.send_raw(b'[{"type":"ping"}]\n')
    m = first(p, ("error",))
    check(m and m["code"] == "invalid_type", "a JSON array: invalid_type")
    p.send({"type": "op", "op": {"id": "miss-1", "type": "withdraw"}})
    m = first(p, ("refused",))
    check(m and m["id"] == "miss-1" and m["code"] == "missing_field" and m["field"] == "op.participant",
          "a missing field: refused, missing_field op.participant")
    p.send({"type": "op", "op": {"id": "type-1", "type": "withdraw", "participant": "me"}})
    m = first(p, ("refused",))
    check(m and m["code"] == "invalid_type" and m["field"] == "op.participant", "a mistyped field: invalid_type")
    p.send_raw(b'{"type":"op","op":{"id":"huge-1","type":"withdraw","participant":123456789012345678901234567890}}\n')
    m = first(p, ("refused",))
    check(m and m["id"] == "huge-1" and m["code"] in ("invalid_type", "out_of_range"), "a huge number: refused")
    p.send({"type": "op", "op": {"id": "range-1", "type": "withdraw", "participant": 4294967296}})
    m = first(p, ("refused",))
    check(m and m["code"] == "out_of_range", "a number out of range: out_of_range")
    p.send({"type": "op", "op": {"id": "fly-1", "type": "fly_to_the_moon"}})
    m = first(p, ("refused",))
    check(m and m["code"] == "unknown_operation", "an unknown operation: unknown_operation")
    # Long lines are read aside from the network thread; a client's answers keep its lines' order.
    nested = b"[" * 25000 + b"]" * 25000
    p.send_raw(b'{"type":"op","op":{"id":"long-1","type":"withdraw","participant":' + nested + b'}}\n' +
               b'{"type":"ping"}\n' +
               b'{"type":"op","op":{"id":"long-2","type":"announce","text":"' + b"x" * 40000 + b'",[[[\n' +
               b'{"type":"op","op":{"id":"short-1","type":"withdraw"}}\n')
    answers = [first(p, ("refused", "pong", "error")) for _ in range(4)]
    check([a and (a.get("id") or a["type"]) for a in answers] == ["long-1", "pong", "long-2", "short-1"],
          "long lines and short ones: answered in the order sent (%r)" % [a and a.get("id") for a in answers])
    check(answers[0]["code"] == "invalid_json" and answers[2]["code"] == "invalid_json",
          "... each long one refused for what is wrong with it, naming its operation")
    other = 1 if me != 1 else 2
    answer, _ = p.submit({"type": "edit_profile", "participant": other, "profile": p.profile})
    check(answer["type"] == "refused", "another participant's profile: refused (" + answer.get("code", "") + ")")
    answer, _ = p.submit({"id": "withdraw-other", "type": "withdraw", "participant": other})
    check(answer["type"] == "refused" and answer["code"] == "forbidden", "withdrawing someone else: forbidden")
    check(organiser_seq() == before, "nothing from the refused operations is stored")

    # A replayed operation id applies once.
    answer, _ = p.submit({"id": "once-1", "type": "request_meeting", "from": me, "to": other, "message": "Hi",
                          "preferred": []})
    check(answer["type"] == "ack", "a request is acknowledged")
    seq = answer["seq"]
    again, _ = p.submit({"id": "once-1", "type": "request_meeting", "from": me, "to": other, "message": "Hi",
                         "preferred": []})
    check(again["type"] == "ack" and again.get("duplicate") and again["seq"] == seq,
          "a replayed operation id: ack duplicate with the original sequence")
    check(organiser_seq() == seq, "... and applied once")
    # The same id from someone else: refused, without the sequence number.
    q, _ = participant(args)
    registered = organiser_seq()
    stolen, _ = q.submit({"id": "once-1", "type": "withdraw", "participant": me})
    check(stolen["type"] == "refused" and stolen["code"] == "id_in_use" and "seq" not in stolen and
          str(seq) not in stolen.get("message", ""),
          "another participant's operation id: refused id_in_use, no sequence number")
    check(organiser_seq() == registered, "... and nothing applied")
    q.close()
    seq = registered
    still_serving("bad operations")

    # 10,000 operations a second from one client.
    flood = b"".join(b'{"type":"op","op":{"id":"flood-%d","type":"withdraw","participant":%d}}\n' % (i, other)
                     for i in range(2000))
    started = time.time()
    p.send_raw(flood)
    limited = refused = 0
    cut_off = False
    p.sock.settimeout(10)
    while limited + refused < 2000:
        m = p.receive()
        if m is None:
            break
        if m.get("type") == "refused":
            if m["code"] == "rate_limited":
                limited += 1
            else:
                refused += 1
        if m.get("type") == "error" and m.get("code") == "rate_limited":
            cut_off = m.get("close")
            break
    elapsed = time.time() - started
    allowed = 100 + 50 * elapsed + 20  # the burst, the rate while it lasted, and some slack
    check(limited > 0 and refused <= allowed and (cut_off or limited + refused == 2000),
          "a flood: lines beyond the rate refused with rate_limited (%d limited, %d let through in %.2f s%s)"
          % (limited, refused, elapsed, ", then closed for flooding" if cut_off else ""))
    still_serving("a flood")
    check(organiser_seq() == seq, "nothing from the flood is stored (it was all forbidden or limited)")

    # A newcomer whose registration's acknowledgement was lost sends it again on a new connection:
    # the same participant, applied once, and a fresh token that signs in.
    first_try = HubClient(args.host, args.port)
    first_try.hello(join_code=args.code)
    first_try.catch_up()
    profile = dict(p.profile, email="bad-input-%s@example.eu" % os.urandom(4).hex(), display_name="Sent Twice")
    claim = os.urandom(16).hex()
    registration = {"id": "register-twice-" + os.urandom(4).hex(), "type": "register", "profile": profile,
                    "availability": {"unavailable": [], "only": "any"}, "claim": claim}
    answer, _ = first_try.submit(registration)
    check(answer["type"] == "ack" and answer.get("token"), "a registration is acknowledged with a token")
    registered_at = organiser_seq()
    # Someone else who learnt the operation's id replays it, with any profile and without the
    # secret, or with a wrong one: no token.
    for forged_claim in (None, "0" * 32):
        thief = HubClient(args.host, args.port)
        thief.hello(join_code=args.code)
        thief.catch_up()
        forged = dict(registration, profile=dict(profile, display_name="Thief"))
        if forged_claim is None:
            del forged["claim"]
        else:
            forged["claim"] = forged_claim
        stolen, _ = thief.submit(forged)
        check(stolen["type"] == "refused" and stolen["code"] == "duplicate_operation" and
              not stolen.get("token"),
              "a replayed registration id without its claim (%s): refused, no token" % forged_claim)
    # Whoever watches the operations never sees the claim.
    watcher = HubClient(args.host, args.port)
    watcher.hello(token=args.organiser, after=0)
    ops = watcher.catch_up()
    check(all(claim not in json.dumps(op) and "sha256:" not in json.dumps(op) for op in ops),
          "nobody sees a registration's claim or its digest")
    second_try = HubClient(args.host, args.port)
    second_try.hello(join_code=args.code)
    second_try.catch_up()
    again, _ = second_try.submit(registration)
    check(again["type"] == "ack" and again.get("duplicate") and again["seq"] == answer["seq"] and
          again.get("participant") == answer["participant"] and again.get("token") not in (None, answer["token"]),
          "a registration sent again: ack duplicate, the same participant, a fresh token")
    check(organiser_seq() == registered_at, "... and applied once")
    signed_in = HubClient(args.host, args.port)
    welcome = signed_in.hello(token=again["token"], live=True)
    check(welcome.get("role") == "participant" and welcome.get("participant") == answer["participant"],
          "... and the fresh token signs in as that participant")
    still_serving("a registration sent again")

    # A 1 MiB line.
    big, _ = participant(args)
    try:
        big.send_raw(b'{"type":"ping","pad":"' + b"x" * (1 << 20) + b'"}\n')
    except OSError:
        pass  # the hub stopped reading and closed before the whole line was sent: its answer is on its way
    try:
        m = first(big, ("error",))
    except OSError:
        m = None
    check(m and m["code"] == "line_too_long" and m["close"], "a 1 MiB line: line_too_long, closed")
    still_serving("a 1 MiB line")

    # A client that stops reading: it never reads while the organiser makes a lot to send.
    slow = crossmatch_client.open_socket(args.host, args.port, receive_buffer=4096, **TRANSPORT)
    slow.sendall(b'{"type":"hello","protocol":1,"token":"%s","catch_up":"live"}\n' % args.organiser.encode())
    time.sleep(0.3)
    text = "A long announcement to fill a slow reader's buffers. " * 18
    organiser = HubClient(args.host, args.port)
    organiser.hello(token=args.organiser, live=True)
    organiser.receive_until(lambda m: m.get("type") == "caught_up")
    for i in range(6000):
        organiser.send({"type": "op", "op": {"id": "fill-%d-%s" % (i, os.urandom(3).hex()), "type": "announce",
                                             "text": text}})
        if i % 500 == 499:
            time.sleep(0.6)  # stay within the organiser's rate
    deadline = time.time() + 20
    gone = False
    slow.settimeout(0.5)
    while time.time() < deadline and not gone:
        try:
            slow.send(b'{"type":"ping"}\n')
        except OSError:
            gone = True
        time.sleep(0.5)
    check(gone, "a client that stops reading is disconnected")
    still_serving("a client that stops reading")

    # Half-open connections: one that never says hello, one that goes quiet after it.
    silent = HubClient(args.host, args.port, timeout=15)
    m = first(silent, ("error",))
    check(m and m["code"] == "handshake_timeout", "no hello: handshake_timeout")
    quiet = HubClient(args.host, args.port, timeout=15)
    quiet.hello(join_code=args.code, live=True)
    m = first(quiet, ("error",))
    check(m and m["code"] == "idle_timeout", "silence after the hello: idle_timeout")
    still_serving("half-open connections")

    print("%d passed, %d failed" % (len(PASSED), len(FAILURES)))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
