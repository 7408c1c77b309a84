"""The events of the days a query names: --on days (OR), within --from and --to (AND)."""

from __future__ import annotations

from datetime import date

from kscli.errors import UsageError
from kscli.query.sets import intersect, union
from kscli.query.spec import Query


def date_positions(index, query: Query) -> list[int]:
    """Dated events of `index` (a kscli.store.index.Index) on one of the --on days (OR) and within
    --from/--to (AND: another filter). Background events are never in a range."""
    from kscli.text.dates import parse_user_date  # regexes compiled only when dates are asked for

    days = [parse_user_date(d, index.year_for_month) for d in query.on]
    found = union(index.between(a, b) for a, b in days) if days else None
    if query.date_from or query.date_to:
        start = parse_user_date(query.date_from, index.year_for_month)[0] if query.date_from else date.min
        end = parse_user_date(query.date_to, index.year_for_month)[1] if query.date_to else date.max
        if start > end:
            raise UsageError(f"--from {query.date_from} is after --to {query.date_to}")
        span = index.between(start, end)
        found = span if found is None else intersect(found, span)
    return found or []
