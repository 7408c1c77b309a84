"""A place's mention in a text (a span and the places it may name), and the readings of a name
together with the words after it: its kind words ("the Karabakh mountain range") or the rest of a
longer name the gazetteer reads whole ("the Nagorny Karabakh Autonomous Region")."""

from __future__ import annotations

import re
from typing import NamedTuple

from kscli.extract.not_places import KIND_AFTER
from kscli.extract.phrases import Words
from kscli.names.folding import fold
from kscli.names.gazetteer import NOT_EXTRACTED, SETTLEMENTS, Gazetteer, Place
from kscli.names.qualifiers import QUALIFIER_WORDS


class Mention(NamedTuple):
    surface: str
    start: int
    end: int
    candidates: tuple[Place, ...]
    kind: str | None  # from a generic word: district, city, ...
    plural: bool


def with_kind_words(text: str, toks: Words, i: int, end: int, gaz: Gazetteer, wanted: tuple[str, ...] = ()):
    """(the mention, where it ends) of the name from word `i` with the one or two kind words after
    it, as the gazetteer reads them ("Karabakh mountain range"), of the kind they name; or None."""
    wanted = wanted or KIND_AFTER[toks.norm[end]]
    for stop in (end + 2, end + 1):
        if stop > len(toks) or any(toks.gap[k] != " " for k in range(end, stop)):
            continue
        phrase = text[toks.start[i]:toks.end[stop - 1]]
        found = [m for m in gaz.resolve(phrase, limit=0, fuzzy=False) if m.place.kind in wanted]
        best = [m.place for m in found if m.score == found[0].score] if found else []
        if best:
            return Mention(phrase, toks.start[i], toks.end[stop - 1], tuple(best), None, False), stop
    return None


def read_whole(text: str, toks: Words, i: int, end: int, gaz: Gazetteer):
    """(the mention, where it ends) of a name with up to three capitalised words after it that the
    gazetteer reads as one place it extracts, or None."""
    for stop in range(min(end + 3, len(toks)), end, -1):
        if any(toks.gap[k] != " " or not capitalised(toks.text[k]) for k in range(end, stop)):
            continue
        phrase = text[toks.start[i]:toks.end[stop - 1]]
        found = gaz.resolve(phrase, limit=1, fuzzy=False)
        if found and found[0].place.kind not in NOT_EXTRACTED:
            return Mention(phrase, toks.start[i], toks.end[stop - 1], (found[0].place,), None, False), stop
    return None


def capitalised(word: str) -> bool:
    return word[:1].isupper()


_TWIN = re.compile(r"\b([A-Z]\w+)\s+(?:and|or|&)\s+$")


def elided_twin(text: str, mention: Mention, gaz: Gazetteer) -> list[Mention]:
    """"Lower and Upper Ferejan": the mention of the village the first qualifier names with the name
    the second one's mention ends with (Lower Ferejan), where the gazetteer reads one so; or none."""
    twin = _TWIN.search(text, max(0, mention.start - 20), mention.start)
    name = mention.surface.split(" ", 1)[1:]
    if not twin or not name or fold(twin[1]) not in QUALIFIER_WORDS:
        return []
    found = gaz.resolve(f"{twin[1]} {name[0]}", limit=1, fuzzy=False)
    if not found or found[0].place.kind not in SETTLEMENTS:
        return []
    return [Mention(twin[1], twin.start(1), twin.end(1), (found[0].place,), None, False)]
