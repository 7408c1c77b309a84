"""Counting events: by day, week, place, actor, type or side, and two of them crossed."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from kscli.errors import UsageError
from kscli.model import Event

DIMENSIONS = ("day", "week", "place", "actor", "type", "side")


def keys_of(event: Event, by: str) -> tuple[str, ...]:
    """The values an event counts under (an event with two places counts once for each)."""
    if by == "day":
        return (event.date,) if event.date and not event.background else ()
    if by == "week":
        if not event.date or event.background:
            return ()
        day = date.fromisoformat(event.date)
        return ((day - timedelta(days=day.weekday())).isoformat(),)  # the Monday that starts it
    if by == "place":
        return event.places
    if by == "actor":
        return (event.source or "(none)",)
    if by == "type":
        return (event.event_type,)
    if by == "side":
        return (event.side or "(none)",)
    raise UsageError(f"unknown --by '{by}'; one of: {', '.join(DIMENSIONS)}")


def count(events: list[Event], by: list[str]) -> tuple[list[dict], list[str]]:
    """Rows of counts, and their column names: one dimension, or a cross-table of two."""
    for name in by:
        keys_of(Event("x", None, "", "", 0), name)  # validates the name before any counting
    if len(by) == 1:
        return _single(events, by[0])
    if len(by) == 2:
        return _cross(events, by[0], by[1])
    raise UsageError("--by takes one or two dimensions")


def _single(events, by):
    counts = Counter(k for e in events for k in keys_of(e, by))
    rows = [{by: key, "count": n} for key, n in _ordered(counts, by)]
    return rows, [by, "count"]


def _cross(events, rows_by, cols_by):
    cells = Counter((r, c) for e in events for r in keys_of(e, rows_by) for c in keys_of(e, cols_by))
    row_totals = Counter()
    col_totals = Counter()
    for (r, c), n in cells.items():
        row_totals[r] += n
        col_totals[c] += n
    columns = [c for c, _ in _ordered(col_totals, cols_by)]
    rows = []
    for r, total in _ordered(row_totals, rows_by):
        row = {rows_by: r}
        row.update({c: cells.get((r, c), 0) for c in columns})
        row["total"] = total
        rows.append(row)
    return rows, [rows_by, *columns, "total"]


def _ordered(counts: Counter, by: str):
    """Time dimensions in time order; the others most frequent first, then by name."""
    if by in ("day", "week"):
        return sorted(counts.items())
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


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
