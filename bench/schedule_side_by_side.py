#!/usr/bin/env python3
"""Runs `crossmatch-bench schedule` on B2B instances with each exact-search engine in turn (one
instance at a time, the engines back to back, so that both meet the same load on the machine) and
prints a Markdown table: breaks, proven optimal, seconds to the end of the search.

usage: schedule_side_by_side.py BENCH SECONDS THREADS FILE.dzn... [--engines cdcl,cadical]
"""
import json
import os
import subprocess
import sys


def main(argv):
    engines = ["cdcl", "cadical"]
    if "--engines" in argv:
        at = argv.index("--engines")
        engines = argv[at + 1].split(",")
        del argv[at:at + 2]
    if len(argv) < 4:
        sys.exit(__doc__)
    bench, seconds, threads, files = argv[0], argv[1], argv[2], argv[3:]
    head = "| instance | " + " | ".join(f"{e}: breaks, proven, s" for e in engines) + " |"
    print(head)
    print("|" + " --- |" * (1 + len(engines)))
    for path in files:
        cells = []
        for engine in engines:
            run = subprocess.run([bench, "schedule", "--dzn", path, "--seconds", seconds,
                                  "--threads", threads, "--engine", engine],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                cells.append("error: " + run.stderr.strip().replace("\n", " "))
                continue
            r = json.loads(run.stdout)
            incomplete = r.get("reason", "").endswith("meetings not scheduled")
            mark = "" if r["valid"] or incomplete else " INVALID: " + r.get("reason", "")
            placed = "" if r["scheduled"] == r["meetings"] else f" ({r['scheduled']}/{r['meetings']} placed)"
            cells.append(f"{r['breaks']}{placed}, {'yes' if r['proven_optimal'] else 'no'}"
                         f" (bound {r['lower_bound']}), {r['seconds']:.1f}{mark}")
        name = os.path.basename(path).replace(".original.dzn", "").replace(".dzn", "")
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
