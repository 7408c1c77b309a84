"""How near two names are: optimal string alignment (edits and swaps of neighbours), by hand.

The same measure as rapidfuzz's OSA, which a guess at a typo used to import: about 25 ms of a
50 ms run (rapidfuzz loads every metric it has, and its pure-Python fallbacks with them). Names
are short and the keys a typo is measured against are about a thousand, so a bound computed
from the letters alone leaves a few dozen for the full measure. tests/test_nearness.py holds both
functions to rapidfuzz's answers.
"""

from __future__ import annotations

import sys


def osa(a: str, b: str, bound: int | None = None) -> int:
    """The optimal string alignment distance of `a` and `b`; above `bound` (if given), bound + 1."""
    if a == b:
        return 0
    if bound is not None and abs(len(a) - len(b)) > bound:
        return bound + 1
    before = None
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i] + [0] * len(b)
        left = i
        for j, y in enumerate(b, 1):  # comparisons rather than min(): this loop is the whole cost
            best = row[j - 1] + (x != y)
            if left + 1 < best:
                best = left + 1
            if row[j] + 1 < best:
                best = row[j] + 1
            if before is not None and j > 1 and x == b[j - 2] and a[i - 2] == y and before[j - 2] + 1 < best:
                best = before[j - 2] + 1
            current[j] = left = best
        if bound is not None and min(current) > bound:
            return bound + 1
        before, row = row, current
    distance = row[-1]
    return bound + 1 if bound is not None and distance > bound else distance


def nearest(k: str, choices: list[str], cutoff: float, limit: int) -> list[tuple[str, float]]:
    """(choice, similarity) of the choices whose similarity to `k`, 1 - distance / longer length,
    is at least `cutoff`: best first, ties in the choices' order, at most `limit` (rapidfuzz's
    process.extract with OSA.normalized_similarity)."""
    found = []
    letters, size = set(k), len(k)
    counts = {ch: k.count(ch) for ch in letters}
    for at, choice in enumerate(choices):
        longer = size if size > len(choice) else len(choice)
        if longer == 0:
            found.append((1.0, at, choice))
            continue
        allowed = int((1.0 - cutoff) * longer + 1e-9)  # the most edits that can still meet the cutoff
        # Bounds from the letters alone, cheapest first: each letter of k missing from the choice,
        # and each one too many in it, takes an edit of its own.
        if abs(size - len(choice)) > allowed or len(letters.difference(choice)) > allowed:
            continue
        missing = sum(max(0, n - choice.count(ch)) for ch, n in counts.items())
        if max(missing, len(choice) - size + missing) > allowed:
            continue
        similarity = 1.0 - osa(k, choice, allowed + 1) / longer
        if similarity >= cutoff:
            found.append((similarity, at, choice))
    found.sort(key=lambda f: (-f[0], f[1]))
    return [(choice, similarity) for similarity, _, choice in found[:limit]]


def nearest_of_many(k: str, choices: list[str], cutoff: float, limit: int) -> list[tuple[str, float]]:
    """nearest(), for a "did you mean" over every key: by rapidfuzz for a key of 8 letters or more,
    near enough to thousands of keys to be measured against them (20-60 ms in Python, 1 ms in
    rapidfuzz's C after its import of 18 ms, which only a name that found nothing pays); in Python for
    a shorter one (7-18 ms), or by rapidfuzz if it is loaded already."""
    if len(k) < 8 and "rapidfuzz.process" not in sys.modules:
        return nearest(k, choices, cutoff, limit)
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    found = process.extract(k, choices, scorer=OSA.normalized_similarity, score_cutoff=cutoff, limit=limit)
    return [(choice, similarity) for choice, similarity, _ in found]
