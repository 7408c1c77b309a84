"""Queries over claims: every filter of `ksw events`, held by each claim's own facts.

A claim's place, event type, weapon, claimant and side are its own (the stretch of the sentence
it stands in), so "--actor 'Azerbaijani MoD' --place Stepanakert" finds what the MoD said of
Stepanakert, not a sentence where another claimant said it. Dates and keywords are the sentence's.
"""

from __future__ import annotations

from kscli.query.resolve import actor_names, best_place, read_places, side_names, type_names, weapon_names, \
    within_names
from kscli.query.sets import intersect, union
from kscli.query.spec import DEFAULT_KM, Query, check


class ClaimResult:
    """What a claims query selected: claim positions in output order."""

    __slots__ = ("index", "positions", "notes")

    def __init__(self, index, positions: list[int], notes: tuple[str, ...] = ()):
        self.index = index
        self.positions = positions
        self.notes = notes

    @property
    def claims(self) -> list:
        return [self.index.claims[k] for k in self.positions]

    def rows(self) -> list[dict]:
        return self.index.claim_rows(self.positions)

    def jsonl(self) -> bytes:
        return self.index.claim_jsonl(self.positions)


def run_claims(index, query: Query) -> ClaimResult:
    """The claims matching every filter, in time order (or reversed), at most `limit`."""
    from kscli.query.dates import date_positions
    from kscli.query.keywords import keyword_events

    query = check(query)
    notes: list[str] = []
    events = None
    if query.date_from or query.date_to or query.on:
        events = date_positions(index, query)
    if query.keywords:
        found, _, missing = keyword_events(index, query.keywords)
        notes += missing
        events = found if events is None else intersect(events, found)
    candidates = index.claims_of(events) if events is not None else None
    selected = claim_positions(index, query, candidates)
    if query.reverse:
        selected.reverse()
    if query.limit is not None:
        selected = selected[:query.limit]
    return ClaimResult(index, selected, tuple(notes))


def claim_positions(index, query: Query, within: list[int] | None = None) -> list[int]:
    """The claims (among `within`, else all) that meet the query's claim filters."""
    selected = within
    for positions in _filters(index, query):
        selected = positions if selected is None else intersect(selected, positions)
    return list(range(len(index.claims))) if selected is None else selected


def _filters(index, query: Query):
    if query.places or query.within:
        names, unlisted = read_places(index, query.places)
        names |= within_names(index, query.within)
        # A name found only in the text is not in any claim's places: its events' claims stand for it.
        events = union(index.posting("unlisted", n) for n in unlisted)
        yield union([*(index.claim_posting("place", n) for n in names), index.claims_of(events)])
    if query.near is not None:
        from kscli.names.geo import places_near

        centre = best_place(index, query.near)
        radius = DEFAULT_KM if query.km is None else query.km
        yield union(index.claim_posting("place", n) for n in places_near(index.lexicon.places, centre, radius))
    if query.actors:
        yield union(index.claim_posting("claimant", a) for a in actor_names(index, query.actors))
    if query.sides:
        yield union(index.claim_posting("side", s) for s in side_names(index, query.sides))
    if query.types:
        yield union(index.claim_posting("type", t) for t in type_names(query.types))
    if query.weapons:
        yield union(index.claim_posting("weapon", w) for w in weapon_names(index, query.weapons))
    if query.denied_by:
        yield union(index.claim_posting("denied_by", a) for a in actor_names(index, query.denied_by, denial=True))
    if query.disputed is not None:
        yield _having(index, "denied_by", query.disputed)
    if query.confirmed is not None:
        yield _having(index, "confirmed_by", query.confirmed)


def _having(index, field: str, wanted: bool) -> list[int]:
    answered = set(union(index.claim_values(field).values()))
    return [k for k in range(len(index.claims)) if (k in answered) == wanted]
