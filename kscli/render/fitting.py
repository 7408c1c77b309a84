"""How a table fits the terminal's width: which columns, how wide, or a block a row when nothing fits.

A column is never narrower than its longest word (a name is wrapped between its words, or after a
hyphen, dash or slash inside it, never in the middle), nor than the longest part of its header
(headers wrap at their underscores). The column that takes the rest (text) keeps enough width to be
read; when it cannot:

1. the date goes, when every id already holds its date;
2. the leading short columns of an events or claims table (id, time, source) stack into one;
3. failing that, every row becomes a block of `field  value` lines (kscli.render.blocks).
"""

from __future__ import annotations

import re

from kscli.render.wrapping import is_narrow

FIXED = {"id", "date", "time", "count", "line", "events", "claims", "score", "lat", "lon", "kind", "rule"}
BAR = ""  # the column of inline bars (ksw stats on a terminal): scaled, never wrapped
CAP = 24  # flexible columns other than the main one wrap beyond this, room permitting
MAIN_LEAST = 20  # the main column (text) is worth a table only this wide or wider
OTHER_MAIN_LEAST = 16  # ... or, in a table without text (actors, places), its widest column
LONGEST_PIECE = 20  # a longer word is cut: no column grows for it
STACK_BEFORE = ("places", "text")  # an id's table stacks the columns before these into one
_pieces = re.compile(r"[^\s\-–/]*[\-–/]+|[^\s\-–/]+").findall  # "Baku–Tbilisi–Ceyhan" -> "Baku–", "Tbilisi–", ...


class Grid:
    """A layout in columns: the cells (one list a column) as drawn, their names and widths."""

    def __init__(self, cells: list[list[str]], columns: list[str], widths: list[int]):
        self.cells, self.columns, self.widths = cells, columns, widths


def fit(cells: list[list[str]], columns: list[str], width: int, cell_len) -> Grid | None:
    """The grid that fits `width`, or None: draw each row as a block."""
    cells, columns = _without_redundant_date(cells, columns)
    grid = _grid(cells, columns, width, cell_len)
    if grid is None and columns and columns[0] == "id":
        stacked = _stacked(cells, columns)
        if stacked is not None:  # as narrow as its ids: the text keeps the rest
            ids = max(map(cell_len, cells[0]), default=0)
            grid = _grid(*stacked, width, cell_len, fixed={0: ids})
    return grid


def header_pieces(name: str, width: int) -> list[str]:
    """A header's lines in a column `width` wide: broken after underscores and at spaces."""
    parts = re.findall(r"[^_\s]*_+|[^_\s]+", name) or [name]
    lines, line = [], ""
    for part in parts:
        if line and len(line) + len(part) + (0 if line.endswith("_") else 1) > width:
            lines.append(line)
            line = ""
        line += part if not line or line.endswith("_") else " " + part
    return lines + [line]


def _without_redundant_date(cells, columns):
    """The id of an event holds its date ("2020-10-04.07"): a column of the same dates again is room lost."""
    if "id" not in columns or "date" not in columns:
        return cells, columns
    ids, dates = cells[columns.index("id")], cells[columns.index("date")]
    if not all(not d or i.startswith(d) for i, d in zip(ids, dates)):
        return cells, columns
    keep = [n for n, c in enumerate(columns) if c != "date"]
    return [cells[n] for n in keep], [columns[n] for n in keep]


def _stacked(cells, columns):
    """The leading short columns (id, time, source) as one column, its cells their words in turn."""
    end = next((n for n, c in enumerate(columns) if c in STACK_BEFORE), len(columns))
    if end < 2:
        return None
    merged = [" ".join(part for part in parts if part) for parts in zip(*cells[:end])]
    return [merged, *cells[end:]], [" ".join(columns[:end]), *columns[end:]]


def _grid(cells, columns, width: int, cell_len, fixed: dict[int, int] | None = None) -> Grid | None:
    """Widths for every column, or None; `fixed` gives some flexible columns their one width."""
    fixed = fixed or {}
    natural = [max(cell_len(name), _longest(column, cell_len)) for name, column in zip(columns, cells)]
    room = width - (3 * len(columns) + 1)
    if sum(natural) <= room:
        return Grid(cells, columns, natural)
    flexible = [n for n, c in enumerate(columns) if c not in FIXED]
    if not flexible:
        return None
    main = max(flexible, key=lambda n: (columns[n] == "text", columns[n] != BAR, natural[n]))
    least = [0 if n == main else fixed.get(n) or _least(columns[n], cells[n], natural[n], cell_len)
             for n in range(len(columns))]
    # The words of a text column need no measuring (sentences by the thousand are the costly cells):
    # its least width is above LONGEST_PIECE, or else its whole natural width.
    least[main] = min(natural[main], MAIN_LEAST) if columns[main] == "text" else \
        max(_least(columns[main], cells[main], natural[main], cell_len), min(natural[main], OTHER_MAIN_LEAST))
    spare = room - sum(least)
    if spare < 0:
        return None
    widths = least[:]
    # The main column first, up to 40% of the room; then the others up to CAP; then the main again.
    others = [n for n in flexible if n != main and n not in fixed]
    for n, limit in [(main, max(least[main], int(room * 0.4)))] + [(n, CAP) for n in others] + \
                    [(main, natural[main])] + [(n, natural[n]) for n in others]:
        grow = max(0, min(spare, min(limit, natural[n]) - widths[n]))
        widths[n] += grow
        spare -= grow
    return Grid(cells, columns, widths)


def _longest(column: list[str], cell_len) -> int:
    """The widest cell: by len() when every character is one cell wide (one check for the column)."""
    return max(map(len if is_narrow("".join(column)) else cell_len, column), default=0)


def _least(name: str, column: list[str], natural: int, cell_len) -> int:
    """The narrowest a column may be: its longest word (up to LONGEST_PIECE), its header's longest part."""
    if name in FIXED:
        return natural
    head = max(map(len, re.findall(r"[^_\s]*_*", name)), default=0)
    if name == BAR:
        return min(natural, 4)
    words = {piece for text in set(column) for piece in _pieces(text)}
    return max(head, min(LONGEST_PIECE, max(map(cell_len, words), default=0)))
