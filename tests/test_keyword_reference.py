"""Keywords mean words: every keyword's events equal a plain word-boundary search of the folded text
(allowing English inflections of its last word, and a place's own spellings for a place's name),
and strings that occur nowhere find nothing, with a nearby word suggested."""

import re

import pytest

from kscli.extract.words import bare
from kscli.names.folding import fold
from kscli.query import Query, run
from kscli.query.keywords import inflections

# Common English words of the text, short words, weapons, names with diacritics, numbers, phrases.
KEYWORDS = [
    "war", "kill", "drone", "shelling", "shell", "attack", "deny", "denied", "capture", "control", "forces",
    "village", "city", "district", "the", "of", "in", "at", "on", "and", "dam", "zone", "front", "civilian",
    "missile", "rocket", "footage", "ceasefire", "border", "river", "positions", "offensive", "retreat",
    "repelled", "clashes", "night", "evening", "morning", "claim", "stated", "Smerch", "Grad", "Tochka-U",
    "Scud", "Su-25", "F-16", "BM-30", "Bayraktar", "cluster munitions", "Ilham Aliyev", "tactical retreat",
    "humanitarian ceasefire", "08:00", "13:00", "21", "Çinarlı", "Həsənqaya", "Talış", "Qırmızı Bazar",
    "Bərdə", "Füzuli", "Laçın", "ICRC", "Minsk Group", "Twitter", "peace-keepers", "Russia-brokered",
    "Goy Imam Mosque", "apology", "crew", "pilot", "wounded",
]
# Strings that occur nowhere in the text, as words.
NOWHERE = ["zzzz", "aaaa", "qwerty", "dean", "xyzzy", "kilometre-wide", "lorem", "ipsum", "warship", "dorne",
           "tanks tanks", "bbbb", "qqq", "frobnicate", "Kyiv", "Paris", "nonesuch", "plugh", "12345", "zz top",
           "killer", "shellfish"]


def folded_words(text: str) -> list[list[str]]:
    return [re.findall(r"[a-z0-9]+", f) for f in dict.fromkeys((fold(text), fold(bare(text))))]


def reference(index, keyword: str, spellings: list[str]) -> set[str]:
    """Events whose folded words hold one of the spellings' words in order, the last inflected."""
    out = set()
    for spelling in spellings:
        for want in folded_words(spelling):
            if not want:
                continue
            last = set(inflections(want[-1]))
            for event in index.events:
                for words in folded_words(event.text):
                    if any(words[i:i + len(want) - 1] == want[:-1] and words[i + len(want) - 1] in last
                           for i in range(len(words) - len(want) + 1)):
                        out.add(event.id)
    return out


def spellings_of(index, keyword: str) -> list[str]:
    """The keyword, and the other spellings of the place it names exactly (never a fuzzy guess)."""
    places = index.lexicon.places.resolve(keyword, limit=0, fuzzy=False)
    return [keyword] + [s.split(",")[0].split(" (")[0] for m in places for s in m.place.spellings]


def test_keywords_find_words_and_nothing_else(index, figures):
    assert len(KEYWORDS) >= 60
    got_all = want_all = hit = 0
    misses = []
    for keyword in KEYWORDS:
        want = reference(index, keyword, spellings_of(index, keyword))
        got = {index.events[n].id for n in run(index, Query(keywords=(keyword,))).positions}
        got_all += len(got)
        want_all += len(want)
        hit += len(got & want)
        if got != want:
            misses.append((keyword, sorted(got - want)[:3], sorted(want - got)[:3]))
    precision, recall = hit / got_all, hit / want_all
    figures(f"keywords against a word-boundary search: precision {precision:.3f}, recall {recall:.3f} "
            f"({len(KEYWORDS)} keywords, {want_all} events)")
    assert precision >= 0.98 and recall >= 0.98, misses
    assert not misses, misses


@pytest.mark.parametrize("keyword", NOWHERE)
def test_a_string_that_occurs_nowhere_finds_nothing(index, keyword):
    result = run(index, Query(keywords=(keyword,)))
    assert result.positions == []
    assert result.notes and result.notes[0].startswith(f"no event contains '{keyword}'")


def test_a_near_spelling_is_suggested(index):
    assert run(index, Query(keywords=("dorne",))).notes == ("no event contains 'dorne'; did you mean 'drone'?",)


def test_the_issues_examples(index):
    def count(keyword):
        return len(run(index, Query(keywords=(keyword,))).positions)

    texts = [e.text for e in index.events]
    assert count("war") == sum(1 for t in texts if re.search(r"\bwars?\b", t, re.I))  # not were, Vardenis
    assert count("dam") == sum(1 for t in texts if re.search(r"\bdams?\b", t, re.I))  # not damaged
    assert count("kill") == sum(1 for t in texts if re.search(r"\bkill(?:s|ed|ing)?\b", t, re.I))  # not kilometers
    assert count("kilo*") == sum(1 for t in texts if re.search(r"\bkilo", t, re.I))  # a prefix, when asked
    assert count("Şuşa") == count("Shushi") == count("Shusha") > 20  # a place's names, any of them
