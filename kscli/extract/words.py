"""The words of a sentence as the keyword index files them, and the forms a keyword is looked up by."""

from __future__ import annotations

import re

from kscli.names.folding import fold, phonetic

# Keywords: case-, accent- and transliteration-insensitive, anchored at word starts.
def keyword_forms(text: str) -> tuple[str, ...]:
    """Loose forms of text to match keywords in: ş as "sh" and as "s", then transliteration erased.

    >>> any(f.startswith(phonetic("sugovusan")) for f in keyword_forms("Suqovuşan"))
    True
    """
    plain = fold(text)
    bare = fold(_bare(text))
    return tuple(dict.fromkeys(" ".join(phonetic(w) for w in re.findall(r"[a-z0-9]+", f)) for f in (plain, bare)))


def event_words(text: str) -> set[str]:
    """The loose word forms of a sentence, for the keyword index (each distinct word transformed once)."""
    if len(text) > 5000:  # a huge blob: the same forms, without building whole-text copies
        words = {word[:64] for word in re.findall(r"[^\W_]+", text)}  # no real word is longer
        return {w for word in words for form in keyword_forms(word) for w in form.split()}
    # The words of keyword_forms(text), built without joining and splitting them again; phonetic()
    # remembers each word's form, so repeated words cost less than a set of them made first.
    forms = set(map(phonetic, _words(fold(text))))
    if not text.isascii() and ("ş" in text or "Ş" in text or "ç" in text or "Ç" in text):
        forms.update(map(phonetic, _words(fold(_bare(text)))))  # only then does the bare form differ
    return forms


def _words(folded: str) -> list[str]:
    """The runs of a-z and 0-9 in folded text."""
    if folded.isascii():  # most text: every other byte made a space, then split, is a third quicker than re
        return folded.encode().translate(_NOT_ALNUM_TO_SPACE).decode().split()
    return _WORDS(folded)


_WORDS = re.compile(r"[a-z0-9]+").findall


_NOT_ALNUM_TO_SPACE = bytes(byte if chr(byte) in "abcdefghijklmnopqrstuvwxyz0123456789" else 32 for byte in range(256))


def _bare(text: str) -> str:
    """ş and ç as the plain s and c an English keyboard types (fold() makes them sh and ch)."""
    return text.replace("ş", "s").replace("Ş", "S").replace("ç", "c").replace("Ç", "C")
