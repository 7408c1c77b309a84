"""`ksw stats` and `ksw timeline`: counts that agree with `ksw events`, every day of the war, and the chart."""

import pytest

from helpers import jsonl


@pytest.mark.parametrize("filters", [[], ["--place", "Shusha"], ["--from", "2020-10-01", "--to", "2020-10-07"],
                                     ["--actor", "Armenian MoD", "--disputed"]])
def test_stats_agree_with_events(ksw, filters):
    events = jsonl(ksw("events", *filters, "--format", "jsonl"))
    by_type = {r["type"]: r["count"] for r in jsonl(ksw("stats", "--by", "type", *filters, "--format", "jsonl"))}
    assert sum(by_type.values()) == len(events)
    assert by_type == {t: sum(1 for e in events if e["event_type"] == t) for t in by_type}
    by_day = {r["day"]: r["count"] for r in jsonl(ksw("stats", "--by", "day", *filters, "--format", "jsonl"))}
    assert sum(by_day.values()) == sum(1 for e in events if not e["background"])
    by_place = {r["place"]: r["count"] for r in jsonl(ksw("stats", "--by", "place", *filters, "--format", "jsonl"))}
    assert sum(by_place.values()) == sum(len(e["places"]) for e in events)


def test_cross_table_compares_sides_about_a_place(ksw):
    rows = jsonl(ksw("stats", "--by", "place", "--by", "side", "--place", "Shusha", "--format", "jsonl"))
    shusha = next(r for r in rows if r["place"] == "Shusha")
    sides = {k: v for k, v in shusha.items() if k not in ("place", "total")}
    assert sum(sides.values()) == shusha["total"]
    events = jsonl(ksw("events", "--place", "Shusha", "--format", "jsonl"))
    assert shusha["total"] == sum(1 for e in events if "Shusha" in e["places"])
    assert shusha["armenian"] == sum(1 for e in events if "Shusha" in e["places"] and e["side"] == "armenian")


def test_stats_bad_dimension(ksw):
    result = ksw("stats", "--by", "colour")
    assert result.returncode == 2 and "unknown --by 'colour'" in result.stderr


def test_timeline_covers_every_day_and_marks_ceasefires(ksw):
    rows = jsonl(ksw("timeline", "--format", "jsonl"))
    assert len(rows) == 45 and rows[0]["date"] == "2020-09-27" and rows[-1]["date"] == "2020-11-10"
    assert {r["date"] for r in rows if r["heading"] and "ceasefire" in r["heading"]} == {"2020-10-10", "2020-10-18", "2020-10-26"}
    subset = jsonl(ksw("timeline", "--place", "Ganja", "--format", "jsonl"))
    assert sum(r["selected"] for r in subset) == sum(1 for e in jsonl(ksw("events", "--place", "Ganja", "--format", "jsonl")) if not e["background"])


@pytest.mark.parametrize("filters, status", [([], 0), (["--on", "2020-10-10"], 0), (["-k", "zzqqxx"], 1)])
def test_chart_renders_for_full_one_day_and_empty(ksw, filters, status):
    result = ksw("timeline", *filters, "--format", "table")
    assert result.returncode == status and "Traceback" not in result.stderr
    assert result.stdout.count("\n") == 45 and "◆ Russia-brokered ceasefire" in result.stdout
