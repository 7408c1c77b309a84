"""When, within a day, a sentence says its event happened.

Clock times are local as written (a GMT time in brackets is the same moment,
so it is skipped); phrases like "in the evening" give a part of the day;
"Approximately one hour later" is estimated from the previous time.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "half an": 0.5, "half a": 0.5}
_CLOCK = re.compile(r"(?<![\d:.])(\d{1,2}):(\d{2})(?![\d:])")
_APPROX = re.compile(r"(?:approximately|around|about|roughly|circa|some|just before|shortly before|before)\s+$", re.I)
_RELATIVE = re.compile(
    r"\b(?:(approximately|around|about|some|roughly)\s+)?"
    r"(half an|half a|an|a|one|two|three|four|five|six|\d+)\s+(hours?|minutes?)\s+later\b", re.I)
# Words one of which each part's phrases contain: the others' regexes are not run.
_PART_NEEDS = {"overnight": ("overnight",), "night": ("night",), "evening": ("evening",), "afternoon": ("afternoon",),
               "midday": ("mid", "noon"), "morning": ("morning", "dawn", "mid", "noon")}
_PART_WORDS = tuple(dict.fromkeys(word for words in _PART_NEEDS.values() for word in words))  # any part at all
_OTHER_DAY = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:of|on)\s+(?:the\s+)?(?:following|next|previous|\d{1,2}\s+[A-Z][a-z]+)", re.I)
_PARTS = (
    ("overnight", re.compile(r"\bovernight\b", re.I)),
    ("night", re.compile(r"\b(?:at|in the|during the|late at|by) (?:late )?night\b|\blate night\b|\bnight hours\b", re.I)),
    ("evening", re.compile(r"\b(?:in|during|by) the (?:late |early )?evening\b|\blate in the evening\b", re.I)),
    ("afternoon", re.compile(r"\b(?:in|during|by) the (?:late |early )?afternoon\b", re.I)),
    ("midday", re.compile(r"\b(?:at|in|around|approximately|about|by) (?:approximately |around )?mid-?day\b|\bat noon\b", re.I)),
    ("morning", re.compile(r"\b(?:in|during|by|since|from) the (?:early |late )?morning\b|\bat dawn\b|\bmorning's\b"
                           r"|\bbefore (?:mid-?day|noon)\b"
                           r"|\bstarting in the morning\b|\bin early morning\b", re.I)),
)


class When(NamedTuple):  # made for every sentence: a NamedTuple is quicker to make than a frozen dataclass
    time: str | None = None
    approximate: bool = False
    estimated: bool = False
    part_of_day: str | None = None
    bad_time: str | None = None  # an impossible clock time as written ("17:80")


def when(text: str, previous: str | None) -> When:
    """Time facts of one sentence; `previous` is the last known time earlier that day."""
    part = part_of_day(text)
    clock = _first_clock(text) if ":" in text else None
    if clock is not None:
        value, approximate, bad = clock
        return When(value, approximate, False, part, bad)
    relative = _RELATIVE.search(text) if "later" in text else None
    if relative and previous and relative.start() < 40:
        return When(_add_minutes(previous, _minutes(relative)), bool(relative[1]), True, part)
    return When(part_of_day=part)


def part_of_day(text: str) -> str | None:
    """The part of the day the sentence's event is placed in, from its first cue phrase.

    >>> part_of_day("In the late night hours, he wrote"), part_of_day("At mid-day, it said")
    ('night', 'midday')
    """
    low = text.lower()
    if not any(word in low for word in _PART_WORDS):
        return None
    found = [(m.start(), name) for name, rx in _PARTS if any(word in low for word in _PART_NEEDS[name])
             for m in rx.finditer(text) if not _other_day(text, m.end())]
    return min(found)[1] if found else None


def _other_day(text: str, end: int) -> bool:
    """"in early morning of 8 November", "from 01:00 of the following day" date another day."""
    return bool(_OTHER_DAY.match(text, end))


def _first_clock(text: str) -> tuple[str | None, bool, str | None] | None:
    for m in _CLOCK.finditer(text):
        if _inside_brackets(text, m.start()):
            continue  # "(00:00 GMT)" repeats the local time in another zone
        if _other_day(text, m.end()):
            continue
        hours, minutes = int(m[1]), int(m[2])
        approximate = bool(_APPROX.search(text[max(0, m.start() - 40):m.start()]))
        if hours > 23 or minutes > 59:
            return None, approximate, m[0]
        return f"{hours:02d}:{minutes:02d}", approximate, None
    return None


def _inside_brackets(text: str, pos: int) -> bool:
    return text.rfind("(", 0, pos) > text.rfind(")", 0, pos)


def _minutes(m: re.Match) -> int:
    amount = m[2].lower()
    n = float(amount) if amount.isdigit() else _NUMBER_WORDS[amount]
    return int(n * 60) if m[3].lower().startswith("hour") else int(n)


def _add_minutes(hhmm: str, minutes: int) -> str | None:
    hours, mins = map(int, hhmm.split(":"))
    total = hours * 60 + mins + minutes
    if total >= 24 * 60:
        return None  # past midnight: the estimate would leave the day
    return f"{total // 60:02d}:{total % 60:02d}"
