"""Build once, then read: events in time order, with postings for every filter.

``load_index()`` returns an immutable `Index` for a corpus (the bundled one by
default). The first run parses and extracts, then saves the index in the
user's cache; later runs with the same input bytes open the cache and decode
only the events a query returns. Lookups give ascending event positions, so
filters combine by intersection and answers come out in time order.
"""

from __future__ import annotations

import json
import os
from array import array
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kscli import __version__, cache
from kscli.errors import AmbiguousYear, CorpusError
from kscli.lexicon import Lexicon, data_files
from kscli.model import Event, ParseWarning
from kscli.sources import bundled_corpus, read_bytes, timeline_files

if TYPE_CHECKING:
    from kscli.stored import Lines

CORPUS_ENV = "KSW_CORPUS"
POSTING_FIELDS = ("place", "source", "denied_by", "event_type", "weapon", "side", "word")


class Index:
    """Events and their postings; nothing changes after construction."""

    def __init__(self, events: Sequence[Event], warnings, lexicon: Lexicon, year: int | None,
                 files: tuple[str, ...], dated_days, dated_pos, postings: Mapping[str, Mapping[str, Sequence[int]]],
                 cells: Lines | None = None):
        self.events = events
        self._cells = cells  # from a cache: kscli.cells lines
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

    def event_jsons(self, positions) -> list[str]:
        """The events at `positions` as the JSON objects `--format jsonl` prints: from a cache, copied
        as stored, after every line passed its check (CacheDamaged before anything is returned)."""
        texts = getattr(self.events, "texts", None)
        if texts:
            return texts(positions)
        from kscli.stored import event_json

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
        from kscli import cells

        return cells.table(self._cell_lines(positions))

    def cell_values(self, positions) -> list[list[str]]:
        """The events' TABLE_FIELDS as text (lists joined by '; ', nothing escaped), column by column."""
        from kscli import cells

        return cells.values(self._cell_lines(positions))

    def tsv(self, positions) -> bytes:
        """The rows of `--format tsv` (TABLE_FIELDS, no header), as UTF-8 bytes."""
        from kscli import cells

        return cells.tsv_body(self._cell_lines(positions))

    def _cell_lines(self, positions) -> bytes:
        if self._cells is None:
            from kscli import cells

            return "".join(cells.line(self.events[n]) + "\n" for n in positions).encode("utf-8")
        return self._cells.joined(positions)

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


def resolve_corpus(path: str | os.PathLike | None) -> Path:
    """The corpus path to read: the argument, else $KSW_CORPUS, else the bundled one."""
    if path is None or str(path) == "":
        env = os.environ.get(CORPUS_ENV)
        return Path(env).expanduser() if env else bundled_corpus()
    return Path(path).expanduser()


def load_index(path=None, year: int | None = None, extra_places: tuple[Path, ...] = (),
               use_cache: bool = True, on_build: Callable[[int, int, bool], None] | None = None,
               bundled_data: bool = True) -> Index:
    """The index of the corpus at `path`, from the cache when its input is unchanged.

    `bundled_data=False` reads only the corpus's own data files (another war's places, actors and
    weapons), not the bundled war's.

    on_build(timeline bytes, timeline files, cached), if given, is called when the index has to
    be built, before the building starts; `cached` says whether the result will be kept (the cache
    is on and its folder writable).
    """
    from kscli.stored import from_snapshot, save

    if os.environ.get("KSW_WORKERS"):  # kscli.workers.WORKERS_ENV, whose import a warm run is spared otherwise
        from kscli import workers

        workers.asked()  # a bad value is an error with a warm cache too
    corpus = resolve_corpus(path)
    files = timeline_files(corpus)
    data = data_files(corpus, tuple(extra_places), bundled_data)
    paths = _paths(files, data)
    root = cache.cache_root() if use_cache else None
    where = str(corpus.resolve()) + f"\0{year}" + ("" if bundled_data else "\0own data")
    location = cache.path_for(root, where) if root else None
    inputs, key = None, None
    if location is not None:
        snapshot = cache.read(location, __version__)
        if snapshot is not None:
            fresh = cache.unchanged(location, paths, snapshot.header.get("key"))
            if not fresh:
                inputs = _read_inputs(files, data)
                key = _key(inputs, year)
                fresh = snapshot.header.get("key") == key
                if fresh:
                    cache.remember(location, paths, snapshot.header["key"])
            if fresh:
                try:
                    return from_snapshot(snapshot, location)
                except (KeyError, ValueError, TypeError, IndexError, CorpusError):
                    pass  # whole but unusable (a layout this version does not know): rebuild over it
    inputs = inputs or _read_inputs(files, data)
    if location is not None:
        key = key or _key(inputs, year)
    if on_build is not None:
        kept = location is not None and cache.writable(location)
        on_build(sum(len(data) for _, _, data in inputs[:len(files)]), len(files), kept)
    index = build_from_inputs(files, inputs, data, year)  # empties inputs
    if location is not None and save(index, location, key):
        cache.remember(location, paths, key)
    return index


def input_paths(path=None, extra_places: tuple[Path, ...] = (), bundled_data: bool = True) -> list[Path]:
    """Every file the index of the corpus at `path` is made from: its timelines and data files."""
    corpus = resolve_corpus(path)
    return _paths(timeline_files(corpus), data_files(corpus, tuple(extra_places), bundled_data))


def reads(target: Path, path=None, extra_places: tuple[Path, ...] = (), bundled_data: bool = True) -> bool:
    """Whether `target` is one of the files the index of the corpus at `path` is made from (by
    another name too: a relative path, a link, a hard link)."""
    if not target.exists():
        return False
    return any(p.exists() and os.path.samefile(target, p) for p in input_paths(path, extra_places, bundled_data))


def _paths(files: list[Path], data: dict[str, list[Path]]) -> list[Path]:
    return files + [p for group in data.values() for p in group]


def _key(inputs, year) -> str:
    return cache.digest([(f"year={year}", b"")] + [(label, data) for label, _, data in inputs])


def _read_inputs(files: list[Path], data: dict[str, list[Path]]) -> list[tuple[str, Path, bytes]]:
    """(label, path, bytes) of every input. Labels name files by role, not by where ksw is
    installed, so two installs of one version agree on a cache's key."""
    bundled = bundled_corpus().resolve()
    timelines = set(files)

    def label(path: Path) -> str:
        if path in timelines:
            return path.name
        return f"bundled/{path.name}" if path.resolve().parent == bundled else f"data/{path.name}"

    return [(label(path), path, read_bytes(path)) for path in _paths(files, data)]


def build_from_inputs(files, inputs: list, lexicon_files: dict[str, list[Path]], year: int | None) -> Index:
    """The index of the corpus's timeline files and data files (`lexicon_files`, by kind), built from their bytes.

    `inputs` (_read_inputs()) is emptied: each file's bytes are let go once decoded, so that a
    big corpus's raw text is not held all through the build, nor copied into every worker.
    """
    import gc

    # A build makes millions of objects and almost no garbage (a few hundred unreachable at x100):
    # the cyclic collector's passes over them cost about 5% of a big build, in every worker too.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build_from_inputs(files, inputs, lexicon_files, year)
    finally:
        if was_enabled:
            gc.enable()


def _build_from_inputs(files, inputs, lexicon_files: dict[str, list[Path]], year: int | None) -> Index:
    from kscli.corpus import decode, is_binary, parse_text  # the parser: only when there is no usable cache
    from kscli.extract import annotate, event_ids
    from kscli.lexicon import lexicon_of

    lexicon = lexicon_of(lexicon_files)
    sentences, warnings = [], []
    known_year = year
    by_path = {path: (label, data) for label, path, data in inputs}
    binary = [by_path[f][0] for f in files if is_binary(by_path[f][1])]
    if binary and len(binary) == len(files):
        raise CorpusError(f"{binary[0]}: binary file, not a timeline")
    labels = tuple(label for label, _, _ in inputs[:len(files)])
    inputs.clear()  # by_path holds each file's bytes now, until the file is decoded
    for file in files:
        label, data = by_path.pop(file)
        if label in binary:
            warnings.append(ParseWarning(label, 1, "binary file, not a timeline: skipped", True))
            continue
        text, decode_warnings = decode(data, label)
        found, parse_warnings = parse_text(text, label, year, fallback_year=known_year)
        known_year = known_year or next((int(s.date[:4]) for s in found if s.date and not s.background), None)
        sentences += found
        warnings += decode_warnings + parse_warnings
    # Where each event will stand and which words it has follow from its sentence alone: this
    # process files the words while the workers annotate, instead of idling and filing them after.
    ids = event_ids(sentences)
    keys = [_time_key(s.background, s.date, event_id) for s, event_id in zip(sentences, ids)]
    order = array("I", sorted(range(len(keys)), key=keys.__getitem__))
    del keys  # before the workers fork: each would carry a copy
    words: list[dict[str, array]] = []

    def file_words() -> None:
        words.append(word_postings([sentences[k].text for k in order]))

    events, extract_warnings = annotate(sentences, lexicon, meanwhile=file_words, ids=ids)
    del ids  # workers' events come back with ids of their own: these would be 20 MB more at x1000's peak
    return build(events, warnings + extract_warnings, lexicon, year, labels, order, words[0])


def build(events: list[Event], warnings: list[ParseWarning], lexicon: Lexicon, year: int | None,
          files: tuple[str, ...], order: Sequence[int] | None = None, words: dict[str, array] | None = None) -> Index:
    """An index over events: time order, date arrays for bisection, postings per field.

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
    for n, e in enumerate(ordered):
        for field, values in (("place", e.places), ("denied_by", e.denied_by), ("weapon", e.weapons),
                              ("source", (e.source,) if e.source else ()), ("side", (e.side,) if e.side else ()),
                              ("event_type", (e.event_type,))):
            bucket = postings[field]
            for value in values:
                bucket.setdefault(value, array("I")).append(n)
    first_year = date.fromordinal(dated[0][0]).year if dated else year
    return Index(tuple(ordered), warnings, lexicon, first_year, files,
                 array("i", (d for d, _ in dated)), array("I", (n for _, n in dated)), postings)


def word_postings(texts: list[str]) -> dict[str, array]:
    """For each keyword-index word (kscli.query.event_words), the positions of the texts that have it."""
    from kscli.query import event_words

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
