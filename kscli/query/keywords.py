"""Keyword matching: the events whose words hold a keyword or phrase, and the words to highlight."""

from __future__ import annotations

import re
from typing import Iterable

from kscli.extract.words import keyword_forms
from kscli.query.sets import intersect, union
from kscli.store.index import Index

def keyword_candidates(index: Index, keyword: str) -> list[int]:
    """Events whose words could hold the phrase in one of its forms: each word of that form begins one of theirs."""
    vocabulary = index.values("word")
    found: set[int] = set()
    for form in keyword_forms(keyword):  # "Şuşa" is "shusha" or "susa": either will do, not both at once
        result: list[int] | None = None
        for word in dict.fromkeys(form.split()):
            positions = union(vocabulary[w] for w in vocabulary if w.startswith(word))
            result = positions if result is None else intersect(result, positions)
        found.update(result or ())
    return sorted(found)


def has_phrase(text: str, keyword: str) -> bool:
    needles = keyword_forms(keyword)
    haystacks = keyword_forms(text)
    return any(re.search(r"(?:^|\s)" + re.escape(n), h) for n in needles for h in haystacks if n)


def highlight_words(mentions: Iterable[str], texts: Iterable[str], result, lexicon) -> set[str]:
    """Words to mark: the `mentions` that name a matched place, and the words of `texts` keywords matched."""
    words: set[str] = set()
    for mention in set(mentions):  # each distinct spelling resolved once, however many rows share it
        if result.places & {match.place.name for match in lexicon.places.resolve(mention, limit=0)}:
            words.add(mention)
    if result.keywords:
        tokens = {t for text in texts for t in re.findall(r"[\w’'-]+", text or "")}
    for keyword in result.keywords:
        needles = [n.split(" ")[0] for n in keyword_forms(keyword) if n]
        words.update(t for t in tokens if any(f.startswith(n) for f in keyword_forms(t) for n in needles))
    return words


def row_highlights(rows: list[dict], result, lexicon) -> set[str]:
    """highlight_words() for output rows (any fields)."""
    return highlight_words((m for row in rows for m in row.get("place_mentions") or ()),
                           (row.get("text") for row in rows), result, lexicon)
