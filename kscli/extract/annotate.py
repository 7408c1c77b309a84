"""Sentences in, events out: every field ksw knows, filled from the text and the data files."""

from __future__ import annotations

from collections.abc import Callable

from kscli.claims import Speakers, claim
from kscli.clock import when
from kscli.corpus import Sentence
from kscli.kinds import casualties, event_type
from kscli.lexicon import Lexicon
from kscli.mentions import find_places_in
from kscli.model import Event, ParseWarning
from kscli.phrases import tokens


# A "sentence" longer than this is not a sentence a timeline writes (a pasted blob, a
# line without stops): it is kept, verbatim and searchable, but not analysed.
MAX_ANALYSED = 5000


def annotate(sentences: list[Sentence], lexicon: Lexicon, meanwhile: Callable[[], None] | None = None,
             ids: list[str] | None = None) -> tuple[list[Event], list[ParseWarning]]:
    """Events with stable ids (event_ids(), or `ids` if the caller has made them), one per sentence,
    in the sentences' order.

    A large corpus's days are annotated in worker processes (kscli.workers); the result is the same.
    `meanwhile` is called once, in this process: while the workers annotate, if there are any
    (this process would wait idle otherwise), else before annotating here.
    """
    from functools import partial

    from kscli import workers

    pending = [meanwhile] if meanwhile else []

    def call_meanwhile() -> None:
        while pending:
            pending.pop()()

    numbered = list(zip(event_ids(sentences) if ids is None else ids, sentences))
    count = workers.wanted(len(sentences))
    parts = None
    if count > 1:
        lexicon.places, lexicon.actors, lexicon.weapons  # built once, before the workers fork and inherit them
        size = min(workers.CHUNK_SENTENCES, max(1, len(sentences) // (4 * count)))
        parts = workers.run(partial(_annotate_days, lexicon=lexicon), numbered, _day_ranges(sentences, size), count,
                            meanwhile=call_meanwhile)
    if parts is None:
        call_meanwhile()
        # In runs of whole days, as the workers take them: a run's words are all held at once.
        parts = [_annotate_days(numbered[a:b], lexicon) for a, b in _day_ranges(sentences, workers.CHUNK_SENTENCES)]
    events: list[Event] = []
    warnings: list[ParseWarning] = []
    for part_events, part_warnings in parts:
        events += part_events
        warnings += part_warnings
    return events, warnings


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


def _day_ranges(sentences: list[Sentence], size: int) -> list[tuple[int, int]]:
    """Runs of whole days, each of at least `size` sentences but the last."""
    ranges, start = [], 0
    for n in range(1, len(sentences)):
        if n - start >= size and _day(sentences[n]) != _day(sentences[n - 1]):
            ranges.append((start, n))
            start = n
    if sentences:
        ranges.append((start, len(sentences)))
    return ranges


def _annotate_days(numbered: list[tuple[str, Sentence]], lexicon: Lexicon) -> tuple[list[Event], list[ParseWarning]]:
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
