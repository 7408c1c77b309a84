"""Finding known phrases (actor and weapon names) in text, longest first.

A tiny dictionary matcher over folded words: each phrase is a tuple of folded
words; a sentence is scanned left to right taking the longest phrase that
starts at each word.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from kscli.names import fold

_WORD = re.compile(r"[^\W_]+(?:[-.][^\W_]+)*")


class Token(NamedTuple):
    text: str  # as written
    norm: str  # folded
    start: int
    end: int


class Hit(NamedTuple):
    value: str  # canonical name
    start: int
    end: int
    surface: str


def tokens(text: str) -> list[Token]:
    """Words of `text` with offsets; hyphenated codes like BM-30 and U.S. stay whole."""
    return [Token(m[0], _norm(m[0]), m.start(), m.end()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=65536)
def _norm(word: str) -> str:
    # A timeline repeats its vocabulary endlessly: fold each word once.
    return fold(word)


class PhraseMatcher:
    """Longest-match lookup of many multi-word phrases, each mapped to a canonical value."""

    def __init__(self, phrases: dict[str, str], case_sensitive_up_to: int = 0):
        self._table: dict[tuple[str, ...], str] = {}
        self._exact: dict[tuple[str, ...], str] = {}
        self._lengths: dict[str, list[int]] = {}  # first word -> phrase lengths starting with it, longest first
        self.longest = 1
        for phrase, value in phrases.items():
            words = tuple(t.norm for t in tokens(phrase))
            if not words:
                continue
            if len(phrase) <= case_sensitive_up_to:
                self._exact[tuple(t.text for t in tokens(phrase))] = value
            else:
                self._table[words] = value
            self.longest = max(self.longest, len(words))
            lengths = self._lengths.setdefault(words[0], [])
            if len(words) not in lengths:
                lengths.append(len(words))
                lengths.sort(reverse=True)

    def find(self, text: str, toks: list[Token] | None = None) -> list[Hit]:
        toks = tokens(text) if toks is None else toks
        starts = self._lengths
        hits, i, n = [], 0, len(toks)
        while i < n:
            if toks[i].norm not in starts:  # no phrase starts here: the common case, answered at once
                i += 1
                continue
            hit = self._longest_at(text, toks, i)
            if hit is None:
                i += 1
                continue
            hits.append(hit[0])
            i = hit[1]
        return hits

    def _longest_at(self, text: str, toks: list[Token], i: int) -> tuple[Hit, int] | None:
        for n in self._lengths[toks[i].norm]:
            if i + n > len(toks):
                continue
            span = toks[i:i + n]
            value = self._table.get(tuple(t.norm for t in span)) or self._exact.get(tuple(t.text for t in span))
            if value is not None:
                start, end = span[0].start, span[-1].end
                return Hit(value, start, end, text[start:end]), i + n
        return None
