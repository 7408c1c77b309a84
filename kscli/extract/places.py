"""Place mentions in a sentence: every name the gazetteer knows, resolved by context.

Context rules, all about the shape of English, none about one article:
- "X District", "X and Y Districts", "villages in X" point at districts;
- "A in B" makes B the container of A ("Talış in Tartar", "Ağdam ... in Tovuz District");
- a bare settlement name is the settlement, not the district named after it;
- a name many villages share is the one inside, or else nearest to, a place its sentence or day names;
- a name followed straight by another capitalised word is part of a longer
  proper name ("Moscow Time") unless the two together are a known place.
"""

from __future__ import annotations

import re
from functools import lru_cache
from weakref import WeakKeyDictionary

from kscli.names.gazetteer import NOT_EXTRACTED, SETTLEMENTS, Gazetteer, Place
from kscli.names.folding import GENERIC, fold, key, phonetic, plain_letters, strip_generic, title_forms
from kscli.names.folding import words as folded_words
from kscli.names.qualifiers import QUALIFIER_WORDS
from kscli.names.guesses import alike, english, is_abroad
from kscli.names.landmarks import by_town
from kscli.names.ranking import HINT_KINDS, town_units
from kscli.extract.not_places import (IN_A_TITLE, KIND_AFTER, NAME_HEADS, NAME_OF, NOT_A_PLACE_AFTER,
                                      OF_A_REGION, PEOPLES, QUALIFIERS, part_of_longer_name)
from kscli.extract.choice import choose, held_by
from kscli.extract.kind_words import BOTH_BEFORE, list_kinds
from kscli.extract.homonyms import by_the_day, former_strays, own_names_in_context, paired_names, strays
from kscli.extract.mention import Mention, capitalised as _capitalised, elided_twin, read_whole as _read_whole
from kscli.extract.mention import with_kind_words as _with_kind_words
from kscli.extract.read_names import read_names
from kscli.extract.phrases import Words, tokens

MAX_WORDS = 5


def find_places(text: str, gaz: Gazetteer, toks: Words | None = None) -> tuple[list[str], list[str]]:
    """(canonical places, mentions as written) in order of first mention."""
    return find_places_in([text], gaz, [tokens(text) if toks is None else toks])[0][:2]


def find_places_in(texts: list[str | None], gaz: Gazetteer, words: list[Words | None],
                   new_days: list[bool] | None = None) -> list:
    """find_places() of each text with its words (None for None), each step done for every text
    before the next: one step's code and tables at a time stay in the processor's caches.
    new_days marks the texts that begin a day: a name many villages share is the one inside a
    district the day names (Garadaghly, of Khojavend district)."""
    spans = _spans(gaz)
    texts, words = _without_notes(texts, words)
    mentions = [_mentions(text, toks, gaz, spans) if text is not None else None for text, toks in zip(texts, words)]
    for text, found in zip(texts, mentions):
        if found is not None:
            found += _read_mentions(text, found, gaz, spans)
            found.sort(key=lambda m: m.start)
            paired_names(text, found)
    chosen = [_resolve(text, found, gaz) if text is not None else None for text, found in zip(texts, mentions)]
    for first, last in _day_bounds(new_days or [True] * len(texts)):
        by_the_day(mentions[first:last], chosen[first:last], gaz)  # changes the day's lists of names in place
    for text, found, names in zip(texts, mentions, chosen):
        if found:
            own_names_in_context(found, names, gaz)  # changes the sentence's list of names in place
            strays(text, found, names, gaz)
            former_strays(found, names, gaz)
    return [_places(text, found, names, gaz, spans) if found is not None else None
            for text, found, names in zip(texts, mentions, chosen)]


# A page's note number glued to the word before it: "the villages of Vejneli and Agbend.2."; and a
# sentence glued to the one before it: "seized by militants.Nagorno-Karabakh, a mainly ..."
_NOTE = re.compile(r"(?<=[^\W\d_]{3})\.(\d{1,3})(?=\.?(?:\s|$))")
_GLUED_STOP = re.compile(r"(?<=[a-z]{3})\.(?=[A-Z][a-z])")


def _without_notes(texts: list[str | None], words: list[Words | None]) -> tuple[list, list]:
    """The texts with such numbers and stops blanked, at the same length (offsets stay), and their
    words: the tokenizer keeps "Agbend.2" one word, as it does "U.S" or "v1.2", and no place is spelled so."""
    texts, words = list(texts), list(words)
    for n, text in enumerate(texts):
        if text and "." in text and (_NOTE.search(text) or _GLUED_STOP.search(text)):
            texts[n] = _GLUED_STOP.sub(" ", _NOTE.sub(lambda m: "." + " " * len(m[1]), text))
            words[n] = tokens(texts[n])
    return texts, words


def _day_bounds(new_days: list[bool]) -> list[tuple[int, int]]:
    starts = [n for n, new in enumerate(new_days) if new or n == 0]
    return list(zip(starts, [*starts[1:], len(new_days)]))


def _places(text: str, mentions: list[Mention], chosen: list[str], gaz: Gazetteer, spans: dict) -> tuple:
    """(places in order of first mention, mentions as written, (place, offset) of every mention)."""
    places: list[str] = []
    at: list[tuple[str, int]] = []
    for mention, name in zip(mentions, chosen):
        if name is None:
            continue  # a stray village (kscli.extract.homonyms.strays)
        for extra in [name, *_end_points(mention, name, gaz, spans), *_both_named(text, mention, name, gaz)]:
            at.append((extra, mention.start))
            if extra not in places:
                places.append(extra)
    return places, list(dict.fromkeys(m.surface for m, name in zip(mentions, chosen) if name is not None)), at


def _mentions(text: str, toks: Words, gaz: Gazetteer, spans: dict) -> list[Mention]:
    out, after = [], 0
    first = gaz.first_words
    norms = toks.norm
    # Where a name may start: a capitalised word that begins some spelling, or Upper, Lower... Few, and
    # found in one pass.
    for i in [i for i, word in enumerate(toks.text)
              if word[0].isupper() and (_may_start(norms[i], first) or norms[i] in QUALIFIER_WORDS)]:
        if i < after:
            continue
        found = _longest(text, toks, i, gaz, spans, norms)
        if found is None and norms[i] in QUALIFIER_WORDS:  # "Lower Oratag": Aşağı Oratağ, as the gazetteer reads it
            found = _read_whole(text, toks, i, i + 1, gaz)
            out += elided_twin(text, found[0], gaz) if found else []  # "Lower and Upper Ferejan": both
        if found is None and "-" in toks.text[i]:  # a road by its ends in other spellings: "Lachin-Shushi road"
            road = _with_kind_words(text, toks, i, i + 1, gaz, ("road",)) if norms[i + 1:i + 2] in _ROAD else None
            named_after = i + 1 < len(norms) and norms[i + 1] in NOT_A_PLACE_AFTER  # "the Berdzor-Karvachar group"
            out += [road[0]] if road else [] if named_after else _hyphen_run(toks, i, gaz, spans)
        elif found is not None:
            mention, after = found
            if mention is not None and _VILLAGE_OF.search(text, max(0, mention.start - 20), mention.start):
                settled = tuple(p for p in mention.candidates if p.kind in SETTLEMENTS)  # no Kangarli District
                mention = mention._replace(candidates=settled) if settled else None
            if mention is not None and not NAME_OF.search(text, max(0, mention.start - 40), mention.start) \
                    and not IN_A_TITLE.search(text, max(0, mention.start - 150), mention.start):
                out.append(mention)
    return out


def _read_mentions(text: str, found: list[Mention], gaz: Gazetteer, spans: dict) -> list[Mention]:
    """Names only a reading finds, where the text uses them as places (kscli.extract.read_names)."""
    def keyed(word: str) -> bool:
        return bool(_span_places(gaz, spans, tuple(tokens(word).norm))[1])

    taken = [(m.start, m.end) for m in found]
    anchors = tuple(p for m in found for p in m.candidates)
    return [Mention(word, start, end, places, None, False)
            for word, start, end, places in read_names(text, taken, gaz, keyed, anchors)]


def _hyphen_run(toks: Words, i: int, gaz: Gazetteer, spans: dict) -> list[Mention]:
    """"a Tbilisi-Baku bus", "the Shushi-Lachin-Zabukh road": places joined by hyphens into one word
    that names none of them; "the Moscow-based Interfax agency", where the agency is."""
    parts = toks.text[i].split("-")
    parts = parts[:-1] if parts[-1] in ("based", "born") else parts  # "Moscow-based", "the Khojaly-born woman"
    if not 1 <= len(parts) <= 4 or not all(_capitalised(part) for part in parts):
        return []
    out, at = [], toks.start[i]
    line = toks.norm[i + 1:i + 2] in _LINES
    for part in parts:
        kind, places = _span_places(gaz, spans, (_NON_WORD.sub(" ", fold(part)).strip(),))
        if kind:
            return []
        if places:  # a part the gazetteer lacks leaves the others places: "a highway Ijevan-Noyabrean"
            # ... and a line's ends are towns: "the Baku-Nakhchivan-Yerevan railway", not the republic
            if line and any(p.kind in ("region", "province", "district") for p in places):
                places = [p for p in places if p.kind in ("city", "town")] or places
            out.append(Mention(part, at, at + len(part), tuple(places), None, False))
        at += len(part) + 1
    return out


_ROAD = (["road"], ["highway"])
# "Kelbajar (Karvachar) region", "Gubadli, the region with 826 square km", "Agdam, an Azerbaijani
# district": the unit (not its centre)
_UNIT_AFTER_ASIDE = re.compile(r"(?:(?:\s*\([^()]{1,40}\))?\)?\s+|,\s+(?:the|an?)\s+(?:[A-Z][a-z]+\s+)?)"
                               r"(region|district|raion|rayon|province)\b"
                               r"(?!['’]|\s+(?:cent|capital|seat|town|city|village))", re.I)
_RIVERS_LIKE = re.compile(r"\b[Rr]ivers\s+(?:such\s+as|like|including)\s+(?:the\s+)?(?:\w+,\s+(?:and\s+)?(?:the\s+)?)*$")
_LINES = (*_ROAD, ["railway"], ["railroad"], ["bus"], ["train"], ["flight"], ["route"], ["line"])
# "the village of Kangarli": a settlement's name; not "Garadaghly village of Khojavend Rayon", a district's
_VILLAGE_OF = re.compile(r"\b(?:[Tt]he|[Aa]n?|[a-z]+)\s+village\s+of\s+$")
_SETTLEMENT_OF = re.compile(r"\b(?:town|city|village|settlement)\s+of\s+$")


def _longest(text: str, toks: Words, i: int, gaz: Gazetteer, spans: dict, norms: list[str], shorter_than: int = 99):
    if not _may_start(norms[i], gaz.first_words):
        return None
    for n in range(_run(toks, i, min(MAX_WORDS, shorter_than - 1)), 0, -1):
        if n > 1 and not _CONJUNCTIONS.isdisjoint(norms[i + 1:i + n]):
            continue  # "Chambarak and" keyed as one word is Çəmbərəkənd: a list, not a name
        if n > 2 and norms[i + n - 1:i + n] in _ROAD and any(toks.gap[k].strip() for k in range(i + 1, i + n - 1)):
            road = _with_kind_words(text, toks, i, i + n - 1, gaz, ("road",))  # "the Lachin - Shushi road"
            if road:
                return road
        if n > 1 and norms[i + n - 1:i + n] in _ROAD and i > 0 and _DASH.fullmatch(toks.gap[i].strip()):
            continue  # "the Kalbajar–Martakert–Lachin road": its last end, Lachin, not the "Lachin road" corridor
        kind, places = _span_places(gaz, spans, tuple(norms[i:i + n]))
        if kind and norms[i + n - 1] not in GENERIC and not gaz.spelled(" ".join(_split_words(norms[i:i + n]))):
            continue  # generic words only count after the name ("Tartar District"), or in one the gazetteer lists
        if places is None:
            return None, i + n  # a state's name ("Republic of Nagorno-Karabakh"): no place inside it either
        if not places or (n == 1 and (i == 0 or toks.gap[i].rstrip()[-1:] in _OPENERS) and not gaz.spelled(norms[i])
                          and english(toks.text[i])):
            continue  # "Seven people were killed": an English word capitalised to begin, no Sevan
        end = i + n
        if kind is None and end < len(toks) and toks.gap[end] == " " and toks.norm[end] in KIND_AFTER:
            places = [p for p in places if p.kind in KIND_AFTER[toks.norm[end]]]
            if not places:  # "the Karabakh mountain range" is the Karabakh Range, or no place
                return _with_kind_words(text, toks, i, end, gaz) or (None, end + 1)
        if kind is None and _RIVERS_LIKE.search(text, max(0, toks.start[i] - 30), toks.start[i]):
            places = [p for p in _span_places(gaz, spans, (*norms[i:end], "river"))[1] or () if p.kind == "river"] \
                or places  # "rivers like the Hakari, the Okhchuchay": the Hakari River, not the village
        river = kind is None and _after_river(toks, i)
        if kind is None and not river and i > 0 and toks.norm[i - 1] == "the":
            places = _river_with_the(places)
        if river:  # "the River Aras", as British English writes it: read as "Aras river", or no place
            places = [p for p in _span_places(gaz, spans, (*norms[i:end], "river"))[1] or () if p.kind == "river"]
            if not places and n > 1:
                continue  # "the River Araz in Iran": no "Araz in" river (a village's key), but the Araz
            if not places:
                return None, end
        elif part_of_longer_name(toks, end) and (kind is None or not _may_start(norms[end], gaz.first_words)) \
                and not _SETTLEMENT_OF.search(text, max(0, toks.start[i] - 20), toks.start[i]) \
                and not (norms[end] in OF_A_REGION and all(p.kind == "region" for p in places)):
            # (not "the town of X Armenians", nor "the Karabakh authorities": kscli.extract.not_places)
            # a longer name the gazetteer reads whole ("the Nagorny Karabakh Autonomous Region"), else none
            # (a body's: "the Kapan District Department", not "Martakert district Maraga village")
            return _read_whole(text, toks, i, end, gaz) or (None, end)
        elif kind is None and _after_a_qualifier(toks, i):  # "Upper Ferejan": Yuxarı Fərəcan, or no place
            return None, end
        elif kind is None and (head := _after_a_name_head(toks, i)):
            return _headed(text, toks, i - head, end, gaz), end  # "Mount Murov": the mountain, or no place
        elif kind is None and _after_a_given_name(toks, i, gaz):
            return None, end
        if kind is None and (unit := _UNIT_AFTER_ASIDE.match(text, toks.end[end - 1])):
            kind, units = _span_places(gaz, spans, (*norms[i:end], unit[1].lower()))
            places = units or places
        start, stop = toks.start[i - river if river else i], toks.end[end - 1]
        plural = norms[end - 1].endswith("s") and norms[end - 1] in GENERIC
        return Mention(text[start:stop], start, stop, tuple(places), kind, plural), end
    return None


def _run(toks: Words, i: int, limit: int) -> int:
    """How many words from toks[i] on, `limit` at most, are joined as one name's are: by a space,
    a hyphen or dash, or a slash ("Baku–Novorossiysk pipeline"). Asked only where a name may start."""
    if limit < 1:
        return 0
    n, last = 1, min(len(toks) - i, limit)
    gaps = toks.gap
    while n < last and gaps[i + n] in _JOINERS:
        n += 1
    return n


_OPENERS = ':;“"‘(.!?'  # what a capital after it may owe nothing to a name: a sentence's or a quotation's start
# "Nagorno- Karabagh": a word broken at the end of a line; "Nagorno - Karabakh", as a typist spaced it
_JOINERS = (" ", "-", "–", "—", "/", "- ", " - ", " – ")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_DASH = re.compile(r"[-–—/]")
_SPANS: WeakKeyDictionary = WeakKeyDictionary()  # per gazetteer: folded words -> (kind, places)


def _spans(gaz: Gazetteer) -> dict:
    """The gazetteer's memo of _span_places(): the same runs of words recur all through a timeline."""
    memo = _SPANS.get(gaz)
    if memo is None or len(memo) > 200_000:
        memo = _SPANS[gaz] = {}
    return memo


def _span_places(gaz: Gazetteer, spans: dict, norms: tuple[str, ...]) -> tuple[str | None, list[Place] | None]:
    """The kind a run of words names and the places its other words name (`spans`: _spans(gaz)); the
    places are None for a run of several words that names only what is never extracted (a state)."""
    found = spans.get(norms)
    if found is None:
        kept, kind = strip_generic(list(norms))
        k = phonetic("".join(_split_words(kept)))
        # Written alike, not only keyed alike: Saky, in Crimea, is no Seki (Şəki). A spelling typed
        # without its marks is one too, as written (Sarikan, Şərikan), not as keyed (Saky, no Şaki).
        name = " ".join(kept)
        named = [p for p in gaz.by_key(k) if any(alike(name, f) if key(f) == k else
                                                 key(plain := plain_letters(f)) == k and fold(plain) == name
                                                 for s in p.spellings for f in title_forms(s))]  # and a title's head: Çaylı
        named = named or [p for scanned in _scanned(k) for p in gaz.by_key(scanned)  # Nagomo Karabakh
                          if any(alike(name, f) for s in p.spellings for f in title_forms(s) if key(f) == scanned)]
        # A name written as a city abroad is that city, though a spelling here keys alike: Tashkent is no
        # Karashen, whose Armenian name of old, Տաշքենդ, reads so (as the resolver reads a name typed).
        if named and not gaz.spelled(" ".join(folded_words(name))) and is_abroad(name, gaz.spelled, gaz.keyed(k)):
            named = []
        named = named or (by_town(gaz, " ".join(kept)) if len(kept) > 1 else [])  # "Khankendi Airport"
        places = [p for p in named if p.kind not in NOT_EXTRACTED]
        units = HINT_KINDS.get(kind, ()) if kind not in ("city", "town", "village") else ()
        if units and not any(p.kind in units for p in places):  # "Berdzor region": the unit of the town's name
            places += [unit for p in places for unit in town_units(gaz, p, units)]
        # Several words that name only a country or state are its name, not a place's: None says so.
        found = spans[norms] = (kind, None if named and not places and len(norms) > 1 else places)
    return found


@lru_cache(maxsize=65536)
def _first_key(norm: str) -> str:
    """The transliteration key of a token's first word ("nagorno" of "nagorno-karabakh")."""
    return phonetic(_NON_WORD.split(norm, maxsplit=1)[0])


def _may_start(norm: str, first) -> bool:
    """Whether a word may begin a place's name: its first part begins a spelling, or, hyphenated, the
    word does as one ("Ter-Ter", the Russian spelling of Tərtər, whose halves name nothing)."""
    k = _first_key(norm)
    if k in first or any(scanned in first for scanned in _scanned(k)):
        return True
    joined = _NON_WORD.sub("", norm)  # a hyphen is a space in the folded word
    return joined != norm and phonetic(joined) in first


@lru_cache(maxsize=65536)
def _scanned(k: str) -> tuple[str, ...]:
    """The keys a key may be of as a scanned page misreads a name, its rn read as m (Nagomo Karabakh), one
    m at a time; of a long name only, where two letters for one still write the name alike."""
    return tuple(k[:i] + "rn" + k[i + 1:] for i, ch in enumerate(k) if ch == "m") if len(k) >= 6 else ()


def _split_words(words: list[str]) -> list[str]:
    return [part for w in words for part in _NON_WORD.split(w) if part]


def _after_a_name_head(toks: Words, i: int) -> int:
    """"Mount Karaglukh", "Lake Sev", "Lake of Sevan": a word that begins a mountain's or a lake's name
    makes the name another place than the village it may also be (the gazetteer's own "Mount Kapaz" is
    matched whole). How many words before word i are the head's (0 for none)."""
    of = int(i > 1 and toks.norm[i - 1] == "of" and toks.gap[i - 1] == " ")
    return 1 + of if i > of and toks.gap[i] == " " and toks.text[i - of - 1] in NAME_HEADS else 0


# The kinds a head word names: "Mount Murov" is Murovdag, the mountain, though the gazetteer lists
# only "Murov"; "Lake of Sevan" the lake, not the town of Sevan.
_HEAD_KINDS = {**dict.fromkeys(("Mount", "Mt", "Mt."), ("mountain", "pass")), "Lake": ("lake", "reservoir")}


def _headed(text: str, toks: Words, at: int, end: int, gaz: Gazetteer) -> Mention | None:
    """The place of the kind its head word names that the name from word `at` (the head) to `end`
    names, as the gazetteer reads it whole; None where it names none."""
    kinds = _HEAD_KINDS.get(toks.text[at], ())
    start, stop = toks.start[at], toks.end[end - 1]
    places = tuple(m.place for m in gaz.resolve(text[start:stop], limit=0, fuzzy=False) if m.place.kind in kinds)
    return Mention(text[start:stop], start, stop, places, None, False) if places else None


_CONJUNCTIONS = frozenset(("and", "or"))


def _after_a_qualifier(toks: Words, i: int) -> bool:
    """"Ashagi Yaglivend", "Nor Maragha": a capitalised Lower, New, Second... before a name the gazetteer
    lists only bare, or with another qualifier, names a village it does not list, not that one."""
    return i > 0 and toks.gap[i] == " " and _capitalised(toks.text[i - 1]) and toks.norm[i - 1] in QUALIFIER_WORDS


def _after_river(toks: Words, i: int) -> int:
    """How many words before word i say it is a river's name: "the River Aras", "the river Tartarr"
    (1), "the river of Tartar" (2; not "the Araz river of Jabrayil", the river's district); 0 for none."""
    of = int(i > 2 and toks.gap[i] == " " and toks.norm[i - 1] == "of" and not _capitalised(toks.text[i - 3]))
    return 1 + of if i > of and toks.gap[i - of] == " " and toks.text[i - of - 1] in ("River", "river") else 0


def _river_with_the(places: list[Place]) -> list[Place]:
    """"The Azat flows": English says "the" before a river's name, not a town's; where the river is the
    hand-kept row of the name, its title bracketed (Azat (river)), not the bulk list's village of it,
    which kscli.extract.choice takes first for a bare name ("in Vedi"). A hand-kept town stays ("the
    Tartar front")."""
    if not any(p.kind == "river" and p.curated and "(" in p.name for p in places):
        return places
    return [p for p in places if p.curated or p.kind not in SETTLEMENTS]


def _after_a_given_name(toks: Words, i: int, gaz: Gazetteer) -> bool:
    """"Stepan Shahumyan", "Garegin Nzhdeh", "General Shahumyan": after a capitalised word inside the
    sentence that is no place, no possessive and no people's name (Azerbaijani Tovuz), a name is a
    surname, though villages are named after the man."""
    if i < 2 or toks.gap[i] != " " or not _capitalised(toks.text[i - 1]):
        return False
    word, norm = toks.text[i - 1], toks.norm[i - 1]
    return not (word.endswith(("'s", "’s", "s'")) or norm in GENERIC or norm in QUALIFIERS
                or norm.endswith(PEOPLES) or _first_key(norm) in gaz.first_words)


def _resolve(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[str]:
    kinds = list_kinds(text, mentions)
    containers = held_by(text, mentions, gaz)
    return [choose(m, kinds[idx], containers.get(idx), gaz).name for idx, m in enumerate(mentions)]


def _both_named(text: str, mention: Mention, name: str, gaz: Gazetteer) -> list[str]:
    """"the city and district of Kelbadzhar": the unit named after the town as well, or the town."""
    if not BOTH_BEFORE.search(text, max(0, mention.start - 30), mention.start):
        return []
    place = gaz.places[name]
    if place.kind in ("city", "town"):
        return [unit.name for unit in town_units(gaz, place, ("district", "province"))][:1]
    return [n for n in sorted(gaz.family(name)) if gaz.places[n].kind in ("city", "town") and name in gaz.ancestors(n)][:1]


def _end_points(mention: Mention, name: str, gaz: Gazetteer, spans: dict) -> list[str]:
    """The places a road or pipeline named by its ends names too ("Shusha–Lachin road"); a place whose
    own name has a hyphen (Nagorno-Karabakh) names no other."""
    if not _DASH.search(mention.surface) or gaz.places[name].kind not in ("road", "landmark"):
        return []
    ends = re.sub(r"(?:\s+[a-z][\w-]*)+$", "", mention.surface)  # the ends alone: "Lachin road" is the corridor
    inner = _DASH.sub(" , ", ends)
    toks = tokens(inner)
    found, i = [], 0
    while i < len(toks):
        hit = _longest(inner, toks, i, gaz, spans, toks.norm, len(toks)) if _capitalised(toks.text[i]) else None
        if hit is None:
            i += 1
            continue
        sub, i = hit
        if sub is not None and (choice := choose(sub, sub.kind, None, gaz).name) != name:
            found.append(choice)
    return found
