"""A query as a value: every filter of `ksw events`, as typed, checked before any work.

The same filter repeated means OR; different filters mean AND.
"""

from __future__ import annotations

from kscli.record import Record

from kscli.errors import UsageError

MAX_ARGUMENT = 200
DEFAULT_KM = 10.0


class Query(Record):
    """Every filter of `ksw events`, as typed; checked by `check()` before any work."""

    date_from: str | None = None  # as the user typed them; resolved against the corpus's year
    date_to: str | None = None
    on: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    within: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
    denied_by: tuple[str, ...] = ()
    disputed: bool | None = None  # a claim someone denied (for events: any of their claims)
    confirmed: bool | None = None  # a claim someone confirmed (`ksw claims --confirmed`)
    sides: tuple[str, ...] = ()
    near: str | None = None
    km: float | None = None  # the radius of --near; None: DEFAULT_KM
    limit: int | None = None
    reverse: bool = False


_OPTION_OF = {"on": "on", "places": "place", "within": "within", "actors": "actor", "keywords": "keyword",
              "types": "type", "weapons": "weapon", "denied_by": "denied-by", "sides": "side", "date_from": "from",
              "date_to": "to"}


def check(query: Query) -> Query:
    """The query itself, or a UsageError naming the first bad value."""
    for name, option in _OPTION_OF.items():
        values = getattr(query, name)
        for value in (values,) if isinstance(values, str) else values or ():
            if not value.strip():
                raise UsageError(f"empty value for --{option}")
            if len(value) > MAX_ARGUMENT:
                raise UsageError(f"--{option} value is {len(value)} characters long; at most {MAX_ARGUMENT}")
    if query.keywords:
        from kscli.query.keywords import searchable
    for keyword in query.keywords:
        if not searchable(keyword):  # '*', '-', '""', or a script ksw does not fold: it would match nothing
            raise UsageError(f"keyword '{keyword}' has no Latin letter or digit to search for "
                             "(keywords are words, not patterns)")
    if query.limit is not None and query.limit < 0:
        raise UsageError(f"--limit must be 0 or more, not {query.limit}")
    if query.near is not None and not query.near.strip():
        raise UsageError("empty value for --near")
    if query.km is not None and query.near is None:
        raise UsageError("--km is the radius of --near: give --near PLACE too")
    return query
