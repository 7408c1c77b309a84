"""A city speaking for its government: "Baku denied", "Yerevan said", "..., while Baku insisted".

Reporters name a government by its capital. A city the gazetteer knows, as the subject of a verb
of saying, speaks for the state or country it lies in, when the actors files name that one's
government: the same rule on any war's timeline, with its own places and actors files.
"""

from __future__ import annotations

import re

from kscli.extract.phrases import Hit

_SUBJECT = re.compile(r"(?:^|[,;:]\s+|\b(?:while|whereas|but|and|then)\s+)(?P<name>[A-Z][\w'’-]+)"
                      r"(?:\s+(?:also|again|swiftly|quickly|promptly|immediately|officially|publicly|strongly|"
                      r"categorically|later|then))?\s+(?:denied|said|stated|claimed|accused|rejected|dismissed|confirmed|"
                      r"acknowledged|insisted|responded|replied|warned|announced|reported|blamed|called)\b")


def speaking_places(text: str, hits: list[Hit], places, actors) -> list[Hit]:
    """Hits for the cities of `text` that speak as their government does, besides the actor `hits`."""
    out = []
    for m in _SUBJECT.finditer(text):
        start, end = m.span("name")
        if any(h.start <= start < h.end for h in hits):
            continue  # an actor's own name ("Azerbaijan denied")
        actor = _government(m["name"], places, actors)
        if actor is not None:
            out.append(Hit(actor.name, start, end, m["name"]))
    return out


def _government(name: str, places, actors):
    found = places.resolve(name, limit=1, fuzzy=False)
    if not found or found[0].place.kind != "city":
        return None
    above = [places.get(n) for n in places.ancestors(found[0].place.name)]
    for kind in ("state", "country"):  # the authorities that held the city: Stepanakert's, Artsakh's
        for place in above:
            if place is not None and place.kind == kind:
                # the polity's own name, or the government an actors file names for it (its `party` column)
                actor = actors.resolve(place.name) or next(
                    (a for a in map(actors.get, actors.members(place.name)) if a.kind in ("government", "state")), None)
                if actor is not None:
                    return actor
    return None
