"""The terminal table: boxed, wrapped to the terminal's width, matched words highlighted.

Drawn here rather than with rich.table: rich lays out every cell through its
markup and measurement machinery, about a millisecond a row, so a 40,000-row
answer took half a minute. This draws the same heavy-headed box at about ten
microseconds a row, a column at a time, and hands it out 200 rows at a time so
that printing overlaps drawing. kscli.render.terminal decides the width and whether
colour is wanted (NO_COLOR, dumb terminals), and the caller passes a measure of
wide characters. Cell text is printed as it is, after control characters are
removed: nothing in it is ever interpreted as markup or as an escape sequence.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator

from kscli.escapes import cell, printable
from kscli.render.fitting import BAR, fit, header_pieces
from kscli.render.wrapping import is_narrow, wrap, wrapper

BOLD_YELLOW, BOLD, RESET = "\x1b[1;33m", "\x1b[1m", "\x1b[0m"
_REPEATS = 80  # cells shorter than this (names, lists of places) are often repeated; sentences are not
CHUNK = 200  # rows drawn and written at a time: a terminal shows the first rows while the rest are drawn


def draw(cells: list[list[str]], columns: list[str], width: int, header: bool = True,
         marks: re.Pattern | None = None, marked: tuple[str, ...] = (), styles: bool = True,
         colour: bool = True, cell_len=len) -> Iterator[str]:
    """The table's text, in pieces of whole lines. `cells` holds each column's cells, one list a column;
    `marks` finds the words to highlight in the `marked` columns.

    Without `styles` (not a terminal) no escape sequence is written at all; without
    `colour` (NO_COLOR) highlights are bold only.
    """
    measure = cell_len
    cell_len = lambda s: len(s) if is_narrow(s) else measure(s)  # noqa: E731 - most cells are narrow
    highlight = _highlighter(marks, colour) if marks is not None and styles else None
    grid = fit(cells, list(columns), width, cell_len)
    if grid is None:  # not even the narrowest grid fits: a block a row
        from kscli.render.blocks import draw_blocks

        yield from draw_blocks(cells, list(columns), width, [highlight if c in marked else None for c in columns],
                               styles, cell_len)
        return
    cells, columns, widths = _scaled_bars(grid), grid.columns, grid.widths
    narrow = [is_narrow("".join(column)) for column in cells]  # then len() and str.ljust measure them right
    lines = [_rule("┏", "━", "┳", "┓", widths)] if header else [_rule("┌", "─", "┬", "┐", widths)]
    if header:
        lines += _header(columns, widths, styles)
        lines.append(_rule("┡", "━", "╇", "┩", widths))
    yield "".join(line + "\n" for line in lines)
    highlights = [highlight if c in marked else None for c in columns]
    blanks = [" " * (w + 2) for w in widths]
    memos: list[dict[str, str]] = [{} for _ in columns]  # names and lists repeat down a column: each drawn once
    for first in range(0, len(cells[0]), CHUNK):
        # Column by column: each cell becomes its padded lines joined by "\n" (a cell never holds one).
        columns_out = [_column(column[first:first + CHUNK], w, fits, cell_len, memo)
                       for column, w, fits, memo in zip(cells, widths, narrow, memos)]
        for col, mark in enumerate(highlights):
            if mark is not None:  # one pass over the whole column, after padding (which counts visible characters)
                columns_out[col] = mark("\0".join(columns_out[col])).split("\0")  # no cell holds a NUL
        yield _lines(columns_out, blanks)
    yield _rule("└", "─", "┴", "┘", widths) + "\n"


def _lines(columns_out: list[list[str]], blanks: list[str]) -> str:
    """Rows from padded columns: a cell of several lines makes its row that tall.

    Lines are made without their outer borders, which one join adds at the end; the
    last column's extra lines, below every other cell's, get the blank cells in front
    by one str.replace: most rows are one long text beside short names.
    """
    columns_out, blanks = _merged(columns_out, blanks)
    lines = []
    below = "│\n│" + "".join(blank + "│" for blank in blanks[:-1])  # end a line, start one of blank cells
    bar = "│" if len(blanks) > 1 else ""
    for cells in zip(*columns_out):
        joined, last = "│".join(cells[:-1]), cells[-1]
        if "\n" not in joined:
            lines.append(f"{joined}{bar}{last}".replace("\n", below))
            continue
        parts = [text.split("\n") for text in cells[:-1]]
        height = max(map(len, parts))
        parts.append(last.split("\n", height - 1))
        for pieces, blank in zip(parts, blanks):
            if len(pieces) < height:
                pieces += [blank] * (height - len(pieces))
        parts[-1][-1] = parts[-1][-1].replace("\n", below)
        lines += map("│".join, zip(*parts))
    return "│" + "│\n│".join(lines) + "│\n"


def _merged(columns_out: list[list[str]], blanks: list[str]) -> tuple[list[list[str]], list[str]]:
    """Neighbouring columns of one-line cells (id, date, time) joined into one: fewer pieces a row."""
    merged, merged_blanks, joinable = [], [], False
    for column, blank in zip(columns_out, blanks):
        one_line = "\n" not in "".join(column)
        if joinable and one_line:
            merged[-1] = list(map("│".join, zip(merged[-1], column)))
            merged_blanks[-1] += "│" + blank
        else:
            merged.append(column)
            merged_blanks.append(blank)
        joinable = one_line
    return merged, merged_blanks


def _column(texts, width: int, narrow: bool, cell_len, memo: dict[str, str]) -> list[str]:
    """Each cell's lines, padded to the column's width with one space either side, joined by line breaks."""
    if narrow and max(map(len, texts)) <= width:
        return [f" {text.ljust(width)} " for text in texts]
    out = []
    for text in texts:
        cell = memo.get(text)
        if cell is None:
            cell = _narrow_cell(text, width) if narrow else _cell(text, width, cell_len)
            if len(text) < _REPEATS:
                memo[text] = cell
        out.append(cell)
    return out


def _highlighter(marks: re.Pattern, colour: bool):
    """A function marking what `marks` finds in a text; `marks` has one group, around the whole."""
    style = BOLD_YELLOW if colour else BOLD

    def mark(text: str) -> str:
        parts = marks.split(text)  # text, word, text, word, ..., text: no call per match, as sub() makes
        parts[1::2] = [f"{style}{word}{RESET}" for word in parts[1::2]]
        return "".join(parts)
    return mark


def _narrow_cell(text: str, width: int) -> str:
    """A cell of characters one column wide each: wrapped by one regex pass, padded by str.ljust."""
    pieces = (wrapper(width).findall(text) or [""]) if len(text) > width else [text]
    return " " + " \n ".join([piece.ljust(width) for piece in pieces]) + " "


def _cell(text: str, width: int, cell_len) -> str:
    if is_narrow(text):
        return _narrow_cell(text, width)
    return "\n".join([f" {p}{' ' * (width - cell_len(p))} " for p in wrap(text, width, cell_len)])


def _header(columns: list[str], widths: list[int], styles: bool) -> list[str]:
    """The header's lines: a name longer than its column wraps at its underscores (denied_by_/others)."""
    pieces = [header_pieces(c, w) for c, w in zip(columns, widths)]
    height = max(map(len, pieces))
    lines = []
    for k in range(height):
        names = [p[k] if k < len(p) else "" for p in pieces]
        lines += _row([f"{BOLD}{n}{RESET}" if styles and n else n for n in names], widths, list(map(len, names)), "┃")
    return lines


def _scaled_bars(grid) -> list[list[str]]:
    """Inline bars narrowed in proportion when their column is (ksw stats at 60 columns)."""
    cells = grid.cells
    if BAR not in grid.columns:
        return cells
    n = grid.columns.index(BAR)
    longest = max(map(len, cells[n]), default=0)
    if longest <= grid.widths[n]:
        return cells
    scale = grid.widths[n] / longest
    return [c if k != n else [bar[:round(len(bar) * scale)] for bar in c] for k, c in enumerate(cells)]


def _row(pieces: list[str], widths: list[int], sizes: list[int], bar: str) -> list[str]:
    cells = [f" {p}{' ' * (w - s)} " for p, w, s in zip(pieces, widths, sizes)]
    return [bar + bar.join(cells) + bar]


def _rule(left: str, fill: str, cross: str, right: str, widths: list[int]) -> str:
    return left + cross.join(fill * (w + 2) for w in widths) + right


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
    from kscli.render import terminal

    if not cells or not cells[0]:
        return
    term = terminal.describe(out)
    pieces = draw(cells, list(columns), term.width, header, marks, ("text", "places"), term.styles,
                            term.colour, terminal.cell_len)
    fd = _fileno(out) if len(cells[0]) > CHUNK else None
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
