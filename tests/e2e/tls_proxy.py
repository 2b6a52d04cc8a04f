#!/usr/bin/env python3
"""A man in the middle for the TLS tests: accepts TLS with its own certificate and forwards every
connection, over TLS that checks nothing, to the real hub.

    python3 tls_proxy.py --cert CERT.pem --key KEY.pem --hub-port P

Prints "listening on PORT" once it accepts connections; runs until killed.
"""
import argparse
import socket
import ssl
import sys
import threading


def pipe(source, target):
    try:
        while True:
            data = source.recv(65536)
            if not data:
                break
            target.sendall(data)
    except OSError:
        pass
    for s in (source, target):
        try:
            s.close()
        except OSError:
            pass


def serve(client, server_context, hub_port):
    try:
        tls_client = server_context.wrap_socket(client, server_side=True)
    except (ssl.SSLError, OSError):
        client.close()
        return
    upstream_context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    upstream_context.check_hostname = False
    upstream_context.verify_mode = ssl.CERT_NONE
    try:
        upstream = upstream_context.wrap_socket(socket.create_connection(("127.0.0.1", hub_port)))
    except OSError:
        tls_client.close()
        return
    threading.Thread(target=pipe, args=(tls_client, upstream), daemon=True).start()
    threading.Thread(target=pipe, args=(upstream, tls_client), daemon=True).start()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--hub-port", type=int, required=True)
    args = parser.parse_args()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    print("listening on %d" % listener.getsockname()[1], flush=True)
    while True:
        client, _ = listener.accept()
        threading.Thread(target=serve, args=(client, context, args.hub_port), daemon=True).start()


if __name__ == "__main__":
    sys.exit(main())
