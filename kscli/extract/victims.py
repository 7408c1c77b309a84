"""Whose dead and wounded a claim counts: the victims' side, and whether they are civilians.

The side is the victims', never the claimant's: a side's adjective on the people counted says it
("three Ukrainian soldiers had been killed ... in the Russian attack"); else civilians take the
side of the place they were in (the polity that held it), soldiers, crews and officials the side
their army, aircraft or office names ("an Armenian Su-25, killing the pilot"; "the President of
Artsakh"), never the side the clause says fired. What the text does not let a reader tell stays
"unknown".
"""

from __future__ import annotations

import re

from kscli.extract.agents import agent
from kscli.names.folding import fold

_CIVILIAN = re.compile(r"\b(?:civilians?|residents?|inhabitants|funeral|school|children|women|people|journalists?)\b",
                       re.I)
_MILITARY = re.compile(r"\b(?:soldiers?|servicem[ae]n|troops|crew|pilots?|commander|officers?|personnel|"
                       r"(?:defen[cs]e\s+)?minister|in\s+combat|in\s+action|military|fighters|conscripts)\b", re.I)
_CASUALTY = re.compile(r"\b(?:kill|wound|injur|dead|died|death)", re.I)
_OWN = re.compile(r"\b(?:its|their|our)\s+(?:own\s+)?(?:\w+\s+){0,2}(?:minister|commander|soldiers?|servicem[ae]n|"
                  r"pilots?|crew|officers?|troops|civilians|residents)\b", re.I)
_MARKER = re.compile(r"\b[A-Z][a-z]+(?:'s)?\b")
_AIRCRAFT_OWNER = re.compile(r"\b([A-Z][a-z]+)\s+(?:[\w-]+\s+){0,2}?(?:Su-\d+|Mi-\d+|F-\d+|gunships?|helicopters?|"
                             r"planes?|jets?|drones?|UAVs?|aircraft)\b")


def victims(clause: str, claimant_side: str | None, places: list, markers: dict[str, str],
            place_side) -> tuple[str, bool | None]:
    """(side, civilian) of the people a clause says were killed or wounded.

    `places` are (name, position) of the places the clause names; `place_side(name)` the side
    that held a place; `markers` maps folded words (Armenian, Azerbaijan, Artsakh) to sides.
    """
    at = _CASUALTY.search(clause)
    near = clause[max(0, at.start() - 90):at.end() + 60] if at else clause
    civilian = True if _CIVILIAN.search(near) else False if _MILITARY.search(near) else None
    named = _named_victims(clause, at.start() if at else len(clause), markers)
    if named:  # "three Ukrainian soldiers had been killed ... in the Russian attack": the adjective says
        return named, civilian
    if civilian:  # the side of the place they were in; else, as belligerents report their own, the claimant's
        for name, _ in places:
            side = place_side(name)
            if side:
                return side, True
        return (claimant_side or "unknown"), True
    if _OWN.search(clause) and claimant_side:
        return claimant_side, civilian
    crews = [m for m in _AIRCRAFT_OWNER.finditer(clause, _verb_end(clause)) if not at or m.start() < at.start()]
    side = markers.get(fold(crews[-1][1])) if civilian is False and crews else None
    side = side or _nearest_marker(clause, at.start() if at else len(clause), markers, agent(clause, markers))
    return (side or "unknown"), civilian


_PEOPLE = re.compile(r"\b([A-Z][a-z]+)\s+(?:[a-z]+\s+)?(?:soldiers?|servicem[ae]n|troops|civilians|police(?:men|\s+officers)?|"
                     r"border\s+guards|personnel|pilots?|fighters|conscripts|residents)\b")


def _named_victims(clause: str, position: int, markers: dict[str, str]) -> str | None:
    """The side of the people counted, where a side's adjective names them just before the words of
    killing ("49 Armenian servicemen had been killed", "about 400 Russian soldiers")."""
    found = [markers.get(fold(m[1])) for m in _PEOPLE.finditer(clause, max(0, position - 100), position)]
    found = [side for side in found if side]
    return found[-1] if found else None


def _nearest_marker(clause: str, position: int, markers: dict[str, str], acting: str | None = None) -> str | None:
    """The side of the side-naming word nearest the casualty words: after them first ("wounded the
    President of Artsakh"), else before them ("an Armenian Su-25, killing the pilot"), skipping the
    claim's own opening (its claimant) and, where another side is named, the side that acted ("when
    Azerbaijani forces opened fire on an Armenian position")."""
    found = [(m.start(), markers.get(fold(m[0].removesuffix("'s")))) for m in _MARKER.finditer(clause)]
    found = [(at, side) for at, side in found if side]
    reach = 40
    if acting and any(side != acting for _, side in found):
        found = [(at, side) for at, side in found if side != acting]
        reach = 80  # past the words of the attack: "when X forces opened fire on an Armenian position"
    opening = _verb_end(clause)
    after = [(at - position, side) for at, side in found if position <= at <= position + reach]
    before = [(position - at, side) for at, side in found if opening <= at < position]
    for group in (after, before):
        if group:
            return min(group)[1]
    return None


_SAYING = re.compile(r"\b(?:stated|said|reported|announced|claimed|alleged|confirmed|that)\b", re.I)


def _verb_end(clause: str) -> int:
    """Where a claim's content begins: after its first verb of saying (or "that")."""
    m = _SAYING.search(clause)
    return m.end() if m else 0
