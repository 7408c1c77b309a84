"""Each event's output made ready for the cache: its default columns, its JSON item, its CSV row.

The line holds the TABLE_FIELDS cells exactly as `--format tsv` prints them (escaped,
tab-separated), then a record separator (0x1E, which escaping never leaves in a cell)
and the event's place mentions, escaped the same way. So the TSV body of an answer is
its lines with the mentions cut off, and the CSV and the terminal table read their columns
out of the same lines with a few passes over the whole answer instead of a few per event.
The item of `--format json` and the row of `--format csv` are kept whole, since laying
them out costs more than copying them (an indented array of 39,000 events: 0.9 s to lay
out from the JSON lines, a tenth of that to copy).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kscli.model import EVENT_FIELDS, TABLE_FIELDS, Event
from kscli.escapes import TSV_ESCAPES, csv_row, printable, tsv_cell

_MENTIONS = re.compile(b"\x1e([^\n]*)")
_MENTIONS_TO_END = re.compile(b"\x1e[^\n]*")
_MENTIONS_AND_BREAK = re.compile(b"\x1e[^\n]*\n")
# Maps a backslash (an escape to undo) and the ASCII controls the table must not show to 0, the
# rest to 1; the others it must not show, not escaped in TSV, are C1 (U+0080-U+009F) and the
# bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069): kscli.escapes.printable() removes them.
_CLEAN_BYTES = bytes(0 if byte in b"\\\x7f" or (byte < 0x20 and byte not in b"\t\n\x1e") else 1 for byte in range(256))
_HIDDEN = re.compile(b"\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
_UNESCAPES = {escaped: raw for raw, escaped in ((chr(k), v) for k, v in TSV_ESCAPES.items())}


def line(event: Event) -> str:
    """The event's default columns as TSV cells, then its place mentions after a record separator."""
    fields = [tsv_cell(getattr(event, f)) for f in TABLE_FIELDS]
    return "\t".join(fields) + "\x1e" + "\t".join(map(tsv_cell, event.place_mentions))


def json_item(event: Event) -> str:
    """The event as its item of `--format json` (indented), and the comma that follows all but the last."""
    from kscli.jsonlayout import items

    return items([event.as_dict()], list(EVENT_FIELDS))[0] + ","


def csv_line(event: Event) -> str:
    """The event's default columns as the record `--format csv` prints, without its last line break."""
    return csv_row([getattr(event, f) for f in TABLE_FIELDS])[:-1]


# What each kind of ready-made line holds; the cache stores one section of each.
LINES = {"cells": line, "json": json_item, "csv": csv_line}


def tsv_body(lines: bytes) -> bytes:
    """The TSV output's rows (no header) of newline-ended line()s, encoded in UTF-8."""
    return _MENTIONS_TO_END.sub(b"", lines)


def table(lines: bytes) -> tuple[list[list[str]], list[str]]:
    """The table cells of newline-ended line()s, column by column, and every place mention; all printable."""
    columns, mentions = _split(lines)
    if b"\0" in lines.translate(_CLEAN_BYTES) or _HIDDEN.search(lines):
        columns = [[shown(value) for value in column] for column in columns]  # rare: cell by cell
        mentions = [shown(m) for m in mentions]
    return columns, [m for m in mentions if m]


def values(lines: bytes) -> list[list[str]]:
    """The cells of newline-ended line()s as the text they were escaped from, column by column (for CSV)."""
    columns, _ = _split(lines)
    if b"\\" in lines:
        columns = [[unescape(value) for value in column] for column in columns]
    return columns


def _split(lines: bytes) -> tuple[list[list[str]], list[str]]:
    """The escaped cells, column by column, and the escaped mentions (an empty one for each event without)."""
    # As few passes over the whole answer as can be: in a fresh process each new large string
    # costs more in page faults than the pass that fills it.
    width = len(TABLE_FIELDS)
    if not lines:
        return [[] for _ in TABLE_FIELDS], []
    flat = _MENTIONS_AND_BREAK.sub(b"\t", lines).decode("utf-8").split("\t")
    flat.pop()  # after the last line's tab
    mentions = b"\t".join(_MENTIONS.findall(lines)).decode("utf-8").split("\t")
    return [flat[n::width] for n in range(width)], mentions


def shown(value: str) -> str:
    """A TSV cell as the table shows it: unescaped, then made printable."""
    return printable(unescape(value))


def unescape(value: str) -> str:
    """The text a TSV cell was escaped from."""
    return _escaped().sub(lambda m: _UNESCAPES[m[0]], value) if "\\" in value else value


@lru_cache(maxsize=None)
def _escaped() -> re.Pattern:  # compiled only for the rare answer that needs it
    return re.compile("|".join(re.escape(e) for e in sorted(_UNESCAPES, key=len, reverse=True)))
