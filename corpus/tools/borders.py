"""Rebuild corpus/borders.geojson: the countries around the South Caucasus, for `ksw map`.

    python corpus/tools/borders.py COUNTRIES_10M_JSON

COUNTRIES_10M_JSON is countries-10m.json of the npm package world-atlas (2.0.2: Natural Earth's
1:10m admin-0 countries as TopoJSON; the data public domain, the package ISC): `npm pack
world-atlas`. The script decodes the arcs, keeps the countries that reach into BOX, clips
their rings to it, rounds to 3 decimals (about 100 m, a pixel is more) and drops points closer
than STEP to the one before; one feature a line, so a rebuild diffs cleanly. The sea (the
Caspian) is what no country covers.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from kscli.render.maplayers import clip  # noqa: E402 - the map's own clipping, one Sutherland-Hodgman

OUT = Path(__file__).resolve().parent.parent / "borders.geojson"
BOX = (42.0, 36.5, 52.0, 43.5)  # west, south, east, north
STEP = 0.01  # degrees: about a pixel of the map


def arcs_of(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def ring(indexes: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def thinned(points):
    out = []
    for x, y in points:
        p = (round(x, 3), round(y, 3))
        if not out or abs(p[0] - out[-1][0]) + abs(p[1] - out[-1][1]) >= STEP:
            out.append(p)
    if len(out) > 2 and out[0] != out[-1]:
        out.append(out[0])
    return out


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text("utf-8"))
    arcs = arcs_of(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]] if geometry["type"] == "Polygon" else []
        rings = [thinned(clip(ring(r, arcs), BOX)) for polygon in polygons for r in polygon[:1]]  # outer rings: no lakes
        rings = [r for r in rings if len(r) >= 4]
        if rings:  # each with its bbox: a map skips the countries outside its frame unread
            xs, ys = [x for r in rings for x, _ in r], [y for r in rings for _, y in r]
            features.append({"type": "Feature", "bbox": [min(xs), min(ys), max(xs), max(ys)],
                             "properties": {"name": geometry["properties"]["name"]},
                             "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in rings]}})
    features.sort(key=lambda f: f["properties"]["name"])
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    box = json.dumps(list(BOX))
    OUT.write_text('{"type":"FeatureCollection","bbox":' + box + ',"features":[\n' + ",\n".join(lines) + "\n]}\n",
                   encoding="utf-8")
    print(f"{OUT}: {len(features)} countries, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
