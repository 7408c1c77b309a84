"""Sentences in, events out: every field ksw knows, filled from the text and the data files.

Whole days at a time (annotate_days), so that "the Ministry" and "an hour later" resolve
within their day; kscli.store.build spreads the days of a big corpus over worker processes.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kscli.extract.agents import agent
from kscli.extract.casualties import casualties
from kscli.extract.claims import Speakers, read_claims
from kscli.extract.clock import when
from kscli.extract.event_types import event_type, event_types
from kscli.extract.lexicon import Lexicon
from kscli.extract.metonyms import speaking_places
from kscli.extract.links import Answered
from kscli.extract.phrases import tokens
from kscli.extract.places import find_places_in
from kscli.extract.victims import victims as victims_of
from kscli.model import Claim, Event, ParseWarning
from kscli.text.timeline import Sentence


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


class Annotated(NamedTuple):
    """What a run of whole days gives: its events, their claims in order, each sentence's answers
    (to be linked to the claims they answer: kscli.extract.links), where each claim starts in its
    sentence, and warnings."""

    events: list[Event]
    claims: list[Claim]
    starts: list[int]
    agents: list[str | None]  # the acting side each claim names (kscli.extract.agents)
    answers: list[list[Answered]]
    warnings: list[ParseWarning]


def annotate_days(numbered: list[tuple[str, Sentence]], lexicon: Lexicon) -> Annotated:
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
    hits = [sorted(found + speaking_places(text, found, places, actors), key=lambda h: h.start) if text else found
            for text, found in zip(texts, hits)]  # "Baku denied": the capital speaks for its government
    said = _said(texts, new_days, hits, actors)
    found = find_places_in(texts, places, words, new_days)
    counts = [casualties(text) if text is not None else None for text in texts]
    kinds = [event_type(text) if text is not None else None for text in texts]
    arms = [tuple(weapons.find(text, toks)) if text is not None else None for text, toks in zip(texts, words)]
    out = Annotated([], [], [], [], [], [])
    facts = _Facts(lexicon)
    for n, (event_id, s) in enumerate(numbered):
        if texts[n] is None:
            out.warnings.append(ParseWarning(s.file, s.line, f"a sentence of {len(s.text)} characters in {event_id}: "
                                                             "kept as text, not analysed"))
            out.events.append(Event(id=event_id, date=s.date, text=s.text, file=s.file, line=s.line,
                                    heading=s.heading, background=s.background))
            out.answers.append([])
            continue
        time, (place_names, mentions, placed), (killed, injured) = times[n], found[n], counts[n]
        if time.bad_time:
            out.warnings.append(ParseWarning(s.file, s.line, f"impossible clock time '{time.bad_time}' in {event_id}; "
                                                             "time left empty"))
        claims = [facts.claim(event_id, s.date, s.text, k, c, placed) for k, c in enumerate(said[n].claims, start=1)]
        out.claims.extend(claims)
        out.starts.extend(c.start for c in said[n].claims)
        out.agents.extend(agent(c.text, facts.markers) for c in claims)
        out.answers.append([facts.answer(event_id, s.text, a, placed, said[n]) for a in said[n].answers])
        out.events.append(Event(
            id=event_id, date=s.date, text=s.text, file=s.file, line=s.line, heading=s.heading,
            background=s.background, time=time.time, time_approximate=time.approximate,
            time_estimated=time.estimated, part_of_day=time.part_of_day, source=said[n].source,
            source_from_reference=said[n].from_reference, side=actors.side_of(said[n].source),
            event_type=kinds[n], killed=killed, injured=injured, weapons=arms[n], places=tuple(place_names),
            place_mentions=tuple(mentions), claims=tuple(c.id for c in claims),
        ))
    return out


class _Facts:
    """A claim's and an answer's own facts, from their stretch of the sentence."""

    def __init__(self, lexicon: Lexicon):
        self.actors, self.places, self.weapons = lexicon.actors, lexicon.places, lexicon.weapons
        self.markers = {word: side for word, (side, _) in self.actors.markers().items()}

    def claim(self, event_id: str, date, text: str, number: int, found, placed) -> Claim:
        clause = text[found.start:found.end]
        killed, injured = casualties(clause)
        side = self.actors.side_of(found.claimant)
        victims = (None, None)
        if killed is not None or injured is not None:
            inside = [(name, at) for name, at in placed if found.start <= at < found.end]
            victims = victims_of(clause, side, inside, self.markers, self.place_side)
        return Claim(id=f"{event_id}#{number}", event=event_id, date=date, claimant=found.claimant, side=side,
                     party=self.actors.party_of(found.claimant), reported_by=found.reported_by, text=clause,
                     source_from_reference=found.from_reference,
                     places=_unique(name for name, at in placed if found.start <= at < found.end),
                     types=event_types(clause), killed=killed, injured=injured, victims_side=victims[0],
                     victims_civilian=victims[1], weapons=tuple(self.weapons.find(clause)))

    def answer(self, event_id: str, text: str, found, placed, said) -> Answered:
        piece = text[min(found.start, found.head if found.head >= 0 else found.start):found.end]
        side = self.actors.side_of(found.by)
        inside = [(name, at) for name, at in placed if found.start <= at < found.end]
        hurt = None  # a belligerent's count of dead: its own (a concession) or the other side's
        if side and side.lower() != "third party" and casualties(piece) != (None, None):
            hurt = victims_of(piece, side, inside, self.markers, self.place_side)[0]
        first = said.claims[0].start if said.claims else len(text)
        narration = found.start > 0 and (not said.claims or found.start <= first) and _narrates(text[:found.start])
        return Answered(event_id, found.kind, found.by, self.actors.party_of(found.by), side, found.start, piece,
                        _unique(name for name, _ in inside), event_types(piece), tuple(self.weapons.find(piece)),
                        _named(piece, self.actors), narration, found.passive, found.witness,
                        agent(piece, self.markers), hurt)

    def place_side(self, name: str) -> str | None:
        """The side that held a place: that of the state (Artsakh) or country it lies in."""
        gaz = self.places
        chain = [name, *gaz.ancestors(name)]
        for kind in ("state", "country"):
            for place in chain:
                found = gaz.get(place)
                if found is not None and found.kind == kind:
                    actor = self.actors.resolve(place)
                    if actor is not None:
                        return actor.side
        return None


def _unique(names) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


_NAMED = re.compile(r"\b([A-Z][a-z]+)(?:'s|’s)?\s+(?:\w+\s+)?(?:statements?|reports?|claims?|allegations?|accusations?|"
                    r"estimates?|figures?|account|assessment|assertions?|version)\b"
                    r"|\bas\s+(?:the\s+)?([A-Z][a-z]+)\s+(?:\w+\s+)?(?:had\s+|has\s+)?(?:claimed|said|stated|reported)\b")


def _named(piece: str, actors) -> tuple[str, ...]:
    """The parties and sides an answer names as the speakers it answers ("Azerbaijan's statements",
    "Armenian reports of retaking territory")."""
    from kscli.names.folding import fold

    markers = actors.markers()
    out: list[str] = []
    for m in _NAMED.finditer(piece):
        found = markers.get(fold(m[1] or m[2]))
        if found:
            out += [found[1], found[0]]
    return tuple(dict.fromkeys(out))


def _narrates(before: str) -> bool:
    """Whether the text before an answer tells something itself ("one gunship was said to have
    been downed; "), not just when ("At around 12:00, ")."""
    words = re.findall(r"[A-Za-z]+", before)
    return len(words) >= 5 and bool(re.search(r"\b(?:was|were|had|has|have|been|came|is|are)\b", before))


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


def _said(texts: list[str | None], new_days: list[bool], hits: list, actors) -> list:
    """Each sentence's claims and answers; "the Ministry" and "it" name the last such speaker earlier that day."""
    out, speakers = [], None
    for text, new_day, found in zip(texts, new_days, hits):
        if new_day:
            speakers = Speakers(actors)
        out.append(read_claims(text, found, speakers) if text is not None else None)
    return out
