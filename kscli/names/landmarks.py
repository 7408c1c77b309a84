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

from weakref import WeakKeyDictionary

from kscli.names.folding import words

# The words for a landmark's kind, folded, in English, Azerbaijani (typed with and without its
# letters: qalası is qalasi, məscidi mascidi or mescidi) and Russian, each with its kind.
_KINDS = {
    **dict.fromkeys(("airport", "airfield", "aerodrome", "aeroport", "aeroportu", "hava limani"), "airport"),
    **dict.fromkeys(("fortress", "castle", "fort", "citadel", "qalasi", "galasi", "krepost"), "fortress"),
    **dict.fromkeys(("mosque", "mascidi", "mescidi", "mechet", "camii"), "mosque"),
    **dict.fromkeys(("bridge", "bridges", "korpusu", "korpuleri", "most"), "bridge"),
    **dict.fromkeys(("dam", "bandi", "bendi", "plotina"), "dam"),
    **dict.fromkeys(("cathedral", "church", "kilsasi", "kilsesi", "sobor", "tserkov"), "church"),
    **dict.fromkeys(("monastery", "monastyr", "monastiri"), "monastery"),
    **dict.fromkeys(("mine", "gold mine", "rudnik", "madani", "madeni", "yatagi"), "mine"),
    **dict.fromkeys(("pass", "pereval", "asirimi", "ashirimi"), "pass"),  # Zod Pass, by the village Sotk's other name
    **dict.fromkeys(("power station", "power plant", "hydroelectric power station", "hydroelectric station", "hpp",
                     "ges", "su elektrik stansiyasi"), "power station"),
}
_LONGEST = max(len(word.split()) for word in _KINDS)
_TABLES: WeakKeyDictionary = WeakKeyDictionary()  # per gazetteer: (town, kind) -> landmarks


def split_kind(ws: list[str]) -> tuple[list[str], str] | None:
    """(the town's words, the landmark's kind) of folded words that end in a kind's word.

    >>> split_kind(["ganja", "international", "airport"]), split_kind(["shusha"])
    ((['ganja'], 'airport'), None)
    """
    for size in range(min(_LONGEST, len(ws) - 1), 0, -1):
        kind = _KINDS.get(" ".join(ws[-size:]))
        if kind:
            head = ws[:-size]
            if head[-1:] == ["international"]:
                head = head[:-1]
            return (head, kind) if head else None
    return None


def by_town(gazetteer, text: str) -> list:
    """The landmarks `text` names as a town's name and a kind's word, its town read as the gazetteer
    reads any name (spelling, alias, transliteration), never guessed."""
    split = split_kind(words(text))
    if split is None:
        return []
    table = _table(gazetteer)
    return [landmark for town in _towns(gazetteer, split[0]) for landmark in table.get((town, split[1]), ())]


def _table(gazetteer) -> dict[tuple[str, str], list]:
    table = _TABLES.get(gazetteer)
    if table is None:
        table = _TABLES[gazetteer] = {}  # in place first: a town's name is resolved while it is filled
        for place in gazetteer.places.values():
            for spelling in place.spellings if place.kind in ("landmark", "pass") else ():
                split = split_kind(words(spelling))
                for town in _towns(gazetteer, split[0]) if split else ():
                    found = table.setdefault((town, split[1]), [])
                    if place not in found:
                        found.append(place)
    return table


def _towns(gazetteer, head: list[str]) -> list[str]:
    """The places (no landmark or pass) a town's words name, those of the best score only."""
    matches = [m for m in gazetteer.resolve(" ".join(head), limit=0, fuzzy=False)
               if m.place.kind not in ("landmark", "pass")]
    return [m.place.name for m in matches if m.score == matches[0].score]
