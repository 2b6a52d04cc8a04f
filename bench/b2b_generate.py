#!/usr/bin/env python3
"""Writes a seeded B2B meeting-scheduling instance (MiniZinc .dzn, the format of Bofill et al.'s
published brokerage events) shaped like one of the two families of real events:

  forum  60-80 businesses, 21-22 slots split into morning and afternoon, sparse requests with a
         few very popular businesses, morning/afternoon codes chosen per requesting business,
         some businesses arriving late or leaving early (forbidden slots);
  tic    40-60 businesses, 8-10 slots, no time-of-day codes, dense requests with a third to a
         half of the businesses busy in every slot, tables just above the meetings per slot.

usage: b2b_generate.py forum|tic SEED OUT.dzn
The same family and seed always give the same file.
"""
import math
import random
import sys


def forum(rng):
    n = rng.randint(60, 80)
    slots = rng.choice([21, 22])
    morning = slots // 2 + rng.randint(0, 2)
    target = rng.randint(150, 300)
    forbidden = [[] for _ in range(n)]
    for b in range(n):
        if rng.random() < 0.15:
            run = rng.randint(1, slots // 4)
            forbidden[b] = list(range(1, run + 1)) if rng.random() < 0.5 else \
                list(range(slots - run + 1, slots + 1))
    code_of = [rng.choices([1, 2, 3], weights=[35, 5, 60])[0] for _ in range(n)]
    weight = [rng.paretovariate(1.2) for _ in range(n)]
    room = [slots - len(f) for f in forbidden]
    morning_room = [sum(1 for s in range(1, morning + 1) if s not in f) for f in forbidden]
    afternoon_room = [r - m for r, m in zip(room, morning_room)]
    busy = [[0, 0, 0] for _ in range(n)]  # per business: meetings with code 1, 2, 3
    pairs, seen = [], set()
    tries = 0
    while len(pairs) < target and tries < 100 * target:
        tries += 1
        a, b = rng.choices(range(n), weights=weight, k=2)
        if a == b or (min(a, b), max(a, b)) in seen:
            continue
        code = code_of[a]
        ok = True
        for p in (a, b):
            c1, c2, c3 = busy[p]
            total = c1 + c2 + c3 + 1
            if total > room[p] - 1:  # a slot to spare for everyone
                ok = False
            if code == 1 and c1 + 1 > morning_room[p] - 1:
                ok = False
            if code == 2 and c2 + 1 > afternoon_room[p] - 1:
                ok = False
        if not ok:
            continue
        seen.add((min(a, b), max(a, b)))
        pairs.append((a + 1, b + 1, code))
        for p in (a, b):
            busy[p][code - 1] += 1
    m = len(pairs)
    code1 = sum(1 for p in pairs if p[2] == 1)
    code2 = sum(1 for p in pairs if p[2] == 2)
    tables = math.ceil(max(1.5 * m / slots, 1.2 * code1 / morning,
                           1.2 * code2 / max(1, slots - morning))) + 1
    return n, tables, slots, morning, pairs, forbidden


def tic(rng):
    n = rng.randint(40, 60)
    slots = rng.choice([8, 10])
    full = rng.uniform(0.33, 0.5)
    want = [slots if rng.random() < full else rng.randint(2, slots - 1) for _ in range(n)]
    pairs, seen = [], set()
    left = want[:]
    while True:
        open_ = [b for b in range(n) if left[b] > 0]
        if len(open_) < 2:
            break
        a = max(open_, key=lambda b: (left[b], rng.random()))
        partners = [b for b in open_ if b != a and (min(a, b), max(a, b)) not in seen]
        if not partners:
            left[a] = 0
            continue
        b = rng.choice(partners)
        seen.add((min(a, b), max(a, b)))
        pairs.append((a + 1, b + 1, 3))
        left[a] -= 1
        left[b] -= 1
    rng.shuffle(pairs)
    tables = math.ceil(len(pairs) / slots) + rng.randint(1, 5)
    return n, tables, slots, slots, pairs, [[] for _ in range(n)]


def main(argv):
    if len(argv) != 3 or argv[0] not in ("forum", "tic"):
        sys.exit(__doc__)
    try:
        seed = int(argv[1])
    except ValueError:
        sys.exit(f"SEED must be a whole number, not {argv[1]!r}")
    rng = random.Random(f"{argv[0]}-{seed}")
    n, tables, slots, morning, pairs, forbidden = (forum if argv[0] == "forum" else tic)(rng)
    by_business = [[1] for _ in range(n)]
    for i, (a, b, _) in enumerate(pairs):
        by_business[a - 1].append(i + 2)
        by_business[b - 1].append(i + 2)
    lines = [f"% generated: b2b_generate.py {argv[0]} {seed}",
             f"nBusiness = {n};", f"nMeetings = {len(pairs)};", f"nTables = {tables};",
             f"nTotalSlots = {slots};", f"nMorningSlots = {morning};", "",
             "requested = [" + "\n".join(f"|{a}, {b},{c}, " for a, b, c in pairs) + "|];", "",
             "meetingsxBusiness = [" + ",\n".join("{" + ",".join(map(str, s)) + "}"
                                                   for s in by_business) + "];", "",
             "forbidden = [" + ",\n".join("{" + ",".join(map(str, f)) + "}"
                                          for f in forbidden) + "];", ""]
    with open(argv[2], "w") as out:
        out.write("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:])
