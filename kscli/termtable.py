"""The terminal table: boxed, wrapped to the terminal's width, matched words highlighted.

Drawn here rather than with rich.table: rich lays out every cell through its
markup and measurement machinery, about a millisecond a row, so a 40,000-row
answer took half a minute. This draws the same heavy-headed box at a few
microseconds a row. rich.console still decides the width and whether colour
is wanted (NO_COLOR, dumb terminals), and the caller passes rich.cells.cell_len
to measure wide characters.
Cell text is printed as it is, after control characters are removed: nothing
in it is ever interpreted as markup or as an escape sequence.
"""

from __future__ import annotations

import re
from functools import lru_cache

BOLD_YELLOW, BOLD, RESET = "\x1b[1;33m", "\x1b[1m", "\x1b[0m"
_FIXED = {"id", "date", "time", "count", "line", "events", "claims", "score", "lat", "lon", "kind", "rule"}
_MIN_FLEX = 8  # no flexible column narrower than this
_MIN_MAIN = 24  # the column that takes the rest (text) gets at least this much
_CAP = 24  # other flexible columns (source, places) wrap beyond this


def draw(rows: list[list[str]], columns: list[str], width: int, header: bool = True,
         marks: re.Pattern | None = None, marked: tuple[str, ...] = (), styles: bool = True,
         colour: bool = True, cell_len=len) -> list[str]:
    """The table's lines. `marks` finds the words to highlight in the `marked` columns.

    Without `styles` (not a terminal) no escape sequence is written at all; without
    `colour` (NO_COLOR) highlights are bold only.
    """
    marks = marks if styles else None
    marked_at = {i for i, c in enumerate(columns) if c in marked}
    measure = cell_len
    cell_len = lambda s: len(s) if s.isascii() else measure(s)  # noqa: E731 - most cells are ASCII
    widths = _widths(rows, columns, width, cell_len)
    lines = [_rule("┏", "━", "┳", "┓", widths)] if header else [_rule("┌", "─", "┬", "┐", widths)]
    if header:
        lines += _row([f"{BOLD}{c}{RESET}" if styles else c for c in columns], widths, [cell_len(c) for c in columns], "┃")
        lines.append(_rule("┡", "━", "╇", "┩", widths))
    for cells in rows:
        wrapped = [_wrap(text, w, cell_len) for text, w in zip(cells, widths)]
        for k in range(max(len(parts) for parts in wrapped)):
            out = []
            for col, parts in enumerate(wrapped):
                piece = parts[k] if k < len(parts) else ""
                pad = " " * (widths[col] - cell_len(piece))
                if marks is not None and col in marked_at and piece:
                    piece = marks.sub(lambda m: _mark(m[0], colour), piece)
                out.append(f" {piece}{pad} ")
            lines.append("│" + "│".join(out) + "│")
    lines.append(_rule("└", "─", "┴", "┘", widths))
    return lines


def _widths(rows, columns, width: int, cell_len) -> list[int]:
    """Natural widths; when they do not fit, names and lists are capped and the widest column wraps."""
    natural = [max([cell_len(c)] + [cell_len(r[i]) for r in rows]) for i, c in enumerate(columns)]
    room = width - (3 * len(columns) + 1)
    if sum(natural) <= room:
        return natural
    flexible = [i for i, c in enumerate(columns) if c not in _FIXED]
    if not flexible:
        return natural
    main = max(flexible, key=lambda i: (columns[i] == "text", natural[i]))
    others = [i for i in flexible if i != main]
    widths = [min(n, _CAP) if i in others else n for i, n in enumerate(natural)]
    # The main column (text) keeps at least 40% of the room; the others share what is left.
    budget = room - sum(widths[i] for i in range(len(columns)) if i not in flexible) - max(_MIN_MAIN, int(room * 0.4))
    while others and sum(widths[i] for i in others) > budget:
        widest = max(others, key=lambda i: widths[i])
        if widths[widest] <= _MIN_FLEX:
            break
        widths[widest] -= 1
    widths[main] = max(_MIN_FLEX, min(natural[main], room - sum(w for i, w in enumerate(widths) if i != main)))
    return widths


@lru_cache(maxsize=64)
def _wrapper(width: int) -> re.Pattern:
    # Up to `width` characters ending at a space or the end; failing that, a hard cut.
    return re.compile(rf"(\S.{{0,{width - 1}}})(?: +|$)|(\S{{{width}}})")


def _wrap(text: str, width: int, cell_len) -> list[str]:
    """Greedy word wrap; a word longer than the width is cut."""
    if cell_len(text) <= width:
        return [text]
    if text.isascii():  # one regex pass, where most of the time goes otherwise
        return [a or b for a, b in _wrapper(width).findall(text)] or [""]
    lines, line, size = [], [], 0
    for word in text.split(" "):
        n = cell_len(word)
        while n > width:  # cut an overlong word into width-sized pieces
            if line:
                lines.append(" ".join(line))
                line, size = [], 0
            head = _cut(word, width, cell_len)
            lines.append(head)
            word = word[len(head):]
            n = cell_len(word)
        if line and size + 1 + n > width:
            lines.append(" ".join(line))
            line, size = [], 0
        line.append(word)
        size += n + (1 if size else 0)
    if line:
        lines.append(" ".join(line))
    return lines or [""]


def _cut(word: str, width: int, cell_len) -> str:
    end = len(word)
    while end > 1 and cell_len(word[:end]) > width:
        end -= 1
    return word[:end]


def _row(pieces: list[str], widths: list[int], sizes: list[int], bar: str) -> list[str]:
    cells = [f" {p}{' ' * (w - s)} " for p, w, s in zip(pieces, widths, sizes)]
    return [bar + bar.join(cells) + bar]


def _rule(left: str, fill: str, cross: str, right: str, widths: list[int]) -> str:
    return left + cross.join(fill * (w + 2) for w in widths) + right


def _mark(text: str, colour: bool) -> str:
    return f"{BOLD_YELLOW if colour else BOLD}{text}{RESET}"
