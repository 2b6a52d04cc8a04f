#!/usr/bin/env python3
"""A small client of the crossmatch hub's wire protocol (docs/protocol.md), standard library only.

    python3 crossmatch_client.py --port 7420 --code K7QF-M2XD-ABCD-EFGH-JKLM     # join as a newcomer
    python3 crossmatch_client.py --port 7420 --token TOKEN --pin PIN --watch      # follow what happens
    python3 crossmatch_client.py --port 7420 --code K7QF-M2XD --insecure          # a hub without TLS

The hub speaks TLS 1.3; its certificate is checked against the pin at the end of the join code (or
--pin: the short pin or the certificate's SHA-256 fingerprint), not against certificate authorities.
Use it as a module too: HubClient(host, port, pin=...).hello(join_code=...) and so on.
"""
import argparse
import hashlib
import json
import os
import socket
import ssl
import sys
import time

PROTOCOL = 1
# The join code's alphabet: no 0/O or 1/I.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def short_pin(fingerprint):
    """The short pin of a certificate: the first 60 bits of its SHA-256 fingerprint (hex) as three
    groups of four characters of ALPHABET."""
    bits = int(fingerprint[:15], 16)
    chars = "".join(ALPHABET[(bits >> (5 * (11 - i))) & 31] for i in range(12))
    return "-".join(chars[i:i + 4] for i in range(0, 12, 4))


def pin_matches(pin, fingerprint):
    """Whether `pin` (a short pin, or a full fingerprint in hex) names the certificate."""
    full = pin.replace(":", "").replace(" ", "").lower()
    if len(full) == 64 and all(c in "0123456789abcdef" for c in full):
        return full == fingerprint
    squeezed = pin.upper().replace("-", "").replace(" ", "")
    return squeezed == short_pin(fingerprint).replace("-", "")


def split_join_code(typed):
    """(event code, pin) from a join code as typed: 8 characters, then the 12 of the pin."""
    squeezed = typed.upper().replace("-", "").replace(" ", "")
    if len(squeezed) == 20 and all(c in ALPHABET for c in squeezed):
        return squeezed[:4] + "-" + squeezed[4:8], "-".join(squeezed[i:i + 4] for i in range(8, 20, 4))
    if len(squeezed) == 8 and all(c in ALPHABET for c in squeezed):
        return squeezed[:4] + "-" + squeezed[4:], None
    return typed.strip(), None


class PinMismatch(ConnectionError):
    """The hub's certificate is not the one the pin names: maybe not the event's hub at all."""


def open_socket(host, port, pin=None, insecure=False, timeout=10.0, receive_buffer=None):
    """A connected socket: TLS 1.3 with the hub's certificate checked against `pin`, or plain TCP."""
    raw = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    if receive_buffer:
        raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    raw.settimeout(timeout)
    raw.connect((host, port))
    raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if insecure:
        return raw
    if not pin:
        raw.close()
        raise ValueError("no pin to check the hub's certificate by: give the whole join code or the pin")
    # The hub's certificate is self-signed: it is checked by its fingerprint below, not by a chain
    # of authorities or a host name.
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    try:
        sock = context.wrap_socket(raw)
    except ssl.SSLError as e:
        raw.close()
        if "WRONG_VERSION_NUMBER" in str(e) or "record layer failure" in str(e):
            raise ConnectionError("the hub at %s:%d answered without TLS: it runs with --insecure" % (host, port))
        raise
    fingerprint = hashlib.sha256(sock.getpeercert(binary_form=True)).hexdigest()
    if not pin_matches(pin, fingerprint):
        sock.close()
        raise PinMismatch("the hub at %s:%d shows a certificate with pin %s, not %s: it may not be the event's "
                          "hub; nothing was sent" % (host, port, short_pin(fingerprint), pin))
    return sock


class HubError(Exception):
    """The hub sent an error line: code, field and message."""

    def __init__(self, message):
        super().__init__(f"{message.get('code')}: {message.get('message')}")
        self.code = message.get("code")
        self.field = message.get("field")
        self.message = message


class HubClient:
    def __init__(self, host="127.0.0.1", port=7420, timeout=10.0, pin=None, insecure=False):
        self.sock = open_socket(host, port, pin=pin, insecure=insecure, timeout=timeout)
        self.buffer = b""
        self.welcome = None
        self.seq = 0

    # -- lines ------------------------------------------------------------------------------
    def send(self, message):
        self.sock.sendall(json.dumps(message, separators=(",", ":")).encode("utf-8") + b"\n")

    def send_raw(self, data):
        self.sock.sendall(data)

    def receive(self):
        """The next message from the hub, or None when the hub closed the connection."""
        while b"\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                return None
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        message = json.loads(line.decode("utf-8"))
        if message.get("type") == "op":
            self.seq = max(self.seq, message["op"]["seq"])
        elif message.get("type") in ("caught_up", "pong"):
            self.seq = max(self.seq, message["seq"])
        return message

    def receive_until(self, predicate, limit=100000):
        """Messages up to and including the first one for which predicate(message) holds."""
        seen = []
        for _ in range(limit):
            message = self.receive()
            if message is None:
                raise ConnectionError("the hub closed the connection; last messages: %r" % seen[-3:])
            seen.append(message)
            if predicate(message):
                return seen
        raise RuntimeError("no matching message")

    # -- the protocol ---------------------------------------------------------------------------
    def hello(self, join_code=None, token=None, after=None, live=False):
        message = {"type": "hello", "protocol": PROTOCOL, "client": "crossmatch_client.py"}
        if join_code:
            message["join_code"] = split_join_code(join_code)[0]
        if token:
            message["token"] = token
        if after is not None:
            message["after"] = after
        if live:
            message["catch_up"] = "live"
        self.send(message)
        first = self.receive()
        if first is None:
            raise ConnectionError("the hub closed the connection")
        if first.get("type") == "error":
            raise HubError(first)
        self.welcome = first
        return first

    def catch_up(self):
        """Every message up to caught_up (a snapshot's lines, or the operations missed)."""
        return self.receive_until(lambda m: m.get("type") == "caught_up")

    def submit(self, op):
        """Sends an operation; returns the hub's answer for it (ack or refused) and what came before."""
        if "id" not in op:
            op = dict(op, id="py-" + os.urandom(12).hex())
        self.send({"type": "op", "op": op})
        seen = self.receive_until(lambda m: m.get("type") in ("ack", "refused", "error") and
                                  (m.get("id") == op["id"] or m.get("type") == "error"))
        return seen[-1], seen[:-1]

    def ping(self):
        self.send({"type": "ping"})
        return self.receive_until(lambda m: m.get("type") == "pong")[-1]

    def close(self):
        self.sock.close()


def snapshot_state(messages):
    """Joins snapshot lines into one state dict (later items replace earlier ones with the same id)."""
    state = {}
    for m in messages:
        if m["type"] == "snapshot_begin":
            state = {"event": m["event"], "next": m["next"], "seq": m["seq"]}
        elif m["type"] == "snapshot_items":
            items = state.setdefault(m["kind"], {})
            for item in m["items"]:
                items[item.get("id", len(items))] = item
    return state


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7420)
    parser.add_argument("--code", help="the event's join code (newcomer)")
    parser.add_argument("--token", help="a participant's, the organiser's or a broker's token")
    parser.add_argument("--pin", help="the hub's certificate pin, when the join code has none")
    parser.add_argument("--insecure", action="store_true", help="plain TCP, for a hub run with --insecure")
    parser.add_argument("--watch", action="store_true", help="print what happens until interrupted")
    args = parser.parse_args()
    if bool(args.code) == bool(args.token):
        parser.error("give --code or --token")
    pin = args.pin or (split_join_code(args.code)[1] if args.code else None)
    if args.insecure:
        print("WARNING: --insecure: no TLS; what is sent can be read on the network", file=sys.stderr)
    elif not pin:
        parser.error("give the whole join code (it ends in the hub's pin), or --pin, or --insecure")
    try:
        client = HubClient(args.host, args.port, pin=pin, insecure=args.insecure)
    except (ConnectionError, ssl.SSLError) as e:
        print("cannot connect:", e, file=sys.stderr)
        return 1
    try:
        welcome = client.hello(join_code=args.code, token=args.token)
    except HubError as e:
        print("refused:", e, file=sys.stderr)
        return 1
    print("welcome to '%s' as %s %s (sequence %d)" % (welcome["event"], welcome["role"],
                                                       welcome["participant"] or "", welcome["seq"]))
    state = snapshot_state(client.catch_up())
    if state:
        people = state.get("participants", {})
        print("%d participants, %d meetings you can see" % (len(people), len(state.get("meetings", {}))))
        for p in list(people.values())[:10]:
            profile = p["profile"]
            print("  %4d  %-28s %-24s %s" % (p["id"], profile["display_name"], profile["sector"], profile["city"]))
    last_ping = time.time()
    while args.watch:
        client.sock.settimeout(5)
        try:
            message = client.receive()
        except socket.timeout:
            message = {}
        if message is None:
            print("the hub closed the connection")
            return 0
        if message.get("type") == "op":
            op = message["op"]
            print("seq %d: %s by %s" % (op["seq"], op["type"], op["actor"]["role"]))
        elif message:
            print(message.get("type"), {k: v for k, v in message.items() if k != "type"})
        if time.time() - last_ping > 20:
            client.send({"type": "ping"})
            last_ping = time.time()
    client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
