"""The kind of place the words around a name point at: "villages in X", "the region of X" and "X
and other areas" point at a district, "the city of X" at the town; a list's kind word ("Goranboy,
Tartar and Aghdam Districts") spreads over the whole list."""

from __future__ import annotations

import re

from kscli.extract.choice import AND_OTHER, DATED_GAP, LIST_GAP
from kscli.extract.mention import Mention
from kscli.extract.not_places import PEOPLES

_AREAS_IN = ("villages", "municipalities", "settlements", "municipality", "districts", "village")  # "a village in Lachin"
_COUNTS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_AREAS_OF = ("villages", "settlements", "districts", "district", "raion", "rayon")  # "the raion of Sadarak"
_SIDES = (*PEOPLES, "azeri")  # a side's adjective before "regions of": "the Azeri regions of Fizuli and Jebrail"


def _backwards(words) -> str:
    return "|".join(word[::-1] for word in words)


# What comes just before a name that points at a district: "villages in ", "two villages within the ",
# "districts of ". Matched against the text before the name read backwards, from the name: a search
# for "...$" would try every position of the text before it (13 µs a call on this timeline).
_AREA_BEFORE = re.compile(
    # no year's "in", nor a head count's ("55,000 in Fizuli": people, not villages)
    rf"\s+(?:eht\s+)?ni(?:htiw)?\s+(?:{_backwards(_AREAS_IN)}|(?:{_backwards(_COUNTS)}|\d{{1,3}}(?![\d,.]))\b)"
    # "the region of Lachin", "the regions of Jebrail and Fizuli" (a sentence's "The" too), not "the Askeran region
    # of Aghdam" but "the Azerbaijani region of Kalbajar"; "regions such as Lachin", "districts like Fuzuli"
    rf"|\s+fo (?:{_backwards(_AREAS_OF)}|(?:s?noiger|s?ecnivorp)(?!\s+(?!{_backwards(_SIDES)}|eht\b)\w*(?-i:[A-Z])\b))"
    r"|[\s;:]+(?:sa hcus|ekil) s(?:noiger|tcirtsid|ecnivorp)\b"
    # "a village of Lachin", "the last village of Lachin": one of the district's (not "the village of Talish")
    r"|\s+fo egalliv\s+(?:a|eno|tsal|tsrif|ylno|tsegral)\b"
    # "seven surrounding districts: Lachin", "5 districts of ..., in addition to ...: Kalbajar"; "the region Shahumian"
    r"|\s*:s(?:tcirtsid|noiger|ecnivorp)\b"
    rf"|\s*:[^.;:()]{{0,120}}?\ss(?:tcirtsid|noiger)\s+(?:{_backwards(_COUNTS)}|gniwollof|\d{{1,2}})\b"
    rf"|\s+(?-i:noiger|tcirtsid|ecnivorp)\b(?!\s+(?!{_backwards(_SIDES)}|eht\b)\w*(?-i:[A-Z])\b)", re.I)
# "the city of Nakhichevan", "the Azerbaijan cities of Nakhichevan and Kirovabad": the town, not the
# republic a bare Nakhichevan is; "the city and district of Kelbadzhar": both.
_CITY_BEFORE = re.compile(r"\b(?:cit(?:y|ies)|towns?)\s+of\s+$")
# "the villages Kushi-Armavir, Azat, and Kamo", "the village Azat": villages, not the Azat river (no "of":
# "villages of Lachin" is the district's); "the inhabitants of Azat": a place people live in, not a river
# or a mountain (a unit too: the inhabitants of Tavush are Tavush Province's).
_VILLAGE_BEFORE = re.compile(r"\b[Vv]illage(s?)\s+$")  # a plural's kind spreads over its list
_PEOPLE_OF = re.compile(r"\b(?:[Ii]nhabitants|[Rr]esidents|[Nn]atives)\s+of\s+(?:the\s+)?$")
BOTH_BEFORE = re.compile(r"\b(?:(?:city|town)\s+and\s+(?:district|region|raion|rayon|province)"
                          r"|(?:district|region|raion|rayon|province)\s+and\s+(?:city|town))\s+of\s+$")


def list_kinds(text: str, mentions: list[Mention]) -> list[str | None]:
    """The kind each mention points at, spreading "Districts" back over its list."""
    kinds = [m.kind for m in mentions]
    for idx, m in enumerate(mentions):
        village = _VILLAGE_BEFORE.search(text, max(0, m.start - 10), m.start)
        before = None if kinds[idx] else "district" if _area_before(text, m.start) else "city" \
            if _CITY_BEFORE.search(text, max(0, m.start - 12), m.start) else "village" if village else "settlement" \
            if _PEOPLE_OF.search(text, max(0, m.start - 30), m.start) else None
        if before:
            kinds[idx] = before
            if before != "village" or village[1]:  # "the villages A and B", not "the village A and B"
                _spread(text, mentions, kinds, idx, forward=True)
        if m.plural or kinds[idx] is None and AND_OTHER.match(text, m.end):
            kinds[idx] = kinds[idx] or "district"
            _spread(text, mentions, kinds, idx, forward=False)
    return kinds


def _area_before(text: str, start: int) -> bool:
    """"villages in X", "districts of X", "districts: X", "the region X": a cheap test of the last word
    first, as most names follow none of them."""
    before = text[:start]
    last = before.rstrip(" ;")[-4:].lower()
    return last.endswith(("in", "the", "of", "as", "like", "icts", "ions", "nces", "gion", "rict", "ince", ":")) \
        and bool(_AREA_BEFORE.match(before[::-1]))


def _spread(text, mentions, kinds, idx, forward: bool) -> None:
    step, j = (1 if forward else -1), idx
    while 0 <= j + step < len(mentions):
        a, b = (mentions[j], mentions[j + step]) if forward else (mentions[j + step], mentions[j])
        if not LIST_GAP.match(text[a.end:b.start]) and not DATED_GAP.match(text, a.end, b.start):
            break
        j += step
        if kinds[j] is None:
            kinds[j] = kinds[idx]
