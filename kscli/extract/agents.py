"""Who a clause says did what it tells: the side of the forces or weapons it names as acting.

"Azerbaijani artillery and drones had targeted sites in Vardenis", "Russian shelling had set a
building ablaze", "came under fire from Armenian units", "struck by Ukrainian missiles": the
acting side is Azerbaijani, Russian, Armenian, Ukrainian. Two reports of one strike name the same
actor; a claim and its adversary's counter-claim name opposite ones (each says the other fired),
which is how a third party's report is told apart from the two when both name the same places.
"""

from __future__ import annotations

import re

from kscli.names.folding import fold

_FORCE = (r"(?:armed\s+)?(?:forces|troops|units|army|military|artillery|drones?|UAVs?|aircraft|jets?|warplanes|"
          r"helicopters?|missiles?|rockets?|projectiles?|shells?|shelling|fire|strikes?|attacks?|side|formations|"
          r"sabotage\s+groups?|soldiers|servicemen|positions|air\s+force|navy|air\s+defen[cs]e)")
# "<Marker> <force> ... <acting verb>": the force is the subject; "by/from <Marker> <force>": the agent of a passive.
_SUBJECT = re.compile(r"\b(?P<who>[A-Z][a-z]+)\s+(?:[a-z-]+\s+){0,2}?" + _FORCE +
                      r"(?:\s+and\s+(?:[a-z-]+\s+)?" + _FORCE + r")?\s+(?:had\s+|has\s+|have\s+|were\s+|was\s+)?"
                      r"(?:been\s+)?(?:repeatedly\s+|intensively\s+|also\s+)?(?:targeted|shelled|fired|struck|attacked|hit|"
                      r"bombed|bombarded|shot|launched|opened\s+fire|set|destroyed|killed|wounded|entered|crossed|"
                      r"advanced|captured|seized|took|taken|occupied|violated)\b")
_AGENT = re.compile(r"\b(?:by|from)\s+(?:the\s+)?(?P<who>[A-Z][a-z]+)\s+(?:[a-z-]+\s+){0,2}?" + _FORCE + r"\b")


def agent(clause: str, markers: dict[str, str]) -> str | None:
    """The side of the first force the clause names as acting, or None; `markers` maps folded words
    (Armenian, Azerbaijani) to sides."""
    found = [(m.start(), markers.get(fold(m["who"]))) for pattern in (_SUBJECT, _AGENT) for m in pattern.finditer(clause)]
    found = sorted((at, side) for at, side in found if side)
    return found[0][1] if found else None
