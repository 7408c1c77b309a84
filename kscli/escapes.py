"""Text made safe for where it goes: one TSV cell, or a terminal that must show it, not obey it.

Kept below both the cache (which stores ready-made TSV cells, kscli.store.cells) and the
renderers, which need the same rules.
"""

from __future__ import annotations

import re

# C0/C1 controls (ESC, BEL, CSI...) would drive a terminal: never pass them through raw. Patterns
# compiled on first use, by re's cache: this class alone takes a third of a millisecond, every run.
# What a terminal obeys rather than shows: C0 and C1 controls, DEL, and the bidirectional overrides and
# isolates that make text read in another order than it is written (U+202A-U+202E, U+2066-U+2069).
_CONTROLS = r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]"
_SPACES = r"[\t\n\r\x0b\x0c\x85\u2028\u2029]"  # breaks of any kind, shown as the space between words they are


# Every character some reader takes for a line break is escaped, so an event is one line.
TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\x0b": "\\x0b", "\x0c": "\\x0c",
                              "\x1c": "\\x1c", "\x1d": "\\x1d", "\x1e": "\\x1e", "\x85": "\\x85",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def cell(value) -> str:
    """A value as one line of text: lists joined by '; ', None empty, booleans lowercase."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(cell(v) for v in value)
    return str(value)


def tsv_cell(value) -> str:
    """A value as one TSV cell: cell(), then escaped."""
    text = cell(value)
    if text.isprintable() and "\\" not in text:  # nothing to escape (each escaped character but \\ is unprintable)
        return text
    return text.translate(TSV_ESCAPES)


def printable(text: str) -> str:
    """Text safe to show on a terminal: control characters (ESC, BEL, ...) removed, tabs and breaks made spaces."""
    if text.isprintable():  # no control character, nor any other character it would change
        return text
    return re.sub(_CONTROLS, "", re.sub(_SPACES, " ", text))


# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(text: str) -> str:
    """A CSV cell a spreadsheet will show, not run: a leading apostrophe before a formula's first character."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_row(values) -> str:
    """One RFC 4180 CSV record of cell()s, guarded, with its line break: what csv.writer writes."""
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([guard_formula(cell(v)) for v in values])
    return out.getvalue()
