#!/usr/bin/env python3
"""Writes data/bihar/ambulances-by-district.csv: Bihar's 2024-25 fleet of 102 ambulances
(1,001 basic, 574 advanced; tarangnews.com) shared among the 38 districts by the published
placement rules, since no per-district list is published:

- advanced (ALS): in proportion to the district's blocks (the 2021 plan put one ALS
  ambulance in every block; 574 is 534 blocks plus 40, shared the same way);
- basic (BLS): in proportion to the district's population (the national norm of one BLS per
  100,000 people; habitation populations from habitations.csv).

Largest-remainder rounding, ties to the district first in alphabetical order.
Usage: python3 scripts/ambulance-allocation.py (from the repository root)."""
import csv
from collections import defaultdict

BASIC, ADVANCED = 1001, 574


def largest_remainder(total, weights):
    s = sum(weights)
    exact = [total * w / s for w in weights]
    counts = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - counts[i]), i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def main():
    blocks = {r["district"]: int(r["blocks"]) for r in csv.DictReader(open("data/bihar/districts.csv"))}
    population = defaultdict(int)
    for r in csv.DictReader(open("data/bihar/habitations.csv")):
        population[r["district"]] += int(r["population"])
    districts = sorted(blocks)
    missing = [d for d in districts if population[d] == 0]
    assert not missing, f"no population for {missing}"
    basic = largest_remainder(BASIC, [population[d] for d in districts])
    advanced = largest_remainder(ADVANCED, [blocks[d] for d in districts])
    with open("data/bihar/ambulances-by-district.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["district", "basic", "advanced", "population", "blocks"])
        for d, b, a in zip(districts, basic, advanced):
            w.writerow([d, b, a, population[d], blocks[d]])


if __name__ == "__main__":
    main()
