"""Sentences in, events out: every field ksw knows, filled from the text and the data files."""

from __future__ import annotations

from collections.abc import Callable

from kscli.claims import Speakers, claim
from kscli.clock import when
from kscli.corpus import Sentence
from kscli.kinds import casualties, event_type
from kscli.lexicon import Lexicon
from kscli.mentions import find_places
from kscli.model import Event, ParseWarning
from kscli.phrases import tokens


# A "sentence" longer than this is not a sentence a timeline writes (a pasted blob, a
# line without stops): it is kept, verbatim and searchable, but not analysed.
MAX_ANALYSED = 5000


def annotate(sentences: list[Sentence], lexicon: Lexicon,
             meanwhile: Callable[[], None] | None = None) -> tuple[list[Event], list[ParseWarning]]:
    """Events with stable ids (event_ids()), one per sentence, in the sentences' order.

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

    numbered = list(zip(event_ids(sentences), sentences))
    count = workers.wanted(len(sentences))
    parts = None
    if count > 1:
        lexicon.places, lexicon.actors, lexicon.weapons  # built once, before the workers fork and inherit them
        size = min(workers.CHUNK_SENTENCES, max(1, len(sentences) // (4 * count)))
        parts = workers.run(partial(_annotate_days, lexicon=lexicon), numbered, _day_ranges(sentences, size), count,
                            meanwhile=call_meanwhile)
    if parts is None:
        call_meanwhile()
        parts = [_annotate_days(numbered, lexicon)]
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
    """Events of whole days, in order: who "the Ministry" is and relative times carry over within a day."""
    events: list[Event] = []
    warnings: list[ParseWarning] = []
    day_key: tuple | None = None
    speakers = Speakers(lexicon.actors)
    previous_time: str | None = None
    for event_id, s in numbered:
        if _day(s) != day_key:  # a new day: references and relative times start afresh
            day_key, speakers, previous_time = _day(s), Speakers(lexicon.actors), None
        if len(s.text) > MAX_ANALYSED:
            warnings.append(ParseWarning(s.file, s.line, f"a sentence of {len(s.text)} characters in {event_id}: "
                                                         "kept as text, not analysed"))
            events.append(Event(id=event_id, date=s.date, text=s.text, file=s.file, line=s.line,
                                heading=s.heading, background=s.background))
            continue
        event, bad_time = _event(s, event_id, lexicon, speakers, previous_time)
        if bad_time:
            warnings.append(ParseWarning(s.file, s.line, f"impossible clock time '{bad_time}' in {event_id}; time left empty"))
        previous_time = event.time or previous_time
        events.append(event)
    return events, warnings


def _event(s: Sentence, event_id: str, lexicon: Lexicon, speakers: Speakers, previous_time: str | None):
    toks = tokens(s.text)
    time = when(s.text, previous_time)
    said = claim(s.text, lexicon.actors.find(s.text, toks), speakers, set(toks.text))
    actor = lexicon.actors.get(said.source) if said.source else None
    places, mentions = find_places(s.text, lexicon.places, toks)
    killed, injured = casualties(s.text)
    event = Event(
        id=event_id, date=s.date, text=s.text, file=s.file, line=s.line, heading=s.heading,
        background=s.background, time=time.time, time_approximate=time.approximate,
        time_estimated=time.estimated, part_of_day=time.part_of_day, source=said.source,
        source_from_reference=said.from_reference, side=actor.side if actor else None,
        denied_by=said.denied_by, event_type=event_type(s.text), killed=killed, injured=injured,
        weapons=tuple(lexicon.weapons.find(s.text, toks)), places=tuple(places), place_mentions=tuple(mentions),
    )
    return event, time.bad_time
