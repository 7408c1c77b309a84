"""One renderer per format, one dispatcher: rows in, text out.

Every command hands a list of dict rows and the column names to `render()`.
Machine formats keep text intact (escaped as each format needs); the table,
for human eyes on a terminal, shows control characters and markup literally.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Callable, Iterable

from kscli.errors import UsageError

FORMATS = ("table", "tsv", "csv", "json", "jsonl")
# C0/C1 controls (ESC, BEL, CSI...) would drive a terminal: never pass them through raw.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
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
        out.write("\t".join(cell(row.get(c)).translate(_TSV_ESCAPES) for c in columns) + "\n")


def render_csv(rows, columns, header: bool, out) -> None:
    """RFC 4180 CSV; a cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    import csv

    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(columns)
    for row in rows:
        writer.writerow([guard_formula(cell(row.get(c))) for c in columns])


def guard_formula(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_jsonl(rows, columns, header: bool, out) -> None:
    for row in rows:
        out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")


def render_json(rows, columns, header: bool, out) -> None:
    json.dump([{c: row.get(c) for c in columns} for row in rows], out, ensure_ascii=False, indent=2)
    out.write("\n")


def render_table(rows, columns, header: bool, out, highlight: Callable[[str, str], object] | None = None,
                 bars: bool = False) -> None:
    """A rich table; text cells are shown literally (markup escaped, control characters removed).

    With `bars`, the last (numeric) column also gets an inline bar.
    """
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=header, header_style="bold", expand=False, show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold", no_wrap=c in ("id", "date", "time", "count"),
                         ratio=3 if c == "text" else None, min_width=8 if c == "text" else None)
    if bars:
        table.add_column("", no_wrap=True)
    top = max((row.get(columns[-1]) or 0 for row in rows), default=0) or 1
    for row in rows:
        cells = []
        for c in columns:
            text = printable(cell(row.get(c)))
            cells.append(highlight(c, text) if highlight else Text(text))
        if bars:
            cells.append(Text("█" * round(30 * (row.get(columns[-1]) or 0) / top), style="cyan"))
        table.add_row(*cells)
    _console(out).print(table)


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
    """Text safe to show on a terminal: control characters (ESC, BEL, ...) removed."""
    return _CONTROLS.sub("", text)


_RENDERERS = {"tsv": render_tsv, "csv": render_csv, "json": render_json, "jsonl": render_jsonl}


def render(rows: list[dict], columns: list[str], fmt: str, header: bool = True, out=None,
           highlight=None, bars: bool = False) -> None:
    """Write rows in `fmt` to `out` (stdout by default)."""
    out = out or sys.stdout
    if not rows and fmt != "json":
        return  # like grep: no match, no output (JSON still gets its empty array)
    if fmt == "table":
        render_table(rows, columns, header, out, highlight, bars)
    else:
        _RENDERERS[fmt](rows, columns, header, out)


def highlighter(words: Iterable[str], style: str = "bold yellow"):
    """A cell styler that marks the given words (already printable) in the text column."""
    from rich.text import Text

    patterns = [re.escape(w) for w in sorted(set(words), key=len, reverse=True) if w.strip()]
    rx = re.compile("|".join(patterns), re.I) if patterns else None

    def style_cell(column: str, text: str):
        t = Text(text)
        if rx is not None and column in ("text", "places"):
            for m in rx.finditer(text):
                t.stylize(style, m.start(), m.end())
        return t

    return style_cell
