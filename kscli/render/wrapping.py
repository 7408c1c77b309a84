"""Text wrapped into a column: between words, else after a hyphen, dash or slash inside a word
("Baku–Tbilisi–" / "Ceyhan"), and only a word with none of these longer than the column is cut."""

from __future__ import annotations

import re
from functools import lru_cache

# Characters one cell wide each (Latin with diacritics, Greek, Cyrillic, Armenian, dashes and
# quotes): text made only of these is measured and wrapped by len(), like ASCII.
_narrow = re.compile(r"[\u0020-\u007e\u00a0-\u02ff\u0370-\u0482\u0531-\u0556\u0561-\u0587\u2010-\u2027\u2030-\u205e]*").fullmatch
BREAKS = "-–/"  # a word too long for its column may be broken after one of these


def is_narrow(text: str) -> bool:
    return text.isascii() or _narrow(text) is not None


@lru_cache(maxsize=64)
def wrapper(width: int) -> re.Pattern:
    """The pieces of a narrow text, `width` wide at most, by one findall().

    Up to `width` characters before a space or the end; failing that, up to a hyphen, dash or
    slash; failing that, a hard cut. findall() steps over the spaces between pieces, as no piece
    starts with one.
    """
    return re.compile(rf"\S.{{0,{width - 1}}}(?= |$)|\S.{{0,{max(0, width - 2)}}}[{BREAKS}](?=\S)|\S{{{width}}}")


def wrap(text: str, width: int, cell_len) -> list[str]:
    """Greedy word wrap, measuring wide characters; a word longer than the width is broken."""
    if cell_len(text) <= width:
        return [text]
    if is_narrow(text):
        return wrapper(width).findall(text) or [""]
    lines, line, size = [], [], 0
    for word in text.split(" "):
        n = cell_len(word)
        while n > width:  # break an overlong word into pieces that fit
            if line:
                lines.append(" ".join(line))
                line, size = [], 0
            head = cut(word, width, cell_len)
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


def cut(word: str, width: int, cell_len) -> str:
    """The head of an overlong word that fits: up to its last break inside, else as much as fits."""
    end = len(word)
    while end > 1 and cell_len(word[:end]) > width:
        end -= 1
    inside = max(word.rfind(c, 0, end) for c in BREAKS)
    return word[:inside + 1] if inside > 0 else word[:end]
