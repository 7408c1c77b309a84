"""What kind of event a sentence reports, and how many were killed or injured.

Each type has cue words; when several types' cues appear, the first type in
PRECEDENCE wins (a drone downed during shelling is a downing). The mapping to
ACLED's event types is in docs/EVENT_TYPES.md.
"""

from __future__ import annotations

import re

from kscli.model import EVENT_TYPES as PRECEDENCE



_AIRCRAFT = r"(?:drones?|uavs?|unmanned aerial vehicles?|helicopters?|gunships?|warplanes?|planes?|airplanes?|aircraft|jets?|su-25s?|f-16s?|mi-24|bayraktar|tb2|ballistic missile)"
_CUES = {
    "aircraft/drone downed": r"\bshot down\b|\bshoot(?:ing)? down\b|\bdown(?:ed|ing)\b|\bcrashed\b",
    "territory": r"\bcaptur(?:e|ed|ing)\b|\b(?:took|taken|take|taking|gained|had|obtained|regained|secured|in|seized)\s+(?:effective\s+|operational\s+|full\s+)?control\b"
                 r"|\bcontrol (?:of|over)\b|\bseiz(?:e|ed|ing)\b|\bretreat(?:ed|ing|s)?\b|\bwithdr(?:ew|awn)\b|\blost\b"
                 r"|\bretak(?:e|en|ing)\b|\bretook\b|\bhad taken\b|\bliberat(?:ed|ion)\b|\bfled\b|\bdeserted\b"
                 r"|\bno longer in control\b|\bsurrounded\b|\bleaving\b|\bhigh ground\b|\bdominant heights\b",
    "shelling/strike": r"\bshell(?:s|ed|ing)?\b|\brocket(?:s|ed|ing)\b|\bfir(?:ed|ing|e) (?:upon|on|at|from|into)\b|\bbombard(?:ed|ing|ment)?\b"
                       r"|\bfired\b|\bmissiles? (?:at|on|into|from|attacks?|strikes?)\b|\bstrikes?\b|\bstruck\b|\bartillery fire\b|\bunder (?:intense |heavy )?(?:\w+ )?fire\b|\bhit\b"
                       r"|\bbomb(?:ing|ed)?\b|\blaunched\b.*\b(?:missiles?|rockets?)\b|\bair strike\b|\bexplosions?\b|\bcame under\b"
                       r"|(?<!be )\btargeted\b|\bdestroyed\b|\bwith (?:\w+ ){0,3}(?:missiles?|rockets?|shells?|artillery)\b",
    "battle/clash": r"\bclash(?:es)?\b|\bfighting\b|\bfight\b|\boffensives?\b|\bcounter-?offensive\b|\bcounterattacks?\b"
                    r"|\battack(?:s|ed|ing)?\b|\brepel(?:led|ling)?\b|\brepulsed\b|\bassault\b|\bbattle\b"
                    r"|\btank warfare\b|\badvanc(?:e|ed|ing|es)\b|\blosses\b|\bsabotage\b|\bexchange of (?:heavy )?(?:fire|artillery|gunfire)\b|\bstorming\b|\bentered\b",
    "casualties": r"\bkill(?:ed|ing|s)?\b|\b(?:was|were|been|severely|seriously)\s+(?:\w+\s+)?(?:wounded|injured)\b"
                  r"|\b(?:wound|injur)(?:ed|ing)\s+(?:\d|at least|over|more|the|a|an|one|two|three)\b|\bdied\b|\bcasualties\b",
    "ceasefire/diplomacy": r"\bcease-?fire\b|\btruce\b|\btalks\b|\bagreement\b|\bnegotiations?\b|\bdiplomacy\b|\bpeace\b"
                           r"|\bconsultations\b|\bminsk group\b|\bultimatum\b|\bstatement on ending\b|\bappeal(?:ed|s)?\b|\bsigned\b"
                           r"|\bhalt(?:ed|ing)?\b|\btreaty\b",
    "footage/media": r"\bfootage\b|\bvideo\b|\bimages\b|\bphotos?\b|\btweet\b|\btwitter\b|\bfacebook\b|\bsocial media\b|\binstagram\b",
}
# One pass over the sentence finds every type whose cues occur (named groups: t0, t1, ...).
_ANY_CUE = re.compile("|".join(f"(?P<t{n}>{_CUES[name]})" for n, name in enumerate(PRECEDENCE[:-1])), re.I)
_DOWNED_OBJECT = re.compile(_AIRCRAFT, re.I)

_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a third": 1, "the pilot": 1,
          "dozens": None}
_NUM = r"(?:at least |over |more than |some |about |around |approximately |up to )?(\d[\d,]*|a third|the pilot|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_KILLED = (re.compile(r"\bkill(?:ing|ed)\s+" + _NUM + r"\b", re.I),
           re.compile(_NUM + r"\s+(?:\w+\s+){0,2}(?:were|had been|was)?\s*killed\b", re.I))
_INJURED = (re.compile(r"\b(?:injur|wound)(?:ing|ed)\s+" + _NUM + r"\b", re.I),
            re.compile(_NUM + r"\s+(?:\w+\s+){0,2}(?:were|had been|was)?\s*(?:injured|wounded)\b", re.I))
_ONE_KILLED = re.compile(r"\b(?:was|had been|were) (?:\w+ )?killed\b", re.I)
_ONE_INJURED = re.compile(r"\b(?:was|had been) (?:severely |seriously )?(?:wounded|injured)\b|\b(?:severely|seriously) wounded the\b", re.I)


def event_type(text: str) -> str:
    """The first type in PRECEDENCE whose cues the sentence has.

    >>> event_type("Armenian forces shot down an Azerbaijani UAV near Askeran.")
    'aircraft/drone downed'
    >>> event_type("Armenian forces were shelling Tartar City.")
    'shelling/strike'
    """
    found = set()
    for m in _ANY_CUE.finditer(text):
        group = m.lastgroup
        if m[0].lower() != "crashed" or _DOWNED_OBJECT.search(text):
            found.add(int(group[1:]))
    return PRECEDENCE[min(found)] if found else "other"


def casualties(text: str) -> tuple[int | None, int | None]:
    """(killed, injured) as stated, None where the sentence gives no number.

    >>> casualties("killing 4 civilians and injuring 13 more"), casualties("killing two crew members and injuring a third")
    ((4, 13), (2, 1))
    >>> casualties("had killed at least 13 civilians and injured over 52")
    (13, 52)
    """
    low = text.lower()
    killed = _count(text, _KILLED, _ONE_KILLED) if "kill" in low else None
    injured = _count(text, _INJURED, _ONE_INJURED) if ("wound" in low or "injur" in low) else None
    return killed, injured


def _count(text: str, patterns, single: re.Pattern) -> int | None:
    for rx in patterns:
        m = rx.search(text)
        if m:
            word = m[1].lower()
            return int(word.replace(",", "")) if word[0].isdigit() else _WORDS.get(word)
    return 1 if single.search(text) else None
