"""Bars of events per day, with the filtered ones dark, for the terminal."""

from __future__ import annotations

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
