"""Sentences in, events out: every field ksw knows, filled from the text and the data files.

Whole days at a time (annotate_days), so that "the Ministry" and "an hour later" resolve
within their day; kscli.store.build spreads the days of a big corpus over worker processes.
"""

from __future__ import annotations

from kscli.extract.claims import Speakers, claim
from kscli.extract.clock import when
from kscli.text.timeline import Sentence
from kscli.extract.casualties import casualties
from kscli.extract.event_types import event_type
from kscli.extract.lexicon import Lexicon
from kscli.extract.places import find_places_in
from kscli.model import Event, ParseWarning
from kscli.extract.phrases import tokens


# A "sentence" longer than this is not a sentence a timeline writes (a pasted blob, a
# line without stops): it is kept, verbatim and searchable, but not analysed.
MAX_ANALYSED = 5000


def event_ids(sentences: list[Sentence]) -> list[str]:
    """Each sentence's event id: its date (or "bg" for background) and its position within that date, corpus-wide."""
    counters: dict[str, int] = {}
    out = []
    for s in sentences:
        counter = s.date if not s.background else "bg"
        counters[counter] = counters.get(counter, 0) + 1
        out.append(f"{counter}.{counters[counter]:02d}")
    return out


def _day(s: Sentence) -> tuple:
    return s.file, s.date, s.background


def day_ranges(sentences: list[Sentence], size: int) -> list[tuple[int, int]]:
    """Runs of whole days, each of at least `size` sentences but the last."""
    ranges, start = [], 0
    for n in range(1, len(sentences)):
        if n - start >= size and _day(sentences[n]) != _day(sentences[n - 1]):
            ranges.append((start, n))
            start = n
    if sentences:
        ranges.append((start, len(sentences)))
    return ranges


def annotate_days(numbered: list[tuple[str, Sentence]], lexicon: Lexicon) -> tuple[list[Event], list[ParseWarning]]:
    """Events of whole days, in order: who "the Ministry" is and relative times carry over within a day.

    Each kind of fact is found for every sentence before the next kind is: one extractor's code
    and tables at a time stay in the processor's caches, a fifth quicker than sentence by sentence.
    """
    sentences = [s for _, s in numbered]
    texts = [s.text if len(s.text) <= MAX_ANALYSED else None for s in sentences]  # None: kept, not analysed
    new_days = [n == 0 or _day(s) != _day(sentences[n - 1]) for n, s in enumerate(sentences)]
    words = [tokens(text) if text is not None else None for text in texts]
    times = _times(texts, new_days)
    actors, places, weapons = lexicon.actors, lexicon.places, lexicon.weapons
    hits = [actors.find(text, toks) if text is not None else None for text, toks in zip(texts, words)]
    claims = _claims(texts, new_days, words, hits, actors)
    found = find_places_in(texts, places, words)
    counts = [casualties(text) if text is not None else None for text in texts]
    kinds = [event_type(text) if text is not None else None for text in texts]
    arms = [tuple(weapons.find(text, toks)) if text is not None else None for text, toks in zip(texts, words)]
    events: list[Event] = []
    warnings: list[ParseWarning] = []
    for n, (event_id, s) in enumerate(numbered):
        if texts[n] is None:
            warnings.append(ParseWarning(s.file, s.line, f"a sentence of {len(s.text)} characters in {event_id}: "
                                                         "kept as text, not analysed"))
            events.append(Event(id=event_id, date=s.date, text=s.text, file=s.file, line=s.line,
                                heading=s.heading, background=s.background))
            continue
        time, said, (place_names, mentions), (killed, injured) = times[n], claims[n], found[n], counts[n]
        if time.bad_time:
            warnings.append(ParseWarning(s.file, s.line, f"impossible clock time '{time.bad_time}' in {event_id}; "
                                                         "time left empty"))
        actor = actors.get(said.source) if said.source else None
        events.append(Event(
            id=event_id, date=s.date, text=s.text, file=s.file, line=s.line, heading=s.heading,
            background=s.background, time=time.time, time_approximate=time.approximate,
            time_estimated=time.estimated, part_of_day=time.part_of_day, source=said.source,
            source_from_reference=said.from_reference, side=actor.side if actor else None,
            denied_by=said.denied_by, event_type=kinds[n], killed=killed, injured=injured,
            weapons=arms[n], places=tuple(place_names), place_mentions=tuple(mentions),
        ))
    return events, warnings


def _times(texts: list[str | None], new_days: list[bool]) -> list:
    """Each sentence's time facts; "an hour later" counts from the last time given earlier that day."""
    out, previous = [], None
    for text, new_day in zip(texts, new_days):
        if new_day:
            previous = None
        if text is None:
            out.append(None)
            continue
        found = when(text, previous)
        previous = found.time or previous
        out.append(found)
    return out


def _claims(texts: list[str | None], new_days: list[bool], words: list, hits: list, actors) -> list:
    """Each sentence's claim; "the Ministry" and "it" name the last such speaker earlier that day."""
    out, speakers = [], None
    for text, new_day, toks, found in zip(texts, new_days, words, hits):
        if new_day:
            speakers = Speakers(actors)
        out.append(claim(text, found, speakers, set(toks.text)) if text is not None else None)
    return out
