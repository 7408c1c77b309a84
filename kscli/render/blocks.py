"""A table too wide for the terminal, as one block a row: a rule with the row's first value, then
each other field on its own lines, its value wrapped beside its name (psql's expanded display)."""

from __future__ import annotations

from collections.abc import Iterator

from kscli.render.fitting import BAR
from kscli.render.wrapping import wrap

BOLD, RESET = "\x1b[1m", "\x1b[0m"
LEAST_VALUE = 12  # narrower than this, values wrap past the names' column


def draw_blocks(cells: list[list[str]], columns: list[str], width: int, highlights, styles: bool,
                cell_len) -> Iterator[str]:
    """The blocks, a row at a time. `highlights` holds a marking function or None for each column."""
    shown = [n for n, name in enumerate(columns) if name != BAR and n > 0]
    label = max((len(columns[n]) for n in shown), default=0)
    room = max(LEAST_VALUE, width - label - 2)
    for row in range(len(cells[0]) if cells else 0):
        head = cells[0][row]
        mark0 = highlights[0]
        lines = [f"── {mark0(head) if mark0 else head} " + "─" * max(0, width - cell_len(head) - 4)]
        for n in shown:
            value = cells[n][row]
            if not value:
                continue
            name = f"{BOLD}{columns[n]}{RESET}" if styles else columns[n]
            pad = " " * (label - len(columns[n]))
            mark = highlights[n]
            for k, piece in enumerate(wrap(value, room, cell_len)):
                text = mark(piece) if mark else piece
                lines.append(f"{name}{pad}  {text}" if k == 0 else f"{' ' * label}  {text}")
        yield "".join(line + "\n" for line in lines)
