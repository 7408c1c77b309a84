"""Names of two parts: a place and the place it is in ("Ağdam, Khojavend", "Lachin district of
Azerbaijan"), or two names of one place as a text pairs them ("Martakert/Aghdara", "Shusha-Shushi")."""

from __future__ import annotations

import re

_TWO_NAMES = re.compile(r"\s*/\s*|(?<=\w)[-–](?=\w)")


def qualified(gazetteer, text: str) -> list:
    """"Ağdam, Khojavend", "Ağdam (Khojavend)" or "Lachin district of Azerbaijan": the places of that
    name inside the place named after it."""
    head, _, rest = text.replace(" (", ",", 1).replace(" of ", ",", 1).partition(",")
    within = {m.place.name for m in gazetteer.resolve(rest.strip(" )"), limit=0, fuzzy=False)}
    if not head.strip() or not within:
        return []
    return [m for m in gazetteer.resolve(head, limit=0, fuzzy=False)
            if within & {m.place.name, *gazetteer.ancestors(m.place.name)}]


def two_names(gazetteer, text: str) -> list:
    """"Martakert/Aghdara", "Shusha-Shushi": two names of one place, as a text pairs them; two
    places ("Madagiz-Talış") are no one place, and nothing answers."""
    parts = [part for part in _TWO_NAMES.split(text) if part.strip()] if _TWO_NAMES.search(text) else []
    if len(parts) != 2:
        return []
    first, second = (gazetteer.spelled_or_keyed(part) for part in parts)
    same = first and second and second[0].place.name in gazetteer.family(first[0].place.name)
    return [first[0]._replace(rule="transliteration", score=95.0)] if same else []
