"""Names of places abroad that a text gives, wherever it gives them: "talks in Tehran", "Tehran
fears the conflict will spread", "an Istanbul newspaper", "a New York lawyer".

A place outside the region is no row of the gazetteer, yet a reader asks `--place Tehran` of a
timeline that names it. The unlisted names (kscli.extract.unlisted) are taken only where the text
uses a name as a place ("in Tehran"), since a capitalised word is as often a man's or a body's; but
a name that corpus/elsewhere.tsv lists (a city of 15,000 people or more, a country, a capital, a
continent, a region or sea around the region: the Caucasus) is a place's, and a capital stands for its
government as often as not. Such a name is taken when it
stands alone, no capitalised word beside it (not "the Bishkek Protocol", not "Victoria Nuland"), and
is no English word (corpus/words.tsv: "Police", "Temple") and no Armenian surname ("Balayan"; a Russian
one is as often a city's name: Rostov, Saratov).
"""

from __future__ import annotations

import re

from kscli.extract.not_places import NOT_A_PLACE_AFTER
from kscli.names.folding import fold
from kscli.names.guesses import elsewhere_among, english, surname

# A run of capitalised words, one space apart: a name, a longer name, or a sentence's first word and more.
_RUN = re.compile(r"(?<![\w’'-])[A-ZÀ-ÖØ-ÞĀ-ſƏ][\w’'ə-]*(?: [A-ZÀ-ÖØ-ÞĀ-ſƏ][\w’'ə-]*)*")
_POSSESSIVE = re.compile(r"['’]s$")
_NEXT_WORD = re.compile(r"\s+(\w+)")
_TITLE_BEFORE = re.compile(r"(?:(?<![.!?] )\b[A-Z][\w’'-]*\s+of|\bCo-?operation\s+in)\s+(?:the\s+)?$")
_PERSON_BEFORE = re.compile(r"\b(?:de|van|von|der|da|di|du|al|el|ibn|bin|ter|named|nicknamed)\s+$")
# Words that begin a sentence before a name: "In Tehran, ...", "The Hague" (which is listed whole).
_OPENING = frozenset(("in", "at", "from", "to", "on", "after", "before", "since", "during", "by", "for", "with",
                      "and", "but", "the", "as", "when", "while", "then", "meanwhile", "later", "also", "near"))


def standing_names(text: str) -> list[tuple[str, ...]]:
    """Each run of one or two capitalised words in `text`, as the forms it may be a name in: itself,
    and without a sentence's first word ("In Tehran": Tehran)."""
    out = []
    for m in _RUN.finditer(text):
        after = _NEXT_WORD.match(text, m.end())
        if after and fold(after[1]) in NOT_A_PLACE_AFTER:
            continue  # "the Bishkek protocol", "Tehran Radio": a name's part, as a listed place's would be
        if _PERSON_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "Thomas de Waal", "a driver named Emin": a man's name
        if _TITLE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "the President of Kazakhstan", "Security and Cooperation in Europe": a title's or body's
        words = m.group().split()
        forms = [words, words[1:]] if len(words) > 1 and fold(words[0]) in _OPENING else [words]
        forms = [_POSSESSIVE.sub("", " ".join(f)) for f in forms if 1 <= len(f) <= 2]
        if forms:
            out.append(tuple(forms))
    return out


def names_abroad(runs: set[tuple[str, ...]], unexplained) -> dict[tuple[str, ...], str]:
    """For each run of `runs` (standing_names()) that names a place abroad, its name.
    `unexplained(name)`: that the name is no known place, actor, weapon or party's adjective."""
    listed = elsewhere_among({form for forms in runs for form in forms})
    found = {}
    for forms in runs:
        name = next((form for form in forms if form in listed), None)
        if name and len(name) >= 4 and not name.isupper() and not english(name) \
                and surname(fold(name.split()[-1])) != "yan" and unexplained(name):
            found[forms] = name
    return found
