#!/usr/bin/env python3
"""Writes data/bihar/blocks.geojson, the block boundaries the report's maps draw, from the
PMGSY block polygons in ../shared/data/bihar/blocks.geojson (see data/bihar/SOURCES.md).

Each ring is simplified with the Douglas-Peucker rule at 0.0015 degrees (about 150 m, under a
pixel on a state map) and coordinates are rounded to 4 decimals (about 11 m). Standard
library only; the output is deterministic.

Run from the repository root:  python3 scripts/simplify-blocks.py [SOURCE]
"""
import json
import os
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "data", "bihar", "blocks.geojson")
OUT = os.path.join("data", "bihar", "blocks.geojson")
TOLERANCE = 0.0015


def distance(p, a, b):
    """Distance from p to the segment a-b (degrees, flat)."""
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def simplify(points):
    """Douglas-Peucker, iterative (rings have thousands of points)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, index = 0.0, -1
        for k in range(i + 1, j):
            d = distance(points[k], points[i], points[j])
            if d > best:
                best, index = d, k
        if best > TOLERANCE:
            keep[index] = True
            stack += [(i, index), (index, j)]
    return [p for p, k in zip(points, keep) if k]


def ring(r):
    out = []
    for x, y in simplify([(p[0], p[1]) for p in r]):
        q = [round(x, 4), round(y, 4)]
        if not out or out[-1] != q:
            out.append(q)
    return out if len(out) >= 4 else None


def main():
    with open(SRC) as f:
        source = json.load(f)
    features = []
    for f in source["features"]:
        g = f["geometry"]
        polygons = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        kept = []
        for polygon in polygons:
            rings = [r for r in (ring(r) for r in polygon) if r]
            if rings:
                kept.append(rings)
        if not kept:
            continue
        p = f["properties"]
        geometry = {"type": "Polygon", "coordinates": kept[0]} if len(kept) == 1 else {"type": "MultiPolygon", "coordinates": kept}
        features.append({"type": "Feature", "properties": {"block": p["block"], "district": p["district"]}, "geometry": geometry})
    features.sort(key=lambda f: (f["properties"]["district"], f["properties"]["block"]))
    with open(OUT, "w") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        f.write(",\n".join(json.dumps(x, separators=(",", ":")) for x in features))
        f.write("\n]}\n")
    print(f"wrote {OUT}: {len(features)} blocks")


if __name__ == "__main__":
    main()
