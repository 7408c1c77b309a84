"""Output formats: tsv, csv, json, jsonl and geojson, the fields they carry, what a pipe or a file gets, and
every event read back from each of them as it is."""

from __future__ import annotations

import csv
import io
import json
import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import ROOT, ksw_command, run_ksw
from helpers import QUICK, any_text, bash, jsonl, ksw_env, unescape_tsv
from kscli.escapes import cell
from kscli.model import TABLE_FIELDS, Event


def test_json_is_the_jsonl_events_laid_out_as_json_dumps_would(ksw):
    for query in (["--place", "Tartar"], ["--on", "2020-10-04"], ["-k", "zzqqxx"]):
        rows = jsonl(ksw("events", *query, "--format", "jsonl"))
        out = ksw("events", *query, "--format", "json").stdout
        assert out == json.dumps(rows, ensure_ascii=False, indent=2) + "\n", query


def test_json_fields_are_named_as_documented(ksw):
    event = json.loads(ksw("events", "--on", "2020-09-28", "--limit", "1", "--format", "json").stdout)[0]
    for name in ["id", "date", "time", "part_of_day", "source", "places", "place_mentions", "text", "heading", "file", "line"]:
        assert name in event
    assert event["id"] == "2020-09-28.01" and event["time"] == "08:00" and event["source"] == "Azerbaijani MoD"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv"])
def test_every_format_reads_back_to_the_same_rows(ksw, fmt, index):
    result = ksw("events", "--place", "Shusha", "--format", fmt, "--fields", "id,date,text,places")
    assert result.returncode == 0
    if fmt == "json":
        rows = json.loads(result.stdout)
    elif fmt == "jsonl":
        rows = jsonl(result)
    else:
        rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="," if fmt == "csv" else "\t",
                                   quoting=csv.QUOTE_MINIMAL if fmt == "csv" else csv.QUOTE_NONE))
    want = [e for e in index.events if set(e.places) & {"Shusha", "Shusha District"}]
    assert [r["id"] for r in rows] == [e.id for e in want]
    assert [r["text"] for r in rows] == [e.text for e in want]
    if fmt in ("csv", "tsv"):
        assert rows[0]["places"] == "; ".join(want[0].places)


def test_fields_choose_and_order_columns_and_no_header(ksw):
    out = ksw("events", "--on", "2020-09-27", "--fields", "text,id", "--no-header", "--format", "tsv").stdout
    first = out.splitlines()[0].split("\t")
    assert first[1] == "2020-09-27.01" and first[0].startswith("According to Artsakh")


def test_limit_and_reverse(ksw):
    first = jsonl(ksw("events", "--place", "Ganja", "--from", "2020-09-01", "--limit", "2", "--format", "jsonl"))
    last = jsonl(ksw("events", "--place", "Ganja", "--from", "2020-09-01", "--reverse", "--limit", "2", "--format", "jsonl"))
    assert len(first) == 2 and len(last) == 2
    assert first[0]["date"] < last[0]["date"] and last[0]["date"] >= last[1]["date"]


def test_piped_output_is_plain_tsv_one_event_per_line(ksw):
    out = ksw("events", "--place", "Stepanakert").stdout
    lines = out.splitlines()
    assert lines[0] == "id\tdate\ttime\tsource\tplaces\ttext"
    assert all(line.count("\t") == 5 for line in lines)
    assert "\x1b" not in out


def test_output_to_a_file_is_tsv_and_equals_the_pipe(tmp_path):
    target = tmp_path / "out.tsv"
    with open(target, "w") as f:
        status = subprocess.run(ksw_command() + ["events", "--place", "Tartar"], stdout=f, stderr=subprocess.PIPE,
                                cwd=ROOT, env=ksw_env(), timeout=60)
    assert status.returncode == 0 and status.stderr == b""
    piped = run_ksw("events", "--place", "Tartar", env={"KSW_CACHE_DIR": "off"})
    assert target.read_text() == piped.stdout
    lines = piped.stdout.split("\n")
    assert lines[0] == "id\tdate\ttime\tsource\tplaces\ttext" and lines[-1] == ""
    assert all(line.count("\t") == 5 for line in lines[:-1])
    assert "\x1b" not in piped.stdout and "┃" not in piped.stdout


def test_output_appended_to_an_existing_file(tmp_path):
    target = tmp_path / "out.tsv"
    target.write_text("previous\n")
    result = bash(f"KSW events --on 2020-10-04 --no-header >> {shlex.quote(str(target))}")
    assert result.returncode == 0 and result.stderr == ""
    lines = target.read_text().split("\n")
    assert lines[0] == "previous" and len(lines) == 1 + 12 + 1


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_an_output_encoding_without_some_letters_escapes_them(ksw, encoding):
    # It printed the header, then "internal error: UnicodeEncodeError" (found by a QA pass).
    result = ksw("places", "Şuşa", "Tartar", env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 0 and result.stderr == ""
    assert "\\u015eu\\u015fa\tShusha\t" in result.stdout and "Tartar\tTartar\t" in result.stdout


# --- GeoJSON --------------------------------------------------------------------------------------

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


# --- round trips through the command ---------------------------------------------------------

def run_bytes(*args, cache="off") -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("KSW_CORPUS", None)
    env.update({"NO_COLOR": "1", "COLUMNS": "120", "KSW_CACHE_DIR": str(cache)})
    if not shutil.which("ksw"):
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(ksw_command() + list(args), capture_output=True, cwd=ROOT, env=env, timeout=120)


def guard(text: str) -> str:
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


def read_back(corpus_args, cache) -> dict[str, list]:
    out = {}
    jsonl = run_bytes("events", *corpus_args, "--format", "jsonl", cache=cache)
    csv_ = run_bytes("events", *corpus_args, "--format", "csv", "--fields", "id,date,text", cache=cache)
    every = run_bytes("events", *corpus_args, "--format", "json", cache=cache)
    default_csv = run_bytes("events", *corpus_args, "--format", "csv", cache=cache)
    tsv = run_bytes("events", *corpus_args, "--format", "tsv", "--fields", "id,date,text", cache=cache)
    for result in (jsonl, csv_, tsv, every, default_csv):
        assert result.returncode in (0, 1) and b"Traceback" not in result.stderr, result.stderr
    out["jsonl"] = [json.loads(line) for line in jsonl.stdout.decode("utf-8").split("\n") if line]
    assert json.loads(every.stdout) == out["jsonl"]
    assert every.stdout.decode("utf-8") == json.dumps(out["jsonl"], ensure_ascii=False, indent=2) + "\n"
    out["default_csv"] = list(csv.reader(io.StringIO(default_csv.stdout.decode("utf-8"), newline="")))[1:]
    rows = list(csv.reader(io.StringIO(csv_.stdout.decode("utf-8"), newline="")))
    assert not rows or rows[0] == ["id", "date", "text"]
    out["csv"] = rows[1:]
    lines = tsv.stdout.decode("utf-8").split("\n")
    assert lines[-1] == ""
    assert not lines[:-1] or lines[0] == "id\tdate\ttext"
    out["tsv"] = [[unescape_tsv(c) for c in line.split("\t")] for line in lines[1:-1]]
    return out


def assert_round_trip(events, found) -> None:
    assert found["jsonl"] == [e.as_dict() for e in events]
    assert found["csv"] == [[e.id, e.date or "", guard(e.text)] for e in events]
    assert found["default_csv"] == [[guard(cell(getattr(e, f))) for f in TABLE_FIELDS] for e in events]
    assert found["tsv"] == [[e.id, e.date or "", e.text] for e in events]


def test_bundled_corpus_round_trips_through_every_machine_format(tmp_path):
    from kscli.store.load import load_index

    events = load_index(None, use_cache=False).events
    assert len(events) > 300
    assert_round_trip(events, read_back([], tmp_path / "cache"))
    assert_round_trip(events, read_back([], tmp_path / "cache"))  # and again, answered from the cache


# NUL is left out: a NUL in the first 4 KB makes the file binary, by design (index._binary)
sentence = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r\x00"), min_size=1, max_size=60)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sentence, min_size=1, max_size=6))
def test_arbitrary_sentences_round_trip_through_every_machine_format(texts):
    from kscli.store.load import load_index

    folder = Path(tempfile.mkdtemp(prefix="ksw-prop-"))
    try:
        path = folder / "t.txt"
        path.write_text("= Timeline (2020) =\n== October ==\n=== 1 October ===\n" + "\n".join(texts) + "\n",
                        encoding="utf-8")
        events = load_index(path, use_cache=False).events
        assert_round_trip(events, read_back(["--corpus", str(path)], folder / "cache"))
    finally:
        shutil.rmtree(folder)


# --- --format json: its own layout of flat rows is the text json.dumps(indent=2) gives -------------

_json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), any_text)


_json_value = st.one_of(_json_scalar, st.lists(_json_scalar, max_size=3), st.tuples(_json_scalar),
                        st.dictionaries(any_text, _json_scalar, max_size=2), st.lists(st.lists(_json_scalar, max_size=2)))


_json_key = st.one_of(st.sampled_from(["id", "places", "text"]), any_text)


@QUICK
@given(st.lists(st.dictionaries(st.one_of(_json_key, st.integers()), _json_value, max_size=4), max_size=4),
       st.lists(st.one_of(_json_key, _json_key, st.integers(), st.booleans()), max_size=5))
@example([], ["id"])
@example([{}], [])
@example([{"id": 1}, {"id": 2}], ["id", "id"])
@example([{"places": [], "denied_by": ["Armenia", "Artsakh"], "killed": None, "time_approximate": True}],
         ["places", "denied_by", "killed", "time_approximate", "absent"])
def test_indented_json_is_the_text_json_dumps_gives(rows, columns):
    from kscli.render.jsonfmt import indented_json

    expected = json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=2)
    assert indented_json(rows, columns) == expected


# Text that looks like the structure the layout cuts at: separators, list ends, escapes.
_json_lookalike = st.one_of(any_text, st.sampled_from(['", "', '"]', '"], "', ', "date": ', '{"id": ', '\\', '\\"',
                                                      '"', "}", "\n", "[]", '": ["', "%s", "%", "text", '", ']))


_lookalike_text = st.lists(_json_lookalike, max_size=5).map("".join)


_strings = st.lists(_lookalike_text, max_size=3).map(tuple)


@QUICK
@given(st.lists(st.builds(
    Event, id=_lookalike_text, date=st.one_of(st.none(), _lookalike_text), text=_lookalike_text, file=_lookalike_text,
    line=st.integers(), heading=st.one_of(st.none(), _lookalike_text), background=st.booleans(),
    time=st.one_of(st.none(), _lookalike_text), time_approximate=st.booleans(), time_estimated=st.booleans(),
    part_of_day=st.one_of(st.none(), _lookalike_text), source=st.one_of(st.none(), _lookalike_text),
    source_from_reference=st.booleans(), side=st.one_of(st.none(), _lookalike_text), denied_by=_strings,
    event_type=_lookalike_text, killed=st.one_of(st.none(), st.integers()), injured=st.one_of(st.none(), st.integers()),
    weapons=_strings, places=_strings, place_mentions=_strings), max_size=3))
@example([])
@example([Event(id='a", "date": "b', date=None, text='x"], "y', file="f", line=1, places=('", "', '"]'),
                place_mentions=("\\",), denied_by=('", "text": "',))])
@example([Event(id="a", date=None, text="t", file="f", line=1, places=('Foo", ', "Bar"))])  # found in review
def test_ready_made_json_items_and_csv_rows_are_what_json_dumps_and_csv_give(events):
    from kscli.store.cells import csv_line, json_item

    expected = json.dumps([e.as_dict() for e in events], ensure_ascii=False, indent=2)
    items = [json_item(e) for e in events]
    assert all(item.endswith(",") for item in items)
    assert ("[\n" + ",\n".join(item[:-1] for item in items) + "\n]" if items else "[]") == expected
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([guard(cell(getattr(e, f))) for f in TABLE_FIELDS] for e in events)
    assert "".join(csv_line(e) + "\n" for e in events) == out.getvalue()


# --- the per-event shortcuts of the cache write: the same text as the plain way ----------------------

@QUICK
@given(st.one_of(any_text, st.sampled_from(["a\\b", "\t", "x\u2028y", "\x85", "\x1e", "plain text"])))
def test_tsv_cell_skips_escaping_only_text_with_nothing_to_escape(text):
    from kscli.escapes import TSV_ESCAPES, tsv_cell

    assert tsv_cell(text) == text.translate(TSV_ESCAPES)


def test_event_as_dict_is_every_field_in_order_with_lists_for_tuples():
    from kscli.store.load import load_index
    from kscli.model import EVENT_FIELDS

    for event in load_index(None, use_cache=False).events:
        plain = {name: list(value) if isinstance(value, tuple) else value for name, value in zip(event._fields, event)}
        plain["disputed"] = bool(event.denied_by)
        assert event.as_dict() == plain and list(event.as_dict()) == list(EVENT_FIELDS)
