"""A query's execution over an index: the events matching every filter, in time order.

Every filter gives ascending event positions; filters combine by intersection.
"""

from __future__ import annotations


from kscli.model import Event
from kscli.query.dates import date_positions
from kscli.query.keywords import highlight_words, keyword_events
from kscli.query.resolve import (actor_names, best_place, place_names, read_places, side_names, type_names,
                                 weapon_names, within_names)
from kscli.query.sets import intersect, union
from kscli.query.spec import DEFAULT_KM, Query, check
from kscli.store.index import Index


class Result:
    """What a query selected: event positions in output order, decoded only when read.

    `places` and `words` are what matched (canonical places, folded words), for highlighting;
    `notes` say why the answer is empty, or that a keyword occurs nowhere, where that is known.
    """

    __slots__ = ("index", "positions", "places", "words", "notes")

    def __init__(self, index: Index, positions: list[int], places: frozenset[str], words: frozenset[str] = frozenset(),
                 notes: tuple[str, ...] = ()):
        self.index = index
        self.positions = positions
        self.places = places
        self.words = words
        self.notes = notes

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

    def tsv(self) -> bytes:
        """What `--format tsv` prints after its header, as UTF-8 bytes (from a cache, cut from stored lines)."""
        return self.index.tsv(self.positions)

    def json(self) -> bytes:
        """What `--format json` prints: every field of the events as one indented array, as UTF-8 bytes."""
        items = self.index.json_items(self.positions)
        return b"[\n" + items[:-2] + b"\n]\n" if items else b"[]\n"

    def csv(self) -> bytes:
        """What `--format csv` prints after its header, as UTF-8 bytes."""
        return self.index.csv_rows(self.positions)

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
    found: dict[str, list[int]] = {}  # each filter's own events, for saying why an answer is empty
    words: frozenset[str] = frozenset()
    notes: list[str] = []
    for name, positions in _filters(index, query):
        found[name] = positions
        selected = positions if selected is None else intersect(selected, positions)
    if query.keywords:
        positions, words, missing = keyword_events(index, query.keywords)
        found["keyword"] = positions
        notes += missing
        selected = positions if selected is None else intersect(selected, positions)
    if selected is None:
        selected = list(range(len(index.events)))
    if _speaker_and_content(query):  # "--actor X --place Y": X must say it of Y, in one claim
        from kscli.query.claims import claim_positions

        said = {index.claim_event(k) for k in claim_positions(index, query, index.claims_of(selected))}
        selected = [n for n in selected if n in said]
    if not selected:
        from kscli.query.explain import why_empty

        notes += why_empty(index, query, found)
    if query.reverse:
        selected.reverse()
    if query.limit is not None:
        selected = selected[:query.limit]
    places = frozenset(place_names(index, query.places + query.within)) if query.places or query.within else frozenset()
    return Result(index, selected, places, words, tuple(dict.fromkeys(notes)))


def _speaker_and_content(query: Query) -> bool:
    return bool((query.actors or query.sides or query.denied_by)
                and (query.places or query.within or query.near or query.types or query.weapons))


def _filters(index: Index, query: Query):
    """(filter name, its events) for every filter the query sets but keywords."""
    if query.date_from or query.date_to or query.on:
        yield "date", date_positions(index, query)
    if query.places or query.within:
        names, unlisted = read_places(index, query.places)
        names |= within_names(index, query.within)
        yield "place", union([*(index.posting("place", n) for n in names),
                              *(index.posting("unlisted", n) for n in unlisted)])
    if query.actors:
        yield "actor", union(index.posting("claimant", a) for a in actor_names(index, query.actors))
    if query.denied_by:
        yield "denied_by", union(index.posting("denied_by", a) for a in actor_names(index, query.denied_by, denial=True))
    if query.types:
        yield "type", union(index.posting("event_type", t) for t in type_names(query.types))
    if query.weapons:
        yield "weapon", union(index.posting("weapon", w) for w in weapon_names(index, query.weapons))
    if query.sides:
        yield "side", union(index.posting("side", s) for s in side_names(index, query.sides))
    if query.disputed is not None:
        denied = set(union(index.values("denied_by").values()))
        yield "disputed", [n for n in range(len(index.events)) if (n in denied) == query.disputed]
    if query.confirmed is not None:
        from kscli.query.claims import claim_positions

        confirmed = {index.claim_event(k) for k in claim_positions(index, query._replace(confirmed=True))}
        yield "confirmed", [n for n in range(len(index.events)) if (n in confirmed) == query.confirmed]
    if query.near is not None:
        from kscli.names.geo import places_near

        place_names(index, (query.near,))  # a name that matches nothing fails as it does for --place
        centre = best_place(index, query.near)
        radius = DEFAULT_KM if query.km is None else query.km
        yield "near", union(index.posting("place", n) for n in places_near(index.lexicon.places, centre, radius))
