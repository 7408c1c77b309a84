"""One renderer per format, one dispatcher: rows in, text out.

Every command hands a list of dict rows and the column names to `render()`.
Machine formats keep text intact (escaped as each format needs); the table,
for human eyes on a terminal, shows control characters and markup literally.
"""

from __future__ import annotations

import json
import os
import re
import sys
from typing import Iterable

from kscli.errors import UsageError
from kscli.model import EVENT_FIELDS

FORMATS = ("table", "tsv", "csv", "json", "jsonl")
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
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


def render_tsv(rows, columns, header: bool, out) -> None:
    """Tab-separated; backslash, tab, CR and LF inside a cell are written as \\\\ \\t \\r \\n."""
    if header:
        out.write("\t".join(columns) + "\n")
    for row in rows:
        out.write("\t".join(tsv_cell(row.get(c)) for c in columns) + "\n")


def tsv_cell(value) -> str:
    """A value as one TSV cell: cell(), then escaped."""
    text = cell(value)
    if text.isprintable() and "\\" not in text:  # nothing to escape (each escaped character but \\ is unprintable)
        return text
    return text.translate(TSV_ESCAPES)


def render_csv(rows, columns, header: bool, out) -> None:
    """RFC 4180 CSV; a cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    render_csv_values([[cell(row.get(c)) for row in rows] for c in columns], columns, header, out)


def render_csv_values(values: list[list[str]], columns, header: bool, out) -> None:
    """render_csv() for cells already made text, one list a column (Result.values())."""
    import csv

    if not values or not values[0]:
        return
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(columns)
    writer.writerows(zip(*[[guard_formula(v) for v in column] for column in values]))


def guard_formula(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_jsonl(rows, columns, header: bool, out) -> None:
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per row as json.dumps makes
    for row in rows:
        out.write(encode({c: row.get(c) for c in columns}) + "\n")


def render_json(rows, columns, header: bool, out) -> None:
    out.write(indented_json(rows, columns) + "\n")


def indented_json(rows: list[dict], columns) -> str:
    """json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=2), the
    same text, made faster where the columns are text and the values scalars or lists of them.

    With indent, json.dumps runs its pure-Python encoder, piece by piece (0.6 s for 39,000 events);
    here each value is encoded by its type, in half that. Anything else goes to json.dumps.
    """
    try:
        return _indented(rows, list(dict.fromkeys(columns)))
    except KeyError:  # a type not laid out here: a nested dict or list, a subclass, a key that is not text
        return json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=2)


def indented_events(lines: list[str]) -> str | None:
    """indented_json() of every field of events, laid out from their `--format jsonl` lines without
    decoding them (a third of the time at x1000); None if a line is not of that layout.

    A line is cut at the separators before its keys, `, "date": ` and the rest in EVENT_FIELDS
    order: an unescaped quote never stands inside a JSON string, so `, "` followed by a key and
    `": ` is always structure. A list, all of whose items are strings, is cut into its strings.
    """
    if not lines:
        return "[]"
    items = []
    for line in lines:
        values = _KEY_SEPARATORS.split(line[7:-1]) if line.startswith('{"id": ') and line.endswith("}") else ()
        if len(values) != len(EVENT_FIELDS):
            return None
        for n in _LIST_FIELDS:
            if values[n] != "[]":  # not split at '", "': an item may end in an escaped quote and ", "
                values[n] = "[\n      " + ",\n      ".join(_JSON_STRING.findall(values[n])) + "\n    ]"
        items.append(_EVENT_LAYOUT % tuple(values))
    return "[\n" + ",\n".join(items) + "\n]"


_KEY_SEPARATORS = re.compile(", (?:" + "|".join(re.escape(f'"{field}": ') for field in EVENT_FIELDS[1:]) + ")")
_LIST_FIELDS = [n for n, field in enumerate(EVENT_FIELDS) if field in ("denied_by", "weapons", "places",
                                                                     "place_mentions")]
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_EVENT_LAYOUT = "  {\n" + ",\n".join(f'    "{field}": %s' for field in EVENT_FIELDS) + "\n  }"


def _indented(rows: list[dict], columns: list) -> str:
    if not columns:
        return "[\n" + ",\n".join(["  {}"] * len(rows)) + "\n]" if rows else "[]"
    prefixes = ["    " + _KEYS[type(c)](c) + ": " for c in columns]
    encode = _ENCODERS
    items = ["  {\n" + ",\n".join([prefix + encode[type(value)](value)
                                   for prefix, value in zip(prefixes, map(row.get, columns))]) + "\n  }"
             for row in rows]
    return "[\n" + ",\n".join(items) + "\n]" if items else "[]"


def _scalars(values) -> str:
    if not values:
        return "[]"
    return "[\n      " + ",\n      ".join([_SCALARS[type(v)](v) for v in values]) + "\n    ]"


_SCALARS = {str: json.encoder.encode_basestring, int: int.__repr__, bool: lambda v: "true" if v else "false",
            type(None): lambda v: "null", float: json.JSONEncoder(ensure_ascii=False).encode}
_ENCODERS = {**_SCALARS, list: _scalars, tuple: _scalars}
_KEYS = {str: json.encoder.encode_basestring}


def render_table(rows, columns, header: bool, out, marks: re.Pattern | None = None, bars: bool = False) -> None:
    """A boxed table fitted to the terminal; text shown literally, control characters removed.

    `marks` finds words to highlight in the text and places columns; with `bars`,
    the last (numeric) column also gets an inline bar.
    """
    cells = [[printable(cell(row.get(c))) for row in rows] for c in columns]
    if bars:
        top = max((row.get(columns[-1]) or 0 for row in rows), default=0) or 1
        cells.append(["█" * round(30 * (row.get(columns[-1]) or 0) / top) for row in rows])
    render_cells(cells, list(columns) + ([""] if bars else []), header, out, marks)


def render_cells(cells: list[list[str]], columns, header: bool, out, marks: re.Pattern | None = None) -> None:
    """render_table() for cells already made printable, one list a column (Result.table())."""
    from kscli import termtable, terminal

    if not cells or not cells[0]:
        return
    term = terminal.describe(out)
    pieces = termtable.draw(cells, list(columns), term.width, header, marks, ("text", "places"), term.styles,
                            term.colour, terminal.cell_len)
    fd = _fileno(out) if len(cells[0]) > termtable.CHUNK else None
    if fd is None:
        for text in pieces:
            out.write(text)
    else:
        out.flush()
        write_behind(pieces, fd)


def _fileno(stream) -> int | None:
    try:
        return stream.fileno()
    except (AttributeError, ValueError, OSError):  # io.StringIO and the like
        return None


def write_behind(pieces: Iterable[str], fd: int) -> None:
    """Write each piece to `fd` from a second thread while the next is made.

    A terminal (or a pager) takes its time to swallow a long table; this way that
    time overlaps ksw's own instead of following it. The thread writes with os.write,
    holding no lock of sys.stdout, so an interrupted run can always exit. Errors of
    the writes (a closed pipe, a full disk) are raised here, in the caller's thread.
    """
    import queue
    import threading

    todo: queue.Queue = queue.Queue(maxsize=2)
    failed: list[OSError] = []

    def writer():
        while (data := todo.get()) is not None:
            try:
                while data and not failed:
                    data = data[os.write(fd, data):]
            except OSError as exc:
                failed.append(exc)

    thread = threading.Thread(target=writer, name="ksw-writer", daemon=True)
    thread.start()
    try:
        for text in pieces:
            if failed:
                break
            todo.put(text.encode("utf-8"))
    finally:
        todo.put(None)
    thread.join()
    if failed:
        raise failed[0]


def render_records(rows: list[dict], out=None) -> None:
    """Each row as its own two-column table of field and value, for reading one event in full."""
    from rich.table import Table
    from rich.text import Text

    console = _console(out or sys.stdout)
    for row in rows:
        table = Table(show_header=False, expand=False, box=None, padding=(0, 1))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for key, value in row.items():
            table.add_row(key, Text(printable(_record_cell(value))))
        console.print(table)
        console.print()


def _record_cell(value) -> str:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return "\n".join(", ".join(f"{k}={cell(v)}" for k, v in item.items()) for item in value)
    return cell(value)


def _console(out):
    from rich.console import Console

    return Console(file=out, highlight=False, soft_wrap=False)


def printable(text: str) -> str:
    """Text safe to show on a terminal: control characters (ESC, BEL, ...) removed, tabs and breaks made spaces."""
    if text.isprintable():  # no control character, nor any other character it would change
        return text
    return re.sub(_CONTROLS, "", re.sub(_SPACES, " ", text))


_RENDERERS = {"tsv": render_tsv, "csv": render_csv, "json": render_json, "jsonl": render_jsonl}


def render(rows: list[dict], columns: list[str], fmt: str, header: bool = True, out=None,
           marks=None, bars: bool = False) -> None:
    """Write rows in `fmt` to `out` (stdout by default)."""
    out = out or sys.stdout
    if not rows and fmt != "json":
        return  # like grep: no match, no output (JSON still gets its empty array)
    if fmt == "table":
        render_table(rows, columns, header, out, marks, bars)
    else:
        _RENDERERS[fmt](rows, columns, header, out)


def marker(words: Iterable[str]) -> re.Pattern | None:
    """A pattern that finds any of the words as written, longest first.

    The words are what the rows themselves hold (place mentions as spelled, the words a
    keyword matched, in every case they occur in), so an exact match finds them all, and
    several times faster than a case-insensitive one.
    """
    patterns = [re.escape(printable(w)) for w in sorted(set(words), key=len, reverse=True) if w.strip()]
    return re.compile("(" + "|".join(patterns) + ")") if patterns else None  # a group: split() keeps the words
