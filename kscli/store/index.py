"""The index: events in time order, with postings for every filter; nothing changes once built.

Lookups give ascending event positions, so filters combine by intersection and
answers come out in time order. kscli.store.build makes one from a corpus;
kscli.store.persist saves it in a cache file and reads it back.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Mapping, Sequence
from datetime import date

from kscli.errors import AmbiguousYear
from kscli.extract.lexicon import Lexicon
from kscli.model import Claim, Event, ParseWarning

# "unlisted": place names the gazetteer lacks, found in the text (kscli.extract.unlisted).
POSTING_FIELDS = ("place", "source", "claimant", "denied_by", "event_type", "weapon", "side", "word", "unlisted")
# A claim's own facts, for `ksw claims` and for filters that must hold of one claim.
CLAIM_POSTING_FIELDS = ("claimant", "side", "denied_by", "confirmed_by", "contradicted_by", "place", "type", "weapon")


class Index:
    """Events and their postings; nothing changes after construction."""

    def __init__(self, events: Sequence[Event], warnings, lexicon: Lexicon, year: int | None,
                 files: tuple[str, ...], dated_days, dated_pos, postings: Mapping[str, Mapping[str, Sequence[int]]],
                 lines: Mapping[str, Sequence] | None = None, claims: Sequence[Claim] = (), claim_starts: Sequence[int] = (0,),
                 claim_postings: Mapping[str, Mapping[str, Sequence[int]]] | None = None):
        self.events = events
        self.claims = claims  # in the events' order, each event's in the order it makes them
        self._claim_starts = claim_starts  # claims of event n: positions claim_starts[n] to claim_starts[n + 1]
        self._claim_postings = claim_postings or {}
        # From a cache: each event's ready-made lines of kscli.store.cells (kscli.store.persist.Lines), by
        # kind: "cells" (default columns), "json" (the item of --format json), "csv" (a --format csv row).
        self._lines = lines or {}
        self.warnings = tuple(warnings)
        self.lexicon = lexicon
        self.year = year
        self.files = files
        self._dated_days = dated_days  # date ordinals of dated events, ascending
        self._dated_pos = dated_pos  # the position in `events` of each
        self._postings = postings

    def between(self, start: date, end: date) -> list[int]:
        """Positions of dated events with start <= date <= end."""
        import bisect

        lo = bisect.bisect_left(self._dated_days, start.toordinal())
        hi = bisect.bisect_right(self._dated_days, end.toordinal())
        return sorted(self._dated_pos[lo:hi])

    def posting(self, field: str, value: str) -> Sequence[int]:
        return self._postings.get(field, {}).get(value, ())

    def values(self, field: str) -> Mapping[str, Sequence[int]]:
        return self._postings.get(field, {})

    def claims_of(self, positions) -> list[int]:
        """The positions of the claims of the events at `positions` (ascending, as they are)."""
        starts = self._claim_starts
        if len(starts) < 2:
            return []
        return [k for n in positions for k in range(starts[n], starts[n + 1])]

    def claim_event(self, k: int) -> int:
        """The position of the event claim `k` belongs to."""
        import bisect

        return bisect.bisect_right(self._claim_starts, k) - 1

    def claim_posting(self, field: str, value: str) -> Sequence[int]:
        return self._claim_postings.get(field, {}).get(value, ())

    def claim_values(self, field: str) -> Mapping[str, Sequence[int]]:
        return self._claim_postings.get(field, {})

    def claim_jsonl(self, positions) -> bytes:
        """The claims at `positions` as the lines of `ksw claims --format jsonl`."""
        lines = getattr(self.claims, "joined", None)
        if lines:
            return lines(positions)
        return "".join(claim_json(self.claims[k]) + "\n" for k in positions).encode()

    def claim_rows(self, positions) -> list[dict]:
        """The claims at `positions` as output rows (Claim.as_dict())."""
        if not hasattr(self.claims, "texts"):
            return [self.claims[k].as_dict() for k in positions]
        return json.loads("[" + ",".join(self.claims.texts(positions)) + "]")

    def event_jsons(self, positions) -> list[str]:
        """The events at `positions` as the JSON objects `--format jsonl` prints: from a cache, copied
        as stored, after every line passed its check (CacheDamaged before anything is returned)."""
        texts = getattr(self.events, "texts", None)
        if texts:
            return texts(positions)
        return [event_json(self.events[n]) for n in positions]

    def jsonl(self, positions) -> bytes:
        """event_jsons() as the bytes of `--format jsonl`, one object a line: from a cache, its lines as they are."""
        lines = getattr(self.events, "joined", None)
        if lines:
            return lines(positions)
        return "".join(text + "\n" for text in self.event_jsons(positions)).encode()

    def event_rows(self, positions) -> list[dict]:
        """The events at `positions` as output rows (Event.as_dict()); from a cache, straight from its JSON."""
        if not hasattr(self.events, "texts"):
            return [self.events[n].as_dict() for n in positions]
        return json.loads("[" + ",".join(self.event_jsons(positions)) + "]")  # one call: a fifth quicker than one a line

    def table_cells(self, positions) -> tuple[list[list[str]], list[str]]:
        """The events' TABLE_FIELDS as printable cells, column by column, and all their place mentions."""
        from kscli.store import cells

        return cells.table(self._cell_lines(positions))

    def texts(self, positions) -> list[str]:
        """The events' texts, from a cache's ready-made cells rather than its JSON (no decoding of
        every other field)."""
        if "cells" not in self._lines:
            return [self.events[n].text for n in positions]
        from kscli.model import TABLE_FIELDS
        from kscli.store import cells

        return cells.values(self._cell_lines(positions))[TABLE_FIELDS.index("text")]

    def tsv(self, positions) -> bytes:
        """The rows of `--format tsv` (TABLE_FIELDS, no header), as UTF-8 bytes."""
        from kscli.store import cells

        return cells.tsv_body(self._cell_lines(positions))

    def json_items(self, positions) -> bytes:
        """The events' items of `--format json`, each followed by ",\\n", as UTF-8 bytes."""
        return self._ready_lines("json", positions)

    def csv_rows(self, positions) -> bytes:
        """The rows of `--format csv` (TABLE_FIELDS, no header), as UTF-8 bytes."""
        return self._ready_lines("csv", positions)

    def _cell_lines(self, positions) -> bytes:
        return self._ready_lines("cells", positions)

    def _ready_lines(self, kind: str, positions) -> bytes:
        if kind in self._lines:
            return self._lines[kind].joined(positions)
        from kscli.store import cells

        make = cells.LINES[kind]
        return "".join(make(self.events[n]) + "\n" for n in positions).encode("utf-8")

    def date_span(self, positions) -> tuple[str, str] | None:
        """The first and last ISO date of the dated events at `positions`, or None."""
        chosen = set(positions)
        days = [day for day, n in zip(self._dated_days, self._dated_pos) if n in chosen]
        return (date.fromordinal(days[0]).isoformat(), date.fromordinal(days[-1]).isoformat()) if days else None

    def days(self) -> list[str]:
        """ISO dates that have events, ascending."""
        return sorted({date.fromordinal(d).isoformat() for d in set(self._dated_days)})

    def year_for_month(self, month: int) -> int | None:
        """The year the corpus's days in `month` fall in, else its first year; AmbiguousYear if
        they fall in several (a folder of two wars' timelines, both with an August)."""
        years = sorted({year for year, number in self._months() if number == month})
        if len(years) > 1:
            raise AmbiguousYear(years)
        if years:
            return years[0]
        return date.fromordinal(self._dated_days[0]).year if len(self._dated_days) else self.year

    def _months(self) -> list[tuple[int, int]]:
        """(year, month) of every month that has dated events, by a jump per month, not a look at every day."""
        import bisect
        import calendar

        days, out, n = self._dated_days, [], 0
        while n < len(days):
            day = date.fromordinal(days[n])
            out.append((day.year, day.month))
            after = days[n] - day.day + 1 + calendar.monthrange(day.year, day.month)[1]  # no date(10000, 1, 1)
            n = bisect.bisect_left(days, after, n)
        return out


def build(events: list[Event], warnings: list[ParseWarning], lexicon: Lexicon, year: int | None,
          files: tuple[str, ...], order: Sequence[int] | None = None, words: dict[str, array] | None = None,
          claims: Sequence[Claim] = ()) -> Index:
    """An index over events and their claims: time order, date arrays for bisection, postings per field.

    `order` (the events' positions in time order) and `words` (word_postings() of their texts in
    that order) are made here unless the caller has made them already.
    """
    if order is None:
        keys = [_time_key(e.background, e.date, e.id) for e in events]
        order = sorted(range(len(keys)), key=keys.__getitem__)
    ordered = [events[k] for k in order]
    dated = sorted((date.fromisoformat(e.date).toordinal(), n) for n, e in enumerate(ordered)
                   if e.date and not e.background)
    postings: dict[str, dict[str, array]] = {f: {} for f in POSTING_FIELDS}
    postings["word"] = word_postings([e.text for e in ordered]) if words is None else words
    from kscli.extract.unlisted import unlisted_names

    postings["unlisted"] = unlisted_names([e.text for e in ordered], lexicon, [e.place_mentions for e in ordered])
    by_event: dict[str, list[Claim]] = {}
    for claim in claims:
        by_event.setdefault(claim.event, []).append(claim)
    ordered_claims: list[Claim] = []
    starts = array("I", [0])
    for n, e in enumerate(ordered):
        mine = by_event.get(e.id, ())
        ordered_claims.extend(mine)
        starts.append(len(ordered_claims))
        for field, values in (("place", e.places), ("denied_by", e.denied_by), ("weapon", e.weapons),
                              ("source", (e.source,) if e.source else ()), ("event_type", (e.event_type,)),
                              ("claimant", {c.claimant for c in mine}), ("side", {c.side for c in mine if c.side})):
            bucket = postings[field]
            for value in values:
                bucket.setdefault(value, array("I")).append(n)
    first_year = date.fromordinal(dated[0][0]).year if dated else year
    return Index(tuple(ordered), warnings, lexicon, first_year, files,
                 array("i", (d for d, _ in dated)), array("I", (n for _, n in dated)), postings,
                 claims=tuple(ordered_claims), claim_starts=starts, claim_postings=claim_postings(ordered_claims))


def claim_postings(claims: Sequence[Claim]) -> dict[str, dict[str, array]]:
    """For each claim field, the positions of the claims with each value."""
    postings: dict[str, dict[str, array]] = {f: {} for f in CLAIM_POSTING_FIELDS}
    for k, c in enumerate(claims):
        for field, values in (("claimant", (c.claimant,)), ("side", (c.side,) if c.side else ()), ("place", c.places),
                              ("type", c.types), ("weapon", c.weapons), ("denied_by", _answerers(c.denied_by)),
                              ("confirmed_by", _answerers(c.confirmed_by)),
                              ("contradicted_by", _answerers(c.contradicted_by))):
            bucket = postings[field]
            for value in dict.fromkeys(values):
                bucket.setdefault(value, array("I")).append(k)
    return postings


def _answerers(links) -> list[str]:
    return [link.actor or link.party or "unnamed" for link in links]


def word_postings(texts: list[str]) -> dict[str, array]:
    """For each keyword-index word (kscli.extract.words.event_words), the positions of the texts that have it."""
    from kscli.extract.words import event_words

    postings: dict[str, array] = {}
    for n, text in enumerate(texts):
        for word in event_words(text):
            bucket = postings.get(word)
            if bucket is None:
                bucket = postings[word] = array("I")
            bucket.append(n)
    return postings


def _time_key(background: bool, day: str | None, event_id: str) -> tuple:
    """Where an event stands in the index: background first, then by date, then as written."""
    return not background, day or "", int(event_id.rsplit(".", 1)[1])


def event_json(event: Event) -> str:
    """The event as one JSON object, exactly as `--format jsonl` prints it."""
    return _to_json(event.as_dict())


def claim_json(claim: Claim) -> str:
    """The claim as one JSON object, exactly as `ksw claims --format jsonl` prints it."""
    return _to_json(claim.as_dict())


# json.dumps() with options builds an encoder on every call: a quarter of the cost of a small object.
_to_json = json.JSONEncoder(ensure_ascii=False).encode
