"""Where the fuzzy cutoff of kscli/gazetteer.py (FUZZY_CUTOFF) can sit, measured on tests/data.

    python benchmarks/fuzzy_cutoff.py [--json benchmarks/out/fuzzy_cutoff.json]

- Positives: every typo row (variant typo1/typo2) of tests/data/place_spellings.tsv.
  Score: OSA similarity x 100 (rapidfuzz.distance.OSA.normalized_similarity, a
  swap of two letters is one edit) between the row's key (kscli.names.key) and
  the best of the gazetteer keys that belong to its canonical place.
- Negatives: every name of tests/data/place_negatives.txt. Score: the best
  against every gazetteer key of length >= 4 (the keys the resolver compares).
- The cutoff can sit anywhere above the highest negative and at or below the
  lowest positive; the midpoint is printed next to the current FUZZY_CUTOFF.

It also times `index.lexicon.places.resolve(name)` in-process for exact, alias,
transliteration and fuzzy names (median microseconds), every name of tests/data once
each after 300 others (median, 90th percentile, worst), and checks in a fresh
process that rapidfuzz is not imported by exact, alias or transliteration
resolutions (only by the fuzzy one).

Uses the bundled corpus; the index cache goes to benchmarks/out/cache unless
KSW_CACHE_DIR is set.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = REPO / "tests" / "data"
os.environ.setdefault("KSW_CACHE_DIR", str(HERE / "out" / "cache"))

# name -> the rule resolve() is expected to use; three of each kind
RESOLVE_NAMES = {
    "name": ("Tartar", "Shusha", "Stepanakert"),
    "alias": ("Khankendi", "Terter", "Shushi"),
    "transliteration": ("Khankandy", "Shushy", "Fizuly"),
    "fuzzy": ("Stepanakrt", "Shusah", "Hadrtu"),
    None: ("Xyzzy", "Qwertyuiop", "Internationally"),  # nothing found: every reading and guess tried
}

_IMPORT_CHECK = r"""
import json, sys
from kscli.store.load import load_index
names = json.loads(sys.argv[1])
index = load_index()
gaz = index.lexicon.places
report = {"after_load": "rapidfuzz" in sys.modules}
for rule in ("name", "alias", "transliteration"):
    for n in names[rule]:
        gaz.resolve(n)
    report["after_" + rule] = "rapidfuzz" in sys.modules
for n in names["fuzzy"]:
    gaz.resolve(n)
report["after_fuzzy"] = "rapidfuzz" in sys.modules
print(json.dumps(report))
"""


def read_typos(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [r for r in rows if r["variant"] in ("typo1", "typo2")]


def read_negatives(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def measure(index) -> dict:
    from rapidfuzz.distance import OSA

    from kscli.names.gazetteer import FUZZY_CUTOFF
    from kscli.names.folding import key

    gaz = index.lexicon.places
    all_keys = gaz.keys()
    keys_of: dict[str, list[str]] = {}
    for k in all_keys:
        for place in gaz.by_key(k):
            keys_of.setdefault(place.name, []).append(k)
    fuzzy_keys = [k for k in all_keys if len(k) >= 4]

    def score(a: str, b: str) -> float:
        return round(OSA.normalized_similarity(a, b) * 100, 1)

    positives = []
    for row in read_typos(DATA / "place_spellings.tsv"):
        k = key(row["spelling"])
        own = keys_of.get(row["canonical"], [])
        best = max(own, key=lambda c: score(k, c)) if own else None
        matches = gaz.resolve(row["spelling"])
        positives.append({"spelling": row["spelling"], "canonical": row["canonical"], "variant": row["variant"],
                          "key": k, "best_key": best, "score": score(k, best) if best else None,
                          "fuzzy_eligible": len(k) >= 4,
                          "resolves_to": matches[0].place.name if matches else None,
                          "rule": matches[0].rule if matches else None})
    negatives = []
    for name in read_negatives(DATA / "place_negatives.txt"):
        k = key(name)
        best = max(fuzzy_keys, key=lambda c: score(k, c))
        matches = gaz.resolve(name)
        negatives.append({"name": name, "key": k, "best_key": best, "best_place": gaz.by_key(best)[0].name,
                          "score": score(k, best), "fuzzy_eligible": len(k) >= 4,
                          "resolves_to": matches[0].place.name if matches else None})
    scored = [p for p in positives if p["score"] is not None]
    lowest = min(scored, key=lambda p: p["score"])
    # a negative whose key is under 4 letters is never compared fuzzily: it cannot be a false match
    eligible = [n for n in negatives if n["fuzzy_eligible"]]
    highest = max(eligible, key=lambda n: n["score"])
    return {
        "positives": positives, "negatives": negatives, "current_cutoff": FUZZY_CUTOFF,
        "lowest_positive": lowest, "highest_negative": highest,
        "separable": highest["score"] < lowest["score"],
        "midpoint": round((lowest["score"] + highest["score"]) / 2, 2),
        "current_cutoff_between": highest["score"] < FUZZY_CUTOFF <= lowest["score"],
        "positives_below_current": [p["spelling"] for p in scored if p["score"] < FUZZY_CUTOFF],
        "negatives_at_or_above_current": [n["name"] for n in eligible if n["score"] >= FUZZY_CUTOFF],
        "positives_resolving_wrong": [f"{p['spelling']} -> {p['resolves_to']} (want {p['canonical']})"
                                      for p in positives if p["resolves_to"] != p["canonical"]],
        "negatives_resolving": [f"{n['name']} -> {n['resolves_to']}" for n in negatives if n["resolves_to"]],
    }


def time_resolve(index, repeat: int) -> dict:
    from kscli.names.guesses import _elsewhere_set, elsewhere

    gaz = index.lexicon.places
    out = {}
    for rule, names in RESOLVE_NAMES.items():
        per_name = {}
        for name in names:
            matches = gaz.resolve(name)  # once untimed: imports, lazy tables
            got = matches[0].rule if matches else None
            times = []
            for _ in range(repeat):
                # As a query pays it: a name's answer and guesses are remembered, which a second call
                # would measure (until 2026-12-06 the answer was not forgotten: 0.2 µs, a dict lookup).
                gaz._resolved.clear()
                gaz._nearest.clear()
                elsewhere.cache_clear()  # and its count: a query's first names search the list's bytes
                _elsewhere_set.cache_clear()
                t0 = time.perf_counter_ns()
                gaz.resolve(name)
                times.append(time.perf_counter_ns() - t0)
            per_name[name] = {"median_us": round(statistics.median(times) / 1000, 2), "rule": got,
                              "place": matches[0].place.name if matches else None}
        out[str(rule)] = {"median_us": round(statistics.median(v["median_us"] for v in per_name.values()), 2),
                     "names": per_name,
                     "rules_as_expected": all(v["rule"] == rule for v in per_name.values())}
    return out


def time_distinct_names(index) -> dict:
    """Every name of tests/data (its spellings, typos among them, and its negatives) resolved once, in
    one process, after 300 other names (a place's name and an x: typos, the guesses' tables built), as
    a library caller or a long run meets names: the median, 90th percentile and worst, in ms."""
    gaz = index.lexicon.places
    with (DATA / "place_spellings.tsv").open(encoding="utf-8", newline="") as f:
        names = [row["spelling"] for row in csv.DictReader(f, delimiter="\t")]
    names += read_negatives(DATA / "place_negatives.txt")
    for name in list(gaz.places)[:300]:
        gaz.resolve(name + "x", limit=1)
    times = []
    for name in dict.fromkeys(names):
        t0 = time.perf_counter_ns()
        gaz.resolve(name, limit=1)
        times.append((time.perf_counter_ns() - t0) / 1e6)
    times.sort()
    return {"names": len(times), "median_ms": round(statistics.median(times), 3),
            "p90_ms": round(times[int(0.9 * len(times))], 3), "max_ms": round(times[-1], 2)}


def import_check() -> dict:
    done = subprocess.run([sys.executable, "-c", _IMPORT_CHECK, json.dumps(RESOLVE_NAMES)], capture_output=True,
                          text=True, env=os.environ)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:]}
    report = json.loads(done.stdout)
    report["ok"] = not any(report[k] for k in ("after_load", "after_name", "after_alias", "after_transliteration"))
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Measure the fuzzy score distribution behind FUZZY_CUTOFF.")
    parser.add_argument("--json", type=Path, default=HERE / "out" / "fuzzy_cutoff.json")
    parser.add_argument("--repeat", type=int, default=2000, help="resolve() calls per name (default 2000)")
    args = parser.parse_args(argv)

    from kscli.store.load import load_index

    index = load_index()  # builds the cache the first time; the import check then loads it
    result = measure(index)
    result["resolve_timing"] = time_resolve(index, args.repeat)
    result["distinct_names"] = time_distinct_names(index)
    result["import_check"] = import_check()

    lo, hi = result["lowest_positive"], result["highest_negative"]
    print(f"typo rows: {len(result['positives'])}, negatives: {len(result['negatives'])}")
    print(f"lowest positive : {lo['score']:5.1f}  {lo['spelling']} ~ {lo['best_key']} ({lo['canonical']}, {lo['variant']})")
    print(f"highest negative: {hi['score']:5.1f}  {hi['name']} ~ {hi['best_key']} ({hi['best_place']})")
    if result["separable"]:
        print(f"cutoff between  : {hi['score']:.1f} < cutoff <= {lo['score']:.1f}; midpoint {result['midpoint']}")
    else:
        print("NOT separable   : the highest negative scores at or above the lowest positive")
    print(f"current FUZZY_CUTOFF {result['current_cutoff']}: "
          f"{'between them' if result['current_cutoff_between'] else 'NOT between them'}")
    top = sorted(result["negatives"], key=lambda n: -n["score"])[:5]
    print("top negatives   : " + ", ".join(f"{n['name']}~{n['best_place']} {n['score']}" for n in top))
    low = sorted((p for p in result["positives"] if p["score"] is not None), key=lambda p: p["score"])[:5]
    print("lowest positives: " + ", ".join(f"{p['spelling']}~{p['canonical']} {p['score']}" for p in low))
    if result["positives_resolving_wrong"]:
        print("typos that resolve elsewhere: " + "; ".join(result["positives_resolving_wrong"]))
    if result["negatives_resolving"]:
        print("negatives that resolve to a place: " + "; ".join(result["negatives_resolving"]))
    print()
    print("resolve() in-process, median microseconds:")
    for rule, t in result["resolve_timing"].items():
        names = ", ".join(f"{n} {v['median_us']:.1f} ({v['rule']})" for n, v in t["names"].items())
        flag = "" if t["rules_as_expected"] else "  (a name resolved by another rule)"
        print(f"  {rule:16} {t['median_us']:8.1f}   {names}{flag}")
    d = result["distinct_names"]
    print(f"resolve() of {d['names']} distinct names once each, after 300 others: median {d['median_ms']} ms, "
          f"p90 {d['p90_ms']} ms, worst {d['max_ms']} ms")
    check = result["import_check"]
    if "error" in check:
        print(f"rapidfuzz import check failed to run: {check['error']}")
    else:
        print(f"rapidfuzz imported: after load {check['after_load']}, exact {check['after_name']}, "
              f"alias {check['after_alias']}, transliteration {check['after_transliteration']}, "
              f"fuzzy {check['after_fuzzy']} -> {'OK' if check['ok'] else 'NOT OK'}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
