"""Names of two parts: a place and the place it is in ("Ağdam, Khojavend", "Lachin district of
Azerbaijan"), or two names of one place as a text pairs them ("Martakert/Aghdara", "Shusha-Shushi")."""

from __future__ import annotations

import re

from kscli.names.geo import nearest_to

_TWO_NAMES = re.compile(r"\s*/\s*|(?<=\w)[-–](?=\w)")
# A name and its unit in the genitive: Azerbaijani puts the unit first ("Zəngilan rayonunun Ağbənd kəndi"
# is Ağbənd of Zangilan District, "Tovuz rayonunun Ağdam kəndi" the village Ağdam of Tovuz District),
# Russian after it, an adjective ("Агдам Товузского района", "село Талыш Тертерского района").
UNIT_NAMED = re.compile(r"^\s*(?:(?P<unit>\S.*?\s(?:rayonunun|şəhərinin|kəndinin))\s+(?P<name>\S.*?)"
                        r"|(?P<named>\S.*?)\s+(?P<of>\S+(?:ского|цкого|ской)\s+(?:района|области|марза)))\s*$", re.I)


def qualified(gazetteer, text: str) -> list:
    """"Ağdam, Khojavend", "Ağdam (Khojavend)", "Lachin district of Azerbaijan" or UNIT_NAMED's: the places
    of that name inside the place named after it. None inside, the place of that name (or, none, of a name a
    typo explains) nearest the place named, within 40 km, as a guess: one side's unit is not always
    the other's ("Kosalar, Shusha" is the Kosalar beside Shusha that Who's On First files under
    Khojaly District; "Janhasan, Shusha" is Dzhangasan, the village beside it)."""
    unit = UNIT_NAMED.match(text)
    head, _, rest = (unit["name"] or unit["named"], ",", unit["unit"] or unit["of"]) if unit \
        else text.replace(" (", ",", 1).replace(" of ", ",", 1).partition(",")
    within = {m.place.name for m in gazetteer.resolve(rest.strip(" )"), limit=0, fuzzy=False)}
    if not head.strip() or not within:
        return []
    found = gazetteer.resolve(head, limit=0, fuzzy=False)
    inside = [m for m in found if within & {m.place.name, *gazetteer.ancestors(m.place.name)}]
    if inside:
        return inside
    found = found or gazetteer.resolve(head, limit=0)
    near = nearest_to([m.place for m in found], [gazetteer.places[name] for name in within])
    return [m._replace(rule="fuzzy", score=min(m.score, 90.0)) for m in found if near and m.place.name == near.name]


def two_names(gazetteer, text: str) -> list:
    """"Martakert/Aghdara", "Shusha-Shushi": two names of one place, as a text pairs them; two
    places ("Madagiz-Talış") are no one place, and nothing answers."""
    parts = [part for part in _TWO_NAMES.split(text) if part.strip()] if _TWO_NAMES.search(text) else []
    if len(parts) != 2:
        return []
    first, second = (gazetteer.spelled_or_keyed(part) for part in parts)
    same = first and second and second[0].place.name in gazetteer.family(first[0].place.name)
    return [first[0]._replace(rule="transliteration", score=95.0)] if same else []
