#!/usr/bin/env python3
"""One-to-one rounds against an exact maximum-weight matching.

Runs `crossmatch-bench rounds --export` for each event size, which writes the last round's
instance (the pairs that may meet, weights = score * 10^6 rounded) and the matching the round was
built on; solves the same instance exactly with networkx's max_weight_matching (maxcardinality,
as the rounds pair as many people as they can first); prints one JSON line per size with both
weights, their ratio and both times.

Usage (from the project root):
  bench/rounds_vs_networkx.py [--bench build/bin/crossmatch-bench] [--sizes 200,1000]
                              [--rounds 3] [--seconds 0.5] [--seed 1]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def load(path):
    with open(path) as f:
        n, m = map(int, f.readline().split())
        edges = []
        for _ in range(m):
            a, b, w = f.readline().split()
            edges.append((int(a), int(b), int(w)))
        head = f.readline().split()
        if len(head) != 2 or head[0] != "ours":
            raise ValueError(f"{path}: expected 'ours K' after the edges")
        ours = [tuple(map(int, f.readline().split())) for _ in range(int(head[1]))]
    return n, edges, ours


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bench", default="build/bin/crossmatch-bench")
    p.add_argument("--sizes", default="200,1000")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--seconds", type=float, default=0.5)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    try:
        import networkx as nx
    except ImportError:
        sys.exit("networkx is missing: apt-get install python3-networkx")
    if not os.access(args.bench, os.X_OK):
        sys.exit(f"no bench binary at {args.bench}: run ./run build first")

    for size in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "round.txt")
            run = subprocess.run([args.bench, "rounds", "--participants", str(size),
                                  "--rounds", str(args.rounds), "--seconds", str(args.seconds),
                                  "--seed", str(args.seed), "--export", path],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"crossmatch-bench rounds failed: {run.stderr.strip()}")
            last = json.loads(run.stdout.strip().splitlines()[-1])
            n, edges, ours = load(path)
        weight = {(a, b): w for a, b, w in edges}
        ours_weight = 0
        for a, b in ours:
            key = (min(a, b), max(a, b))
            if key not in weight:
                sys.exit(f"our pair {key} is not an edge of the instance")
            ours_weight += weight[key]
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_weighted_edges_from(edges)
        start = time.perf_counter()
        exact = nx.max_weight_matching(g, maxcardinality=True)
        nx_seconds = time.perf_counter() - start
        exact_weight = sum(weight[(min(a, b), max(a, b))] for a, b in exact)
        print(json.dumps({
            "bench": "rounds-vs-networkx", "participants": size, "matchable": n,
            "edges": len(edges), "round": last["round"],
            "ours_pairs": len(ours), "exact_pairs": len(exact),
            "ours_weight": ours_weight / 1e6, "exact_weight": exact_weight / 1e6,
            "ratio": round(ours_weight / exact_weight, 6) if exact_weight else None,
            "ours_seconds": last["seconds"], "networkx_seconds": round(nx_seconds, 3),
        }), flush=True)


if __name__ == "__main__":
    main()
