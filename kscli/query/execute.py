"""A query's execution over an index: the events matching every filter, in time order.

Every filter gives ascending event positions; filters combine by intersection.
"""

from __future__ import annotations

from datetime import date

from kscli.errors import UsageError
from kscli.model import Event
from kscli.query.keywords import has_phrase, highlight_words, keyword_candidates
from kscli.query.resolve import (best_place, actor_names, place_names, side_names, type_names,
                                 weapon_names, within_names)
from kscli.query.sets import intersect, union
from kscli.query.spec import DEFAULT_KM, Query, check
from kscli.store.index import Index

class Result:
    """What a query selected: event positions in output order, decoded only when read.

    `places` and `keywords` are what matched, for highlighting.
    """

    __slots__ = ("index", "positions", "places", "keywords")

    def __init__(self, index: Index, positions: list[int], places: frozenset[str], keywords: tuple[str, ...]):
        self.index = index
        self.positions = positions
        self.places = places
        self.keywords = keywords

    @property
    def events(self) -> list[Event]:
        """The events, decoded (a damaged cache line raises CacheDamaged before any is returned)."""
        return [self.index.events[n] for n in self.positions]

    def rows(self) -> list[dict]:
        """The events as output rows (field name to JSON value), without building Event objects."""
        return self.index.event_rows(self.positions)

    def table(self) -> tuple[list[list[str]], set[str]]:
        """The default table: the TABLE_FIELDS as printable cells, column by column, and the words to highlight."""
        from kscli.model import TABLE_FIELDS

        columns, mentions = self.index.table_cells(self.positions)
        return columns, highlight_words(mentions, columns[TABLE_FIELDS.index("text")], self, self.index.lexicon)

    def values(self) -> list[list[str]]:
        """The TABLE_FIELDS as text, column by column: what `--format csv` prints, before quoting."""
        return self.index.cell_values(self.positions)

    def tsv(self) -> bytes:
        """What `--format tsv` prints after its header, as UTF-8 bytes (from a cache, cut from stored lines)."""
        return self.index.tsv(self.positions)

    def jsonl(self) -> bytes:
        """What `--format jsonl` prints: json_lines(), one a line, as UTF-8 bytes (from a cache, copied as stored)."""
        return self.index.jsonl(self.positions)

    def json_lines(self) -> list[str]:
        """Each event as the JSON object `--format jsonl` prints, copied from the cache when it can be.

        Every line is checked before any is returned, so damage never cuts an answer short.
        """
        return self.index.event_jsons(self.positions)


def run(index: Index, query: Query) -> Result:
    """Events matching every filter, in time order (or reversed), at most `limit`."""
    query = check(query)
    selected: list[int] | None = None
    for positions in _filters(index, query):
        selected = positions if selected is None else intersect(selected, positions)
    if selected is None:
        selected = list(range(len(index.events)))
    if query.keywords:
        candidates = union(keyword_candidates(index, k) for k in query.keywords)
        selected = [n for n in intersect(selected, candidates)
                    if any(has_phrase(index.events[n].text, k) for k in query.keywords)]
    if query.reverse:
        selected.reverse()
    if query.limit is not None:
        selected = selected[:query.limit]
    return Result(index, selected, frozenset(place_names(index, query.places + query.within)), query.keywords)


def _filters(index: Index, query: Query):
    if query.date_from or query.date_to or query.on:
        yield date_positions(index, query)
    if query.places or query.within:
        names = place_names(index, query.places) | within_names(index, query.within)
        yield union(index.posting("place", n) for n in names)
    if query.actors:
        yield union(index.posting("source", a) for a in actor_names(index, query.actors))
    if query.denied_by:
        yield union(index.posting("denied_by", a) for a in actor_names(index, query.denied_by, denial=True))
    if query.types:
        yield union(index.posting("event_type", t) for t in type_names(query.types))
    if query.weapons:
        yield union(index.posting("weapon", w) for w in weapon_names(index, query.weapons))
    if query.sides:
        yield union(index.posting("side", s) for s in side_names(index, query.sides))
    if query.disputed is not None:
        denied = set(union(index.values("denied_by").values()))
        yield [n for n in range(len(index.events)) if (n in denied) == query.disputed]
    if query.near is not None:
        from kscli.names.geo import places_near

        place_names(index, (query.near,))  # a name that matches nothing fails as it does for --place
        centre = best_place(index, query.near)
        radius = DEFAULT_KM if query.km is None else query.km
        yield union(index.posting("place", n) for n in places_near(index.lexicon.places, centre, radius))


def date_positions(index: Index, query: Query) -> list[int]:
    """Dated events on one of the --on days (OR) and within --from/--to (AND: another filter).
    Background events are never in a range."""
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
