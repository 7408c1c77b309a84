"""kscli.names.nearness against rapidfuzz, which it stands in for on the path of a guess: the same
distances, and the same nearest keys in the same order, for typos of every key and for names
that are no typo at all."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process
from rapidfuzz.distance import OSA

from kscli.names import nearness

LETTERS = "abcdeghiklmnorstuvxyz"


@settings(max_examples=3000, deadline=None)
@given(st.text(LETTERS, max_size=9), st.text(LETTERS, max_size=9), st.integers(0, 4))
def test_osa_is_rapidfuzzs(a, b, bound):
    assert nearness.osa(a, b) == OSA.distance(a, b)
    assert nearness.osa(a, b, bound) == OSA.distance(a, b, score_cutoff=bound)


def _keys():
    from kscli.store.load import load_index

    table = load_index().lexicon.places._guess_table()  # the keys a guess at a typo measures
    return sorted({entry[0] for start in table for entries in table[start].values() for entry in entries})


def _typos(rng, word):
    at = rng.randrange(len(word))
    swap = word[:at] + word[at + 1:at + 2] + word[at:at + 1] + word[at + 2:]
    return [word[:at] + word[at + 1:], word[:at] + rng.choice(LETTERS) + word[at + 1:],
            word[:at] + rng.choice(LETTERS) + word[at:], swap]


@pytest.mark.parametrize("cutoff", [0.69, 0.5])
def test_the_nearest_keys_are_rapidfuzzs(cutoff):
    keys = _keys()
    assert len(keys) > 500
    rng = random.Random(1994)
    typed = [t for k in rng.sample(keys, 150) for t in _typos(rng, k)]
    typed += ["parisx", "xyzzy", "karabax", "stapanagrt", "gandja", "", "a", "warsaw", "beyrut", "tartar"]
    for k in typed:
        theirs = [(c, s) for c, s, _ in process.extract(k, keys, scorer=OSA.normalized_similarity,
                                                          score_cutoff=cutoff, limit=30)]
        assert nearness.nearest(k, keys, cutoff, 30) == theirs, k


def test_the_nearest_of_many_keys_are_nearests():
    """A "did you mean" measures a name against every key (nearest_of_many(), by rapidfuzz): the same
    keys in the same order as nearest() finds, for typos of keys and for names that are none."""
    from kscli.store.load import load_index

    keys = [k for k in load_index().lexicon.places.keys() if len(k) >= 4]
    assert len(keys) > 5000
    rng = random.Random(2020)
    typed = [t for k in rng.sample([k for k in keys if len(k) >= 9], 40) for t in _typos(rng, k)]
    typed += ["agreemant", "gvartiuiop", "internationali", "xyzzy", "parisx"]  # (the last two: shorter than 8)
    for k in typed:
        assert nearness.nearest_of_many(k, keys, 0.5, 30) == nearness.nearest(k, keys, 0.5, 30), k
