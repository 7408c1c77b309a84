"""Which of the places one name names a sentence means, by the other places it and its day name:
a village's name shared by many, and a hand-kept place's other name that is a village's own."""

from __future__ import annotations

import re

from kscli.names.folding import fold, key, phonetic, title_head
from kscli.names.gazetteer import Gazetteer
from kscli.names.geo import distance_km, nearest_to

_UNITS = ("district", "province")


def by_the_day(mentions: list, chosen: list, gaz: Gazetteer) -> None:
    """A village's name shared by many (none checked by hand) is the one inside a district or
    province, or beside a place, that its sentence names, else that the same day names; the
    day's other mentions of the name follow its sentence's choice. Where none is, the choice stands.
    mentions: each text's mentions (None for no text); chosen: each text's chosen names, changed in place."""
    shared = {(n, k): m for n, found in enumerate(mentions) if found for k, m in enumerate(found)
              if len(m.candidates) > 1 and not any(p.curated for p in m.candidates)}
    # ... and a name whose hand-kept place its words ruled out ("the villages Kushi-Armavir, Azat": not
    # the Azat river), among the bulk list's places of the kind chosen (Kalinino, called Azat too)
    for n, found in enumerate(mentions):
        for k, m in enumerate(found or ()):
            if (n, k) not in shared and (bulk := _bulk_of_kind(m, chosen[n][k], gaz)):
                shared[(n, k)] = m._replace(candidates=bulk)
    if not shared:
        return
    settled: dict[str, str] = {}
    later = []
    for (n, k), m in shared.items():
        if _unit_next(n, k, mentions, chosen, gaz) or near(m, chosen, n, k, [n], gaz):
            settled.setdefault(phonetic(fold(m.surface)), chosen[n][k])
        else:
            later.append((n, k))
    for n, k in later:
        m = shared[(n, k)]
        same = settled.get(phonetic(fold(m.surface)))
        if same and any(p.name == same for p in m.candidates):
            chosen[n][k] = same
        else:
            near(m, chosen, n, k, range(len(chosen)), gaz)


def _bulk_of_kind(m, name: str | None, gaz: Gazetteer) -> tuple:
    """The places of the bulk list of the kind of `name` a mention may mean, where its words chose one of
    them over a hand-kept place (two or more, or none)."""
    place = gaz.places.get(name) if name else None
    if not place or place.curated or not any(p.curated for p in m.candidates):
        return ()
    bulk = tuple(p for p in m.candidates if not p.curated and p.kind == place.kind)
    return bulk if len(bulk) > 1 else ()


def _unit_next(n: int, k: int, mentions: list, chosen: list, gaz: Gazetteer) -> bool:
    """Whether the name's district or province comes next in its sentence, the choice made by it: "the
    village of Garadaghli of Khojavand district, Khojali, Balligaya village of Goranboy district"."""
    unit = chosen[n][k + 1] if k + 1 < len(chosen[n]) else None
    return bool(unit and mentions[n][k + 1].kind in _UNITS and chosen[n][k] and unit in gaz.ancestors(chosen[n][k]))


def near(mention, chosen: list, n: int, k: int, where, gaz: Gazetteer) -> bool:
    """Choose, for mention k of text n, a candidate inside or beside a place chosen in the texts
    `where`, or else the nearest to one (within 40 km); whether the choice is so placed."""
    others = {name for n2 in where for k2, name in enumerate(chosen[n2] or ())
              if (n2, k2) != (n, k) and name != chosen[n][k]}
    units_of = {name: {a for a in gaz.ancestors(name) if gaz.places[a].kind in _UNITS} for name in others}
    anchors = others.union(*units_of.values())

    def held(place) -> tuple[int, int]:
        """(units named that hold it, places named that share a unit with it): "Garadagly, between
        Khankandi and the Khojavend region" is Khojavend's, though Khankendi is of Askeran Province too."""
        units = set(gaz.ancestors(place.name))
        return len(units & others), sum(bool(units & theirs) for theirs in units_of.values())

    # Only the villages that bear the name now: Kirants, beside Noyemberyan, was Getashen until 1967.
    own = key(mention.surface)
    # (a title's head is a name: Çaylı, Tartar has no other spelling of Çaylı)
    bearers = [p for p in mention.candidates if any(key(title_head(s)) == own for s in (p.name, *p.aliases))] \
        or mention.candidates
    current = held(gaz.places[chosen[n][k]]) if set(gaz.ancestors(chosen[n][k])) & anchors else (0, 0)
    best = max(bearers, key=held)
    if current >= held(best) and current > (0, 0):
        return True
    inside = [best] if set(gaz.ancestors(best.name)) & anchors else []
    closest = inside[0] if inside else nearest_to(bearers, [gaz.places[a] for a in anchors])
    if closest:
        chosen[n][k] = closest.name
    return bool(closest)


def own_names_in_context(mentions: list, chosen: list[str], gaz: Gazetteer) -> None:
    """A name a hand-kept place bears only as another name (Istisu, once Jermuk's) is the village
    whose own name it is where a name next to it in the sentence is the district or province
    holding that village, or a place inside it, and none holding the hand-kept place: "the
    Kelbajar-Istisu road" is the İstisu of Kalbajar District, while in "Basarkechar, Istisu,
    Garakilsa", towns of Armenia by their Azerbaijani names, Istisu stays Jermuk though the
    sentence names Kalbajar too. A hand-kept place's own name (Lachin) is never so read.
    chosen: the sentence's chosen names, changed in place."""
    for k, mention in enumerate(mentions):
        if len(mention.candidates) < 2 or not gaz.places[chosen[k]].curated or mention.kind in ("district", "area") \
                or gaz.places[chosen[k]].kind in _UNITS:
            continue  # most mentions: one place, or a choice no hand-kept place is in; "the Aghdara district" a
            # unit, and so is "Aghdare" in "Aghdare and Aghdam regions", a list's kind word read back
        place, own = gaz.places[chosen[k]], key(mention.surface)
        if own == bare_key(place.name):
            continue
        anchors = {unit for name in chosen[max(k - 1, 0):k] + chosen[k + 1:k + 2] if name != chosen[k]
                   for unit in (name, *gaz.ancestors(name)) if gaz.places[unit].kind in _UNITS}
        inside = [p for p in mention.candidates if own == bare_key(p.name) and set(gaz.ancestors(p.name)) & anchors]
        if len(inside) == 1 and not set(gaz.ancestors(place.name)) & anchors:
            chosen[k] = inside[0].name


def bare_key(name: str) -> str:
    """The key of a place's own name, without a Wikipedia-style disambiguator ("Laçın, Kalbajar")."""
    return key(title_head(name))


# What follows a name that speaks or writes: a paper's, an agency's or a man's, not a village's.
_SPEAKS = re.compile(r"['’]?s?\s+(?:(?:on|last|this)\s+\w+\s+)?(?:said|says|reported|reports|wrote|writes|"
                     r"corrected|quoted|claimed|correspondents?|newspaper|editorial|reporters?)\b")


def strays(text: str, mentions: list, chosen: list, gaz: Gazetteer) -> None:
    """A village that a sentence naming a district or province places neither inside one it names
    nor within 60 km of a place it names (a unit, a place inside one, a town, a feature) is no place
    of that sentence: "Chinarli in the Tavush region" is no Çinarlı of Khojavend, 100 km away.
    chosen: the sentence's names, set to None so. (On the seed and the development timelines, this
    took off three wrong villages and no right one.) Nor is a village of the bulk lists that speaks
    or reports: "Pravda said", "the Pravda correspondent" name the paper, not Shamkir's Pravda."""
    for k, name in enumerate(chosen):
        place = gaz.places[name] if name else None
        if place and place.kind == "village" and not place.curated and _SPEAKS.match(text, mentions[k].end):
            chosen[k] = None
    units = {name for name in chosen if name and gaz.places[name].kind in _UNITS}
    if not units:
        return

    def inside(name: str) -> bool:
        return bool(set(gaz.ancestors(name)) & units)

    anchors = [gaz.places[name] for name in chosen if name and gaz.places[name].lat is not None
               and (gaz.places[name].kind != "village" or inside(name))]
    for k, name in enumerate(chosen):
        place = gaz.places[name] if name else None
        if place is None or place.kind != "village" or place.lat is None or inside(name) \
                or mentions[k].kind in ("district", "area"):
            continue  # "Getashen sub-district": a unit the text names as one
        if all(distance_km((place.lat, place.lon), (other.lat, other.lon)) > 60 for other in anchors):
            chosen[k] = None


def former_strays(mentions: list, chosen: list, gaz: Gazetteer) -> None:
    """A village a sentence names only by a name it no longer bears, where every other place the
    sentence names is in the other country and 60 km or more away, is no place of that sentence:
    "the Galali and Goygala monuments" of Qubadli are no Ghukasavan of Ararat (Kalali before 1978).
    A former name is read where the sentence is about the village's own country: "outposts in Nyuvadi",
    beside Vardenis, is Nrnadzor. chosen: the sentence's names, set to None so."""
    places = [gaz.places[name] if name else None for name in chosen]
    for k, place in enumerate(places):
        if place is None or place.kind != "village" or place.lat is None or not _by_former_name(mentions[k], place):
            continue
        others = [p for j, p in enumerate(places) if j != k and p is not None and p.lat is not None]
        country = _country(place.name, gaz)
        if others and all(_country(p.name, gaz) not in (country, None) and
                          distance_km((place.lat, place.lon), (p.lat, p.lon)) >= 60 for p in others):
            chosen[k] = None


def _country(name: str, gaz: Gazetteer) -> str | None:
    return next((a for a in (name, *gaz.ancestors(name)) if gaz.places[a].kind == "country"), None)


def _by_former_name(mention, place) -> bool:
    """Whether a mention names `place` by one of its former names alone, no current one keyed alike."""
    k = key(mention.surface)
    return any(key(h) == k for h in place.historical) and not any(key(n) == k for n in (place.name, *place.aliases))


# Between two names a text gives one place: "Sarnaghbyur, called Aghbulag by Azerbaijan", "Parukh,
# which Azerbaijanis call Farukh", "Martakert (Aghdara)", "Mardakert/Aghdere", "Getashen, also known as".
_SAME_PLACE = re.compile(r"\s*[(/]\s*(?:also\s+)?|,?\s+(?:(?:which|that)\s+(?:\w+\s+){0,2}calls?|(?:also\s+)?"
                         r"(?:called|known\s+as|named))\s+", re.I)


def paired_names(text: str, mentions: list) -> None:
    """Two names a text gives one place mean a place both may be: the village of Askeran that is
    Sarnaghbyur to one side and Ağbulaq to the other, not a Sarnaghbyur and an Ağbulaq of Armenia.
    mentions: the sentence's, each narrowed in place to the places the pair shares, if any."""
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        if not _SAME_PLACE.fullmatch(text, a.end, b.start):
            continue
        shared = {p.name for p in a.candidates} & {p.name for p in b.candidates}
        if shared and (len(shared) < len(a.candidates) or len(shared) < len(b.candidates)):
            mentions[k] = a._replace(candidates=tuple(p for p in a.candidates if p.name in shared))
            mentions[k + 1] = b._replace(candidates=tuple(p for p in b.candidates if p.name in shared))
