"""A landmark named by its town's other name: "Khankendi Airport" is Stepanakert Airport, "Shusha
castle" and "Şuşa qalası" the Shusha fortress, "Askeran castle" the Askeran Fortress; and a pass
by its village's: "Zod Pass" is the Sotk Pass.

The gazetteer lists a landmark under a few spellings, but a reader joins the kind's word to
whichever name of the town they know. A landmark's own spellings are split into a town's name
and a kind ("Stepanakert" and airport); a name typed the same way finds it where its town part
names the same town and its kind word the same kind. Nothing is found that the gazetteer does not
list: "Baku airport" is no landmark of the region, only Baku.
"""

from __future__ import annotations

from kscli.names.features import LANDMARK_WORDS, name_forms
from kscli.names.folding import words

_LONGEST = max(len(word.split()) for word in LANDMARK_WORDS)


def split_kind(ws: list[str]) -> tuple[list[str], str] | None:
    """(the town's words, the landmark's kind) of folded words that end in a kind's word, or begin
    with one as Russian, German or Armenian may write it (аэропорт Гянджи, Flughafen Khojaly).

    >>> split_kind(["ganja", "international", "airport"]), split_kind(["shusha"])
    ((['ganja'], 'airport'), None)
    >>> split_kind(["fuzuli", "beynalxalq", "hava", "limani"]), split_kind(["flughafen", "khojaly"])
    ((['fuzuli'], 'airport'), (['khojaly'], 'airport'))
    """
    for size in range(min(_LONGEST, len(ws) - 1), 0, -1):
        kind = LANDMARK_WORDS.get(" ".join(ws[-size:]))
        if kind:
            head = ws[:-size]
            while head[-1:] and head[-1] in _INTERNATIONAL:
                head = head[:-1]
            return (head, kind) if head else None
    for size in range(min(_LONGEST, len(ws) - 1), 0, -1):
        kind = LANDMARK_WORDS.get(" ".join(ws[:size]))
        if kind:
            head = [w for w in ws[size:] if w not in _INTERNATIONAL]
            return (head, kind) if head else None
    return None


# "International" in the languages a landmark's name is written in: Füzuli Beynəlxalq Hava Limanı,
# Füzuli Uluslararası Havalimanı, международный аэропорт.
_INTERNATIONAL = frozenset(("international", "beynalxalq", "beynelxalq", "uluslararasi", "mezhdunarodnyy",
                            "mezhdunarodny", "mijazgayin", "internationale", "internazionale", "internacional"))


def by_town(gazetteer, text: str) -> list:
    """The landmarks `text` names as a town's name and a kind's word, its town read as the gazetteer
    reads any name (spelling, alias, transliteration), never guessed."""
    split = split_kind(words(text))
    if split is None:
        return []
    table = gazetteer.landmarks_by_town()
    # the town's name as written, or made an adjective or a genitive: Шушинская крепость, Ստեփանակերտի օդանավակայան
    found = next((found for form in name_forms(split[0]) if (found := gazetteer.resolve(form, limit=0, fuzzy=False))), [])
    towns = [m.place.name for m in _best(found)]
    # and a landmark the name before the kind's word is itself (Çaraberd qalası: the fortress once Çaraberd)
    own = [m.place for m in found if m.place.kind in _KINDS_SPLIT]
    named = [gazetteer.places[name] for town in towns for name in table.get(f"{town}|{split[1]}", ())]
    # a dam, or its power station, named after its reservoir, where none is listed: the reservoir (Sarsang Dam)
    held = [m.place for m in _best(found) if m.place.kind == "reservoir" and split[1] in _HOLDING_WATER]
    return list(dict.fromkeys([*own, *named])) or held


def landmark_table(gazetteer) -> dict[str, list[str]]:
    """"town|kind": the landmarks and passes a spelling of which is that town's listed name and
    that kind's word ("Stepanakert Airport" under "Stepanakert|airport")."""
    table: dict[str, list[str]] = {}
    for place in gazetteer.places.values():
        for spelling in place.spellings if place.kind in _KINDS_SPLIT else ():
            split = split_kind(words(spelling))
            head = " ".join(split[0]) if split else ""
            towns = [p for p, _ in gazetteer.spelled(head) if p.kind not in _KINDS_SPLIT] if head else []
            for town in dict.fromkeys(p.name for p in towns):
                found = table.setdefault(f"{town}|{split[1]}", [])
                if place.name not in found:
                    found.append(place.name)
    return table


_KINDS_SPLIT = ("landmark", "pass")
_HOLDING_WATER = ("dam", "power station")


def _best(matches: list) -> list:
    """The matches (no landmark or pass) of the best score."""
    matches = [m for m in matches if m.place.kind not in _KINDS_SPLIT]
    return [m for m in matches if m.score == matches[0].score]
