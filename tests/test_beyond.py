"""stats, timeline, show, GeoJSON, --near, map, help: through the command."""

import json
import os
import re
import shutil
import sys

import pytest

from conftest import FIXTURES, ROOT, ksw_command, pty_run


def jsonl(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


def event_ids(ksw, *filters):
    return [e["id"] for e in jsonl(ksw("events", *filters, "--format", "jsonl", "--fields", "id,date,places,source,event_type,side"))]


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


@pytest.mark.parametrize("filters", [[], ["--on", "2020-10-10"]])
def test_map_renders_for_full_and_one_day(ksw, tmp_path, filters):
    out = tmp_path / "m.svg"
    result = ksw("map", *filters, "-o", str(out), "--text")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    svg = out.read_text("utf-8")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>") and "<circle" in svg
    import xml.dom.minidom

    xml.dom.minidom.parseString(svg)  # well-formed
    assert ksw("map", *filters, "-o", "-").stdout == svg  # the same map on standard output


def test_map_of_nothing_leaves_an_earlier_map_alone(ksw, tmp_path):
    out = tmp_path / "m.svg"
    out.write_text("an earlier map")
    result = ksw("map", "-k", "zzqqxx", "-o", str(out))
    assert result.returncode == 1 and result.stdout == "" and "not written" in result.stderr
    assert out.read_text() == "an earlier map"


def test_map_will_not_overwrite_the_corpus_it_reads(ksw, tmp_path):
    corpus = tmp_path / "war"
    shutil.copytree(FIXTURES / "otherwar", corpus)
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    os.link(corpus / "places-otherwar.tsv", tmp_path / "hard.svg")
    os.symlink(corpus / "timeline.txt", tmp_path / "soft.svg")
    for target in (corpus / "timeline.txt", corpus / "places-otherwar.tsv", tmp_path / "hard.svg", tmp_path / "soft.svg"):
        result = ksw("map", "--corpus", str(corpus), "-o", str(target))
        assert result.returncode == 2 and "is a file this corpus is read from" in result.stderr, target
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before
    assert ksw("map", "-o", "-", "--text").returncode == 2  # two things on one standard output


def test_map_to_an_unwritable_path_is_an_error(ksw):
    result = ksw("map", "-o", "/nonexistent/dir/m.svg")
    assert result.returncode == 2 and result.stderr.startswith("ksw: /nonexistent/dir/m.svg: cannot write")


def valid_geojson(doc):
    """The parts of RFC 7946 a FeatureCollection of points must satisfy."""
    assert doc["type"] == "FeatureCollection" and isinstance(doc["features"], list)
    for f in doc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        geometry = f["geometry"]
        assert geometry["type"] == "Point" and len(geometry["coordinates"]) == 2
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    return doc


def test_events_geojson_has_a_feature_per_event_and_place(ksw, index):
    doc = valid_geojson(json.loads(ksw("events", "--place", "Tartar", "--format", "geojson").stdout))
    events = [e for e in index.events if {"Tartar", "Tartar District"} & set(e.places)]
    located = sum(1 for e in events for p in e.places if index.lexicon.places.get(p).lat is not None)
    assert len(doc["features"]) == located
    tartar = next(f for f in doc["features"] if f["properties"]["place"] == "Tartar")
    place = index.lexicon.places.get("Tartar")
    assert tartar["geometry"]["coordinates"] == [round(place.lon, 6), round(place.lat, 6)]
    assert {"id", "date", "text", "source"} <= set(tartar["properties"])


def test_places_geojson(ksw, index):
    doc = valid_geojson(json.loads(ksw("places", "--format", "geojson").stdout))
    assert len(doc["features"]) == sum(1 for p in index.lexicon.places.places.values() if p.lat is not None)


def test_near_keeps_events_within_the_radius(ksw, index):
    from kscli.names.geo import distance_km

    gaz = index.lexicon.places
    centre = gaz.get("Stepanakert")
    near = jsonl(ksw("events", "--near", "Khankendi", "--km", "15", "--format", "jsonl"))
    assert near
    for e in near:
        assert any(gaz.get(p).lat is not None and gaz.get(p).kind not in ("country", "state", "region", "province", "district")
                   and distance_km((centre.lat, centre.lon), (gaz.get(p).lat, gaz.get(p).lon)) <= 15 for p in e["places"])
    assert any("Shusha" in e["places"] for e in near)  # about 10 km away
    assert not any(e["places"] == ["Ganja"] for e in near)


def test_near_radius_defaults_to_ten_km_and_is_not_taken_without_near(ksw):
    default = ksw("events", "--near", "Stepanakert", "--format", "tsv").stdout
    assert default == ksw("events", "--near", "Stepanakert", "--km", "10", "--format", "tsv").stdout != ""
    for command in (["events"], ["stats", "--by", "place"]):
        lone = ksw(*command, "--km", "5")  # a radius of nothing: every event would answer, silently
        assert lone.returncode == 2 and lone.stdout == ""
        assert lone.stderr.strip() == "ksw: --km is the radius of --near: give --near PLACE too"


def test_show_reads_ids_from_a_pipe(ksw):
    ids = "\n".join(event_ids(ksw, "--place", "Barda")[:3]) + "\n"
    result = ksw("show", "-", "--format", "jsonl", input=ids)
    rows = jsonl(result)
    assert [r["id"] for r in rows] == ids.split()
    first = rows[0]
    assert {"before", "after", "place_details", "denied_by", "text"} <= set(first)
    barda = [p for r in rows for p in r["place_details"] if p["name"] in ("Barda", "Barda District")]
    assert barda and barda[0]["lat"] and barda[0]["parent"]


def test_show_gives_neighbours_and_the_denial(ksw):
    row = jsonl(ksw("show", "2020-09-28.09", "--format", "jsonl"))[0]
    assert row["denied_by"] == ["Azerbaijani authorities"]
    assert row["before"].startswith("Subsequently, at approximately 21:00")
    assert row["after"].startswith("The Azerbaijani MoD denied allegations")
    first = jsonl(ksw("show", "2020-09-27.01", "--format", "jsonl"))[0]
    assert first["before"] is None


def test_show_unknown_id(ksw):
    result = ksw("show", "2020-09-28.09", "1999-01-01.01", "--format", "jsonl")
    assert result.returncode == 1 and "ksw: no event '1999-01-01.01'" in result.stderr
    assert len(jsonl(result)) == 1


def test_show_of_many_unknown_ids_says_so_in_a_few_short_lines(ksw):
    junk = " ".join(f"junk{n}" for n in range(500)) + " " + "x" * 100_000  # a pasted file, not ids
    result = ksw("show", "-", "2020-09-28.09", "--format", "jsonl", input=junk)
    assert result.returncode == 1 and len(jsonl(result)) == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "ksw: no event 'junk0'" and lines[-1] == "ksw: and 491 more ids with no event"
    assert len(lines) == 11 and all(len(line) < 600 for line in lines)


def test_version_and_help_with_examples(ksw):
    assert ksw("--version").stdout.strip().startswith("ksw ")
    for command in ["events", "places", "actors", "stats", "timeline", "show", "map"]:
        result = ksw(command, "--help")
        assert result.returncode == 0 and "Example" in result.stdout and "ksw " + command in result.stdout


def run_on_a_terminal(*args, columns=120):
    """Run ksw on a pseudo-terminal and return what the terminal showed."""
    env = dict(os.environ, COLUMNS=str(columns), NO_COLOR="1", TERM="xterm")
    env.pop("KSW_CORPUS", None)
    if ksw_command()[0] == sys.executable:
        env["PYTHONPATH"] = str(ROOT)
    status, screen, _ = pty_run(args, env)
    return status, screen.decode("utf-8", "replace")


def test_a_terminal_gets_the_table_and_the_chart():
    status, screen = run_on_a_terminal("events", "--place", "Shushi", "--limit", "3")
    assert status == 0
    plain = re.sub(r"\x1b\[[0-9;]*m", "", screen)  # NO_COLOR drops colour; bold stays
    assert "┃ id" in plain and "┃ text" in plain
    assert "Shusha" in plain and "\t" not in plain
    status, chart = run_on_a_terminal("timeline", "--place", "Ganja")
    assert status == 0 and "█" in chart and "◆" in chart


def test_shell_completion_offers_place_and_actor_names(ksw):
    places = ksw(env={"_KSW_COMPLETE": "complete_bash", "COMP_WORDS": "ksw events --place Shu", "COMP_CWORD": "3"})
    assert "Shusha" in places.stdout.split("\n")
    actors = ksw(env={"_KSW_COMPLETE": "complete_bash", "COMP_WORDS": "ksw events --actor Arm", "COMP_CWORD": "3"})
    assert "Armenian MoD" in actors.stdout.split("\n")
