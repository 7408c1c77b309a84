"""Claims, denial links, confirmations and casualty sides, measured against the hand-made claims gold:
the development days (the rules were written against them) and the held-out days (annotated before
any rule was written, scored and reported apart, never read for tuning)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "gold"))
from score_claims import gold, index_of, report, score  # noqa: E402

# Floors that hold what was measured. The targets: claims 0.92, denial links 0.9 (same-
# and cross-sentence apart), confirmations 0.8, casualty side 0.9; on the held-out days all are
# met (confirmations: 8 of 10 found, since the side a report says acted is weighed).
DEV_FLOORS = {"claims": 0.97, "denials same-sentence": 0.95, "denials cross-sentence": 0.9,
              "confirmations": 0.8, "casualty side": 0.85}
HELDOUT_FLOORS = {"claims": 0.92, "denials same-sentence": 0.9, "denials cross-sentence": 0.9,
                  "confirmations": 0.8, "casualty side": 0.9}


@pytest.mark.parametrize("split, floors", [("dev", DEV_FLOORS), ("heldout", HELDOUT_FLOORS)])
def test_claims_against_the_gold(index, figures, split, floors):
    results = score(index, split)
    figures(report(results, split))
    for name, floor in floors.items():
        value = results[name]
        figures = value[:2] if len(value) == 4 else value[:1]
        assert min(figures) >= floor, (name, value)  # the figures only: a held-out day is not read here


def test_the_gold_covers_every_dated_sentence_once(index):
    ids = [r["id"] for split in ("dev", "heldout") for r in gold(split)]
    dated = [e.id for e in index.events if not e.background]
    assert sorted(ids) == sorted(dated)
    held = {i[:10] for i in (r["id"] for r in gold("heldout"))}
    assert len(held) >= 8 and not held & {i[:10] for i in (r["id"] for r in gold("dev"))}


@pytest.mark.parametrize("split, precision, recall, confirmed", [
    ("dev-2022", 0.95, 0.9, 0.25), ("dev-2023", 0.9, 0.7, 0), ("dev-ukraine", 0.95, 0.7, 0.15)])
def test_claims_of_another_timeline(figures, split, precision, recall, confirmed):
    """The development timelines of the region in 2022-2023 (read with the seed's actors file) and
    of another war (tests/gold/dev-other-wars, with its own alone): claimants named as other
    reporters name them ("According to the ministry", "..., according to Radio Azatutyun."), and
    confirmations in their words ("as the Ukrainian government had claimed"). Floors that hold
    what was measured."""
    results = score(index_of(split), split)
    figures(report(results, split))
    assert results["claims"][0] >= precision and results["claims"][1] >= recall, results["claims"]
    assert results["confirmations"][1] >= confirmed, results["confirmations"]
