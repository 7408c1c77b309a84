"""How many people a sentence says were killed or injured."""

from __future__ import annotations

import re

_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a third": 1, "the pilot": 1,
          "dozens": None}
_NUM = r"(?:at least |over |more than |some |about |around |approximately |up to )?(\d[\d,]*|a third|the pilot|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


_KILLED = (re.compile(r"\bkill(?:ing|ed)\s+" + _NUM + r"\b", re.I),
           re.compile(_NUM + r"\s+(?:\w+\s+){0,2}(?:were|had been|was)?\s*killed\b", re.I),
           # "50 deaths among its troops", "the deaths of 71 servicemen"
           re.compile(_NUM.replace("|an?|", "|") + r"\s+(?:\w+\s+)?(?:deaths|dead|fatalities)\b", re.I),
           re.compile(r"\bdeaths\s+of\s+" + _NUM + r"\b", re.I))
# "killing soldier Anar Kazimov": one person, named
_ONE_NAMED = re.compile(r"\bkill(?:ing|ed)\s+(?:soldier|serviceman|civilian|officer|policeman|resident|journalist|pilot)"
                        r"\s+(?-i:[A-Z])")
_INJURED = (re.compile(r"\b(?:injur|wound)(?:ing|ed)\s+" + _NUM + r"\b", re.I),
            re.compile(_NUM + r"\s+(?:\w+\s+){0,2}(?:were|had been|was)?\s*(?:injured|wounded)\b", re.I))


_ONE_KILLED = re.compile(r"\b(?:was|had been|were) (?:\w+ )?killed\b|" + _ONE_NAMED.pattern, re.I)
_ONE_INJURED = re.compile(r"\b(?:was|had been) (?:severely |seriously )?(?:wounded|injured)\b|\b(?:severely|seriously) wounded the\b", re.I)


def casualties(text: str) -> tuple[int | None, int | None]:
    """(killed, injured) as stated, None where the sentence gives no number.

    >>> casualties("killing 4 civilians and injuring 13 more"), casualties("killing two crew members and injuring a third")
    ((4, 13), (2, 1))
    >>> casualties("had killed at least 13 civilians and injured over 52")
    (13, 52)
    >>> casualties("reported 50 deaths among its troops"), casualties("killing soldier Anar Kazimov")
    ((50, None), (1, None))
    """
    low = text.lower()
    killed = _count(text, _KILLED, _ONE_KILLED) if "kill" in low or "dea" in low or "fatal" in low else None
    injured = _count(text, _INJURED, _ONE_INJURED) if ("wound" in low or "injur" in low) else None
    return killed, injured


def _count(text: str, patterns, single: re.Pattern) -> int | None:
    for rx in patterns:
        m = rx.search(text)
        if m:
            word = m[1].lower()
            return int(word.replace(",", "")) if word[0].isdigit() else _WORDS.get(word)
    return 1 if single.search(text) else None
