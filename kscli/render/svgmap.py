"""Drawing places by their event counts: an SVG file, and a coarse grid for the terminal."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

WIDTH, HEIGHT, MARGIN = 960, 720, 60


def _frame(points):
    """South, north, west, east: around where most events are, so Moscow does not shrink Karabakh to a dot."""
    lats = _weighted([(p[1], p[3]) for p in points])
    lons = _weighted([(p[2], p[3]) for p in points])
    south, north = _quantile(lats, 0.05), _quantile(lats, 0.95)
    west, east = _quantile(lons, 0.05), _quantile(lons, 0.95)
    pad_lat = max(0.1, (north - south) * 0.25)
    pad_lon = max(0.1, (east - west) * 0.25)
    return south - pad_lat, north + pad_lat, west - pad_lon, east + pad_lon


def _weighted(values):
    return sorted(v for v, n in values for _ in range(max(1, n)))


def _quantile(ordered, q):
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def inside(points):
    """The points within the frame, and how many fall outside it."""
    south, north, west, east = _frame(points)
    kept = [p for p in points if south <= p[1] <= north and west <= p[2] <= east]
    return kept, len(points) - len(kept)


def _projector(points):
    """Equirectangular, squeezed by cos(latitude) so distances look right at this scale."""
    south, north, west, east = _frame(points)
    squeeze = math.cos(math.radians((south + north) / 2))
    span_x, span_y = (east - west) * squeeze, north - south
    scale = min((WIDTH - 2 * MARGIN) / span_x, (HEIGHT - 2 * MARGIN) / span_y)

    def project(lat, lon):
        return MARGIN + (lon - west) * squeeze * scale, HEIGHT - MARGIN - (lat - south) * scale

    return project


def svg(points: list[tuple[str, float, float, int]], title: str, labels: int = 20) -> str:
    """An SVG map: one circle per (name, lat, lon, count), area proportional to the count."""
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif">',
             f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#f7f5ef"/>',
             f'<text x="{MARGIN}" y="34" font-size="20">{escape(title)}</text>']
    if not points:
        parts.append(f'<text x="{MARGIN}" y="{HEIGHT // 2}" font-size="16">no located events</text></svg>')
        return "\n".join(parts)
    project = _projector(points)
    points, outside = inside(points)
    top = max(p[3] for p in points) or 1
    ranked = sorted(points, key=lambda p: -p[3])
    for name, lat, lon, n in reversed(ranked):  # biggest drawn first, small ones stay visible on top
        x, y = project(lat, lon)
        r = 3 + 27 * math.sqrt(n / top)
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#b2182b" fill-opacity="0.45" '
                     f'stroke="#67001f" stroke-width="0.8"><title>{escape(name)}: {n}</title></circle>')
    placed: list[tuple[float, float, float, float]] = []
    for name, lat, lon, n in ranked:
        x, y = project(lat, lon)
        label = f"{name} ({n})"
        box = (x + 6, y - 18, x + 6 + 7 * len(label), y - 4)
        if len(placed) >= labels or any(_overlap(box, other) for other in placed):
            continue  # a label that would cover another one is left to the tooltip
        placed.append(box)
        parts.append(f'<text x="{x + 6:.1f}" y="{y - 6:.1f}" font-size="12">{escape(label)}</text>')
    parts.append(f'<text x="{MARGIN}" y="{HEIGHT - 20}" font-size="11" fill="#555">circle area ∝ events; '
                 f'{outside} distant places not drawn; coordinates: corpus/places.tsv</text></svg>')
    return "\n".join(parts)


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def grid(points: list[tuple[str, float, float, int]], columns: int = 60, rows: int = 20) -> list[str]:
    """A coarse text map: each cell shows how many events its places have (· none, 1-9, # for more)."""
    if not points:
        return []
    south, north, west, east = _frame(points)
    cells = [[0] * columns for _ in range(rows)]
    for _, lat, lon, n in inside(points)[0]:
        col = min(columns - 1, int((lon - west) / (east - west) * columns))
        row = min(rows - 1, int((north - lat) / (north - south) * rows))
        cells[row][col] += n
    top = max(max(r) for r in cells) or 1
    glyph = lambda n: "·" if n == 0 else str(min(9, 1 + int(8 * n / top))) if n < top else "#"
    return ["".join(glyph(n) for n in r) for r in cells]
