"""The names a user types (places, actors, sides, types, weapons) resolved to the canonical ones
events are filed under; a name that means nothing is an error naming the nearest candidates."""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from kscli.errors import UnknownName, UsageError
from kscli.model import EVENT_TYPES as PRECEDENCE
from kscli.names.folding import fold
from kscli.query.misspelt import misspellings
from kscli.query.spec import Query
from kscli.store.index import Index


def side_names(index: Index, values: tuple[str, ...]) -> set[str]:
    """The sides of the actors files that the user's words name."""
    return {side for value in values for side in _sides(index, value)}


def _sides(index: Index, value: str) -> list[str]:
    """The sides `value` names: as written, in any case ("third-party" too); else the one side it
    begins ("third", "azerbaijan"); else the side of the actor it names ("Artsakh"). The sides that
    events have are tried before the actors file is loaded for all of them."""
    def loose(text: str) -> str:
        return " ".join(text.lower().replace("-", " ").split())

    def named(sides) -> list[str]:
        exact = [side for side in sides if loose(side) == want]
        begun = [side for side in sides if loose(side).startswith(want)]
        return exact or (begun if len(begun) == 1 else [])

    want = loose(value)
    found = named(index.values("side"))
    if found:
        return found
    actors = index.lexicon.actors
    sides = actors.sides()
    found = named(sides)
    actor = actors.resolve(value) if not found else None
    if found or actor:
        return found or [actor.side]
    begun = [side for side in sides if loose(side).startswith(want)]
    if len(begun) > 1:
        raise UsageError(f"side '{value}' could be {', '.join(begun)}: give more of it")
    if not sides:
        raise UsageError(f"no side matches '{value}'; the actors files name no side")
    raise UnknownName("side", value, choices=sides)


def place_names(index: Index, names: tuple[str, ...]) -> set[str]:
    """Canonical places the user's names mean; a name that matches nothing is an error."""
    return read_places(index, names)[0]


def read_places(index: Index, names: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """(canonical places, names found only in the text) that the user's names mean.

    A listed spelling or its transliteration comes first, then a name the text itself uses
    (kscli.extract.unlisted), and only then a guess at a typo; nothing at all is an error.
    """
    gazetteer = index.lexicon.places
    places: set[str] = set()
    unlisted: set[str] = set()
    for name in names:
        matches = gazetteer.resolve(name, limit=0, fuzzy=False)
        label = text_label(index, name, matches)
        if label:
            unlisted.add(label)
            continue
        matches = matches or gazetteer.resolve(name, limit=0)
        guess = unlisted_guess(index, name, matches)
        if guess:
            unlisted.add(guess[0])
            continue
        if not matches:
            raise _unknown_place(index, name)
        # The best match (or its namesakes the text names), the places that share its name (the city
        # and its district alike, unless the name says which: "Tartar City"), and the landmarks
        # inside them (Ganja's airport); and the text's misspellings of them (Goradlz for Horadiz).
        meant = _meant(gazetteer, name, reading(index, name, matches)[0])
        places |= meant
        unlisted.update(misspellings(index, meant))
    return places, unlisted


def _meant(gazetteer, name: str, taken: list[str]) -> set[str]:
    """The places `taken` for a name, with their kin as the name's kind word allows (_kin)."""
    from kscli.names.folding import kind_hint

    return {kin for place in taken for kin in _kin(gazetteer, place, kind_hint(name))}


def _kin(gazetteer, place: str, hint) -> set[str]:
    """`place`, the places sharing its name, and the landmarks inside them."""
    family = set(gazetteer.family(place, hint)) | {place}
    return family | set(gazetteer.landmarks_in(family))


def reading(index: Index, name: str, matches: list) -> tuple[list[str], list[str]]:
    """(the places `name` is taken for, the other places it spells as well, not of their family).

    A name several places bear alike ("Garadaghly", ten villages; "Martunashen", a village of Goygol
    and one of Qubadli) is taken for the best match; but where the text names none of it and
    names some of the others, for those: the timeline's own use tells which it means. A place's
    own name, or a guess, is taken for that place alone.
    """
    best = matches[0]
    if best.rule in ("name", "fuzzy"):
        return [best.place.name], []
    # a query reads a name for its answer and again for its notes: weighed once an index
    readings = _READINGS.setdefault(index, {})
    if name not in readings:
        readings[name] = _weigh(index, name, matches)
    return readings[name]


_READINGS: WeakKeyDictionary = WeakKeyDictionary()


def _weigh(index: Index, name: str, matches: list) -> tuple[list[str], list[str]]:
    best = matches[0]
    from kscli.names.folding import kind_hint, title_head

    gazetteer, hint = index.lexicon.places, kind_hint(name)
    taken = _kin(gazetteer, best.place.name, hint)
    # alike within a point: a name is as much a village's that lists it with its district ("Qaradağlı,
    # Khojavend", 99) as one's that lists it bare (100); and a namesake's, whose title is the same name
    # with another district, though only the one lists this spelling (Garadaghly, Khojavend's)
    # A place of another group only where the text names nothing of the best: "Kangarli" is the village
    # the text names (Kengerli), not the district of Nakhchivan it never names; "Terter" stays the town.
    head, unnamed = title_head(best.place.name), not _named(index, taken)
    others = list(dict.fromkeys(m.place.name for m in matches[1:]
                                if (m.score >= best.score - 1 or title_head(m.place.name) == head != best.place.name)
                                and m.place.name not in taken and (unnamed or _group(m.place) == _group(best.place))))
    if not others or not unnamed:
        return [best.place.name], others
    named = [other for other in others if _named(index, _kin(gazetteer, other, hint))]
    return (named, [best.place.name, *(o for o in others if o not in named)]) if named else ([best.place.name], others)


def _group(place) -> str:
    """Settlement, unit or feature: a town's name is a river's too (Terter), and means the town."""
    return "settlement" if place.kind in ("city", "town", "village") else \
        "unit" if place.kind in ("district", "province", "region", "state", "country") else "feature"


def _named(index: Index, places: set[str]) -> bool:
    return any(index.posting("place", p) for p in places)


def text_label(index: Index, name: str, matches: list) -> str | None:
    """The text's own name that `name` spells (unlisted_label()), where the gazetteer's exact answer
    (`matches`) is none, or places no event names: the text's "Katik forest", by Khojaly, not Katık of
    Vayots Dzor, which it never names."""
    if matches and any(_named(index, _kin(index.lexicon.places, m.place.name, None)) for m in matches):
        return None
    return unlisted_label(index, name)


def unlisted_label(index: Index, name: str) -> str | None:
    """The label of the name the text uses that `name` spells, if the gazetteer lacks it; or of the
    text's other name of the same city elsewhere ("Almaty" finds the text's Alma-Ata)."""
    from kscli.names.features import bare_name, kind_last
    from kscli.names.folding import key
    from kscli.names.guesses import names_of_the_city

    labels = _labels_by_key(index)
    # "the Oskovar", "Oskovar's"; and "Uzerlik hill", where the text's name is Uzerlik; a road by its
    # ends in either order ("Askeran–Stepanakert highway" is the text's Stepanakert–Askeran highway)
    road = re.fullmatch(r"(.+?)\s+(road|highway)", name)
    ends = re.split(r"\s*[-–—/]\s*", road[1]) if road else []
    swapped = key(" ".join(ends[::-1]) + " " + road[2]) if len(ends) > 1 else None
    for wanted in dict.fromkeys((key(kind_last(name)), key(bare_name(name)), swapped)):
        if wanted and wanted in labels:
            return labels[wanted][0]
    return next((labels[key(other)][0] for other in names_of_the_city(name) if key(other) in labels), None)


_LABEL_KEYS: WeakKeyDictionary = WeakKeyDictionary()


def _labels_by_key(index: Index) -> dict[str, list[str]]:
    """The names the text uses that the gazetteer lacks, by key (in the index's order): made once an
    index, as a query reads a name for its answer and again for its notes."""
    labels = _LABEL_KEYS.get(index)
    if labels is None:
        from kscli.names.folding import key

        labels = _LABEL_KEYS[index] = {}
        for label in index.values("unlisted"):
            labels.setdefault(key(label), []).append(label)
        # and a landmark's by its name without the kind word the text writes after it in lower case
        # ("Tsitsernakaberd" is the text's "Tsitsernakaberd memorial"), where no name of the text is so
        for label in index.values("unlisted"):
            name, _, kind = label.rpartition(" ")
            if name and kind.islower() and key(name) not in labels:
                labels[key(name)] = [label]
    return labels


def suggested(index: Index, name: str) -> list[str]:
    """Places for a "did you mean": a name the text uses that begins with `name` (another war's
    timeline, without a places file: "Zapor" is Zaporizhzhia), then the gazetteer's."""
    typed = fold(name).strip()
    begun = sorted((label for label in index.values("unlisted") if len(typed) >= 3 and fold(label).startswith(typed)),
                   key=len)[:1]
    return list(dict.fromkeys([*begun, *index.lexicon.places.suggestions(name)]))[:3]


def unlisted_guess(index: Index, name: str, matches: list) -> tuple[str, float] | None:
    """(label, score) of the name the text uses, though the gazetteer lacks it, that `name` is likely
    a typo of ("Bakhmutt" in a timeline that names Bakhmut), by the rules of the gazetteer's guesses,
    where the gazetteer's own answer (`matches`) is no exact one and no nearer."""
    if matches and matches[0].rule != "fuzzy":
        return None
    from kscli.names.folding import key
    from kscli.names.gazetteer import FUZZY_CUTOFF
    from kscli.names.guesses import elsewhere, english, typo
    from kscli.names.nearness import nearest

    k = key(name)
    if len(k) < 4 or elsewhere(name) or english(name):
        return None
    labels = _labels_by_key(index)
    bar = matches[0].score if matches else FUZZY_CUTOFF
    for choice, similarity in nearest(k, list(labels), FUZZY_CUTOFF / 100, 10):
        score = round(similarity * 100, 1)
        label = next((label for label in labels[choice] if typo(name, label)), None)
        if label and (score > bar or not matches):
            return label, score
    return None


def place_notes(index: Index, query: Query) -> list[str]:
    """What a user should know of how their place names were read: a guess (a fuzzy match: "Paris"
    is not Arış), or a --place events are never tagged with (a country: --within finds its places)."""
    names = (*query.places, *query.within, *((query.near,) if query.near else ()))
    if not names:
        return []  # a query without places does not load the gazetteer for this
    from kscli.names.gazetteer import NOT_EXTRACTED

    notes = []
    for name in dict.fromkeys(names):
        matches = index.lexicon.places.resolve(name, limit=0, fuzzy=False)
        label = text_label(index, name, matches)
        if label:
            count = len(index.posting("unlisted", label))
            known = f"names only {matches[0].place.name} of the gazetteer, which no event names" if matches \
                else "is not in the gazetteer"
            notes.append(f"'{name}' {known}: {_events_name_it(count)} as '{label}' in the text")
            continue
        matches = matches or index.lexicon.places.resolve(name, limit=1)
        guess = unlisted_guess(index, name, matches)
        if guess:
            count = len(index.posting("unlisted", guess[0]))
            notes.append(f"'{name}' read as '{guess[0]}', a guess (fuzzy match, {guess[1]:.0f} of 100): not in the "
                         f"gazetteer, {_events_name_it(count)} in the text")
            continue
        if not matches:
            continue  # an error already
        taken, others = reading(index, name, matches)
        best = next(m for m in matches if m.place.name == taken[0])
        if best.rule == "fuzzy":
            notes.append(f"'{name}' read as {best.place.name}, a guess (fuzzy match, {best.score:.0f} of 100; "
                         f"ksw places '{name}' shows the candidates)")
        elif best.rule == "transliteration":  # no listed spelling: a reading, said as one
            notes.append(f"'{name}' read as {best.place.name}, as another spelling of '{best.via}' "
                         f"(ksw places '{name}' shows the candidates)")
        if others:
            more = f" and {len(others) - 3} more" if len(others) > 3 else ""
            notes.append(f"'{name}' is a name of {' and '.join(taken)}, searched, and of {', '.join(others[:3])}{more} "
                         f"(--place '{others[0]}' searches that)")
        if name in query.places:
            notes += _misspelt_notes(index, name, taken)
        if best.place.kind in NOT_EXTRACTED and name in query.places and name not in query.within:
            notes.append(f"{best.place.name} is a {best.place.kind}, and events are tagged with the places in it: "
                         f"--within '{best.place.name}' finds them")
    return notes


def _misspelt_notes(index: Index, name: str, taken: list[str]) -> list[str]:
    """Each of the text's names a --place also finds as a likely misspelling (kscli.query.misspelt)."""
    meant = _meant(index.lexicon.places, name, taken)
    return [f"'{name}' also finds '{label}', a name in the text taken for a misspelling of {' or '.join(places)} "
            f"(a guess: fuzzy match, {score:.0f} of 100; {_events_name_it(len(index.posting('unlisted', label)))})"
            for label, (places, score) in misspellings(index, meant).items()]


def _unknown_place(index: Index, name: str) -> UnknownName:
    from kscli.names.guesses import elsewhere

    candidates = place_suggestions(index, name)
    if not candidates and elsewhere(name):
        return UnknownName("place", name, reason="a place outside the gazetteer's region, which no event names")
    return UnknownName("place", name, candidates, "'ksw places'")


def place_suggestions(index: Index, name: str) -> list[str]:
    """The places a name nothing answers may be a slip for; none for a place elsewhere (Bishkek is no
    Kishlag, Kyiv no Qıvraq) but those it begins (Shu, Shusha) or that are its name as the key reads
    it (Russia's Karabulak, Qarabulaq)."""
    from kscli.names.folding import key, title_head
    from kscli.names.guesses import elsewhere

    candidates = suggested(index, name)
    if elsewhere(name):
        typed = fold(name).strip()
        candidates = [c for c in candidates if fold(c).startswith(typed) or key(title_head(c)) == key(name)]
    return candidates


def _events_name_it(count: int) -> str:
    return "1 event names it" if count == 1 else f"{count} events name it"


def best_place(index: Index, name: str) -> str:
    return index.lexicon.places.resolve(name, limit=1)[0].place.name


def within_names(index: Index, names: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for name in place_names(index, names):
        out.add(name)
        out.update(index.lexicon.places.descendants(name))
    return out


def actor_names(index: Index, names: tuple[str, ...], denial: bool = False) -> set[str]:
    """The actors the user's names mean. A party's own name means every actor that speaks for it
    ("Armenia": the Armenian MoD, MoFA, Prime Minister and authorities); an actor's other names
    mean that actor; "unnamed" (for --denied-by) a denial that names no one."""
    actors = index.lexicon.actors
    out: set[str] = set()
    for name in names:
        members = actors.members(name)
        actor = actors.resolve(name) if not members else None
        if members:
            out.update(members)
        elif actor is not None:
            out.add(actor.name)
        elif denial and name.strip().lower() == "unnamed":
            out.add("unnamed")
        else:
            known = list(index.values("denied_by" if denial else "claimant"))
            found = [a for a in known if fold(name) in fold(a)]
            if not found:
                spellings = {s: a.name for a in actors.by_name.values() for s in (a.name, *a.aliases)}
                raise UnknownName("actor", name, nearest(name, spellings), "'ksw actors'")
            out.update(found)
    return out


def type_names(types: tuple[str, ...]) -> set[str]:
    out = set()
    for typed in types:
        want = " ".join(fold(typed).split())
        found = [t for t in PRECEDENCE if want == fold(t) or any(part.startswith(want) for part in re.split(r"[/ ]", t))]
        if not found:
            raise UnknownName("event type", typed, choices=PRECEDENCE)
        out.update(found)
    return out


def weapon_names(index: Index, names: tuple[str, ...]) -> set[str]:
    out = set()
    for name in names:
        found = index.lexicon.weapons.resolve(name)
        if found is None:
            weapons = index.lexicon.weapons
            spellings = {s: n for n in weapons.categories for s in (n, *weapons.aliases[n])}
            raise UnknownName("weapon", name, nearest(name, spellings), "the weapons files (corpus/weapons.tsv)")
        out.add(found)
    return out


def nearest(name: str, spellings: dict[str, str], limit: int = 3) -> list[str]:
    """The canonical names whose spellings begin with `name` or are within a few edits of it, best first."""
    want = " ".join(fold(name).split())
    if not want:
        return []
    folded = {" ".join(fold(s).split()): canonical for s, canonical in spellings.items()}
    begun = [canonical for s, canonical in sorted(folded.items(), key=lambda item: len(item[0])) if s.startswith(want)]
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    near = process.extract(want, list(folded), scorer=OSA.normalized_similarity, score_cutoff=0.5, limit=limit * 3)
    return list(dict.fromkeys([*begun, *(folded[s] for s, _, _ in near)]))[:limit]
