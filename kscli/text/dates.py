"""Dates as people type them, and as timeline headings spell them.

Pure functions; every accepted form has a doctest.
"""

from __future__ import annotations

import re
from datetime import date

from kscli.errors import AmbiguousYear, UsageError

_MONTH_NAMES = ("january february march april may june july august "
                "september october november december").split()
MONTHS: dict[str, int] = {**{name: n for n, name in enumerate(_MONTH_NAMES, start=1)},
                          **{name[:3]: n for n, name in enumerate(_MONTH_NAMES, start=1)}, "sept": 9}

_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?(?:,?\s+(\d{4}))?")
_MONTH_DAY = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?")
_MONTH_ONLY = re.compile(r"([A-Za-z]+)(?:\s+(\d{4}))?")
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


def month_number(word: str) -> int | None:
    """Month number of an English month name or abbreviation.

    >>> month_number("October"), month_number("oct"), month_number("Sept"), month_number("Octo")
    (10, 10, 9, None)
    """
    return MONTHS.get(word.lower().rstrip("."))


def parse_day_label(label: str) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) of a heading label such as "27 September".

    Only the whole label counts, so "Background" or "27 Septembers" give None.

    >>> parse_day_label("27 September"), parse_day_label("October 10, 2020")
    ((27, 9, None), (10, 10, 2020))
    >>> parse_day_label("See also") is None
    True
    """
    label = label.strip()
    m = _DAY_MONTH.fullmatch(label)
    if m and month_number(m[2]):
        return int(m[1]), month_number(m[2]), int(m[3]) if m[3] else None
    m = _MONTH_DAY.fullmatch(label)
    if m and month_number(m[1]):
        return int(m[2]), month_number(m[1]), int(m[3]) if m[3] else None
    return None


def parse_month_label(label: str) -> tuple[int, int | None] | None:
    """(month, year or None) of a month heading such as "October" or "November 2020".

    >>> parse_month_label("November"), parse_month_label("January 2021"), parse_month_label("See also")
    ((11, None), (1, 2021), None)
    """
    m = _MONTH_ONLY.fullmatch(label.strip())
    if m and month_number(m[1]):
        return month_number(m[1]), int(m[2]) if m[2] else None
    return None


def valid_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist.

    >>> valid_date(2020, 9, 31) is None, valid_date(2020, 2, 29)
    (True, datetime.date(2020, 2, 29))
    """
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_user_date(text: str, year_for_month=None) -> tuple[date, date]:
    """The inclusive range of days a user's date means.

    `year_for_month(month)` gives the year to assume when the text has none
    (a corpus that runs from December into January knows which is which).

    >>> parse_user_date("2020-10-04")
    (datetime.date(2020, 10, 4), datetime.date(2020, 10, 4))
    >>> parse_user_date("4 Oct 2020")[0], parse_user_date("Oct 4", lambda m: 2020)[0]
    (datetime.date(2020, 10, 4), datetime.date(2020, 10, 4))
    >>> parse_user_date("2020-10")
    (datetime.date(2020, 10, 1), datetime.date(2020, 10, 31))
    >>> parse_user_date("November", lambda m: 2020)
    (datetime.date(2020, 11, 1), datetime.date(2020, 11, 30))
    >>> parse_user_date("2020-13-45")
    Traceback (most recent call last):
    ...
    kscli.errors.UsageError: invalid date '2020-13-45': no such day
    """
    raw = text
    text = " ".join(text.split())
    if not text:
        raise UsageError("invalid date '': empty")
    if len(text) > 40:
        raise UsageError(f"invalid date '{raw[:40]}...': too long")
    parsed = _parse_day(text, year_for_month)
    if parsed is not None:
        return parsed, parsed
    month = _parse_month(text, year_for_month)
    if month is not None:
        return month
    raise UsageError(
        f"invalid date '{raw}': use 2020-10-04, '4 October', 'Oct 4', '4 Oct 2020', 2020-10 or 'October'"
    )


def _need_year(year_for_month, month: int, raw: str) -> int:
    try:
        year = year_for_month(month) if year_for_month else None
    except AmbiguousYear as exc:
        years = exc.years if len(exc.years) <= 4 else [*exc.years[:3], "…", exc.years[-1]]
        raise UsageError(f"invalid date '{raw}': the corpus has {_MONTH_NAMES[month - 1].capitalize()} in "
                         f"{', '.join(map(str, years))}; give the year") from None
    if year is None:
        raise UsageError(f"invalid date '{raw}': give a year, the corpus has none")
    return year


def _parse_day(text: str, year_for_month) -> date | None:
    m = _ISO_DAY.fullmatch(text)
    if m:
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        found = parse_day_label(text)
        if found is None:
            return None
        day, month, year = found
        if year is None:
            year = _need_year(year_for_month, month, text)
    result = valid_date(year, month, day)
    if result is None:
        raise UsageError(f"invalid date '{text}': no such day")
    return result


def _parse_month(text: str, year_for_month) -> tuple[date, date] | None:
    m = _ISO_MONTH.fullmatch(text)
    if m:
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise UsageError(f"invalid date '{text}': no such month")
    else:
        found = parse_month_label(text)
        if found is None:
            return None
        month, year = found
        if year is None:
            year = _need_year(year_for_month, month, text)
    if not 1 <= year <= 9999:
        raise UsageError(f"invalid date '{text}': no such year")
    last = date(year, 12, 31) if month == 12 else date.fromordinal(date(year, month + 1, 1).toordinal() - 1)
    return date(year, month, 1), last
