"""Counting events, or claims: by day, week, place, actor, type, side or victims, two of them crossed;
or summing the killed or injured the claims state instead of counting them."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from kscli.errors import UsageError
from kscli.model import Claim, Event

DIMENSIONS = ("day", "week", "place", "actor", "type", "side", "victims")
SUMS = ("killed", "injured")


def keys_of(record: Event | Claim, by: str) -> tuple[str, ...]:
    """The values an event or a claim counts under (one with two places counts once for each)."""
    if by not in DIMENSIONS:
        raise UsageError(f"unknown --by '{by}'; one of: {', '.join(DIMENSIONS)}")
    claim = isinstance(record, Claim)
    if by in ("day", "week"):
        if not record.date or (not claim and record.background):
            return ()
        day = date.fromisoformat(record.date)
        return (record.date,) if by == "day" else ((day - timedelta(days=day.weekday())).isoformat(),)
    if by == "place":
        return record.places
    if by == "actor":
        return ((record.claimant if claim else record.source) or "(none)",)
    if by == "type":
        return record.types if claim else (record.event_type,)
    if by == "side":
        return (record.side or "(none)",)
    return (victims_of(record),) if claim else ()


def victims_of(claim: Claim) -> str:
    """Whose dead and wounded a claim counts: "azerbaijani civilians", "armenian military", ..."""
    if claim.killed is None and claim.injured is None:
        return "(none)"
    kind = {True: "civilians", False: "military"}.get(claim.victims_civilian, "people")
    return f"{claim.victims_side or 'unknown'} {kind}"


def counts_claims(by: list[str], total: str | None) -> bool:
    """Whether a stats query is about claims: a sum of casualties, or the victims' side."""
    return total is not None or "victims" in by


def count(records: list, by: list[str], total: str | None = None) -> tuple[list[dict], list[str]]:
    """Rows of counts (or sums of `total`: killed, injured), and their column names: one dimension,
    or a cross-table of two."""
    for name in by:
        keys_of(Event("x", None, "", "", 0), name)  # validates the name before any counting
    if total is not None and total not in SUMS:
        raise UsageError(f"unknown --sum '{total}'; one of: {', '.join(SUMS)}")
    weight = (lambda r: getattr(r, total) or 0) if total else (lambda r: 1)
    if total:
        records = [r for r in records if getattr(r, total, None) is not None]  # a sum of what was stated
    if len(by) == 1:
        return _single(records, by[0], weight, total or "count")
    if len(by) == 2:
        return _cross(records, by[0], by[1], weight)
    raise UsageError("--by takes one or two dimensions")


def _single(records, by, weight, name):
    counts = Counter()
    for r in records:
        for key in keys_of(r, by):
            counts[key] += weight(r)
    rows = [{by: key, name: n} for key, n in _ordered(counts, by)]
    return rows, [by, name]


def _cross(records, rows_by, cols_by, weight):
    cells = Counter()
    for r in records:
        for row_key in keys_of(r, rows_by):
            for col_key in keys_of(r, cols_by):
                cells[(row_key, col_key)] += weight(r)
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
