"""Finding known phrases (actor and weapon names) in text, longest first.

A tiny dictionary matcher over folded words: each phrase is a tuple of folded
words; a sentence is scanned left to right taking the longest phrase that
starts at each word.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kscli.names import fold

_WORD = re.compile(r"[^\W_]+(?:[-.][^\W_]+)*")


class Token(NamedTuple):
    text: str  # as written
    norm: str  # folded
    start: int
    end: int


_new = tuple.__new__  # a NamedTuple's own __new__, without the keyword-argument layer


class Hit(NamedTuple):
    value: str  # canonical name
    start: int
    end: int
    surface: str


def tokens(text: str) -> list[Token]:
    """Words of `text` with offsets; hyphenated codes like BM-30 and U.S. stay whole."""
    out, norms = [], _NORMS
    for m in _WORD.finditer(text):  # the hottest loop of extraction: kept plain
        word = m[0]
        norm = norms.get(word)
        if norm is None:
            norm = _fold_new(word)
        start, end = m.span()
        out.append(_new(Token, (word, norm, start, end)))
    return out


# A timeline repeats its vocabulary endlessly: each word is folded once. A plain dict, as a
# lookup in it costs half a call of an lru_cache; emptied when full, so memory stays bounded.
_NORMS: dict[str, str] = {}
_NORMS_MAX = 65536


def _fold_new(word: str) -> str:
    if len(_NORMS) >= _NORMS_MAX:
        _NORMS.clear()
    norm = _NORMS[word] = fold(word)
    return norm


class PhraseMatcher:
    """Longest-match lookup of many multi-word phrases, each mapped to a canonical value."""

    def __init__(self, phrases: dict[str, str], case_sensitive_up_to: int = 0):
        self._table: dict[tuple[str, ...], str] = {}
        self._exact: dict[tuple[str, ...], str] = {}
        self._exact_at: set[tuple[str, int]] = set()  # (first word, length) of the case-sensitive phrases
        self._lengths: dict[str, list[int]] = {}  # first word -> phrase lengths starting with it, longest first
        for phrase, value in phrases.items():
            words = tuple(t.norm for t in tokens(phrase))
            if not words:
                continue
            if len(phrase) <= case_sensitive_up_to:
                self._exact[tuple(t.text for t in tokens(phrase))] = value
                self._exact_at.add((words[0], len(words)))
            else:
                self._table[words] = value
            lengths = self._lengths.setdefault(words[0], [])
            if len(words) not in lengths:
                lengths.append(len(words))
                lengths.sort(reverse=True)

    def find(self, text: str, toks: list[Token] | None = None) -> list[Hit]:
        toks = tokens(text) if toks is None else toks
        starts = self._lengths
        norms = [t.norm for t in toks]
        hits, after = [], 0
        for i in [i for i, word in enumerate(norms) if word in starts]:  # where some phrase may start: few
            if i < after:
                continue  # inside the last phrase found
            found = self._longest_at(toks, norms, i)
            if found:
                start, end = toks[i].start, toks[i + found[1] - 1].end
                hits.append(Hit(found[0], start, end, text[start:end]))
                after = i + found[1]
        return hits

    def _longest_at(self, toks: list[Token], norms: list[str], i: int) -> tuple[str, int] | None:
        for n in self._lengths[norms[i]]:
            if i + n > len(norms):
                continue
            value = self._table.get(tuple(norms[i:i + n]))
            if value is None and (norms[i], n) in self._exact_at:
                value = self._exact.get(tuple(t.text for t in toks[i:i + n]))
            if value is not None:
                return value, n
        return None
