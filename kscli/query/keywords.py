"""Keyword matching: whole words, never sound-alikes.

A keyword matches whole words of the text, case- and accent-insensitively (Tərtər is
tartar, Şuşa is shusha or susa); its last word also matches its English inflections
(drone: drones; kill: kills, killed, killing; not kilometers, not killer). Several words, or a
quoted phrase, match those words in that order. A trailing * asks for a prefix (kilo*). A
keyword that is the name of a known place also matches the place's other spellings
(Shushi: Shusha, Şuşa), and words spelled like them letter for letter (the gazetteer's
transliteration key): that equivalence is for place names only.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from kscli.extract.words import bare, keyword_words, words_of
from kscli.names.folding import fold, key, phonetic, title_head
from kscli.query.sets import intersect, union
from kscli.record import Record

_VOWELS = "aeiou"
_HISSING = ("s", "x", "z", "ch", "sh", "o")  # their plural takes -es


class Keyword(Record):
    """A keyword as typed, and the word sequences it stands for (any one will do)."""

    typed: str
    forms: tuple[tuple[str, ...], ...]
    prefix: bool  # the last word is a prefix: "kilo*"


def parse(typed: str) -> Keyword:
    """The keyword a user typed: quotes around a phrase dropped, a trailing * read as a prefix.

    >>> parse('"tactical retreat"').forms, parse("kilo*")
    ((('tactical', 'retreat'),), Keyword(typed='kilo*', forms=(('kilo',),), prefix=True))
    """
    text = typed.strip()
    if len(text) > 1 and text[0] in "\"“'" and text[-1] in "\"”'":
        text = text[1:-1].strip()
    prefix = text.endswith("*")
    forms = tuple(form for form in keyword_words(text.rstrip("*")) if form)
    return Keyword(typed, forms, prefix)


def searchable(typed: str) -> bool:
    """Whether a keyword has a word to look for ('*', '-', or a script ksw does not fold has none)."""
    return bool(parse(typed).forms)


def inflections(word: str) -> tuple[str, ...]:
    """The word and its regular English inflections: plural, third person, past, -ing.

    >>> inflections("kill"), inflections("drone")
    (('kill', 'kills', 'killed', 'killing'), ('drone', 'drones', 'droned', 'droning'))
    >>> inflections("deny")[-3:], inflections("capture")[-2:], inflections("stop")[-2:]
    (('denies', 'denied', 'denying'), ('captured', 'capturing'), ('stopped', 'stopping'))
    """
    if not word.isalpha() or len(word) < 2:
        return (word,)
    out = [word, word + ("es" if word.endswith(_HISSING) else "s"), word + "ed", word + "ing"]
    if word.endswith("e"):
        out = [word, word + "s", word + "d", word[:-1] + "ing"]
    elif word.endswith("y") and word[-2] not in _VOWELS:
        out = [word, word + "s", word[:-1] + "ies", word[:-1] + "ied", word + "ing"]
    elif len(word) > 2 and word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS and word[-3] not in _VOWELS:
        out += [word + word[-1] + "ed", word + word[-1] + "ing"]  # one vowel before one consonant: stopped
    return tuple(dict.fromkeys(out))


class Vocabulary:
    """The keyword index's words, sorted, for exact, inflected and prefix lookups."""

    def __init__(self, postings):
        self.postings = postings  # folded word -> ascending event positions
        self._sorted: list[str] | None = None
        self._keys: dict[str, list[str]] | None = None

    def choices(self, word: str, last: bool, prefix: bool) -> list[str]:
        """The index's words that a keyword's word matches."""
        if last and prefix:
            words = self.sorted()
            start = bisect.bisect_left(words, word)
            end = bisect.bisect_left(words, word + "\x7f", start)
            return words[start:end]
        wanted = inflections(word) if last else (word,)
        return [w for w in wanted if w in self.postings]

    def same_key(self, word: str) -> list[str]:
        """The index's words spelled like `word` letter for letter (transliteration: Terter, Tartar)."""
        if self._keys is None:
            self._keys = {}
            for w in self.sorted():
                if not w.isdigit():
                    self._keys.setdefault(phonetic(w), []).append(w)
        return self._keys.get(phonetic(word), [])

    def sorted(self) -> list[str]:
        if self._sorted is None:
            self._sorted = sorted(self.postings)
        return self._sorted

    def positions(self, words: Iterable[str]) -> list[int]:
        return union(self.postings[w] for w in words)


class Match(Record):
    """What a keyword matched: event positions, and the words of the text it matched (to highlight)."""

    positions: list[int]
    words: frozenset[str]


def find(index, keyword: str, vocabulary: Vocabulary | None = None) -> Match:
    """The events whose text holds the keyword (or, for a place's name, one of the place's spellings)."""
    vocabulary = vocabulary or Vocabulary(index.values("word"))
    parsed = parse(keyword)
    alternatives = [(form, parsed.prefix) for form in parsed.forms]
    alternatives += [(form, False) for form in _place_forms(index, parsed, vocabulary)]
    found: set[int] = set()
    marked: set[str] = set()
    for form, prefix in dict.fromkeys(alternatives):
        positions, words = _find_form(index, vocabulary, form, prefix)
        found.update(positions)
        if positions:
            marked.update(words)
    return Match(sorted(found), frozenset(marked))


def _find_form(index, vocabulary: Vocabulary, form: tuple[str, ...], prefix: bool) -> tuple[list[int], set[str]]:
    """Events holding one word sequence: from the index alone for a single word, checked against
    the text for a phrase (the index knows which words an event has, not in what order)."""
    choices = [vocabulary.choices(word, n == len(form) - 1, prefix) for n, word in enumerate(form)]
    if not all(choices):
        return [], set()
    candidates: list[int] | None = None
    for words in choices:
        positions = vocabulary.positions(words)
        candidates = positions if candidates is None else intersect(candidates, positions)
    words = {w for group in choices for w in group}
    if len(form) == 1:
        return candidates or [], words
    sets = [set(group) for group in choices]
    texts = index.texts(candidates)
    return [n for n, text in zip(candidates, texts) if _in_order(text, sets)], words


def _in_order(text: str, sets: list[set[str]]) -> bool:
    """Whether the text's words hold one word of each set, one after another."""
    for folded in dict.fromkeys((fold(text), fold(bare(text)))):
        words = words_of(folded)
        span = len(sets)
        for start in range(len(words) - span + 1):
            if all(words[start + k] in sets[k] for k in range(span)):
                return True
    return False


def _place_forms(index, keyword: Keyword, vocabulary: Vocabulary) -> list[tuple[str, ...]]:
    """The word sequences of every spelling of the place a keyword names, if it names one exactly
    (a listed name or alias, or the transliteration key; never a fuzzy guess), and the index's
    words spelled like its one-word spellings."""
    if keyword.prefix or not keyword.forms:
        return []
    places = index.lexicon.places.resolve(keyword.typed.strip("\"“”' "), limit=0, fuzzy=False)
    forms: list[tuple[str, ...]] = []
    for match in places:
        for spelling in match.place.spellings:
            head = title_head(spelling)  # "Ağdam, Tovuz": the name as text writes it
            for form in keyword_words(head):
                forms.append(form)
                if len(form) == 1:
                    forms += [(w,) for w in vocabulary.same_key(form[0])]
    return [form for form in dict.fromkeys(forms) if form]


def suggestion(vocabulary: Vocabulary, keyword: str) -> str | None:
    """The index's word nearest to a keyword that matched nothing ("dorne": "drone"), if one is near."""
    parsed = parse(keyword)
    if not parsed.forms:
        return None
    missing = [w for w in parsed.forms[0] if len(w) >= 3 and w not in vocabulary.postings]
    if not missing:
        return None
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    word = missing[-1]
    near = process.extract(word, vocabulary.sorted(), scorer=OSA.normalized_similarity, score_cutoff=0.6, limit=5)
    if not near:
        return None
    best = max(near, key=lambda hit: (round(hit[1], 6), len(vocabulary.postings[hit[0]])))
    return best[0]


def keyword_events(index, keywords: tuple[str, ...]) -> tuple[list[int], frozenset[str], list[str]]:
    """Events holding any of the keywords, the words they matched, and a note for each keyword that
    occurs nowhere (with the nearest word of the corpus, if one is near)."""
    vocabulary = Vocabulary(index.values("word"))
    matches = [(k, find(index, k, vocabulary)) for k in keywords]
    notes = []
    for keyword, match in matches:
        if not match.positions:
            near = suggestion(vocabulary, keyword)
            notes.append(f"no event contains '{keyword}'" + (f"; did you mean '{near}'?" if near else ""))
    words = frozenset(w for _, match in matches for w in match.words)
    return union(match.positions for _, match in matches), words, notes


def highlight_words(mentions: Iterable[str], texts: Iterable[str], result, lexicon) -> set[str]:
    """Words to mark: the `mentions` that name a matched place, and the tokens of `texts` whose
    folded words a keyword matched."""
    words: set[str] = set()
    # Each distinct spelling once, however many rows share it, by its key as extraction read it.
    for mention in set(mentions):
        if result.places & {place.name for place in lexicon.places.by_key(key(mention))}:
            words.add(mention)
    if result.words:
        tokens = {t for text in texts for t in _TOKEN.findall(text or "")}
        for token in tokens:
            if any(w in result.words for folded in {fold(token), fold(bare(token))} for w in words_of(folded)):
                words.add(token)
    return words


_TOKEN = re.compile(r"[\w’'-]+")


def row_highlights(rows: list[dict], result, lexicon) -> set[str]:
    """highlight_words() for output rows (any fields)."""
    return highlight_words((m for row in rows for m in row.get("place_mentions") or ()),
                           (row.get("text") for row in rows), result, lexicon)
