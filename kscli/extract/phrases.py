"""Finding known phrases (actor and weapon names) in text, longest first.

A tiny dictionary matcher over folded words: each phrase is a tuple of folded
words; a sentence is scanned left to right taking the longest phrase that
starts at each word.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import NamedTuple

from kscli.names.folding import fold

_WORD = re.compile(r"([^\W_]+(?:[-.][^\W_]+)*)")  # a group: re.split() keeps the words


class Words:
    """A text's words (hyphenated codes like BM-30 and U.S. whole), folded, with offsets.

    Kept as parallel lists made by re.split and itertools.accumulate, all in C: a word object
    each, made in a Python loop, cost twice as much, and extraction reads every sentence's words.
    """

    __slots__ = ("text", "norm", "start", "end", "gap")

    def __init__(self, text: str):
        parts = _WORD.split(text)  # gap, word, gap, word, ..., gap
        self.text: list[str] = parts[1::2]  # as written
        self.gap: list[str] = parts[0::2]  # gap[i]: what stands before word i; gap[-1]: after the last
        offsets = list(accumulate(map(len, parts)))
        self.start: list[int] = offsets[0:-1:2]
        self.end: list[int] = offsets[1::2]
        norms = list(map(_NORMS.get, self.text))
        if None in norms:  # a word not folded before
            norms = [norm if norm is not None else _fold_new(word) for word, norm in zip(self.text, norms)]
        self.norm: list[str] = norms

    def __len__(self) -> int:
        return len(self.text)


class Hit(NamedTuple):
    value: str  # canonical name
    start: int
    end: int
    surface: str


def tokens(text: str) -> Words:
    """The words of `text`: tokens("Azerbaijan's BM-30 Smerch").norm == ["azerbaijan", "s", "bm 30", "smerch"]."""
    return Words(text)


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
        self._starts: set[str] = set()  # first words
        self._single: set[str] = set()  # one-word phrases
        # (first word, second word) -> lengths of the phrases starting with them, longest first: most
        # first words ("the", "armenian") start phrases whose second word the text does not have.
        self._longer: dict[tuple[str, str], list[int]] = {}
        for phrase, value in phrases.items():
            words = tuple(tokens(phrase).norm)
            if not words:
                continue
            if len(phrase) <= case_sensitive_up_to:
                self._exact[tuple(tokens(phrase).text)] = value
                self._exact_at.add((words[0], len(words)))
            else:
                self._table[words] = value
            self._starts.add(words[0])
            if len(words) == 1:
                self._single.add(words[0])
                continue
            lengths = self._longer.setdefault(words[:2], [])
            if len(words) not in lengths:
                lengths.append(len(words))
                lengths.sort(reverse=True)

    def find(self, text: str, toks: Words | None = None) -> list[Hit]:
        toks = tokens(text) if toks is None else toks
        starts = self._starts
        norms = toks.norm
        hits, after = [], 0
        for i in [i for i, word in enumerate(norms) if word in starts]:  # where some phrase may start: few
            if i < after:
                continue  # inside the last phrase found
            found = self._longest_at(toks, norms, i)
            if found:
                start, end = toks.start[i], toks.end[i + found[1] - 1]
                hits.append(Hit(found[0], start, end, text[start:end]))
                after = i + found[1]
        return hits

    def _longest_at(self, toks: Words, norms: list[str], i: int) -> tuple[str, int] | None:
        longer = self._longer.get((norms[i], norms[i + 1]), ()) if i + 1 < len(norms) else ()
        for n in [*longer, 1] if norms[i] in self._single else longer:
            if i + n > len(norms):
                continue
            value = self._table.get(tuple(norms[i:i + n]))
            if value is None and (norms[i], n) in self._exact_at:
                value = self._exact.get(tuple(toks.text[i:i + n]))
            if value is not None:
                return value, n
        return None
