"""Sets of event positions: ascending lists, combined by union (OR) and intersection (AND)."""

from __future__ import annotations

def union(postings) -> list[int]:
    merged: set[int] = set()
    for p in postings:
        merged.update(p)
    return sorted(merged)


def intersect(a: list[int], b: list[int]) -> list[int]:
    other = set(b)
    return [n for n in a if n in other]
