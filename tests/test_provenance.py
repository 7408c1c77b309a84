"""Provenance: sources and actors, claims and denials, times, event types, casualties and weapons, through the
command and against the hand-annotated gold days (`python tests/test_provenance.py [--heldout]` prints them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from conftest import FIXTURES
from helpers import QUICK, rows


def test_disputed_and_undisputed_split_the_events(ksw, index):
    disputed = rows(ksw("events", "--disputed", "--format", "jsonl", "--fields", "id,denied_by,disputed"))
    undisputed = rows(ksw("events", "--undisputed", "--format", "jsonl", "--fields", "id,disputed"))
    assert disputed and all(r["disputed"] and r["denied_by"] for r in disputed)
    assert not any(r["disputed"] for r in undisputed)
    assert len(disputed) + len(undisputed) == len(index.events)


def test_denied_by_a_party_by_any_of_its_names(ksw):
    # A party's name means every actor that speaks for it; an actor's names, that actor.
    by_country = rows(ksw("events", "--denied-by", "Azerbaijan", "--format", "jsonl"))
    by_name = rows(ksw("events", "--denied-by", "Azerbaijani authorities", "--format", "jsonl"))
    assert by_name == rows(ksw("events", "--denied-by", "the Azerbaijani authorities", "--format", "jsonl"))
    assert len(by_name) >= 10 and all("Azerbaijani authorities" in r["denied_by"] for r in by_name)
    azerbaijani = {"Azerbaijani authorities", "Azerbaijani MoD", "Azerbaijani MoFA", "Azerbaijani President",
                   "Azerbaijani forces", "Azerbaijani sources", "Ganja airport director"}
    assert {r["id"] for r in by_country} > {r["id"] for r in by_name}
    assert all(azerbaijani & set(r["denied_by"]) for r in by_country)
    assert any(r["id"] == "2020-09-28.09" for r in by_country)  # "...near Khojavend; Azerbaijan issued a denial."


def test_unnamed_denial(ksw):
    found = rows(ksw("events", "--denied-by", "unnamed", "--format", "jsonl"))
    assert [r["id"] for r in found] == ["2020-10-11.02"]
    assert found[0]["killed"] == 10 and found[0]["injured"] == 33 and found[0]["weapons"] == ["Scud"]


def test_type_filter_by_label_or_part(ksw):
    downed = rows(ksw("events", "--type", "aircraft/drone downed", "--format", "jsonl"))
    drone = rows(ksw("events", "--type", "drone", "--format", "jsonl"))
    assert downed == drone and all(r["event_type"] == "aircraft/drone downed" for r in downed)
    bad = ksw("events", "--type", "picnic")
    assert bad.returncode == 2 and "no event type matches 'picnic'; one of: " in bad.stderr


def test_weapon_filter_by_alias(ksw):
    smerch = rows(ksw("events", "--weapon", "Smerch", "--format", "jsonl"))
    assert smerch == rows(ksw("events", "--weapon", "BM-30", "--format", "jsonl"))
    assert len(smerch) >= 5 and all("BM-30 Smerch" in r["weapons"] for r in smerch)


def test_side_is_reported_and_filtered(ksw):
    # --side matches any claimant of a sentence; `side` is the side of its first (its source).
    armenian = rows(ksw("events", "--side", "armenian", "--format", "jsonl", "--fields", "id,source,side"))
    claims = rows(ksw("claims", "--side", "armenian", "--format", "jsonl"))
    assert armenian and {r["id"] for r in armenian} == {c["event"] for c in claims}
    assert all(c["side"] == "armenian" for c in claims)
    assert {"Armenian MoD", "Artsakh authorities"} <= {r["source"] for r in armenian if r["side"] == "armenian"}


def test_actor_by_alias(ksw):
    by_alias = ksw("events", "--actor", "Ilham Aliyev", "--format", "tsv").stdout
    by_name = ksw("events", "--actor", "Azerbaijani President", "--format", "tsv").stdout
    assert by_alias == by_name and by_alias.count("\n") > 10


def test_reference_to_an_earlier_speaker(index):
    event = next(e for e in index.events if e.text.startswith("He also stated that Azerbaijani forces had taken control of Talış"))
    assert event.source == "Azerbaijani President" and event.source_from_reference


def test_gmt_time_is_not_taken_and_17_80_warns(ksw):
    events = rows(ksw("events", "--on", "2020-09-27", "--format", "jsonl"))
    assert events[1]["time"] == "08:10"
    result = ksw("events", "--on", "2020-10-04", "--verbose", "--format", "jsonl")
    assert "17:80" in result.stderr and "second-nagorno-karabakh-war-timeline.txt:58" in result.stderr
    assert ksw("events", "--on", "2020-10-04", "--format", "jsonl").stderr == ""


def test_another_war_in_the_same_style(ksw):
    events = {r["id"]: r for r in rows(ksw("events", "--corpus", str(FIXTURES / "otherwar"), "--format", "jsonl"))}
    first = events["2008-08-08.01"]
    assert first["source"] == "Northland MoD" and first["denied_by"] == ["Southland authorities"]
    assert (first["time"], first["time_approximate"]) == ("05:30", True)
    assert (first["killed"], first["injured"], first["weapons"]) == (3, 12, ["Grad"])
    assert first["event_type"] == "shelling/strike" and first["places"] == ["Riverton"]
    second = events["2008-08-08.02"]
    assert second["source"] == "Northland MoD" and second["source_from_reference"]
    assert (second["time"], second["time_estimated"], second["event_type"]) == ("06:00", True, "territory")
    assert events["2008-08-09.01"]["heading"] == "Ceasefire"
    assert events["2008-08-09.02"]["source"] == "ICRC" and events["2008-08-09.02"]["injured"] == 40
    # Its own sides, from its actors file: none of them is one of the bundled war's.
    assert (first["side"], events["2008-08-09.01"]["side"]) == ("northland", "southland")
    south = rows(ksw("events", "--corpus", str(FIXTURES / "otherwar"), "--side", "South", "--format", "jsonl"))
    assert [r["id"] for r in south] == ["2008-08-08.01", "2008-08-09.01"]  # its denial, and its president
    vague = ksw("events", "--corpus", str(FIXTURES / "otherwar"), "--side", "a")
    assert vague.returncode == 2 and "side 'a' could be azerbaijani, armenian: give more of it" in vague.stderr
    wrong = ksw("events", "--corpus", str(FIXTURES / "otherwar"), "--side", "martian")
    assert wrong.returncode == 2 and "no side matches 'martian'; one of: " in wrong.stderr and "southland" in wrong.stderr


def test_actors_lists_claims_and_denials(ksw):
    actors = {r["name"]: r for r in rows(ksw("actors", "--format", "jsonl"))}
    mod = actors["Azerbaijani MoD"]
    assert mod["side"] == "azerbaijani" and mod["claims"] > 50
    assert mod["denied_by_others"] >= 3
    assert actors["Azerbaijani authorities"]["denials_issued"] >= 10
    assert "Ilham Aliyev" in actors["Azerbaijani President"]["aliases"]


# --- measured against the gold days ---------------------------------------------------------------

GOLD = Path(__file__).parent / "gold" / "provenance.jsonl"


# Annotated after the rules were written and never used to tune them: an honest estimate.
HELDOUT = Path(__file__).parent / "gold" / "provenance_heldout.jsonl"


TARGETS = {"source": 0.95, "denied_by": 0.97, "time": 0.97, "part_of_day": 0.97,
           "event_type": 0.90, "killed": 0.97, "injured": 0.97, "weapons": 0.97}


def gold_records(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# `denied_by` is the actors that deny a sentence's claims (or its narration) wherever the denial
# stands: it is read from the claims gold's links (CLAIMS_GUIDELINES.md), which replaced the
# rule of PROVENANCE_GUIDELINES §3 (a denial recorded on the denying sentence). The development
# days' links score the tuning days; a day whose claims are held out is not scored here.
CLAIMS_DEV = Path(__file__).parent / "gold" / "claims_dev.jsonl"
CLAIMS_HELDOUT = Path(__file__).parent / "gold" / "claims_heldout.jsonl"


def claim_denials(paths) -> dict[str, list[str]]:
    """For each sentence of the claims gold's days, the actors (or "unnamed") that deny its claims."""
    out: dict[str, list[str]] = {}
    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            record = json.loads(line)
            out.setdefault(record["id"], [])
            for link in record["links"]:
                if link["kind"] == "denial" and link["target_event"]:
                    out.setdefault(link["target_event"], []).append(link["actor"] or link["party"] or "unnamed")
    return out


def field_value(record: dict, name: str):
    value = record[name]
    if name == "denied_by":
        return sorted(set(value))
    return value


def evaluate(index, path: Path = GOLD) -> tuple[dict[str, float], list[tuple[str, str, object, object]], int]:
    """(accuracy per field, disagreements, number of gold sentences not found as events)."""
    by_text = {(e.date, e.text): e.as_dict() for e in index.events}
    denials = claim_denials([CLAIMS_DEV] if path == GOLD else [CLAIMS_DEV, CLAIMS_HELDOUT])
    right = dict.fromkeys(TARGETS, 0)
    scored = dict.fromkeys(TARGETS, 0)
    misses, missing = [], 0
    records = gold_records(path)
    for rec in records:
        event = by_text.get((rec["date"], rec["text"]))
        if event is None:
            missing += 1
            continue
        for name in TARGETS:
            if name == "denied_by" and event["id"] not in denials:
                continue  # a held-out claims day
            want = sorted(set(denials[event["id"]])) if name == "denied_by" else field_value(rec, name)
            got = field_value(event, name)
            scored[name] += 1
            if want == got:
                right[name] += 1
            else:
                misses.append((name, event["id"], want, got))
    return {k: v / scored[k] for k, v in right.items() if scored[k]}, misses, missing


@pytest.mark.parametrize("path", [GOLD, HELDOUT], ids=["tuning", "heldout"])
def test_gold_covers_whole_days(index, path):
    records = gold_records(path)
    days = sorted({r["date"] for r in records})
    if path == GOLD:
        assert len(days) >= 8 and "2020-09-27" in days and any(d.startswith("2020-11") for d in days)
    for day in days:
        gold = [r["text"] for r in records if r["date"] == day]
        parsed = [e.text for e in index.events if e.date == day and not e.background]
        assert gold == parsed, f"sentences of {day} differ from the gold's"


def test_provenance_meets_targets(index, figures):
    scores, misses, missing = evaluate(index)
    figures(f"provenance accuracy on {len(gold_records())} gold sentences: " +
            ", ".join(f"{k} {v:.1%}" for k, v in scores.items()))
    assert missing == 0
    failing = {k: v for k, v in scores.items() if v < TARGETS[k]}
    assert not failing, f"below target: {failing}; first misses: {misses[:10]}"


def test_heldout_days_report(index, figures):
    """Printed, not tuned on: how the rules do on days nobody looked at while writing them."""
    scores, _, missing = evaluate(index, HELDOUT)
    figures(f"held-out accuracy on {len(gold_records(HELDOUT))} sentences: " +
            ", ".join(f"{k} {v:.1%}" for k, v in scores.items()))
    assert missing == 0


# --- claims: a denial pattern never matches where the quick test says no denial can be -----------

_DENIAL_WORDS = ["denied", "DENYING", "Denies", "denıed", "DENİED", "issued a denial", "issued denials", "rejected",
                 "REJECTED", "deny", "by", "both sides", "It", "the Ministry", "was", "officially", "then", ",", ";",
                 " ", "Armenia", "den", "ied", "re", "jected", "ſ", "ı"]


@QUICK
@given(st.lists(st.sampled_from(_DENIAL_WORDS + ["confirmed", "CONFIRMED", "confırmed", "but", "subsequently"]),
                max_size=12).map(" ".join))
@example("this was officially denied but subsequently confirmed")
def test_no_unnamed_answer_matches_where_the_quick_test_says_none_can(text):
    from kscli.extract import answers

    if answers._UNNAMED.search(text):
        assert answers._may_be_unnamed(text)


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from kscli.store.load import load_index

    path = HELDOUT if "--heldout" in sys.argv else GOLD
    scores, misses, missing = evaluate(load_index(None), path)
    for name, eid, want, got in misses:
        print(f"{name:12} {eid:16} gold={want!r:40} got={got!r}")
    print("missing:", missing)
    print({k: round(v, 3) for k, v in scores.items()})
