"""A name of several words, one of them spelled as another name of the place it names alone:
"Upper Karabagh" is Upper Karabakh, "Dağlıq Karabakh" Dağlıq Qarabağ, both Nagorno-Karabakh.

The gazetteer lists a region's other names whole ("Mountainous Karabakh", "Nagorno-Karabagh"),
not every mix of their words' spellings. A word that is by itself a listed spelling of a place
is tried as each of that place's other one-word spellings; the name so respelled must then be a
listed spelling as it stands, or its transliteration (Yuxarı Qarabağ: Yukhari Karabakh, read as
Upper Karabakh): nothing is guessed.
"""

from __future__ import annotations

from kscli.names.features import FEATURE_FORMS
from kscli.names.folding import GENERIC, key, words
from kscli.names.guesses import alike
from kscli.names.ranking import foreign_readings


def by_word(gazetteer, text: str) -> list:
    """(place, spelling) of the places `text` names respelled a word at a time, as written or in one
    of its foreign readings, its Upper or Lower in another language among them (Yuxarı Qarabağ, Upper
    Karabakh; Youkhary Karabagh, French)."""
    ws = words(text)
    readings = foreign_readings(text) if len(ws) > 1 else []  # qualifier_readings() among them
    return next((found for form in (ws, *(r.split() for r in readings)) if (found := _by_word(gazetteer, form))), [])


def _by_word(gazetteer, ws: list[str]) -> list:
    for at, word in enumerate(ws if len(ws) > 1 else ()):
        for respelled in _respellings(gazetteer, word) if word not in GENERIC else ():
            name = " ".join((*ws[:at], respelled, *ws[at + 1:]))
            # listed as it stands, or its transliteration (Yuxarı Qarabağ: Yukhari Karabakh)
            found = _listed(gazetteer, name) or [(m.place, m.via) for m in gazetteer.spelled_or_keyed(name)]
            if found:
                return found
    return []


def _respellings(gazetteer, word: str) -> list[str]:
    """The other one-word spellings, folded, of the places `word` spells as listed."""
    out: dict[str, None] = {}
    for place, _ in _listed(gazetteer, word):
        for spelling in place.spellings:
            folded = words(spelling)
            if len(folded) == 1 and folded[0] != word:
                out[folded[0]] = None
    return list(out)


def _listed(gazetteer, folded: str) -> list[tuple]:
    """(place, spelling) of the places with a spelling listed as `folded` (a title without its
    disambiguator too), each place once."""
    out: dict[str, tuple] = {}
    for place, via in gazetteer.spelled(folded):
        out.setdefault(place.name, (place, via))
    return list(out.values())


def river_by_stem(gazetteer, text: str) -> list[tuple]:
    """(place, spelling) of the rivers named `text` and -çay, when nothing else is: Azerbaijani names
    a river by its stem and the word for a river, glued (Basitçay, Turağayçay), and maps and pages of
    the other side drop the word (Basit, Turagay). Only a river, and only a name of one word."""
    ws = words(text)
    if len(ws) != 1 or len(ws[0]) < 4:
        return []
    glued = [form.format(text) for form in FEATURE_FORMS["river"] if " " not in form]  # Basitchay, Basitcay
    return list({p.name: (p, via) for typed in glued for p, via in gazetteer.keyed(key(typed))
                 if p.kind == "river" and alike(typed, via, 1 / 3)}.values())
