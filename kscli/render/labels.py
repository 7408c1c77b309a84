"""Labels that never cover one another: placed greedily, the largest counts first.

A label's box is estimated from its font size and length (no font metrics at hand): wide enough
for sans-serif capitals, so that boxes that do not meet leave the drawn text apart too.
"""

from __future__ import annotations

CHAR_WIDTH = 0.62  # of the font size, per character: a little over the average of a sans-serif font
ASCENT, DESCENT = 0.8, 0.25  # of the font size, above and below the baseline


def box(x: float, y: float, size: float, text: str) -> tuple[float, float, float, float]:
    """Left, top, right, bottom of a text drawn with text-anchor start at baseline (x, y)."""
    return x, y - ASCENT * size, x + CHAR_WIDTH * size * len(text), y + DESCENT * size


CELL = 64  # pixels: boxes are filed by the cells of this grid they touch, and checked only against those


class Placer:
    """Boxes taken so far: a label goes where it covers none of them, or is left out."""

    def __init__(self, area: tuple[float, float, float, float]):
        self.area = area
        self._cells: dict[tuple[int, int], list] = {}

    def take(self, b) -> None:
        for cell in _cells(b):
            self._cells.setdefault(cell, []).append(b)

    def free(self, b) -> bool:
        """Whether the box covers no box taken so far."""
        return not any(overlap(b, t) for cell in _cells(b) for t in self._cells.get(cell, ()))

    def place(self, x: float, y: float, gap: float, size: float, text: str) -> tuple[float, float] | None:
        """The baseline of `text` beside the point (x, y) at `gap` from it, or None: no room."""
        width = CHAR_WIDTH * size * len(text)
        for bx, by in ((x + gap, y + size * 0.3), (x - gap - width, y + size * 0.3), (x - width / 2, y - gap - 2),
                       (x - width / 2, y + gap + size * 0.8), (x + gap * 0.7, y - gap * 0.7), (x - gap * 0.7 - width, y - gap * 0.7),
                       (x + gap * 0.7, y + gap * 0.7 + size * 0.6), (x - gap * 0.7 - width, y + gap * 0.7 + size * 0.6)):
            b = box(bx, by, size, text)
            if self._inside(b) and self.free(b):
                self.take(b)
                return bx, by
        return None

    def _inside(self, b) -> bool:
        left, top, right, bottom = self.area
        return b[0] >= left and b[1] >= top and b[2] <= right and b[3] <= bottom


def _cells(b):
    return [(i, j) for i in range(int(b[0] // CELL), int(b[2] // CELL) + 1) for j in range(int(b[1] // CELL), int(b[3] // CELL) + 1)]


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
