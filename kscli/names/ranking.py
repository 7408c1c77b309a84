"""How the places a name may mean are ordered: the score a listed spelling earns, ties broken by
what a reader most likely means, and a generic word's narrowing to a kind ("Tartar District")."""

from __future__ import annotations

from kscli.names.folding import disambiguated, key, title_forms, words
from kscli.names.geo import distance_km
from kscli.names.guesses import reads_as

SETTLEMENTS = ("city", "town", "village")
# Kinds a generic word may point at ("Tartar City" is a city or a town).
HINT_KINDS = {"city": ("city", "town"), "town": ("town", "city"), "village": ("village",),
              "district": ("district", "province"), "province": ("province", "region", "district"),
              "area": ("district", "province", "region")}
_RANK = {kind: n for n, kind in enumerate(SETTLEMENTS)}


def foreign_readings(text: str) -> list[str]:
    """kscli.names.readings.foreign_readings(), imported when first asked for: its patterns take a
    millisecond to compile, and a name found as written (most queries') needs none of them."""
    from kscli.names.readings import foreign_readings as readings

    return readings(text)


def exact_score(rule: str, via: str, folded: str) -> float:
    """100 for a spelling as listed; 99 for a title without its disambiguator ("Meghri" of "Meghri
    (river)": the town whose own name it is comes first); 98 for a historical name."""
    if rule == "historical":
        return 98.0
    return 99.0 if disambiguated(via) and folded != " ".join(words(via)) else 100.0


def read_as_typed(m, text: str, spellings: list[str]):
    """The match through a spelling that reads as `text` letter for letter (95), else at 94.5."""
    via = next((s for s in spellings if reads_as(text, s)), None)
    return m._replace(score=95.0 if via else 94.5, via=via or m.via)


def listed_reading_first(folded: dict, text: str, matches: list) -> list:
    """Key neighbours alone, none spelled as typed letter for letter, give way to the places a
    reading of `text` in another language's way lists as a name in use (`folded`: the gazetteer's
    table of spellings): "Техут", in Russian's х for the Armenian ղ, is Teghut's Թեղուտ, not
    Ataqut's Тахут, a vowel away. Not a former name: Չիբուխլու, read with an Azerbaijani -li, is
    Dzhiviskli's old Chibukhli, but its key finds Tsovagyugh's Chibukhly, a name in use."""
    if not matches or any(reads_as(text, m.via) for m in matches):
        return list(matches)
    read = [matches[0]._replace(place=p, via=via) for reading in foreign_readings(text)
            for p, rule, via in folded.get(reading, ()) if rule != "historical"]
    return read or list(matches)


def best_per_place(matches: list, typed: str = "") -> list:
    best: dict = {}
    for m in matches:
        if m.place.name not in best or m.score > best[m.place.name].score:
            best[m.place.name] = m
    # Ties: a place checked by hand before a village of the bulk list (the places the timeline names
    # are the hand-kept ones; but a town of the region before a river or mountain: Meqri is the town of
    # Meghri, not its river), a place of the region before one beyond it (Abovyan of Ararat, not the
    # town of Kotayk), a place's own name before another's alias (Tovuz, not Berd, once called Tovuz;
    # "Garadaghly", read as Qaradağlı, one of the villages of that name, not Mrgavet, once called so), a
    # current name before a former one, read alike (Gétachène: Çaykənd, still Getashen to Armenians,
    # not Kirants, once so called), a settlement before the district named after it, a city before a
    # town before a village, a plain title before "Ağdam, Tovuz", a place with more names in use before
    # a homonym with fewer (the village GeoNames knows by 40 names before the ruin of that name
    # nearby); then the order of the file (its hand-kept rows come first). A name `typed` with letters
    # beyond ASCII and listed so (Mərzili, Mirasali's) is that place's before another's folded alike
    # (Marzılı, of Yevlakh): the letters were chosen.
    chosen = {m.place.name for m in matches if m.via == typed} if not typed.isascii() else ()
    return sorted(best.values(), key=lambda m: (-m.score, _kept(m.place),
                                                m.place.elsewhere, bool(chosen) and m.place.name not in chosen,
                                                m.rule != "name",
                                                not own_name(m), m.via in m.place.historical,
                                                _RANK.get(m.place.kind, len(_RANK)), "," in m.place.name,
                                                -len(m.place.aliases) - len(m.place.historical)))


def seats_first(matches: list, ancestors) -> list:
    """A town before the unit named after it, though only the unit is hand-kept ("Culfa" is Julfa's
    town, "Martouni" Martuni's, Khojavend); not a village: "Syunik" is the province, not its village.
    `ancestors` gives the units a place is in (Gazetteer.ancestors)."""
    out = list(matches)
    for unit in matches:
        if unit.place.kind not in ("district", "province"):
            continue
        bare = key(unit.place.name)
        seat = next((m for m in out[out.index(unit) + 1:] if m.place.kind in ("city", "town") and m.score == unit.score
                     and key(m.via) == bare and unit.place.name in ancestors(m.place.name)), None)
        if seat:
            out.remove(seat)
            out.insert(out.index(unit), seat)
    return out


def own_name(m) -> bool:
    """Whether a match came through a spelling of the place's own name (Qaradagli of "Qaradağlı, Aghdam")."""
    return m.via == m.place.name or key(title_forms(m.via)[-1]) == key(title_forms(m.place.name)[-1])


def narrow(matches: list, hint: str | None) -> list:
    if not hint:
        return matches
    # The first kind the word may mean that answers: "Hadrut District" is the province the other side
    # named so, when no district is; "Tartar District" the district alone; with no unit so named, the
    # town's (Soviet Armenia's Meghri raion), not the river's.
    kinds = (*HINT_KINDS.get(hint, (hint,)), *(("city", "town") if hint in ("district", "area") else ()))
    # A name that is one unit's own and another's alias, alike in score, is the first's: "Kashatagh
    # District", an alias of Lachin District too, is Artsakh's Kashatagh Province ("Aghdara District",
    # Martakert Province's as listed, is not the town of Aghdara's as read). Not a town's: "Martuni town"
    # is the hand-kept Khojavend, once Martuni, before the Martuni of Gegharkunik.
    # Units only: "Agdara district", a town's alias (100) with a unit's word, is the unit named so (95).
    top, units = max((m.score for m in matches), default=0), HINT_KINDS.get(hint, (hint,))
    owners = [m for m in matches if m.score == top and m.place.kind in units and own_name(m)] \
        if hint not in ("city", "town") else []
    # a city or a town, whichever ranks first: "Artashat town" is the city, not Verin Artashat, a town
    # Who's On First also calls Artashat
    for tier in [kinds] if hint in ("city", "town") else [(kind,) for kind in kinds]:
        narrowed = [m for m in owners or matches if m.place.kind in tier]
        if narrowed:
            return narrowed
    # a settlement's word never makes a river or a mountain a village: "Katik village" is not the Getik,
    # "Vorotan qəsəbəsi" (a township) the village Vorotan, not the river
    return [m for m in matches if m.place.kind not in NATURE] if hint in SETTLEMENTS else matches


def town_to_unit(gazetteer, matches: list, hint: str | None) -> list:
    """A unit's word after a town's other name means the unit named after the town: "Berdzor region"
    is Lachin District, as "Lachin region" is, though Berdzor is the town's name alone. Where no unit
    shares the town's name (Meghri District, a Soviet raion), the town stays."""
    kinds = HINT_KINDS.get(hint, ()) if hint in ("district", "area", "province") else ()
    if not kinds or not matches or any(m.place.kind in kinds for m in matches):
        return matches
    best = matches[0]
    return [best._replace(place=unit) for unit in town_units(gazetteer, best.place, kinds)] + matches


def town_units(gazetteer, place, kinds) -> list:
    """The units of `kinds` named after `place`, a city or town (Lachin District of Lachin)."""
    if place.kind not in ("city", "town"):
        return []
    return [gazetteer.places[name] for name in sorted(gazetteer.family(place.name)) if gazetteer.places[name].kind in kinds]


def bare_keys(place) -> set[str]:
    """The keys of a place's bare name: its title's, and a unit's titled with words of its kind after
    a name it is listed by (Nakhchivan, of the Nakhchivan Autonomous Republic: its city's name)."""
    own = key(title_forms(place.name)[-1])
    if place.kind not in ("region", "district", "province"):
        return {own}
    return {own, *(key(a) for a in place.aliases if place.name.startswith(a + " "))}


def _kept(place) -> int:
    if place.curated:
        return 2 if place.kind in NATURE else 0
    return 1 if place.kind in ("city", "town") and not place.elsewhere else 3


NATURE = ("river", "mountain", "lake", "reservoir", "valley", "pass")


def named_after(matches: list, typed_name: str, of_kind, kinds) -> list:
    """A river, lake or mountain (of `kinds`) named after a settlement, the settlement typed by another
    of its names: "Mığrı çayı" is the Meghri river (Mığrı being the town's Azerbaijani name), "Razdan
    çayı" the Hrazdan. `of_kind` finds the places a name and the kind's words name (Gazetteer._of_kind)."""
    names = {title_forms(m.place.name)[-1] for m in matches if m.place.kind in SETTLEMENTS}
    return [f for name in sorted(names) if key(name) != key(typed_name)  # as typed, it was tried
            for f in of_kind(name) if f.place.kind in kinds]


def namesakes(a, b) -> bool:
    """Whether two places of one name, neither titled with a disambiguator and neither holding the
    other, are one family all the same: two settlements (two records of one village, which Who's On
    First and GeoNames may place far apart), or any other two within 30 km of each other (Ordubad and
    Ordubad District, 17 km). Not a unit and a settlement far from it: Shahumyan of Ararat is no part
    of the Shahumyan region, 126 km off, nor Deshkesen, a village 149 km off, of Dashkasan District."""
    if disambiguated(a.name) or disambiguated(b.name):
        return False
    if a.kind in SETTLEMENTS and b.kind in SETTLEMENTS:
        return True
    return None not in (a.lat, b.lat) and distance_km((a.lat, a.lon), (b.lat, b.lon)) < 30
