"""Reading a timeline: headings, days, months and years, ids and line numbers, on the bundled corpus, the
fixtures and made-up files, where a layout fault is a warning that names file:line."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, SEED, run_ksw
from helpers import (CLEAN, MONTHS, ODD_SEPTEMBER, QUICK, any_text, assert_warns, events, jsonl, read,
                     warnings_of)
from kscli.errors import KscliError
from kscli.model import ParseWarning
from kscli.text.timeline import Sentence, parse_text


def dated(index):
    return [e for e in index.events if not e.background]


def test_seed_is_the_bundled_corpus_byte_for_byte():
    seeds = SEED.parent.parent.parent / "shared" / "seeds" / "000_f97f991389789e1e.txt"
    if seeds.exists():
        assert SEED.read_bytes() == seeds.read_bytes()
    assert SEED.stat().st_size == 48784


def test_45_dated_days_from_27_september_to_10_november(index):
    days = sorted({e.date for e in dated(index)})
    assert len(days) == 45
    assert days[0] == "2020-09-27" and days[-1] == "2020-11-10"


def test_every_day_heading_has_events(index):
    text = SEED.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("=== ")]
    assert len(headings) == 45
    per_day = Counter(e.date for e in dated(index))
    assert min(per_day.values()) >= 2


def test_ceasefire_labels_are_kept_as_headings(index):
    labels = {e.date: e.heading for e in dated(index) if e.heading}
    assert labels == {
        "2020-10-10": "Russia-brokered ceasefire",
        "2020-10-18": "French-brokered ceasefire",
        "2020-10-26": "United States-brokered ceasefire",
    }


def test_known_sentences_on_known_days(index):
    on = {(e.date, e.text) for e in index.events}
    assert ("2020-10-04", "At around 17:80, the Armenian MoD released footage apparently showing "
            "Azerbaijani soldiers leaving Mataghis.") in on
    assert ("2020-09-28", "Around one hour later, Poghosyan stated that an Azerbaijani airplane had been shot "
            "down near Khojavend; Azerbaijan issued a denial.") in on
    assert ("2020-11-10", "In the early morning, the MoD of Russia announced that about 2,000 Russian "
            "peace-keepers had been dispatched to Nagorno-Karabakh.") in on


def test_november_heading_without_spaces_starts_november(index):
    assert "2020-11-01" in {e.date for e in index.events}


def test_no_event_comes_from_see_also(index):
    assert not any("List of ongoing armed conflicts" in e.text for e in index.events)
    assert index.events[-1].date == "2020-11-10"


def test_background_is_kept_but_never_dated_into_days(index):
    background = [e for e in index.events if e.background]
    assert len(background) == 13
    assert all(e.id.startswith("bg.") for e in background)
    assert all(e.heading is None for e in background)
    # The one background sentence with a full date carries it, still as background.
    assert [e.date for e in background if e.date] == ["2020-11-09"]


def test_ids_are_unique_readable_and_ordered(index):
    ids = [e.id for e in dated(index)]
    assert len(ids) == len(set(ids))
    assert ids[0] == "2020-09-27.01"
    for e in dated(index):
        assert e.id.startswith(e.date + ".")


def test_ids_survive_reparsing():
    from kscli.store.load import load_index

    first = [(e.id, e.text) for e in load_index(None).events]
    second = [(e.id, e.text) for e in load_index(None).events]
    assert first == second


def test_file_and_line_point_at_the_sentence(index):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for e in index.events:
        assert e.file == SEED.name
        assert e.text in lines[e.line - 1]


def test_impossible_time_17_80_is_a_warning_not_a_crash(index):
    event = next(e for e in index.events if "17:80" in e.text)
    assert event.time is None
    assert any("17:80" in w.message and w.line == event.line for w in index.warnings)


def test_year_comes_from_the_document(index):
    assert index.year == 2020


# --- the fixtures and made-up timelines, through the command --------------------------------------

def test_a_folder_of_timelines_crossing_a_year_boundary(ksw):
    events = jsonl(ksw("events", "--corpus", str(FIXTURES / "yearend"), "--format", "jsonl"))
    ids = [e["id"] for e in events]
    assert len(ids) == len(set(ids))
    assert [e["date"] for e in events if not e["background"]][-1] == "2000-01-02"
    assert {e["file"] for e in events} == {"early.txt", "late.txt"}
    assert jsonl(ksw("events", "--corpus", str(FIXTURES / "yearend"), "--on", "2 January", "--format", "jsonl"))


def test_month_headings_that_name_their_years_cross_a_year_boundary(ksw, tmp_path):
    timeline = tmp_path / "t.txt"
    timeline.write_text("= Timeline of the 2022 Ruritania war =\n\n== December 2022 ==\n\n=== 31 December ===\n\n"
                        "Bordurian forces shelled Strelsau.\n\n== January 2023 ==\n\n=== 1 January ===\n\n"
                        "Bordurian forces shelled Zenda.\n", encoding="utf-8")
    dates = [e["date"] for e in jsonl(ksw("events", "--corpus", str(timeline), "--format", "jsonl"))]
    assert dates == ["2022-12-31", "2023-01-01"]
    given = [e["date"] for e in jsonl(ksw("events", "--corpus", str(timeline), "--year", "2022", "--format", "jsonl"))]
    assert given == dates


def test_mini_timeline_every_line_form(ksw):
    events = {e["id"]: e for e in jsonl(ksw("events", "--corpus", str(FIXTURES / "mini-timeline.txt"), "--format", "jsonl"))}
    assert events["2031-12-30.01"]["time"] == "08:15" and events["2031-12-30.01"]["places"] == ["Tartar"]
    assert events["2031-12-30.02"]["text"] == 'The U.S. envoy said "Calm down. Please." to reporters.'
    assert events["2031-12-30.04"]["time"] == "10:00" and events["2031-12-30.04"]["time_estimated"] is True
    assert events["2031-12-30.05"]["denied_by"] == ["Azerbaijani authorities"]  # a "- " list line
    assert events["2031-12-31.01"]["heading"] == "Year-end lull"
    assert events["2032-01-01.01"]["killed"] == 2 and events["2032-01-01.01"]["injured"] == 5
    assert not any("example wars" in e["text"] for e in events.values())


def test_year_can_be_overridden(ksw):
    events = jsonl(ksw("events", "--corpus", str(FIXTURES / "mini-timeline.txt"), "--year", "1990", "--format", "jsonl"))
    assert events[-1]["date"] == "1991-01-01"


# --- layout faults ---------------------------------------------------------------------------

def test_file_without_headings_is_background_with_a_warning(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Just some text about Tartar. Another sentence here.\nMore text.\n")
    found = assert_warns(path, where="notes.txt:1", text="no day headings", dropped=True)
    assert [e["id"] for e in found] == ["bg.01", "bg.02", "bg.03"] and all(e["background"] for e in found)
    result = run_ksw("events", "--corpus", str(path), "--from", "2020-01-01")
    assert result.returncode in (1, 2) and result.stdout == "" and "Traceback" not in result.stderr


def test_impossible_day_heading(tmp_path):
    path = tmp_path / "timeline.txt"
    path.write_text(ODD_SEPTEMBER)  # "=== 31 September ===" at line 4, in month order
    found = assert_warns(path, where="timeline.txt:4", text="impossible day heading", dropped=True)
    assert not any("no real day" in e["text"] for e in found)
    assert [e["date"] for e in found] == ["2020-10-01", "2020-10-01", "2020-10-02"]


def test_impossible_day_heading_between_later_days(tmp_path):
    path = tmp_path / "timeline.txt"
    path.write_text(CLEAN.replace("=== 2 October ===", "=== 31 September ===\nOn no real day.\n\n=== 2 October ==="))
    found = assert_warns(path, where="timeline.txt:9", text="impossible day heading", dropped=True)
    assert not any("no real day" in e["text"] for e in found)
    assert [e["date"] for e in found] == ["2020-10-01", "2020-10-01", "2020-10-02"]


@pytest.mark.parametrize("heading", ["27–28 September", "Sept. 27 to 29", "30 September: a long night"])
def test_a_heading_that_names_no_single_day_says_its_text_is_undated(tmp_path, heading):
    path = tmp_path / "timeline.txt"
    path.write_text(f"= Timeline (2020) =\n== September ==\n=== 26 September ===\nClashes near Hadrut.\n"
                    f"=== {heading} ===\nSomething near Tartar.\n")
    found = assert_warns(path, where="timeline.txt:5", text="names no single day", dropped=True)
    assert [(e["date"], e["background"]) for e in found] == [(None, True), ("2020-09-26", False)]


def test_a_first_heading_that_names_no_single_day_says_so_too(tmp_path):
    # The war's opening days under one heading, before any single day (found in review).
    path = tmp_path / "timeline.txt"
    path.write_text("= Timeline (2020) =\n== September ==\n=== 27–28 September ===\nShelling hit Tartar.\n"
                    "=== 29 September ===\nFighting.\n")
    found = assert_warns(path, where="timeline.txt:3", text="names no single day", dropped=True)
    assert [(e["date"], e["background"]) for e in found] == [(None, True), ("2020-09-29", False)]


def test_no_year_anywhere_says_its_days_are_skipped(tmp_path):
    path = tmp_path / "timeline.txt"
    path.write_text("= Timeline of a war =\n\n== March ==\n\n=== 3 March ===\n\nTroops shelled Kharkiv.\n")
    assert assert_warns(path, where="timeline.txt:5", text="give --year", dropped=True) == []


@pytest.mark.parametrize("heading", ["30 February", "0 February", "32 February", "29 February"])
def test_other_impossible_day_headings(tmp_path, heading):
    path = tmp_path / "timeline.txt"
    path.write_text(f"= Timeline (2021) =\n== February ==\n=== 1 February ===\nClashes near Hadrut.\n"
                    f"=== {heading} ===\nSomething near Tartar.\n=== 1 March ===\nClashes near Barda.\n")
    found = assert_warns(path, where="timeline.txt:5", text="impossible day heading", dropped=True)
    assert [(e["date"], e["text"]) for e in found] == [("2021-02-01", "Clashes near Hadrut."),
                                                      ("2021-03-01", "Clashes near Barda.")]


def test_days_out_of_order_and_repeated(tmp_path):
    path = tmp_path / "timeline.txt"
    path.write_text("= Timeline (2020) =\n== October ==\n"
                    "=== 2 October ===\nFirst on the second near Tartar.\n"
                    "=== 1 October ===\nThen the first near Barda.\n"
                    "=== 2 October ===\nThe second again near Hadrut.\n")
    loud = read(path, verbose=True)
    found = warnings_of(loud)
    assert any(w.startswith("timeline.txt:5:") and "after a later day" in w for w in found), found
    assert any(w.startswith("timeline.txt:7:") and "appears again" in w for w in found), found
    assert read(path).stderr == ""
    got = events(loud)
    assert [(e["date"], e["line"]) for e in got] == [("2020-10-01", 6), ("2020-10-02", 4), ("2020-10-02", 8)]
    assert len({e["id"] for e in got}) == 3


def test_day_out_of_order_across_a_month_boundary(tmp_path):
    path = tmp_path / "timeline.txt"
    path.write_text("= Timeline (2020) =\n== October ==\n=== 1 October ===\nFirst near Tartar.\n"
                    "=== 30 September ===\nLate entry near Barda.\n=== 2 October ===\nThen near Hadrut.\n")
    result = read(path, verbose=True)
    assert [e["date"] for e in events(result)] == ["2020-09-30", "2020-10-01", "2020-10-02"]
    assert any(w.startswith("timeline.txt:5:") and "after a later day" in w for w in warnings_of(result))


@pytest.mark.parametrize("clock", ["17:80", "25:00", "24:61", "99:99"])
def test_impossible_clock_time(tmp_path, clock):
    path = tmp_path / "timeline.txt"
    path.write_text(CLEAN.replace("Fighting continued near Tartar.", f"At {clock}, fighting continued near Tartar."))
    found = assert_warns(path, where="timeline.txt:6", text=f"impossible clock time '{clock}'")
    assert found[0]["time"] is None and found[0]["text"].startswith(f"At {clock},")


@pytest.mark.parametrize("heading", ["======= x =======", "=" * 200 + " x " + "=" * 200, "=============== ===============",
                                     "== ==", "==== 1 October ====", "= 1 October =", "=" * 37, "== \u200b ==",
                                     "=== \x1b[31m ==="])
def test_odd_heading_levels_never_crash(tmp_path, heading):
    """Whatever the odd line is taken for, no sentence is lost and the real days keep their events."""
    path = tmp_path / "timeline.txt"
    path.write_text(CLEAN.replace("=== 2 October ===", f"{heading}\nUnder the odd heading.\n\n=== 2 October ==="))
    result = read(path, verbose=True)
    found = events(result)
    assert "internal error" not in result.stderr
    texts = [e["text"] for e in found]
    for sentence in ("Fighting continued near Tartar.", "The Azerbaijani MoD stated that Barda was shelled.",
                     "Under the odd heading.", "Clashes continued near Hadrut."):
        assert sentence in texts
    assert [e["text"] for e in found if e["date"] == "2020-10-01"][:2] == [
        "Fighting continued near Tartar.", "The Azerbaijani MoD stated that Barda was shelled."]
    assert [e["text"] for e in found if e["date"] == "2020-10-02"] == ["Clashes continued near Hadrut."]


def test_unbalanced_day_heading_is_not_silently_misdated(tmp_path):
    path = tmp_path / "timeline.txt"
    path.write_text("= Timeline (2020) =\n== October ==\n=== 1 October ===\nFirst near Tartar.\n"
                    "=== 2 October ==\nTypo heading day near Barda.\n=== 3 October ===\nThen near Hadrut.\n")
    result = read(path, verbose=True)
    found = events(result)
    misdated = [e for e in found if e["date"] == "2020-10-01" and e["text"] != "First near Tartar."]
    assert not misdated or any(w.startswith("timeline.txt:5:") for w in warnings_of(result)), [
        (e["date"], e["text"]) for e in misdated]


def test_deep_heading_keeps_every_sentence(tmp_path):
    path = tmp_path / "timeline.txt"
    path.write_text(CLEAN + "\n======= x =======\nDeep heading text here.\n")
    found = events(read(path))
    assert any(e["text"] == "Deep heading text here." for e in found)


def test_no_year_anywhere(tmp_path):
    path = tmp_path / "timeline.txt"
    path.write_text("= Timeline =\n== October ==\n=== 1 October ===\nFighting near Tartar.\n")
    result = read(path, verbose=True)
    assert "Traceback" not in result.stderr
    assert any("--year" in w for w in warnings_of(result))
    assert events(read(path, "--year", "2020"))[0]["date"] == "2020-10-01"


# --- the parser, whatever the text (hypothesis) ---------------------------------------------------

one_line = any_text.map(lambda s: s.replace("\n", " ").replace("\r", " "))
day_label = st.one_of(
    st.builds(lambda d, m: f"{d} {m}", st.integers(-3, 40), st.sampled_from(MONTHS)),
    st.builds(lambda m, d, y: f"{m} {d}, {y}", st.sampled_from(MONTHS), st.integers(0, 40), st.integers(0, 10000)),
    st.builds(lambda d, m, sep, lab: f"{d} {m}{sep}{lab}", st.integers(0, 40), st.sampled_from(MONTHS),
              st.sampled_from([" - ", " – ", "—", ": ", " -"]), one_line),
)
month_label = st.builds(lambda m, y: f"{m} {y}".strip(), st.sampled_from(MONTHS),
                        st.one_of(st.just(""), st.integers(0, 10000).map(str)))
label = st.one_of(day_label, month_label, one_line, st.sampled_from(["See also", "References", "Background", ""]))
heading = st.builds(lambda a, lab, b, pad: "=" * a + pad + lab + pad + "=" * b,
                    st.integers(1, 9), label, st.integers(1, 9), st.sampled_from(["", " ", "  ", "\t"]))
clock = st.builds(lambda h, m, rest: f"At {h}:{m:02d} ({h}:{m:02d} GMT), {rest}",
                  st.integers(0, 99), st.integers(0, 99), one_line)
cue_lines = st.sampled_from([
    "", "- A list item. Another one.", "* starred item", "1) numbered item", "# hashed",
    "At approximately 10:00 (06:00 GMT), the Azerbaijani MoD stated that Tartar was shelled, killing 3 civilians.",
    "Approximately one hour later, the Ministry stated that Şuşa was under fire; Armenia issued a denial.",
    'The U.S. envoy said "Calm down. Please." to reporters.', "A truce was signed on 3 March 2032.",
    "In the evening, the ADA stated that it had downed a drone near Khankendi.",
])
line = st.one_of(one_line, heading, clock, cue_lines)
document = st.lists(line, max_size=40).map("\n".join)
line_end = st.sampled_from(["\n", "\r\n", "\r"])
document_any_ends = st.lists(st.tuples(line, line_end), max_size=30).map(lambda pairs: "".join(a + b for a, b in pairs))
years = st.one_of(st.none(), st.integers(0, 10000))


def check_parse(text: str, year, fallback) -> None:
    sentences, warnings = parse_text(text, "t.txt", year, fallback_year=fallback)
    lines = len(re.split(r"\r\n|\r|\n", text))
    assert all(isinstance(s, Sentence) for s in sentences)
    assert all(isinstance(w, ParseWarning) and w.file == "t.txt" and 1 <= w.line <= lines for w in warnings)
    for s in sentences:
        assert s.text and s.text == s.text.strip() and s.file == "t.txt" and 1 <= s.line <= lines
        if s.date is not None:
            date.fromisoformat(s.date)
        if not s.background:
            assert s.date is not None


@QUICK
@given(any_text, years, years)
def test_parse_text_never_raises_on_arbitrary_text(text, year, fallback):
    check_parse(text, year, fallback)


@QUICK
@given(document, years, years)
def test_parse_text_never_raises_with_heading_like_lines(text, year, fallback):
    check_parse(text, year, fallback)


@QUICK
@given(document_any_ends)
def test_parse_text_line_ends_do_not_matter(text):
    lf = text.replace("\r\n", "\n").replace("\r", "\n")
    assert parse_text(text, "t.txt", 2020) == parse_text(lf, "t.txt", 2020)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(document, document_any_ends, any_text), years, years)
def test_bounded_parser_fuzz_run(text, year, fallback):
    """The bounded fuzz run: a few hundred documents, heading-heavy, every line end, any year."""
    check_parse(text, year, fallback)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(document, any_text), st.one_of(st.none(), st.integers(1, 9999)))
def test_whole_index_build_never_raises_on_arbitrary_text(text, year):
    """Parsing plus extraction plus indexing (load_index without the cache): only KscliError may come out."""
    from kscli.store.load import load_index

    folder = Path(tempfile.mkdtemp(prefix="ksw-prop-"))
    try:
        path = folder / "t.txt"
        path.write_text(text, encoding="utf-8")
        try:
            index = load_index(path, year=year, use_cache=False)
        except KscliError:
            return
        assert len({e.id for e in index.events}) == len(index.events)
        for e in index.events:
            json.dumps(e.as_dict())
    finally:
        shutil.rmtree(folder)
