"""Place records and name resolution: any spelling in, canonical places out, with scores.

Resolution tries, in order: the canonical name, a listed alias (both after
folding), the transliteration key, French and German readings, and only then
fuzzy matching. Guesses at typos measure names by hand (kscli.names.nearness),
without rapidfuzz's import. Places files are read by kscli.names.placesfile.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from kscli.names.abjad import by_consonants, persian_unit
from kscli.names.features import FEATURE_FORMS, bare_name, feature_kinds, kind_last, name_forms, split_compound
from kscli.names.folding import (disambiguated, key, kind_hint, phonetic, plain_letters, strip_generic, title_forms,
                                  words)
from kscli.names.guesses import alike, by_start, english, guessable, is_abroad, of_the_kind_named, \
    qualifier_keys, reachable, typo, village_typo
from kscli.names.landmarks import by_town, landmark_table
from kscli.names.linemap import LineMap, joined
from kscli.names.nearness import nearest, nearest_of_many
from kscli.names.pairs import UNIT_NAMED, qualified, two_names
from kscli.names.ranking import HINT_KINDS, SETTLEMENTS, bare_keys, best_per_place, exact_score, \
    foreign_readings, listed_reading_first, named_after, namesakes, narrow, read_as_typed, seats_first, town_to_unit
from kscli.names.wordwise import by_word, river_by_stem
from kscli.record import Record

PLACES_FILE = "places.tsv"
KINDS = ("country", "state", "region", "province", "district", "city", "town", "village",
         "river", "reservoir", "lake", "valley", "mountain", "pass", "landmark", "road")
NOT_EXTRACTED = ("country", "state")  # parents, not event places: in the text, actors far more often ("Armenia denied")
# Fuzzy score: optimal-string-alignment similarity of keys (a swap of two letters is one edit), 0-100. Measured
# on tests/data (python benchmarks/fuzzy_cutoff.py): the worst one- or two-letter typo scores 71.4, the best
# negative (Karachi~Karvachar, Warsaw~Partav, Beirut~Hadrut) 66.7; the cutoff sits between them.
FUZZY_CUTOFF = 69.0
VILLAGE_CUTOFF = 85.0  # a guess at a village's name (Gazetteer._village_guess)
READING_CUTOFF = 88.0  # ... at a village's name through a reading of what was typed (Gazetteer._guess)
READINGS_GUESSED = 8  # readings a guess tries, each a search of the villages (a right one came by the 8th)
NEAREST = 30  # keys a guess keeps at least, whatever its limit: ten places' worth


class Place(Record):
    name: str
    kind: str
    parent: str | None
    lat: float | None
    lon: float | None
    aliases: tuple[str, ...] = ()
    historical: tuple[str, ...] = ()  # names no longer in use, and foreign exonyms (Kirovabad, Schuscha)
    also_in: tuple[str, ...] = ()  # parents after the first: the other side's administration (Shushi Province)
    # Checked by hand (a places file's own rows, or a bundled row whose source says "hand"), not a
    # village of a bulk list: only these, and towns and cities, are candidates for a guess at a typo.
    curated: bool = True
    # A town of the rest of the country, outside the conflict region (source "elsewhere"): found by
    # its names, never by a guess at a typo (a typo is far likelier of a place of the region).
    elsewhere: bool = False

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.historical)

    @property
    def parents(self) -> tuple[str, ...]:
        return ((self.parent,) if self.parent else ()) + self.also_in


class Match(Record):
    """One candidate for a name: the place, the rule that found it, a score out of 100."""

    place: Place
    rule: str  # name | alias | historical | transliteration | fuzzy
    score: float
    via: str  # the spelling that matched


class Gazetteer:
    """All known places, immutable once built; lookups by folded name and by key."""

    def __init__(self, places: list[Place], maps: bytes | None = None):
        """From the places, or from maps() of an earlier Gazetteer (then `places` is not read: each
        place is decoded when it is looked up, so a query on a large gazetteer decodes a few)."""
        self.places: Mapping[str, Place] = {place.name: place for place in places}
        self._folded: dict[str, list[tuple[Place, str, str]]] = {}
        self._keys: dict[str, list[tuple[Place, str]]] = {}
        self.children: dict[str, list[str]] = {}
        self.first_words: set[str] = set()  # keys of every spelling's first word: a cheap gate for extraction
        # guesses made (how many were kept, the best; kscli.names.abjad's table), and resolve()'s answers
        self._nearest, self._resolved = {}, {}
        self._by_town: Mapping[str, list[str]] | None = None  # landmarks by town and kind (kscli.names.landmarks)
        self._guessable: Mapping[str, dict] | None = None  # what a guess may land on (kscli.names.guesses.by_start)
        self._villages: Mapping[str, dict] | None = None  # ... and a second, stricter guess (_village_guess)
        if maps is not None:
            self._restore(maps)
        for place in self.places.values() if maps is None else ():
            self._index(place)

    def maps(self) -> bytes:
        """The lookup tables, so a cached index need not recompute every key: one line per entry,
        ``table TAB key TAB JSON``, which a lookup finds by searching the bytes (no parsing of the rest)."""
        tables = {"folded": {k: [[p.name, rule, via] for p, rule, via in v] for k, v in self._folded.items()},
                  "keys": {k: [[p.name, via] for p, via in v] for k, v in self._keys.items()},
                  "children": self.children, "first_words": {w: 1 for w in self.first_words},
                  "guessable": self._guess_table(), "villages": self._village_table(), "by_town": self.landmarks_by_town()}
        lines = {**{table: sorted(entries.items()) for table, entries in tables.items()},  # places in the file's order:
                 "place": [(name, list(place[1:])) for name, place in self.places.items()]}
        encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # one encoder, not one a line
        return joined({t: "".join(f"\n{t}\t{k}\t{encode(v)}" for k, v in lines[t]).encode("utf-8") for t in lines})

    def _restore(self, maps: bytes) -> None:
        self.places = LineMap(maps, "place", lambda v, name: Place(name, *v[:4], *map(tuple, v[4:7]), *v[7:9]),
                               keyed=True)
        get = self.places.__getitem__
        self._folded = LineMap(maps, "folded", lambda v: [(get(n), rule, via) for n, rule, via in v])
        self._keys = LineMap(maps, "keys", lambda v: [(get(n), via) for n, via in v])
        self.children = LineMap(maps, "children", list)
        self._guessable = LineMap(maps, "guessable", dict)
        self._villages = LineMap(maps, "villages", dict)
        self.first_words = LineMap(maps, "first_words", bool)
        self._by_town = LineMap(maps, "by_town", list)

    def _index(self, place: Place) -> None:
        for parent in place.parents:
            self.children.setdefault(parent, []).append(place.name)
        historical = set(place.historical) - {place.name, *place.aliases}
        for spelling in place.spellings:
            rule = "name" if spelling == place.name else "historical" if spelling in historical else "alias"
            for form in title_forms(spelling):
                # A title without its disambiguator ("Ağdam" of "Ağdam, Tovuz") is an alias, not the name.
                as_rule = rule if form == spelling or rule != "name" else "alias"
                # As typed, and as typed without the marks (Laçın as Lacin): the same spelling, not
                # another transliteration. Each folded once (thousands of places: the build's cost).
                plain = plain_letters(form)
                for folded in (words(form), *((words(plain),) if plain != form else ())):
                    _add(self._folded, " ".join(folded), (place, as_rule, spelling))
                    _add(self._keys, phonetic("".join(strip_generic(folded)[0])), (place, spelling))  # key()
                    if folded:
                        self.first_words.add(phonetic(folded[0]))

    def __len__(self) -> int:
        return len(self.places)

    def get(self, name: str) -> Place | None:
        return self.places.get(name)

    def get_many(self, names) -> dict[str, Place | None]:
        """Many places at once (a map's): a cached table is read whole for it, not searched name by name."""
        many = getattr(self.places, "get_many", None)
        return many(names) if many is not None else {name: self.places.get(name) for name in names}

    def spelled(self, folded: str) -> list[tuple[Place, str]]:
        """(place, spelling) of the spellings listed as `folded` is (folded words, space-joined)."""
        return [(p, via) for p, _, via in self._folded.get(folded, ())]

    def landmarks_by_town(self) -> Mapping[str, list[str]]:
        """The landmarks and passes under "town|kind" (kscli.names.landmarks): made once, and
        kept with a cached index, so that a query need not decode every place to find them."""
        if self._by_town is None:
            self._by_town = landmark_table(self)
        return self._by_town

    def by_key(self, k: str) -> list[Place]:
        """Places one of whose spellings has this key (order of the file, no repeats)."""
        return _unique(p for p, _ in self._keys.get(k, ()))

    def keys(self) -> list[str]:
        return list(self._keys)

    def keyed(self, k: str) -> list[tuple[Place, str]]:
        """(place, spelling) of the spellings with this key."""
        return list(self._keys.get(k, ()))

    def resolve(self, text: str, limit: int = 5, cutoff: float | None = None, fuzzy: bool = True) -> list[Match]:
        """_resolve(), once a gazetteer: a query reads a name for its answer and notes, a reading its parts."""
        if (asked := (text, limit, cutoff, fuzzy)) not in self._resolved:
            self._resolved = self._resolved if len(self._resolved) < 4096 else {}
            self._resolved[asked] = tuple(self._resolve(text, limit, cutoff, fuzzy))
        return list(self._resolved[asked])

    def _resolve(self, text: str, limit: int = 5, cutoff: float | None = None, fuzzy: bool = True) -> list[Match]:
        """The places `text` names, best first; several when the name is shared.

        A generic word in `text` ("Tartar District") narrows to that kind.
        An empty list means nothing matched even fuzzily; `fuzzy=False` asks for exact,
        alias and transliteration matches only.
        """
        folded = " ".join(words(text))
        listed = self._folded.get(folded, ())
        if not listed:  # "City of Shusha" as Shusha City, "Shusha's" as Shusha (not "Arak's", Araks)
            text = kind_last(text)
            folded = " ".join(words(text))
            listed = self._folded.get(folded, ())
        if not folded:  # no Latin letter: Persian and Arabic ones (استپاناکرت), a guess by their consonants
            text, unit = persian_unit(text)  # شهرستان آغدام: Aghdam's district
            guessed = by_consonants(text, self._guess_table(), self.keyed, self._nearest) if fuzzy else ()
            found = town_to_unit(self, narrow(best_per_place([Match(p, "fuzzy", 90.0, via) for p, via in guessed if
                                                              guessable(p) and p.kind not in NOT_EXTRACTED]), unit), unit)
            return found[:limit] if limit else found
        hint = kind_hint(text)
        exact = [Match(p, rule, exact_score(rule, via, folded), via) for p, rule, via in listed]
        k = key(text)
        abroad = not exact and is_abroad(text, self.spelled, self._keys.get(k, ()))
        translit = () if abroad else self._transliterations(text, k, {m.place.name for m in exact})
        exact += translit if exact else listed_reading_first(self._folded, text, translit)  # Техут
        if not exact and (disambiguated(text) or " of " in text or UNIT_NAMED.match(text)):
            exact = qualified(self, text)
        for reading in () if exact or abroad else foreign_readings(text):  # Chouchi, Schuscha, Kelbadjar
            exact = exact or self._transliterations(reading, key(reading), set())
        for form in () if exact or abroad else (text, *foreign_readings(text)):  # Sodskii perewal
            exact = exact or self._feature(form)
        if not exact and not abroad:
            exact = [Match(p, "transliteration", 95.0, p.name) for p in by_town(self, text)]  # Khankendi Airport
            exact = exact or [Match(p, "transliteration", 95.0, via) for p, via in by_word(self, text)]  # Upper Karabagh
            exact = exact or two_names(self, text)  # Martakert/Aghdara
        if exact:
            found = seats_first(best_per_place(exact, text), self.ancestors)
        elif fuzzy and not abroad and not english(text) and not english(bare_name(text)):  # "Iranian" is no Ivanyan
            found = seats_first(self._guess(text, k, limit, cutoff), self.ancestors)  # "Martakret": the town first
        else:
            found = []
        if not found and fuzzy and not abroad:  # last: it reads the keys again (Basit: a river's stem, its -çay dropped)
            found = [Match(p, "transliteration", 95.0, via) for p, via in river_by_stem(self, text)]
        found = town_to_unit(self, narrow(found, hint), hint)
        return found[:limit] if limit else found

    def _guess(self, text: str, k: str, limit: int, cutoff: float | None) -> list[Match]:
        """The places a typo of `text` likely means: a town's or a hand-kept place's name near it, or a village's
        nearer still (Dolanar is Dolanlar, before the town Dəlilər's Dolyar); with neither, a village's name near a
        reading in another language's way, held to more (a reading is a guess already): Ejwaschanbejli."""
        bar = FUZZY_CUTOFF if cutoff is None else cutoff  # a village's guess is held to more, and to what is asked
        found = of_the_kind_named(self._fuzzy(k, limit or 10, bar, typed=text), text)
        villages = [m for m in of_the_kind_named(self._village_guess(k, text), text) if m.score >= bar]
        if villages and (not found or villages[0].score > found[0].score):
            return sorted(villages + found, key=lambda m: -m.score)
        for reading in () if found else foreign_readings(text)[:READINGS_GUESSED]:
            read = of_the_kind_named(self._village_guess(key(reading), reading), text)
            found = [m for m in read if m.score >= max(READING_CUTOFF, bar)]
            if found:
                break
        return found

    def _guess_table(self) -> Mapping[str, dict]:
        """The spellings a guess at a typo may land on (those of places it may), by their first letter
        and key length (kscli.names.guesses.by_start): made once, and kept with a cached index."""
        if self._guessable is None:
            self._guessable = by_start((via, k) for k, v in self._keys.items() if len(k) >= 4
                                       for p, via in v if guessable(p))
        return self._guessable

    def _village_table(self) -> Mapping[str, dict]:
        """The spellings of the region's other places (the villages of the bulk lists), as _guess_table()."""
        if self._villages is None:
            self._villages = by_start((via, k) for k, v in self._keys.items() if len(k) >= 5
                                      for p, via in v if not p.elsewhere and not guessable(p))
        return self._villages

    def _village_guess(self, k: str, typed: str) -> list[Match]:
        """A typo of a village's name, where no place a guess usually lands on is near: of thousands of
        villages one is near far more often by chance, so the guess is held to more (VILLAGE_CUTOFF,
        and kscli.names.guesses.village_typo(): a long name, no surname)."""
        if len(k) < 5 or not village_typo(typed):
            return []
        asked = (k, typed, "villages")
        if asked not in self._nearest:
            self._nearest[asked] = (NEAREST, nearest(k, reachable(self._village_table(), typed, k, VILLAGE_CUTOFF / 100),
                                                       VILLAGE_CUTOFF / 100, NEAREST))
        return best_per_place([Match(p, "fuzzy", round(score * 100, 1), via) for choice, score in self._nearest[asked][1]
                               for p, via in self._keys[choice] if not p.elsewhere and typo(typed, via)])

    def _transliterations(self, text: str, k: str, found: set[str]) -> list[Match]:
        """Places one of whose spellings has the key of `text` and is written alike, one match a
        place. Where no spelling is listed as written (nothing `found`) and places of one kind answer,
        one with a spelling that reads as `text` letter for letter (an Azerbaijani letter and its
        English reading counted as one) scores 95, the others 94.5: of two villages one key brings
        together, the one written as typed comes first."""
        vias: dict[str, tuple[Place, list[str]]] = {}
        for place, via in self._keys.get(k, ()):
            if place.name not in found:
                vias.setdefault(place.name, (place, []))[1].append(via)
        out = []
        for place, spellings in vias.values():
            share = 1 / 2 if guessable(place) else 1 / 3
            via = next((s for s in spellings if any(alike(text, f, share) for f in title_forms(s))), None)  # Qazançı, Zangilan
            if via is not None:
                out.append(Match(place, "transliteration", 95.0, via))
        # An exact match outranks them all, and a town and its district are told apart by kind.
        kinds = [m.place.kind for m in out]
        if not found and len(set(kinds)) < len(kinds):
            out = [read_as_typed(m, text, vias[m.place.name][1]) for m in out]
        found.update(m.place.name for m in out)
        return out

    def _feature(self, text: str) -> list[Match]:
        """"Mount Gamysh", "Sarsang lake", "Hakari çayı", "Сарсангское водохранилище", "Սարսանգի
        ջրամբար": a river, lake, mountain or unit by its name and the word for its kind, before or
        after it, the name perhaps made an adjective or a genitive; places of that kind alone."""
        ws = split_compound(words(text))
        glued = ws[-1:] == ["chay"] and ws != words(text)  # Mehriçay: a river named after a town, no more (Kurichay)
        for at, size in ((0, 1), (len(ws) - 1, 1), (len(ws) - 2, 2)):
            word = " ".join(ws[at:at + size]) if 0 <= at < len(ws) else ""
            kinds = feature_kinds(word)
            rest = ws[:at] + ws[at + size:]
            found = [m for name in (rest[:1] if glued else name_forms(rest)) if kinds for m in self._of_kind(name, kinds)]
            unit = "district" if kinds and "district" in kinds else None  # "Ждановский район" (Beylagan)
            found = [m for m in found if m.place.kind in kinds and not glued] \
                or [m for m in town_to_unit(self, found, unit) if m.place.kind in kinds and not glued] \
                or named_after(found, " ".join(rest), lambda n: self._of_kind(n, kinds), kinds)
            if found:  # the first kind the word names first: "район" is a district before a province
                return sorted(best_per_place(found), key=lambda m: kinds.index(m.place.kind))
        return []

    def _of_kind(self, name: str, kinds) -> list[Match]:
        """The places `name` names as listed, and those of `kinds` spelled with a word of the kind: Hakari çayı."""
        return self.resolve(name, limit=0, fuzzy=False) + [
            Match(p, "transliteration", 95.0, via) for form in FEATURE_FORMS[kinds[0]]
            for spelled in (name, *foreign_readings(name))  # Barguschat-Gebirge
            for typed in (form.format(spelled.replace(" ", "")),)
            for p, via in self._keys.get(key(typed), ())
            if alike(typed, via, 1 / 2 if guessable(p) else 1 / 3)]  # "Xyzzy rayon" is no Khizi

    def spelled_or_keyed(self, text: str) -> list[Match]:
        """The best match of a spelling as listed or as a transliteration, no reading tried (cheap)."""
        exact = [Match(p, "alias", 100.0, via) for p, via in self.spelled(" ".join(words(text)))]
        return best_per_place(exact or self._transliterations(text, key(text), set()))[:1]

    def _fuzzy(self, k: str, limit: int, cutoff: float, typed: str | None = None) -> list[Match]:
        """Near keys; given what was `typed`, only those a typo of one of their spellings explains."""
        if len(k) < 4:
            return []  # too short to tell a typo from another word
        # A query reads a name more than once (its notes, its explanations): one search serves them
        # all, as the first keys of a longer list of the best are those of a shorter one.
        asked, wanted = (k, typed, cutoff), limit * 3
        weighed, found = self._nearest.get(asked, (0, None))
        if found is None or (weighed < wanted and len(found) == weighed):
            choices = reachable(self._guess_table(), typed, k, cutoff / 100) if typed is not None \
                else [c for c in self._keys if len(c) >= 4]
            weighed = max(wanted, NEAREST)
            found = (nearest if typed is not None else nearest_of_many)(k, choices, cutoff / 100, weighed)
            self._nearest[asked] = (weighed, found)
        found = found[:wanted]
        # A score is given to a tenth, and the score as given meets the cutoff: a cutoff finer than
        # a tenth would otherwise let 33.33 through as "33.3" for a cutoff of 33.3125.
        matches = [Match(p, "fuzzy", shown, via) for choice, score in found
                   if (shown := round(score * 100, 1)) >= cutoff for p, via in self._keys[choice]
                   if typed is None or (typo(typed, via) and guessable(p))]
        return best_per_place(matches)[:limit]

    def suggestions(self, text: str, limit: int = 3) -> list[str]:
        """Canonical names nearest to `text`, for a "did you mean" line: first those a spelling of
        which begins with it (a name half typed: "Stepan"; or, after Upper or Lower, is it: the two
        Rafadinlis), then the nearest by edits."""
        k = key(text)
        if not k:
            return []
        twin = qualifier_keys()  # "Rafadinli" may mean Ashagy and Yukhary Rafadinli
        started = sorted((choice for choice in self._keys if len(k) >= 3 and (choice.startswith(k) or (
            choice.endswith(k) and choice[:-len(k)] in twin))), key=lambda c: (not c.endswith(k), len(c)))
        begun = [p.name for p in _unique(p for choice in started for p, _ in self._keys[choice])]  # shortest first
        near = [m.place.name for m in self._fuzzy(k, limit, 50.0)]
        return list(dict.fromkeys([*begun[:limit], *near]))[:limit]

    def family(self, name: str, hint: str | None = None) -> set[str]:
        """`name` and the places that share its bare name: the town and the district named after it;
        only those of the kind a generic word asked for (`hint`: "Tartar City" is the city alone).

        A disambiguated homonym ("Ağdam, Tovuz") is family only by containment.
        """
        out = self._family(name)
        if hint:
            wanted = HINT_KINDS.get(hint, (hint,))
            out = {n for n in out if n == name or self.places[n].kind in wanted}
        return out

    def landmarks_in(self, names) -> set[str]:
        """The landmarks inside the settlements among `names`: what a user means by a town's name too."""
        return {child for name in names if self.places[name].kind in SETTLEMENTS
                for child in self.descendants(name) if self.places[child].kind == "landmark"}

    def _family(self, name: str) -> set[str]:
        place = self.places[name]
        own, owns = key(title_forms(place.name)[-1]), bare_keys(place)
        out = {name}
        for other in {o.name: o for k in owns for o in self.by_key(k)}.values():
            related = other.name in self.ancestors(name) or name in self.ancestors(other.name)
            theirs = key(title_forms(other.name)[-1])
            if (theirs == own and (related or namesakes(place, other))) or (related and bare_keys(other) & owns):
                out.add(other.name)
        return out

    def descendants(self, name: str) -> list[str]:
        """Every place inside `name`, at any depth (once, though both sides' units may hold it)."""
        out, seen, todo = [], {name}, list(self.children.get(name, ()))
        while todo:
            child = todo.pop(0)
            if child not in seen:
                seen.add(child)
                out.append(child)
                todo.extend(self.children.get(child, ()))
        return out

    def ancestors(self, name: str) -> list[str]:
        """Every place `name` is inside, through any of its parents, nearest first."""
        out, seen, todo = [], {name}, [name]
        while todo:
            place = self.places.get(todo.pop(0))
            for parent in place.parents if place else ():
                if parent not in seen:
                    seen.add(parent)
                    out.append(parent)
                    todo.append(parent)
        return out


def _add(index: dict, k: str, value) -> None:
    if k and value not in index.get(k, ()):
        index.setdefault(k, []).append(value)


def _unique(places) -> list[Place]:
    return list({p.name: p for p in places}.values())  # in order of first sight
