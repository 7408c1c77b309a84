"""The text's own misspellings of a place: `--place Horadiz` also finds "Goradlz", `--place Stepanakert`
"Stepankert", names a page's typist or its scanner got wrong, which the gazetteer will never list.

Such a name is one of the text's unlisted names (kscli.extract.unlisted), and it is taken for a place
only as a guess at a typo would take it when typed (Gazetteer.resolve, its rules for villages and for
names abroad included), the place being its only best guess, and nearer than a typed guess needs:
on the development timelines a cutoff of 85 kept the guesses that were right (Goradlz, Merzuli,
Nagomo Karabakh) and left most of those that were not (Daybali, Gavur). Every name so taken is said
on stderr, as any guess is (kscli.query.resolve.place_notes).
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from kscli.store.index import Index

MISSPELLING_CUTOFF = 85.0
# A label's key is first measured against the place's keys, loosely, so that only a few are read whole.
_NEAR_KEYS = 0.7


def misspellings(index: Index, places: set[str]) -> dict[str, tuple[tuple[str, ...], float]]:
    """{label: (places, score)} of the text's unlisted names taken for typos of `places`: those whose
    best guesses are all among them (Ahjabedi is as near Aghjabadi as its district; Kurdalar, as near
    two villages Kürdlər, is taken for neither alone)."""
    labels = list(index.values("unlisted"))
    if not labels or not places:
        return {}
    asked = _ASKED.setdefault(index, {})  # a query reads its places for its answer, then for its notes
    if (these := frozenset(places)) not in asked:
        asked[these] = {label: guess for label in _near(index.lexicon.places, labels, places)
                       if (guess := _guessed(index, label)) and set(guess[0]) <= places}
    return dict(asked[these])


_ASKED: WeakKeyDictionary = WeakKeyDictionary()


def _near(gazetteer, labels: list[str], places: set[str]) -> list[str]:
    """The labels whose key is near a key of a spelling of one of `places` (rapidfuzz, in C: a long
    timeline has thousands of labels, a place dozens of spellings)."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    from kscli.names.folding import key

    keyed: dict[str, list[str]] = {}
    for label in labels:  # labels of one key are one name to the guess, each a label of its own here
        keyed.setdefault(key(label), []).append(label)
    wanted = {key(s) for name in places if name in gazetteer.places for s in gazetteer.places[name].spellings}
    near = set()
    for k in wanted - {""}:
        for choice, _, _ in process.extract(k, list(keyed), scorer=OSA.normalized_similarity, score_cutoff=_NEAR_KEYS,
                                            limit=None):
            near.update(keyed[choice])
    order = {label: n for n, label in enumerate(labels)}
    return sorted(near, key=order.__getitem__)


_GUESSES: WeakKeyDictionary = WeakKeyDictionary()


def _guessed(index: Index, label: str) -> tuple[tuple[str, ...], float] | None:
    """(places, score): the places a guess at `label` as a typo takes it for, all of the best score, a
    fuzzy match of MISSPELLING_CUTOFF or more; None for a name read exactly (extraction left it out
    for its context, not for its spelling)."""
    guesses = _GUESSES.setdefault(index, {})
    if label not in guesses:
        matches = index.lexicon.places.resolve(label, limit=0)
        sure = matches and matches[0].rule == "fuzzy" and matches[0].score >= MISSPELLING_CUTOFF
        best = tuple(dict.fromkeys(m.place.name for m in matches if m.score == matches[0].score)) if sure else ()
        guesses[label] = (best, matches[0].score) if best else None
    return guesses[label]
