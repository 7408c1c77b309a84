"""Build once, then read: events in time order with postings for each filter.

``load_index()`` parses a corpus (bundled by default) and returns an immutable
`Index`. Lookups return sorted event positions, so filters combine by set
intersection and the answer comes out in time order.
"""

from __future__ import annotations

import bisect
import os
from dataclasses import dataclass, field
from pathlib import Path

from kscli.corpus import bundled_corpus, parse_text, read_text, timeline_files
from kscli.extract import annotate
from kscli.lexicon import Lexicon, load_lexicon
from kscli.model import Event, ParseWarning

CORPUS_ENV = "KSW_CORPUS"


@dataclass(frozen=True)
class Index:
    events: tuple[Event, ...]
    warnings: tuple[ParseWarning, ...]
    lexicon: Lexicon
    year: int | None
    files: tuple[str, ...]
    dated: tuple[str, ...] = field(default=())  # ISO date of each dated event, ascending
    dated_pos: tuple[int, ...] = field(default=())  # its position in `events`
    postings: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)

    def between(self, start: str, end: str) -> list[int]:
        """Positions of dated events with start <= date <= end (ISO strings)."""
        lo = bisect.bisect_left(self.dated, start)
        hi = bisect.bisect_right(self.dated, end)
        return sorted(self.dated_pos[lo:hi])

    def posting(self, field_name: str, value: str) -> tuple[int, ...]:
        return self.postings.get(field_name, {}).get(value, ())

    def values(self, field_name: str) -> dict[str, tuple[int, ...]]:
        return self.postings.get(field_name, {})

    def by_id(self) -> dict[str, int]:
        return {e.id: n for n, e in enumerate(self.events)}

    def year_for_month(self, month: int) -> int | None:
        """The year the corpus's days in `month` fall in (the first such), else its first year."""
        for date in self.dated:
            if int(date[5:7]) == month:
                return int(date[:4])
        return int(self.dated[0][:4]) if self.dated else self.year


def resolve_corpus(path: str | os.PathLike | None) -> Path:
    """The corpus path to read: the argument, else $KSW_CORPUS, else the bundled one."""
    if path is None or str(path) == "":
        env = os.environ.get(CORPUS_ENV)
        if env:
            return Path(env).expanduser()
        return bundled_corpus()
    return Path(path).expanduser()


def load_index(path=None, year: int | None = None, extra_places: tuple[Path, ...] = ()) -> Index:
    """Parse every timeline file of the corpus and index the events."""
    corpus = resolve_corpus(path)
    files = timeline_files(corpus)
    lexicon = load_lexicon(corpus, tuple(extra_places))
    sentences, warnings = [], []
    known_year = year
    for file in files:
        label = _label(file, corpus)
        text, decode_warnings = read_text(file, label)
        found, parse_warnings = parse_text(text, label, year, fallback_year=known_year)
        known_year = known_year or next((int(s.date[:4]) for s in found if s.date and not s.background), None)
        sentences += found
        warnings += decode_warnings + parse_warnings
    events, extract_warnings = annotate(sentences, lexicon)
    return build(events, warnings + extract_warnings, lexicon, year, tuple(_label(f, corpus) for f in files))


def _label(file: Path, corpus: Path) -> str:
    """The name events cite: the file's name, relative to a corpus folder."""
    return file.name


def build(events: list[Event], warnings: list[ParseWarning], lexicon: Lexicon, year: int | None,
          files: tuple[str, ...]) -> Index:
    ordered = sorted(events, key=lambda e: (not e.background, e.date or "", _position(e.id)))
    dated = sorted((e.date, n) for n, e in enumerate(ordered) if e.date and not e.background)
    postings: dict[str, dict[str, list[int]]] = {
        "place": {}, "source": {}, "denied_by": {}, "event_type": {}, "weapon": {}, "side": {}}
    for n, e in enumerate(ordered):
        for place in e.places:
            postings["place"].setdefault(place, []).append(n)
        for denier in e.denied_by:
            postings["denied_by"].setdefault(denier, []).append(n)
        for weapon in e.weapons:
            postings["weapon"].setdefault(weapon, []).append(n)
        if e.source:
            postings["source"].setdefault(e.source, []).append(n)
        if e.side:
            postings["side"].setdefault(e.side, []).append(n)
        postings["event_type"].setdefault(e.event_type, []).append(n)
    first_year = int(dated[0][0][:4]) if dated else year
    return Index(tuple(ordered), tuple(warnings), lexicon, first_year, files,
                 tuple(d for d, _ in dated), tuple(n for _, n in dated),
                 {k: {v: tuple(p) for v, p in d.items()} for k, d in postings.items()})


def _position(event_id: str) -> int:
    return int(event_id.rsplit(".", 1)[1])
