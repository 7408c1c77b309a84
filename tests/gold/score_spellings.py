"""Score place resolution on the development spellings (tests/gold/dev-spellings), misses listed.

    python tests/gold/score_spellings.py [SET] [--misses]      (SET: dev-spellings, the default, or dev-spellings-2 to -5)

Scored as tests/heldout/score_places.py scores the held-out spellings (a spelling is resolved
when its best match is the place, or a place of the family, its canonical title names), but this
set is development data: its misses may be read and worked on.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE.parent / "heldout"))

from kscli.store.load import load_index  # noqa: E402
from score_places import place_of_title  # noqa: E402  (its code only: a title looked up as the held-out one is)


def score(places, path: Path) -> tuple[dict, list[tuple]]:
    rows = [line.split("\t") for line in path.read_text("utf-8").splitlines()[1:] if line]
    tallies: dict[str, list[int]] = {}
    misses = []
    for spelling, canonical, _kind, variant, *_ in rows:
        want = place_of_title(places, canonical)
        found = places.resolve(spelling, limit=1)
        ok = bool(want and found and places.family(found[0].place.name) & places.family(want))
        for name in ("all", variant):
            tally = tallies.setdefault(name, [0, 0])
            tally[0] += ok
            tally[1] += 1
        if not ok:
            misses.append((spelling, canonical, variant, want, found[0].place.name if found else None))
    return tallies, misses


def main() -> None:
    name = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), "dev-spellings")
    tallies, misses = score(load_index(None).lexicon.places, HERE / name / "spellings.tsv")
    right, total = tallies.pop("all")
    print(f"{name}: {right} of {total} resolved ({100 * right / total:.1f}%)")
    print("  by variant: " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(tallies.items())))
    if "--misses" in sys.argv:
        for spelling, canonical, variant, want, got in misses:
            print(f"  {spelling!r} ({variant}) wants {canonical!r} [{want}], got {got}")


if __name__ == "__main__":
    main()
