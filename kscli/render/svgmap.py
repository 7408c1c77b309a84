"""Drawing places by their event counts: an SVG map a newsroom could print, and a coarse grid for the terminal.

Settlements are circles, their area in proportion to their events; districts, provinces, regions
and other areas are named in italics with their count, never drawn as a town. Labels never cover
one another (kscli.render.labels), the largest counts first. The map is drawn on the countries'
borders and the 1994-2020 line of contact where the bundled data covers it (kscli.render.maplayers).
"""

from __future__ import annotations

import math

from kscli.render import maplayers as layers
from kscli.render.labels import Placer, box

WIDTH, HEIGHT = 960, 780
AREA = (60, 80, 900, 680)  # left, top, right, bottom of the map itself; title above, legend and credits below
AREA_KINDS = {"district", "province", "region", "country", "state", "river", "valley", "mountain", "lake",
              "reservoir", "road", "pass", "kind"}  # drawn as a named count, not as a point
LABEL_SIZE, AREA_LABEL_SIZE, COUNTRY_SIZE = 12, 11, 15
WATER, LAND, BORDER, CONTACT_COLOUR = "#dce9f2", "#f6f3ec", "#8c8c8c", "#6a3d9a"
CREDIT_BORDERS = "Borders: Natural Earth 1:10m (public domain), via world-atlas"
CREDIT_CONTACT = "line of contact 1994-2020: Natural Earth (public domain)"
CREDIT_CHARS = 150  # a line of credits at 10 px: within the width


def escape(text: str) -> str:
    """Text made safe inside an SVG element (xml.sax.saxutils would cost a map 25 ms to import)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    return '"' + escape(text).replace('"', "&quot;") + '"'


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


def svg(points: list[tuple[str, float, float, int]], title: str, subtitle: str = "",
        kinds: dict[str, str] | None = None, places_credit: str = "") -> str:
    """An SVG map of (name, lat, lon, count) points; `kinds` tells settlements from areas."""
    kinds = kinds or {}
    head = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="DejaVu Sans, Arial, sans-serif">',
            f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
            f'<text id="title" x="{AREA[0]}" y="34" font-size="20" font-weight="bold">{escape(title)}</text>',
            f'<text id="subtitle" x="{AREA[0]}" y="58" font-size="13" fill="#444">{escape(subtitle)}</text>']
    if not points:
        return "\n".join(head + [f'<text x="{AREA[0]}" y="{HEIGHT // 2}" font-size="16">no located events</text></svg>'])
    frame = layers.Frame(*_frame(points), AREA)
    points, outside = inside(points)
    body, credits, countries = _ground(frame)
    placer = Placer(AREA)
    top = max(p[3] for p in points) or 1
    towns = sorted((p for p in points if kinds.get(p[0]) not in AREA_KINDS), key=lambda p: -p[3])
    areas = sorted((p for p in points if kinds.get(p[0]) in AREA_KINDS), key=lambda p: -p[3])
    circles = [(p, *frame.xy(p[1], p[2]), _radius(p[3], top)) for p in towns]
    body += _country_names(countries, frame, placer, circles)  # first: few, large, and under the circles
    body += _circles(circles)
    body += _labels(circles, areas, frame, placer)
    body += _legend(top, bool(credits.get("contact")))
    notes = [f"circle area in proportion to events; {outside} distant places not drawn" if outside else
             "circle area in proportion to events", f"places: {places_credit}" if places_credit else "",
             *credits.values()]
    body.append('<g id="credits" font-size="10" fill="#555">' + "".join(
        f'<text x="{AREA[0]}" y="{HEIGHT - 30 + 13 * k}">{escape(line)}</text>'
        for k, line in enumerate(_lines([n for n in notes if n], CREDIT_CHARS))) + "</g>")
    return "\n".join(head + body + ["</svg>"])


def _lines(notes: list[str], width: int) -> list[str]:
    """Notes joined by "; " into lines of at most `width` characters, each note whole where it fits."""
    lines = [""]
    for note in notes:
        joined = f"{lines[-1]}; {note}" if lines[-1] else note
        if len(joined) <= width or not lines[-1]:
            lines[-1] = joined
        else:
            lines.append(note)
    return lines


def _ground(frame) -> tuple[list[str], dict[str, str], list]:
    """Water, land and borders, the line of contact, the graticule; the credits of what was drawn,
    and where to name each country."""
    left, top, right, bottom = AREA
    out = [f'<clipPath id="area"><rect x="{left}" y="{top}" width="{right - left}" height="{bottom - top}"/></clipPath>',
           f'<rect id="water" x="{left}" y="{top}" width="{right - left}" height="{bottom - top}" fill="{WATER}"/>']
    credits = {}
    land = layers.borders(frame)
    countries = []
    if land is not None:
        paths, countries = land
        out.append(f'<g id="borders" clip-path="url(#area)" fill="{LAND}" stroke="{BORDER}" stroke-width="0.9">'
                   + "".join(f'<path d="{d}"/>' for d in paths) + "</g>")
        credits["borders"] = CREDIT_BORDERS
    else:
        out.append(f'<rect x="{left}" y="{top}" width="{right - left}" height="{bottom - top}" fill="{LAND}"/>')
    line = layers.contact(frame)
    if line is not None:
        out.append(f'<g id="contact" clip-path="url(#area)"><path d="{line}" fill="{CONTACT_COLOUR}" fill-opacity="0.06" '
                   f'stroke="{CONTACT_COLOUR}" stroke-width="1.6" stroke-dasharray="6 3"/></g>')
        credits["contact"] = CREDIT_CONTACT
    out.append(_graticule(frame))
    out.append(f'<rect x="{left}" y="{top}" width="{right - left}" height="{bottom - top}" fill="none" stroke="#555"/>')
    out.append(_scale(frame))
    return out, credits, countries


def _graticule(frame) -> str:
    left, top, right, bottom = AREA
    step, lons, lats = layers.graticule(frame)
    digits = 0 if step >= 1 else 1 if step == 0.5 else 2
    lines, labels = [], []
    for lon in lons:
        x = frame.xy(frame.south, lon)[0]
        if left <= x <= right:
            lines.append(f"M{x:.1f},{top}V{bottom}")
            labels.append(f'<text x="{x:.1f}" y="{bottom + 14}" font-size="10" text-anchor="middle" fill="#666">{lon:.{digits}f}°E</text>')
    for lat in lats:
        y = frame.xy(lat, frame.west)[1]
        if top <= y <= bottom:
            lines.append(f"M{left},{y:.1f}H{right}")
            labels.append(f'<text x="{left - 4}" y="{y + 3:.1f}" font-size="10" text-anchor="end" fill="#666">{lat:.{digits}f}°N</text>')
    return (f'<g id="graticule"><path d="{"".join(lines)}" stroke="#9aa7b0" stroke-width="0.4" stroke-opacity="0.6" fill="none"/>'
            + "".join(labels) + "</g>")


def _scale(frame) -> str:
    km, px = layers.scale_bar(frame)
    x, y = AREA[0] + 14, AREA[3] - 16
    return (f'<g id="scale"><rect x="{x - 6}" y="{y - 16}" width="{px + 44:.1f}" height="26" fill="#ffffff" fill-opacity="0.8"/>'
            f'<path d="M{x},{y - 4}V{y}H{x + px:.1f}V{y - 4}" stroke="#222" stroke-width="1.5" fill="none"/>'
            f'<text x="{x + px + 4:.1f}" y="{y}" font-size="10">{km} km</text></g>')


def _radius(count: int, top: int) -> float:
    return 3 + 22 * math.sqrt(count / top)


def _circles(circles) -> list[str]:
    out = ['<g id="places" fill="#b2182b" fill-opacity="0.45" stroke="#67001f" stroke-width="0.8">']
    for (name, _, _, n), x, y, r in reversed(circles):  # biggest drawn first, small ones stay visible on top
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" data-place={quoteattr(name)}>'
                   f'<title>{escape(name)}: {n}</title></circle>')
    return out + ["</g>"]


def _country_names(countries, frame, placer, circles) -> list[str]:
    """Each country's name near the middle of its part of the map, clear of every circle."""
    clear = Placer(AREA)
    for _, x, y, r in circles:
        clear.take((x - r, y - r, x + r, y + r))
    out = ['<g id="countries" font-size="15" fill="#8a8a8a">']
    for name, lat, lon in countries:
        x, y = frame.xy(lat, lon)
        text = name.upper()
        for gap in (0, 20, 45):
            at = clear.place(x, y, gap, COUNTRY_SIZE, text)
            if at and placer.free(box(*at, COUNTRY_SIZE, text)):
                placer.take(box(*at, COUNTRY_SIZE, text))
                out.append(f'<text x="{at[0]:.1f}" y="{at[1]:.1f}">{escape(text)}</text>')
                break
    return out + ["</g>"]


def _labels(circles, areas, frame, placer) -> list[str]:
    """Towns and areas by count, biggest first, each where it covers no other label."""
    for (_, _, _, _), x, y, r in circles:  # no label on top of a circle's centre
        placer.take((x - 1, y - 1, x + 1, y + 1))
    out = ['<g id="labels" font-size="12" fill="#1a1a1a">']
    areas_out = ['<g id="areas" font-size="11" font-style="italic" fill="#4d4d4d">']
    queue = [(n, 0, p, x, y, r) for p, x, y, r in circles for n in [p[3]]]
    queue += [(p[3], 1, p, *frame.xy(p[1], p[2]), 0.0) for p in areas]
    for _, is_area, (name, _, _, n), x, y, r in sorted(queue, key=lambda q: (-q[0], q[1])):
        text = f"{name} ({n})"
        size = AREA_LABEL_SIZE if is_area else LABEL_SIZE
        at = placer.place(x, y, r + 3 if not is_area else 0, size, text)
        if at is not None:
            (areas_out if is_area else out).append(f'<text x="{at[0]:.1f}" y="{at[1]:.1f}">{escape(text)}</text>')
    return out + ["</g>"] + areas_out + ["</g>"]


def _legend(top: int, with_contact: bool) -> list[str]:
    x, y = AREA[0], AREA[3] + 40
    out = ['<g id="legend" font-size="11" fill="#222">', f'<text x="{x}" y="{y}" font-weight="bold">Events at a place</text>']
    cx = x + 120
    for n in sorted({1, max(1, round(top / 4)), top}):
        r = _radius(n, top)
        out.append(f'<circle cx="{cx + r:.1f}" cy="{y - 4}" r="{r:.1f}" fill="#b2182b" fill-opacity="0.45" stroke="#67001f" stroke-width="0.8"/>')
        out.append(f'<text x="{cx + 2 * r + 4:.1f}" y="{y}">{n}</text>')
        cx += 2 * r + 14 + 7 * len(str(n))
    out.append(f'<text x="{cx + 10}" y="{y}" font-style="italic" fill="#4d4d4d">District (12): an area, its events</text>')
    if with_contact:
        lx = cx + 230
        out.append(f'<path d="M{lx},{y - 4}h28" stroke="{CONTACT_COLOUR}" stroke-width="1.6" stroke-dasharray="6 3"/>')
        out.append(f'<text x="{lx + 34}" y="{y}">line of contact 1994-2020</text>')
    return out + ["</g>"]


def label_boxes(document: str) -> list[tuple[float, float, float, float]]:
    """The boxes of the map's labels as kscli.render.labels estimates them (for checking a map)."""
    import re

    found = []
    for group, size in (("labels", LABEL_SIZE), ("areas", AREA_LABEL_SIZE), ("countries", COUNTRY_SIZE)):
        block = re.search(rf'<g id="{group}"[^>]*>(.*?)</g>', document, re.S)
        for x, y, text in re.findall(r'<text x="([\d.]+)" y="([\d.]+)">([^<]*)</text>', block[1] if block else ""):
            found.append(box(float(x), float(y), size, text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")))
    return found


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
