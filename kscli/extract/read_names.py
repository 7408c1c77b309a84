"""Place names in the text that the gazetteer finds only by reading them as another language writes.

Extraction looks a name up by its transliteration key (kscli.extract.places). A name spelled as
a 1993 press report or an Armenian page spells it (Goradis for Horadiz, Poladlu for Poladlı,
Kasumlu for Qasımlı) has another key; only the resolver's readings find it
(kscli.names.readings.foreign_readings). Such a word is read where the text uses it as a place:
after a word that brings in a place ("the village of Goradis", "near Poladlu") or further on in
a list so begun ("the villages of Kasumlu, Karadaghlu, and Poladlu"). Never a word that has a key
of its own: that one extraction has weighed already. Where no reading finds the word, a guess at a
typo may, but only a near-certain one: one place alone, more than 90 alike (Kuropatkin for
Kuropatkino, Gushchulare for Gushchular), or a less certain one that the sentence's other places
vouch for, near them; a name elsewhere is never guessed at (the resolver's rule).
A name a Russian adjective makes is read with the unit's word after it ("the Agdamsky district"). And
two capitalised words a page's copy ran together ("NagornoKarabakh"), or a name and the English word
after it ("Karabakhwere", "Maraghawas"), are read apart, anywhere.
"""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from kscli.extract.not_places import NAME_HEADS
from kscli.names.gazetteer import NOT_EXTRACTED, Gazetteer, Place
from kscli.names.geo import AREAS, distance_km
from kscli.names.guesses import english

# A capitalised word (hyphenated or with an apostrophe), and what may stand before it.
_WORD = re.compile(r"(?<![\w’'-])[A-ZÀ-ÖØ-ÞĀ-ſƏ][\w’'ə-]{3,}")
_INTRODUCED = re.compile(r"(?:\b(?:in|near|at|from|towards|of|around|outside|into|to)\s+(?:the\s+)?)$")
# A list goes on past a comma or "and", and past a quoted item that is no name ("Camel's Back").
_QUOTED = re.compile(r"[“\"][^”\"]{1,40}[”\"]")
_LISTED = re.compile(r"(?:(?:,\s*|\s+and\s+|,\s*and\s+|\s+or\s+)(?:[“\"][^”\"]{1,40}[”\"]\s*)?)+")
# A unit's word after a name a Russian adjective makes: "the Agdamsky district", "the Lachinsky region".
_UNIT_AFTER = re.compile(r" (?:district|region|raion|rayon)\b")
_READ: WeakKeyDictionary = WeakKeyDictionary()  # per gazetteer: word -> the places its readings find
# A reading costs a fraction of a millisecond; no sentence names so many places, but a pasted list of
# thousands of capitalised words after "in" would cost seconds.
_MOST = 64


def read_names(text: str, taken: list[tuple[int, int]], gaz: Gazetteer, keyed,
               anchors: tuple[Place, ...] = ()) -> list[tuple[str, int, int, tuple]]:
    """(word, start, end, places) of each word only a reading finds, outside the `taken` spans.
    `keyed(word)` says whether the word has places by its own key (extraction weighed it); `anchors`
    are the places the sentence names otherwise, which may vouch for a less certain guess."""
    out: list[tuple[str, int, int, tuple]] = []
    last_end = -1  # where the last word of a place-like run ended: a list goes on from there
    tries = 0
    quoted = [m.span() for m in _QUOTED.finditer(text)] if "“" in text or '"' in text else []
    for match in _WORD.finditer(text):
        start, end = match.span()
        if not match.group()[0].isupper() or any(a < start < b for a, b in quoted):
            continue  # (the class above holds small letters of Latin Extended-A); a quoted item's word
        word = match.group().split("--")[0]  # a typed dash joins no name: "Tekh and Shornukh--and arrested"
        end = start + len(word)
        if any(a <= start < b for a, b in taken):
            last_end = end  # a place extraction found: a list may go on after it ("Shelli and Shahbulagh")
            continue
        if (_GLUED.fullmatch(word) or word.endswith(_AFTER_WORDS) and _GLUED_WORD.fullmatch(word) and not keyed(word)) \
                and tries < _MOST:
            tries += 1
            places = _unglued(word, gaz)  # "NagornoKarabakh", a hyphen a page's copy lost; "Karabakhwere"
            if places:
                out.append((word, start, end, places))
                continue
        before = text[max(0, start - 40):start]
        place_like = _INTRODUCED.search(before) or (last_end >= 0 and _LISTED.fullmatch(text[last_end:start]))
        if not place_like:
            last_end = -1
            continue
        last_end = end
        tries += 1
        if tries > _MOST:
            break
        # "the shore of Lake of Sevan": a mountain's or a lake's word is no name (Lyak) read another way,
        # nor an English word ("the Head of state" is no Hat, read as Western Armenian's "heat")
        places = _read(word, gaz, anchors) if not keyed(word) and word not in NAME_HEADS and not english(word) else ()
        if not places and (unit := _UNIT_AFTER.match(text, end)):  # "the Agdamsky district": Aghdam's
            word, end = text[start:unit.end()], unit.end()
            places = tuple(p for p in _read(word, gaz) if p.kind in ("district", "province"))
        if places:
            out.append((word, start, end, places))
    return out


def _memo(gaz: Gazetteer) -> dict:
    memo = _READ.get(gaz)
    if memo is None or len(memo) > 100_000:
        memo = _READ[gaz] = {}
    return memo


def _read(word: str, gaz: Gazetteer, anchors: tuple[Place, ...] = ()) -> tuple[Place, ...]:
    memo = _memo(gaz)
    if word not in memo:
        found = gaz.resolve(word, limit=0, fuzzy=False)
        memo[word] = tuple(m.place for m in found
                           if m.rule == "transliteration" and m.place.kind not in NOT_EXTRACTED) or _typo(word, gaz)
    return memo[word] or (_vouched(word, gaz, anchors) if anchors else ())


# Two capitalised words run together, as a copy of a page that lost its hyphen or space writes them;
# and a name run together with the English word after it. Only words no name ends in: a village's
# name may well end in "in", "is", "and" or "had" (Baghanis, Mashhad), none in "were" or "which".
_GLUED = re.compile(r"[A-Z][a-z]{2,}(?:[A-Z][a-z]{2,})+")
_AFTER_WORDS = ("were", "was", "the", "have", "from", "with", "which", "during", "where", "when")
_GLUED_WORD = re.compile(rf"([A-Z][a-z]{{3,}}?)(?:{'|'.join(_AFTER_WORDS)})")


def _unglued(word: str, gaz: Gazetteer) -> tuple[Place, ...]:
    """The places the words run together in `word` name, read apart, as listed (no guess)."""
    memo = _memo(gaz)
    if ("glued", word) not in memo:
        name = word if _GLUED.fullmatch(word) else _GLUED_WORD.fullmatch(word)[1]
        found = gaz.resolve(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name), limit=0, fuzzy=False)
        memo[("glued", word)] = tuple(m.place for m in found
                                      if m.score == found[0].score and m.place.kind not in NOT_EXTRACTED)
    return memo[("glued", word)]


# How alike a typo and the name it guesses must be: on the development timelines, one guess in four
# at 90 and below was wrong (Gharabuldagh, at 90, is not Khojaly's Qarabulaq; Charasli not Chereli),
# none above it.
_SURE = 90.0


# A less certain guess (one edit in eight letters) stands where the sentence's other places vouch for
# it: the one such guess inside a district they name or within 25 km of one of them ("Ahgdaban village
# of Kalbajar district" is Ağdaban; "Zarasli, between Shushi and Lachin" Zarıslı).
_VOUCHED = 85.0
_GUESSES = 6  # candidates a guess at a word looks at
_VOUCH_KM = 25.0


def _vouched(word: str, gaz: Gazetteer, anchors: tuple[Place, ...]) -> tuple[Place, ...]:
    guessed = [m.place for m in gaz.resolve(word, limit=_GUESSES) if m.rule == "fuzzy" and m.score >= _VOUCHED
               and m.place.kind not in NOT_EXTRACTED and m.place.lat is not None]
    units = {a.name for a in anchors if a.kind in ("district", "province")}
    points = [(a.lat, a.lon) for a in anchors if a.lat is not None and a.kind not in AREAS]
    near = [p for p in guessed if units.intersection(gaz.ancestors(p.name))
            or any(distance_km((p.lat, p.lon), q) <= _VOUCH_KM for q in points)]
    return (near[0],) if len(near) == 1 else ()


def _typo(word: str, gaz: Gazetteer) -> tuple[Place, ...]:
    """The one place a guess at a typo of `word` finds, if the guess is near-certain."""
    guessed = gaz.resolve(word, limit=_GUESSES)  # as _vouched() asks: the resolver's memo answers it the second time
    if not guessed or guessed[0].rule != "fuzzy" or guessed[0].score <= _SURE or guessed[0].place.kind in NOT_EXTRACTED:
        return ()
    return () if len(guessed) > 1 and guessed[1].score >= guessed[0].score else (guessed[0].place,)
