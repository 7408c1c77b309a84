"""Write corpus/words.tsv: English words that a guess at a typo never takes for a place's name.

    pip download english-words==2.0.2 --no-deps -d /tmp/ew
    KSW_CACHE_DIR=off python corpus/tools/words.py /tmp/ew/english_words-2.0.2-py3-none-any.whl

A guess at a typo (kscli.names.gazetteer: Gazetteer._fuzzy, and _village_guess, which searches
thousands of villages) finds a place a typo away from many an English word: "Iranian" Ivanyan,
"Turkish" Turkesh, "Shortly" Shorlu, "Martyrs" Martiros. The list holds the words of Webster's
Second International Dictionary (1934, public domain: the "web2" list, as the PyPI package
english-words carries it), with their plural, past and -ing forms, that either guess would take
for a place of places.tsv, so that it stays small; the common words that a reading in another
language's way takes for one ("Head", read as Western Armenian's "heat", is the village of Hat); and
the common words among the names of places elsewhere ("Police", "Temple": kscli.extract.abroad takes the others for towns abroad). Run it again
after places.tsv, elsewhere.tsv or the guesses' rules change.
"""

from __future__ import annotations

import io
import pickle
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from kscli.names.folding import fold, key  # noqa: E402
from kscli.names.readings import foreign_readings  # noqa: E402
from kscli.names.guesses import alike  # noqa: E402
from kscli.names.gazetteer import FUZZY_CUTOFF  # noqa: E402
from kscli.store.load import load_index  # noqa: E402

OUT = ROOT / "corpus" / "words.tsv"


class _Words(pickle.Unpickler):
    """Only the builtin containers a word list is made of: a pickle may name any callable."""

    def find_class(self, module: str, name: str):
        if module == "builtins" and name in ("set", "frozenset", "list"):
            return getattr(__import__("builtins"), name)
        raise pickle.UnpicklingError(f"not a word list: {module}.{name}")


def main(wheel: str) -> None:
    archive = zipfile.ZipFile(wheel)
    stems = [w for w in _Words(io.BytesIO(archive.read("english_words/data/web2_lower.pickle"))).load()
             if isinstance(w, str) and w.isalpha()]
    words = sorted({form for w in stems for form in inflected(w) if len(form) >= 3})
    gazetteer = load_index(None).lexicon.places
    near = {w for w in words if (len(w) >= 4 and guessed(gazetteer, w)) or read(gazetteer, w)}
    common = {form for w in common_words(archive) for form in inflected(w)}
    near |= {w for w in words if w in common and read_another_way(gazetteer, w)}
    near = sorted(near | abroad(archive))
    lines = ["# English words a guess at a typo would take for a place's name, or a transliteration would",
             "# read as one (Seven, Sevan), or a reading in another language's way (Head, Hat): never guessed",
             "# at, nor read so at a sentence's start or after a place's word (Webster's Second International",
             "# Dictionary, public domain, via the PyPI package english-words 2.0.2).",
             "# Made by corpus/tools/words.py; one word a line.", "word"]
    OUT.write_text("\n".join(lines + near) + "\n", encoding="utf-8")
    print(f"{len(near)} of {len(words)} words", file=sys.stderr)


def abroad(archive: zipfile.ZipFile) -> set[str]:
    """The dictionary's common words that are, capitalised, the name of a place elsewhere
    (corpus/elsewhere.tsv): a capitalised one at a sentence's start names no town abroad
    (kscli.extract.abroad)."""
    names = (ROOT / "corpus" / "elsewhere.tsv").read_text("utf-8").lower().splitlines()
    return common_words(archive).intersection(names)


def common_words(archive: zipfile.ZipFile) -> set[str]:
    """The dictionary's common words: lower-case as it writes them ("police", not "Paris", nor Awshar
    or Azoch, which are names)."""
    cased = _Words(io.BytesIO(archive.read("english_words/data/web2.pickle"))).load()
    return {w for w in cased if isinstance(w, str) and w.isalpha() and w.islower()}


def read_another_way(gazetteer, word: str) -> bool:
    """Whether extraction reads `word`, capitalised, as a place in another language's way (kscli.names.
    folding.foreign_readings: "Head", as Western Armenian's "heat", is the village of Hat; "Areas", as
    German's "areaz", the Araz), no spelling of a place written so."""
    typed = word.capitalize()
    return not gazetteer.spelled(fold(typed)) and any(
        gazetteer._transliterations(r, key(r), set()) for r in foreign_readings(typed))


def guessed(gazetteer, word: str) -> bool:
    """Whether either guess of Gazetteer.resolve() takes `word` for a place."""
    gazetteer._nearest.clear()  # a million words: remembered guesses would fill the memory
    k = key(word)
    # as many candidates as a query weighs (Gazetteer.resolve with limit=0): the best few keys may all
    # fail the typo rule where a later one passes ("kamares", Kamarl)
    return bool(gazetteer._fuzzy(k, 10, FUZZY_CUTOFF, typed=word) or gazetteer._village_guess(k, word))


def read(gazetteer, word: str) -> bool:
    """Whether extraction reads `word`, capitalised, as a place by its transliteration key alone, no
    spelling of a place written so (kscli.extract.places: "Seven" is Lake Sevan's key, "Hours" Xurs')."""
    k = key(word)
    return not gazetteer.spelled(fold(word)) and any(
        alike(word, s) for p in gazetteer.by_key(k) for s in p.spellings if key(s) == k)


def inflected(word: str) -> set[str]:
    """The word and its plural, past and -ing forms, roughly: the dictionary lists "martyr", a text
    writes "Martyrs" (Martiros, a village)."""
    forms = {word, word + "s", word + "ed", word + "ing"}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    if word.endswith("e"):
        forms.update((word + "d", word[:-1] + "ing"))
    if word.endswith("y"):
        forms.update((word[:-1] + "ies", word[:-1] + "ied"))
    return forms


if __name__ == "__main__":
    main(*sys.argv[1:])
