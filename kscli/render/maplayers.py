"""What a map is drawn on: the frame and its projection, country borders, the 1994-2020 line of
contact, a graticule and a scale bar. The borders and the line come from the bundled data
(corpus/borders.geojson, corpus/nagorno-karabakh-1994-2020.geojson, both Natural Earth), read
only by `ksw map`, and drawn only where they cover the frame (another war's map goes without)."""

from __future__ import annotations

import json
import math

from kscli.text.files import bundled_corpus

BORDERS = "borders.geojson"
CONTACT = "nagorno-karabakh-1994-2020.geojson"
KM_PER_DEGREE = 111.32


class Frame:
    """The map's window on the earth: an equirectangular projection squeezed by cos(latitude) so
    that distances look right at this scale, fitted into the area (left, top, right, bottom)."""

    def __init__(self, south: float, north: float, west: float, east: float, area):
        left, top, right, bottom = area
        self.south, self.north, self.west, self.east, self.area = south, north, west, east, area
        self.squeeze = math.cos(math.radians((south + north) / 2))
        self.scale = min((right - left) / ((east - west) * self.squeeze), (bottom - top) / (north - south))
        # centred in the area: the other dimension has room to spare
        self.x0 = left + ((right - left) - (east - west) * self.squeeze * self.scale) / 2
        self.y0 = bottom - ((bottom - top) - (north - south) * self.scale) / 2

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return self.x0 + (lon - self.west) * self.squeeze * self.scale, self.y0 - (lat - self.south) * self.scale

    def covers(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east


def load(name: str) -> dict | None:
    try:
        return json.loads((bundled_corpus() / name).read_text("utf-8"))
    except (OSError, ValueError):  # a trimmed installation: the map goes without that layer
        return None


def borders(frame: Frame) -> tuple[list[str], list[tuple[str, float, float]]] | None:
    """SVG paths of the countries, and a point inside each for its name; None when the bundled
    borders do not cover the frame."""
    data = load(BORDERS)
    if data is None:
        return None
    west, south, east, north = data.get("bbox", (-180, -90, 180, 90))
    if not (west <= frame.west and frame.east <= east and south <= frame.south and frame.north <= north):
        return None
    paths, names = [], []
    for feature in data["features"]:
        fw, fs, fe, fn = feature.get("bbox", (-180, -90, 180, 90))
        if fe < frame.west or fw > frame.east or fn < frame.south or fs > frame.north:
            continue  # nothing of it in the frame
        rings = [ring for polygon in feature["geometry"]["coordinates"] for ring in polygon]
        paths.append(_path(frame, rings))
        middle = _middle(frame, rings)
        if middle is not None:
            names.append((feature["properties"]["name"], *middle))
    return paths, names


def _middle(frame: Frame, rings) -> tuple[float, float] | None:
    """Where to name a country: the centroid of the largest part of it the frame shows (its
    mainland, not an exclave), if that point is inside it; else None."""
    box = (frame.west, frame.south, frame.east, frame.north)
    shown = [sum(frame.covers(lat, lon) for lon, lat in ring) for ring in rings]
    parts = [clip([(lon, lat) for lon, lat in ring], box) for ring, n in zip(rings, shown) if n >= 20]
    best, best_area = None, 0.0
    for part in parts:
        area, cx, cy = _centroid(part)
        if abs(area) > best_area:
            best, best_area = (part, cx, cy), abs(area)
    if best is None or best_area < 0.02 * (frame.east - frame.west) * (frame.north - frame.south):
        return None
    part, cx, cy = best
    return (cy, cx) if _contains(part, cx, cy) else None


def _centroid(ring) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area, cx, cy = area + cross, cx + (x0 + x1) * cross, cy + (y0 + y1) * cross
    if abs(area) < 1e-12:
        return 0.0, 0.0, 0.0
    return area / 2, cx / (3 * area), cy / (3 * area)


def _contains(ring, x: float, y: float) -> bool:
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (x1 - x0) * (y - y0) / (y1 - y0):
            inside = not inside
    return inside


def clip(points, box):
    """Sutherland-Hodgman: a ring (lon, lat) cut to the box (west, south, east, north), an edge at a time."""
    west, south, east, north = box
    edges = ((0, west, True), (0, east, False), (1, south, True), (1, north, False))
    for axis, bound, above in edges:
        keep = (lambda p: p[axis] >= bound) if above else (lambda p: p[axis] <= bound)
        out = []
        for k, current in enumerate(points):
            before = points[k - 1]
            if keep(current) != keep(before):
                t = (bound - before[axis]) / (current[axis] - before[axis])
                out.append(tuple(b + (c - b) * t for b, c in zip(before, current)))
            if keep(current):
                out.append(current)
        points = out
        if not points:
            break
    return points


def contact(frame: Frame) -> str | None:
    """The path of the line of contact (the edge of the area held 1994-2020), or None."""
    data = load(CONTACT)
    if data is None:
        return None
    rings = [ring for feature in data["features"] for ring in _rings(feature["geometry"])]
    if not any(frame.covers(lat, lon) for ring in rings for lon, lat in ring):
        return None
    return _path(frame, rings)


def _rings(geometry: dict) -> list:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


def _path(frame: Frame, rings) -> str:
    parts = []
    for ring in rings:
        points = [frame.xy(lat, lon) for lon, lat in ring]
        parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    return "".join(parts)


def graticule(frame: Frame) -> tuple[float, list[float], list[float]]:
    """The step in degrees, and the meridians and parallels inside the frame."""
    span = max(frame.east - frame.west, frame.north - frame.south)
    step = 0.25 if span < 2 else 0.5 if span < 4 else 1.0 if span < 10 else 5.0
    lons = [k * step for k in range(math.ceil(frame.west / step), math.floor(frame.east / step) + 1)]
    lats = [k * step for k in range(math.ceil(frame.south / step), math.floor(frame.north / step) + 1)]
    return step, lons, lats


def scale_bar(frame: Frame, longest_px: float = 160) -> tuple[int, float]:
    """A round distance in km and its length in pixels, at most `longest_px`."""
    px_per_km = frame.scale / KM_PER_DEGREE
    km = max((d for d in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000) if d * px_per_km <= longest_px), default=1)
    return km, km * px_per_km
