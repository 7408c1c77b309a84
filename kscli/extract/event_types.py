"""What kind of event a sentence reports.

Each type has cue words; when several types' cues appear, the first type in
PRECEDENCE wins (a drone downed during shelling is a downing). The mapping to
ACLED's event types is in docs/.
"""

from __future__ import annotations

import re

from kscli.model import EVENT_TYPES as PRECEDENCE

_AIRCRAFT = r"(?:drones?|uavs?|unmanned aerial vehicles?|helicopters?|gunships?|warplanes?|planes?|airplanes?|aircraft|jets?|su-25s?|f-16s?|mi-24|bayraktar|tb2|ballistic missile)"


# Cue words, looked up in a set (fast), and cue phrases, searched by regex only when needed.
_CUE_WORDS = {
    "aircraft/drone downed": "downed downing",
    "territory": "capture captured capturing seize seized seizing retreat retreated retreating retreats withdrew "
                 "withdrawn lost retake retaken retaking retook liberated liberation fled deserted surrounded leaving",
    "shelling/strike": "shell shells shelled shelling rockets rocketed rocketing bombard bombarded bombarding "
                       "bombardment fired strike strikes struck hit bomb bombing bombed explosion explosions destroyed",
    "battle/clash": "clash clashes fighting fight offensive offensives counteroffensive counter-offensive counterattack "
                    "counterattacks attack attacks attacked attacking repel repelled repelling repulsed assault battle "
                    "advance advanced advancing advances losses sabotage storming entered",
    "casualties": "kill killed killing kills died casualties deaths",
    "ceasefire/diplomacy": "ceasefire cease-fire truce talks agreement negotiation negotiations diplomacy peace "
                           "consultations ultimatum appeal appealed appeals signed halt halted halting treaty",
    "footage/media": "footage video images photo photos tweet twitter facebook instagram",
}


_CUE_PHRASES = {
    "aircraft/drone downed": r"\bshot down\b|\bshoot(?:ing)? down\b|\bcrashed\b",
    "territory": r"\b(?:took|taken|take|taking|gained|had|obtained|regained|secured|in|seized)\s+(?:effective\s+|operational\s+|full\s+)?control\b"
                 r"|\bcontrol (?:of|over)\b|\bhad taken\b|\bhigh ground\b|\bdominant heights\b"
                 r"|\bunder (?:\w+ )?control\b|\bcontrolled by\b",
    "shelling/strike": r"\bfir(?:ing|e) (?:upon|on|at|from|into)\b|\bmissiles? (?:at|on|into|from|attacks?|strikes?)\b"
                       r"|\bartillery fire\b|\bunder (?:intense |heavy )?(?:\w+ )?fire\b|\blaunched\b.*\b(?:missiles?|rockets?)\b"
                       r"|\bcame under\b|(?<!be )\btargeted\b|\bwith (?:\w+ ){0,3}(?:missiles?|rockets?|shells?|artillery)\b",
    "battle/clash": r"\btank warfare\b|\bexchange of (?:heavy )?(?:fire|artillery|gunfire)\b",
    "casualties": r"\b(?:was|were|been|severely|seriously)\s+(?:\w+\s+)?(?:wounded|injured)\b"
                  r"|\b(?:wound|injur)(?:ed|ing)\s+(?:\d|at least|over|more|the|a|an|one|two|three)\b",
    "ceasefire/diplomacy": r"\bminsk group\b|\bstatement on ending\b",
    "footage/media": r"\bsocial media\b",
}


# For each type's phrases, words one of which every match contains: a sentence with none of
# them is not searched (a regex with a leading \\b and many branches scans slowly).
_PHRASE_NEEDS = {
    "aircraft/drone downed": ("down", "crashed"),
    "territory": ("control", "had taken", "high ground", "dominant heights"),
    "shelling/strike": ("fire", "firing", "missile", "artillery", "launched", "came under", "targeted", "rocket",
                        "shell"),
    "battle/clash": ("tank warfare", "exchange of"),
    "casualties": ("wound", "injur"),
    "ceasefire/diplomacy": ("minsk group", "statement on ending"),
    "footage/media": ("social media",),
}


def _word_types() -> dict[str, int]:
    """Each cue word's type, as its position in PRECEDENCE: the first type that lists it."""
    out: dict[str, int] = {}
    for n, name in enumerate(PRECEDENCE[:-1]):
        for word in _CUE_WORDS[name].split():
            out.setdefault(word, n)
    return out


_WORD_TYPE = _word_types()


_PHRASE = [re.compile(_CUE_PHRASES[name]) for name in PRECEDENCE[:-1]]  # searched in lowercased text


_NEEDS = [_PHRASE_NEEDS[name] for name in PRECEDENCE[:-1]]


# "cease-fire" whole, and "peace-keepers" in parts too. One branch: the same words as
# "[a-z]+(?:-[a-z0-9]+)+|[a-z]+", which re tries letter by letter and takes twice as long.
_TOKEN = re.compile(r"[a-z]+(?:-[a-z0-9]+)*")


_CUES = frozenset(_WORD_TYPE)


_DOWNED_OBJECT = re.compile(_AIRCRAFT, re.I)


def event_types(text: str) -> tuple[str, ...]:
    """Every type whose cues a stretch of text has, in PRECEDENCE order, nothing hidden behind a
    higher one; footage/media only when nothing else is said, other only when nothing is.

    >>> event_types("had downed two drones, and the attack on Ganja had killed 13 civilians")
    ('aircraft/drone downed', 'battle/clash', 'casualties')
    """
    low = text.lower()
    words = _TOKEN.findall(low)
    cues = _CUES.intersection(words)
    if "-" in low:
        cues |= _CUES.intersection([part for w in words if "-" in w for part in w.split("-")])
    found = {_WORD_TYPE[c] for c in cues}
    for n in range(len(PRECEDENCE) - 1):
        if n not in found and any(map(low.__contains__, _NEEDS[n])):
            m = _PHRASE[n].search(low)
            if m and (m[0] != "crashed" or _DOWNED_OBJECT.search(low)):
                found.add(n)
    media = PRECEDENCE.index("footage/media")
    if media in found and len(found) > 1:
        found.discard(media)
    return tuple(PRECEDENCE[n] for n in sorted(found)) or (PRECEDENCE[-1],)


def event_type(text: str) -> str:
    """The first type in PRECEDENCE whose cues the sentence has.

    >>> event_type("Armenian forces shot down an Azerbaijani UAV near Askeran.")
    'aircraft/drone downed'
    >>> event_type("Armenian forces were shelling Tartar City.")
    'shelling/strike'
    """
    low = text.lower()
    words = _TOKEN.findall(low)
    cues = _CUES.intersection(words)  # not a set of all the words first: most are no cue
    if "-" in low:
        cues |= _CUES.intersection([part for w in words if "-" in w for part in w.split("-")])
    best = min(map(_WORD_TYPE.__getitem__, cues)) if cues else len(PRECEDENCE) - 1
    for n in range(best):  # only a phrase of a type that outranks the words' can change the answer
        if not any(map(low.__contains__, _NEEDS[n])):
            continue
        m = _PHRASE[n].search(low)
        if m and (m[0] != "crashed" or _DOWNED_OBJECT.search(low)):
            return PRECEDENCE[n]
    return PRECEDENCE[best]
