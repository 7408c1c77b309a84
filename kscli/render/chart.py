"""Events per day across the whole period, with a filtered subset alongside."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from kscli.model import Event


def per_day(all_events, selected: list[Event]) -> list[dict]:
    """One row per calendar day from the first dated day to the last, gaps included."""
    everything = Counter(e.date for e in all_events if e.date and not e.background)
    chosen = Counter(e.date for e in selected if e.date and not e.background)
    headings = {e.date: e.heading for e in all_events if e.heading and not e.background}
    if not everything:
        return []
    first, last = date.fromisoformat(min(everything)), date.fromisoformat(max(everything))
    rows = []
    for n in range((last - first).days + 1):
        day = (first + timedelta(days=n)).isoformat()
        rows.append({"date": day, "all": everything.get(day, 0), "selected": chosen.get(day, 0),
                     "heading": headings.get(day)})
    return rows


def bars(rows: list[dict], width: int) -> list[str]:
    """Text lines: date, the day's events as a bar (the selected part dark), counts, heading.

    >>> bars([{"date": "2020-10-10", "all": 4, "selected": 2, "heading": "ceasefire"}], 4)
    ['2020-10-10 ██░░   2/4   ◆ ceasefire']
    """
    top = max((r["all"] for r in rows), default=0) or 1
    lines = []
    for r in rows:
        full = round(r["all"] * width / top)
        dark = round(r["selected"] * width / top) if r["selected"] else 0
        bar = "█" * dark + "░" * (full - dark)
        mark = f"◆ {r['heading']}" if r["heading"] else ""
        lines.append(f"{r['date']} {bar:<{width}} {r['selected']:>3}/{r['all']:<3} {mark}".rstrip())
    return lines
