"""One dispatcher for every renderer: the format to print, the fields to show, rows in, text out.

Every command hands a list of dict rows and the column names to `render()`.
Machine formats keep text intact (escaped as each format needs); the table,
for human eyes on a terminal, shows control characters and markup literally.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

from kscli.errors import UsageError
from kscli.escapes import printable

FORMATS = ("table", "tsv", "csv", "json", "jsonl")


def choose_format(requested: str | None, stream=None) -> str:
    """The format to print: as requested, else a table on a terminal and TSV in a pipe."""
    if requested is None:
        stream = stream or sys.stdout
        return "table" if _isatty(stream) else "tsv"
    if requested not in FORMATS:
        raise UsageError(f"unknown format '{requested}'; one of: {', '.join(FORMATS)}")
    return requested


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def check_fields(fields: Iterable[str], known: tuple[str, ...]) -> list[str]:
    chosen = [f.strip() for f in fields if f.strip()]
    unknown = [f for f in chosen if f not in known]
    if unknown:
        raise UsageError(f"unknown field '{unknown[0]}'; one of: {', '.join(known)}")
    if not chosen:
        raise UsageError("--fields needs at least one field name")
    return chosen


def render(rows: list[dict], columns: list[str], fmt: str, header: bool = True, out=None,
           marks=None, bars: bool = False) -> None:
    """Write rows in `fmt` to `out` (stdout by default)."""
    out = out or sys.stdout
    if not rows and fmt != "json":
        return  # like grep: no match, no output (JSON still gets its empty array)
    if fmt == "table":
        from kscli.render.table import render_table

        render_table(rows, columns, header, out, marks, bars)
    elif fmt in ("tsv", "csv"):
        from kscli.render import delimited

        (delimited.render_tsv if fmt == "tsv" else delimited.render_csv)(rows, columns, header, out)
    else:
        from kscli.render import jsonfmt

        (jsonfmt.render_json if fmt == "json" else jsonfmt.render_jsonl)(rows, columns, header, out)


def marker(words: Iterable[str]) -> re.Pattern | None:
    """A pattern that finds any of the words as written, longest first.

    The words are what the rows themselves hold (place mentions as spelled, the words a
    keyword matched, in every case they occur in), so an exact match finds them all, and
    several times faster than a case-insensitive one.
    """
    patterns = [re.escape(printable(w)) for w in sorted(set(words), key=len, reverse=True) if w.strip()]
    return re.compile("(" + "|".join(patterns) + ")") if patterns else None  # a group: split() keeps the words
