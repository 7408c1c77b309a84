"""Score place resolution on the held-out set, printing aggregate figures only.

    python tests/heldout/score_places.py

The held-out files are not to be read while the gazetteer is built (tests/heldout/README.md);
this script therefore never prints a spelling, a sentence or a place, only counts and ratios.

1. spellings.tsv: a spelling is resolved when its best match is the place its canonical
   title names. The title is looked up the way a user's title would be (exact name, alias,
   then the title without its Wikipedia disambiguator); a title the gazetteer cannot place
   counts as a miss, like a spelling that finds nothing or the wrong place.
2. first-war: the timeline is indexed with the bundled data files, as `ksw --corpus` does. For
   every place the gold names, `--place TITLE` is run; its events are compared with the
   sentences whose gold places include that place (micro-averaged over all pairs). Two truths:
   "strict", the sentences naming that one place; and "as specified", the sentences naming any
   place the query means by the issue's definition of --place (the title's place, the places
   sharing its bare name, as the district named after a town, and the landmarks inside them),
   since `--place Tartar` is meant to give the district's events too. Only the annotated
   sentences are scored: an event the gold says nothing about (the background paragraph's
   sentences) is neither right nor wrong. How many such events the queries found is printed,
   with the precision they would give if each were counted wrong.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from kscli.names.folding import fold  # noqa: E402
from kscli.store.load import load_index  # noqa: E402


def place_of_title(places, title: str):
    """The gazetteer's place for a Wikipedia title, or None."""
    for form in (title, title.split(" (")[0], title.split(",")[0]):
        found = places.resolve(form, limit=1, fuzzy=False)
        if found:
            return found[0].place.name
    return None


def spellings_score(places) -> dict:
    rows = [line.split("\t") for line in (HERE / "spellings.tsv").read_text("utf-8").splitlines()[1:] if line]
    right = unplaced = 0
    by_variant: dict[str, list[int]] = {}
    by_source: dict[str, list[int]] = {}
    for spelling, canonical, _kind, variant, *rest in rows:
        want = place_of_title(places, canonical)
        found = places.resolve(spelling, limit=1)
        ok = bool(want and found and places.family(found[0].place.name) & places.family(want))
        unplaced += want is None
        right += ok
        tally = by_variant.setdefault(variant, [0, 0])
        tally[0] += ok
        tally[1] += 1
        # The gazetteer takes names from GeoNames too: its spellings are no independent test.
        tally = by_source.setdefault("GeoNames" if "geonames" in (rest[0] if rest else "").lower() else "other", [0, 0])
        tally[0] += ok
        tally[1] += 1
    return {"spellings": len(rows), "resolved": right, "titles not in gazetteer": unplaced,
            "by variant": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_variant.items())},
            "by source": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_source.items())}}


def first_war_score() -> dict:
    from kscli.query.execute import run
    from kscli.query.resolve import place_names
    from kscli.query.spec import Query

    index = load_index(HERE / "first-war" / "first-nagorno-karabakh-war-timeline.txt")
    gold = [json.loads(line) for line in (HERE / "first-war" / "places_gold.jsonl").read_text("utf-8").splitlines()]
    by_text = {(e.date, fold(e.text)): e.id for e in index.events}
    ids = [by_text.get((g["date"], fold(g["text"]))) for g in gold]
    expected: dict[str, set[str]] = {}
    for event_id, g in zip(ids, gold):
        for title in g["places"]:
            expected.setdefault(title, set()).add(event_id or f"unmatched:{g['text'][:30]}")
    annotated = {event_id for event_id in ids if event_id}
    strict, specified, unknown, outside = [0, 0, 0], [0, 0, 0], 0, 0
    for title, want in expected.items():
        try:
            result = run(index, Query(places=(title,)))
            got = {index.events[n].id for n in result.positions}
            outside += len(got - annotated)
            got &= annotated
            meant = place_names(index, (title,)) | {title}
        except Exception:  # an unknown name: nothing found
            got, meant, unknown = set(), {title}, unknown + 1
        wide = {event_id or f"unmatched:{g['text'][:30]}" for event_id, g in zip(ids, gold) if meant & set(g["places"])}
        for tally, truth in ((strict, want), (specified, wide)):
            tally[0] += len(got)
            tally[1] += len(got & truth)
            tally[2] += len(truth)
    return {"sentences": len(gold), "sentences aligned": sum(1 for i in ids if i), "places": len(expected),
            "places unknown": unknown, "strict": _ratios(strict), "as specified": _ratios(specified),
            "outside": outside, "as specified, outside counted wrong": _ratios([specified[0] + outside, *specified[1:]])}


def _ratios(tally: list[int]) -> dict:
    found, right, wanted = tally
    return {"precision": round(right / found, 3) if found else None, "recall": round(right / wanted, 3) if wanted else None}


def main() -> None:
    places = load_index(None).lexicon.places
    spelled = spellings_score(places)
    print(f"held-out spellings: {spelled['resolved']} of {spelled['spellings']} resolved "
          f"({100 * spelled['resolved'] / spelled['spellings']:.1f}%); "
          f"{spelled['titles not in gazetteer']} titles not in the gazetteer")
    print(f"  by variant: {spelled['by variant']}")
    print(f"  by source: {spelled['by source']}")
    war = first_war_score()
    print(f"first-war timeline ({war['places']} places, {war['places unknown']} unknown; "
          f"{war['sentences aligned']} of {war['sentences']} sentences aligned): place queries")
    for truth in ("strict", "as specified"):
        print(f"  {truth}: precision {war[truth]['precision']}, recall {war[truth]['recall']}")
    print(f"  events found outside the annotated sentences: {war['outside']} (counted wrong, as specified: "
          f"precision {war['as specified, outside counted wrong']['precision']})")


if __name__ == "__main__":
    main()
