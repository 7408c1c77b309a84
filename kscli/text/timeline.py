"""Timeline text in, dated sentences out.

The layout is MediaWiki's plain-text export: ``= Title =``, ``== Month ==``,
``=== 27 September ===`` (optionally ``- label``), paragraphs and ``- `` list
lines. Nothing here knows which war or which year: the year comes from the
document, or from the caller.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from kscli.text.dates import parse_day_label, parse_month_label, valid_date
from kscli.errors import CorpusError
from kscli.model import ParseWarning
from kscli.text.sentences import split_sentences

# Sections that close an article and hold links, not events.
END_MATTER = frozenset(
    "see also|references|notes|external links|further reading|bibliography|sources|citations".split("|")
)
_HEADING = re.compile(r"^(=+)\s*(.*?)\s*(=+)\s*$")
_LABEL_SPLIT = re.compile(r"\s+[-–—:]\s+|\s*[–—]\s*")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d|21\d\d)\b")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•#]|\d+[.)])\s+")


class Sentence(NamedTuple):
    """A sentence as it stands in the file, before anything is extracted from it."""

    date: str | None
    heading: str | None
    background: bool
    text: str
    file: str
    line: int


def is_binary(data: bytes) -> bool:
    """A NUL byte early on, outside UTF-16, means this is not text."""
    return b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))


def decode(data: bytes, label: str) -> tuple[str, list[ParseWarning]]:
    """Text of a file's bytes, with a warning per line that was not valid UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            return data.decode("utf-16", errors="replace"), [ParseWarning(label, 1, "invalid UTF-16 replaced")]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if is_binary(data):
        raise CorpusError(f"{label}: binary file, not a timeline")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    warnings = []
    lines = []
    for n, raw in enumerate(re.split(rb"\r\n|\r|\n", data), start=1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("utf-8", errors="replace"))
            warnings.append(ParseWarning(label, n, "bytes that are not UTF-8 were replaced by U+FFFD"))
    return "\n".join(lines), warnings


def split_lines(text: str) -> list[str]:
    """Lines by \\n, \\r\\n or \\r only: str.splitlines() would also cut at form feeds and U+2028."""
    return re.split(r"\r\n|\r|\n", text)


def detect_year(lines: list[str]) -> int | None:
    """The year a timeline is about: the title's, else the most cited one before the first day."""
    for line in lines[:5]:
        m = _HEADING.match(line)
        if m and len(m[1]) == 1 and _YEAR.search(m[2]):
            return int(_YEAR.search(m[2])[1])
    head: list[str] = []
    for line in lines:
        m = _HEADING.match(line)
        if m and parse_day_label(_split_label(m[2])[0]):
            break
        head.append(line)
    for chunk in (head, lines):
        years = Counter(int(y) for line in chunk for y in _YEAR.findall(line))
        if years:
            return years.most_common(1)[0][0]
    return None


_FULL_DATE = re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})\b|\b([A-Z][a-z]+)\s+(\d{1,2}),\s+(\d{4})\b")


def stated_date(sentence: str) -> str | None:
    """The full date a background sentence states ("on 9 November 2020"), if exactly one.

    >>> stated_date("A ceasefire was signed on 9 November 2020."), stated_date("It began in 2020.")
    ('2020-11-09', None)
    """
    found = set()
    for m in _FULL_DATE.finditer(sentence):
        day, month, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[4], m[6])
        number = parse_month_label(month)
        value = valid_date(int(year), number[0], int(day)) if number else None
        if value:
            found.add(value.isoformat())
    return found.pop() if len(found) == 1 else None


def _split_label(label: str) -> tuple[str, str | None]:
    """("10 October", "Russia-brokered ceasefire") from "10 October - Russia-brokered ceasefire"."""
    parts = _LABEL_SPLIT.split(label, maxsplit=1)
    if len(parts) == 2 and parse_day_label(parts[0]):
        return parts[0], parts[1].strip() or None
    return label, None


# A heading with a day number beside a month name ("27–28 September", "Sept. 27 to 29") that is
# not one day's heading: what follows it would be undated, and the reader is told so.
_NAMES_A_DAY = re.compile(r"\b\d{1,2}\b.{0,12}\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
                          r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b", re.I)


class _Walker:
    """Reads one file's lines in order, tracking the current month, year and day."""

    def __init__(self, label: str, year: int | None, year_given: bool):
        self.label = label
        self.year = year
        self.year_given = year_given
        self.last_month: int | None = None
        self.date: str | None = None
        self.heading: str | None = None
        self.in_days = False
        self.skipping = False
        self.seen_dates: set[str] = set()
        self.warnings: list[ParseWarning] = []
        self.sentences: list[Sentence] = []

    def warn(self, line: int, message: str, dropped: bool = False) -> None:
        self.warnings.append(ParseWarning(self.label, line, message, dropped))

    def heading_line(self, n: int, level: int, label: str) -> None:
        day_part, day_label = _split_label(label)
        day = parse_day_label(day_part)
        if day is not None:
            self.start_day(n, *day, day_label)
            return
        month = parse_month_label(label)
        if month is not None:
            self.start_month(month[0], month[1])
            return
        if level == 1:
            return  # the title
        self.date = None
        self.heading = label
        self.skipping = label.lower() in END_MATTER
        if not self.skipping and (self.in_days or self.last_month is not None) and _NAMES_A_DAY.search(label):
            self.warn(n, f"heading '{label}' names no single day (=== 27 September ===): "
                         "its paragraphs are undated background", dropped=True)

    def start_month(self, month: int, year: int | None) -> None:
        if year is not None and not self.year_given:
            # "== January 2023 ==" names its year: December before it is no reason to add one more.
            self.year, self.last_month = year, month
        else:
            self.advance_month(month)
        self.date = None
        self.skipping = False

    def advance_month(self, month: int) -> None:
        self.year = self.year_of(month)
        self.last_month = month

    def year_of(self, month: int) -> int | None:
        """The year a month heading means here: December to January moves a year on.

        Only a big step back (more than half a year) is a new year; October then
        September is a day out of order, warned about, not a year later.
        """
        if self.last_month is not None and self.year is not None and self.last_month - month > 6:
            return self.year + 1
        return self.year

    def start_day(self, n: int, day: int, month: int, year: int | None, label: str | None) -> None:
        self.skipping = False
        self.in_days = True
        explicit = year is not None and not self.year_given
        candidate = year if explicit else self.year_of(month)
        if candidate is None:
            self.warn(n, "no year known for this day heading; give --year", dropped=True)
            self.date, self.heading = None, None
            self.skipping = True
            return
        found = valid_date(candidate, month, day)
        if found is None:  # checked before the month counts, so a bad heading cannot shift the year
            self.warn(n, f"impossible day heading '{day} {month:02d}/{candidate}'; its paragraphs are skipped",
                      dropped=True)
            self.skipping = True
            return
        self.year, self.last_month = candidate, month
        self.date = found.isoformat()
        self.heading = label
        if self.date in self.seen_dates:
            self.warn(n, f"day {self.date} appears again; its events continue the earlier ones")
        elif self.seen_dates and self.date < max(self.seen_dates):
            self.warn(n, f"day {self.date} comes after a later day")
        self.seen_dates.add(self.date)

    def text_line(self, n: int, line: str) -> None:
        if self.skipping:
            return
        text = _LIST_ITEM.sub("", line, count=1).strip()
        background = not self.in_days or self.date is None
        for _, sentence in split_sentences(text):
            date = stated_date(sentence) if background else self.date
            self.sentences.append(Sentence(date, None if background else self.heading, background,
                                           sentence, self.label, n))


def parse_text(text: str, label: str, year: int | None = None,
               fallback_year: int | None = None) -> tuple[list[Sentence], list[ParseWarning]]:
    """Every sentence of one timeline file, dated by the headings above it.

    `year` overrides what the document says; `fallback_year` (say, from another
    file of the same corpus) serves only when the document says nothing.
    """
    lines = split_lines(text)
    found = year if year is not None else detect_year(lines)
    walker = _Walker(label, found if found is not None else fallback_year, year is not None)
    if found is None and fallback_year is not None:
        walker.warn(1, f"the text names no year; assuming {fallback_year} from the rest of the corpus")
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        m = _HEADING.match(line)
        if m and m[2]:
            if len(m[1]) != len(m[3]):
                walker.warn(n, f"heading with unbalanced '=' ({len(m[1])} and {len(m[3])}); read as a heading")
            walker.heading_line(n, min(len(m[1]), len(m[3])), m[2].strip())
        else:
            walker.text_line(n, line)
    if not walker.in_days:
        walker.warn(1, "no day headings (=== 27 September ===) found; all text is background", dropped=True)
    return walker.sentences, walker.warnings
