#!/usr/bin/env python3
"""A small client of the crossmatch hub's wire protocol (docs/protocol.md), standard library only.

    python3 crossmatch_client.py --port 7420 --code K7QF-M2XD        # join as a newcomer, show the event
    python3 crossmatch_client.py --port 7420 --token TOKEN --watch   # follow what happens

Use it as a module too: HubClient(host, port).hello(join_code=...) and so on.
"""
import argparse
import json
import os
import socket
import sys
import time

PROTOCOL = 1


class HubError(Exception):
    """The hub sent an error line: code, field and message."""

    def __init__(self, message):
        super().__init__(f"{message.get('code')}: {message.get('message')}")
        self.code = message.get("code")
        self.field = message.get("field")
        self.message = message


class HubClient:
    def __init__(self, host="127.0.0.1", port=7420, timeout=10.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)
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
            message["join_code"] = join_code
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
    parser.add_argument("--watch", action="store_true", help="print what happens until interrupted")
    args = parser.parse_args()
    if bool(args.code) == bool(args.token):
        parser.error("give --code or --token")
    client = HubClient(args.host, args.port)
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
