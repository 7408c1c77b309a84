"""The words of a sentence as the keyword index files them: folded whole words, nothing looser.

A word is a run of letters and digits after folding (lowercase ASCII: Tərtər is "tartar",
Şuşa "shusha"). Where the text has ş or ç, the word is filed as an English keyboard types it
too ("susa"). No transliteration key and no prefixes: "war" is not "were", "kill" is not
"kilometers" (kscli.query.keywords adds inflections and place spellings at query time).
"""

from __future__ import annotations

import re

from kscli.names.folding import fold

LONGEST_WORD = 64  # no real word is longer; a pasted blob's runs are cut here


def event_words(text: str) -> set[str]:
    """The distinct folded words of a sentence, each filed once in the keyword index.

    >>> sorted(event_words("Tərtər and Şuşa were shelled."))
    ['and', 'shelled', 'shusha', 'susa', 'tartar', 'were']
    """
    if len(text) > 5000:  # a huge blob: the same words, without building whole-text copies
        runs = set(re.findall(r"[^\W_]+", text))
        return {w[:LONGEST_WORD] for run in runs for form in keyword_words(run) for w in form}
    forms = set(words_of(fold(text)))
    if not text.isascii() and ("ş" in text or "Ş" in text or "ç" in text or "Ç" in text):
        forms.update(words_of(fold(bare(text))))  # only then does the bare form differ
    return forms


def keyword_words(text: str) -> tuple[tuple[str, ...], ...]:
    """The word sequences a keyword stands for: its folded words, and (if it has ş or ç) those of
    its keyboard form; either will do.

    >>> keyword_words("Şuşa"), keyword_words("tactical Retreat")
    ((('shusha',), ('susa',)), (('tactical', 'retreat'),))
    """
    return tuple(dict.fromkeys(tuple(words_of(fold(form))) for form in (text, bare(text))))


def words_of(folded: str) -> list[str]:
    """The runs of a-z and 0-9 in folded text."""
    if folded.isascii():  # most text: every other byte made a space, then split, is a third quicker than re
        return folded.encode().translate(_NOT_ALNUM_TO_SPACE).decode().split()
    return _WORDS(folded)


_WORDS = re.compile(r"[a-z0-9]+").findall
_NOT_ALNUM_TO_SPACE = bytes(byte if chr(byte) in "abcdefghijklmnopqrstuvwxyz0123456789" else 32 for byte in range(256))


def bare(text: str) -> str:
    """ş and ç as the plain s and c an English keyboard types (fold() makes them sh and ch)."""
    return text.replace("ş", "s").replace("Ş", "S").replace("ç", "c").replace("Ç", "C")
