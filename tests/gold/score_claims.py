"""Claims, links and casualties as ksw reads them, scored against the hand-made claims gold.

    python tests/gold/score_claims.py [dev|heldout|dev-2022|dev-2023|dev-ukraine] [--misses]

dev and heldout are days of the seed timeline; dev-2022 and dev-2023 the development timelines
of tests/gold/dev-2022-2023, and dev-ukraine the one of tests/gold/dev-other-wars (another
war, with its own actors file), each scored on its own claims gold.

Matching (CLAIMS_GUIDELINES.md): a claim is (sentence, claimant); a link is (kind, answered
sentence, answered claimant, answering party, sentence it stands in), same-sentence and
cross-sentence links scored apart; the casualty side is scored on the gold claims with
casualties that ksw also found. --misses lists what differs (never for the held-out days,
which are scored, not read).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent


# split: (claims gold, the timeline it annotates; None for the bundled seed)
SPLITS = {
    "dev": (GOLD / "claims_dev.jsonl", None),
    "heldout": (GOLD / "claims_heldout.jsonl", None),
    **{f"dev-{year}": (GOLD / "dev-2022-2023" / year / "claims_gold.jsonl", GOLD / "dev-2022-2023" / year / "timeline.txt")
       for year in ("2022", "2023")},
    # another war, read with its own actors file alone
    "dev-ukraine": (GOLD / "dev-other-wars" / "claims_gold-ukraine.jsonl", GOLD / "dev-other-wars"),
}
OWN_DATA = {"dev-ukraine"}


def index_of(split: str):
    """The index a split's gold annotates."""
    from kscli.store.load import load_index

    return load_index(SPLITS[split][1], use_cache=False, bundled_data=split not in OWN_DATA)


def gold(split: str) -> list[dict]:
    return [json.loads(line) for line in SPLITS[split][0].read_text("utf-8").splitlines()]


def found(index, ids: set[str]) -> tuple[dict, dict]:
    """ksw's claims and links for the sentences `ids`, as sets in the gold's terms."""
    events = {e.id: n for n, e in enumerate(index.events)}
    claims, links = {}, set()
    for event_id in ids:
        for k in index.claims_of([events[event_id]]):
            c = index.claims[k]
            claims[(event_id, c.claimant)] = c
    for c in index.claims:
        for kind, field in (("denial", c.denied_by), ("confirmation", c.confirmed_by),
                            ("contradiction", c.contradicted_by)):
            for link in field:
                if link.event in ids:
                    links.add((kind, c.event, c.claimant, link.party or "unnamed", link.event))
    return claims, links


def gold_sets(records: list[dict]) -> tuple[dict, set]:
    claims, links = {}, set()
    for r in records:
        for c in r["claims"]:
            claims[(r["id"], c["claimant"])] = c
        for link in r["links"]:
            if link["target_event"] is None:
                continue  # the answered claim is not in the timeline: nothing to link to
            links.add((link["kind"], link["target_event"], link["target_claimant"], link["party"] or "unnamed", r["id"]))
    return claims, links


def narration_links(index, ids: set[str]) -> set:
    """Links to narrated events (no claimant), from the events' own denials: (kind, event, None, party, where)."""
    out = set()
    for c in index.claims:
        for target in c.denies:
            if "#" not in target and c.event in ids:
                out.add(("denial", target, None, c.party or "unnamed", c.event))
        for target in c.confirms:
            if "#" not in target and c.event in ids:
                out.add(("confirmation", target, None, c.party or "unnamed", c.event))
    return out


def prf(got: set, want: set) -> tuple[float, float, int, int]:
    hit = len(got & want)
    return (hit / len(got) if got else 1.0), (hit / len(want) if want else 1.0), len(got), len(want)


def score(index, split: str) -> dict:
    records = gold(split)
    ids = {r["id"] for r in records}
    want_claims, want_links = gold_sets(records)
    got_claims, got_links = found(index, ids)
    got_links |= narration_links(index, ids)
    out = {"claims": prf(set(got_claims), set(want_claims))}
    same = {l for l in want_links if l[1] == l[4]}
    cross = want_links - same
    for name, kind, part in (("denials same-sentence", "denial", same), ("denials cross-sentence", "denial", cross)):
        want = {l for l in part if l[0] == kind}
        got = {l for l in got_links if l[0] == kind and (l[1] == l[4]) == (part is same)}
        out[name] = prf(got, want)
    out["confirmations"] = prf({l for l in got_links if l[0] == "confirmation"},
                               {l for l in want_links if l[0] == "confirmation"})
    out["contradictions"] = prf({l for l in got_links if l[0] == "contradiction"},
                                {l for l in want_links if l[0] == "contradiction"})
    sides = [(key, c["victims"]["side"], got_claims[key].victims_side) for key, c in want_claims.items()
             if c["victims"] and key in got_claims]
    right = sum(1 for _, want, got in sides if want == (got or "unknown"))
    out["casualty side"] = (right / len(sides) if sides else 1.0, len(sides))
    out["_misses"] = (set(got_claims) ^ set(want_claims), got_links ^ want_links,
                      [s for s in sides if s[1] != (s[2] or "unknown")])
    return out


def report(results: dict, split: str) -> str:
    lines = [f"claims gold ({split}):"]
    for name, value in results.items():
        if name.startswith("_"):
            continue
        if len(value) == 4:
            p, r, got, want = value
            lines.append(f"  {name}: precision {p:.2f}, recall {r:.2f} ({got} found, {want} in gold)")
        else:
            lines.append(f"  {name}: {value[0]:.2f} of {value[1]}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(GOLD.parent.parent))

    split = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "dev"
    if split not in SPLITS:
        sys.exit(f"score_claims: no split {split!r}; choose from {', '.join(SPLITS)}")
    results = score(index_of(split), split)
    print(report(results, split))
    if "--misses" in sys.argv and split != "heldout":
        claims, links, sides = results["_misses"]
        for key in sorted(claims):
            print("claim", key)
        for link in sorted(links, key=lambda l: (l[4], l[1])):
            print("link", link)
        for side in sides:
            print("side", side)
