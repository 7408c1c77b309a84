"""`ksw events` through the real command, on the real corpus and the fixtures."""

import csv
import io
import json
import re

import pytest

from conftest import FIXTURES


def jsonl(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_place_tartar_lists_the_tartar_events(ksw, index):
    result = ksw("events", "--place", "Tartar", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    events = jsonl(result)
    # Every sentence that names Tartar, found by plain text search, independently of the extractor.
    expected = [e.id for e in index.events if re.search(r"Tartar|Tərtər|Terter", e.text)]
    assert len(expected) == 39
    assert [e["id"] for e in events] == expected


def test_three_days_give_every_sentence_and_nothing_else(ksw, index):
    result = ksw("events", "--from", "2020-10-01", "--to", "2020-10-03", "--format", "jsonl")
    events = jsonl(result)
    want = [e.text for e in index.events if not e.background and "2020-10-01" <= e.date <= "2020-10-03"]
    assert [e["text"] for e in events] == want
    assert {e["date"] for e in events} == {"2020-10-01", "2020-10-02", "2020-10-03"}
    assert len(events) == 11 + 7 + 5


@pytest.mark.parametrize("spelling", ["4 October", "Oct 4", "4 Oct 2020", "2020-10-04", "October 4"])
def test_date_spellings_mean_the_same_day(ksw, spelling):
    result = ksw("events", "--on", spelling, "--format", "jsonl", "--fields", "date")
    assert {e["date"] for e in jsonl(result)} == {"2020-10-04"}
    assert len(jsonl(result)) == 12


def test_whole_month(ksw):
    by_name = jsonl(ksw("events", "--on", "November", "--format", "jsonl", "--fields", "id"))
    by_iso = jsonl(ksw("events", "--from", "2020-11", "--to", "2020-11", "--format", "jsonl", "--fields", "id"))
    assert by_name == by_iso and len(by_name) == 5 + 5 + 3 + 3 + 3 + 2 + 2 + 7 + 11 + 2
    assert all(e["id"].startswith("2020-11-") for e in by_name)


def test_background_never_leaks_into_a_date_range(ksw):
    events = jsonl(ksw("events", "--from", "2020-01-01", "--to", "2020-12-31", "--format", "jsonl"))
    assert not any(e["background"] for e in events)
    assert len(events) == 314


def test_transliterations_of_a_place_give_the_same_events(ksw):
    outputs = {s: ksw("events", "--place", s, "--format", "tsv").stdout for s in ["Tartar", "Terter", "Tərtər", "tartar"]}
    assert len(set(outputs.values())) == 1


def test_repeated_place_means_or_and_different_filters_mean_and(ksw):
    tartar = {e["id"] for e in jsonl(ksw("events", "--place", "Tartar", "--format", "jsonl"))}
    barda = {e["id"] for e in jsonl(ksw("events", "--place", "Barda", "--format", "jsonl"))}
    both = {e["id"] for e in jsonl(ksw("events", "--place", "Tartar", "--place", "Barda", "--format", "jsonl"))}
    assert both == tartar | barda
    anded = jsonl(ksw("events", "--place", "Tartar", "--actor", "Azerbaijani MoD", "--on", "October", "--format", "jsonl"))
    assert anded and all(e["source"] == "Azerbaijani MoD" and e["date"].startswith("2020-10") for e in anded)
    assert {e["id"] for e in anded} < tartar


def test_actor_by_alias(ksw):
    by_alias = ksw("events", "--actor", "Ilham Aliyev", "--format", "tsv").stdout
    by_name = ksw("events", "--actor", "Azerbaijani President", "--format", "tsv").stdout
    assert by_alias == by_name and by_alias.count("\n") > 10


def test_keyword_is_case_accent_and_transliteration_insensitive(ksw):
    found = jsonl(ksw("events", "-k", "Sugovusan", "--format", "jsonl"))
    assert [e["id"] for e in found] == ["2020-10-03.04"] and "Suqovuşan" in found[0]["text"]
    # Keywords are text search; the place search also knows the English and Armenian names.
    by_place = jsonl(ksw("events", "--place", "Sugovusan", "--format", "jsonl"))
    assert any("Sugovushan" in e["text"] for e in by_place) and any("Madagiz" in e["text"] for e in by_place)
    assert jsonl(ksw("events", "-k", "SMERCH", "--format", "jsonl")) == jsonl(ksw("events", "-k", "smerch", "--format", "jsonl"))


def test_keyword_in_azerbaijani_letters_finds_what_the_english_spelling_finds(ksw):
    # ş is "sh" or "s" to an English keyboard: either form of the keyword may match, not both at once.
    for typed, english in (("Şuşa", "Shusha"), ("Laçın", "Lachin"), ("Suqovuşan", "Sugovushan")):
        ids = {e["id"] for e in jsonl(ksw("events", "-k", typed, "--format", "jsonl"))}
        assert ids >= {e["id"] for e in jsonl(ksw("events", "-k", english, "--format", "jsonl"))} != set(), typed


def test_keyword_numbers_keep_their_doubled_digits(ksw):
    at_eight = jsonl(ksw("events", "-k", "08:00", "--format", "jsonl"))
    assert at_eight and all("08:00" in e["text"] for e in at_eight)  # not 08:03 ("00" is not "0")
    assert {e["id"] for e in jsonl(ksw("events", "-k", "2,000", "--format", "jsonl"))} == {"2020-11-10.01"}


def test_json_is_the_jsonl_events_laid_out_as_json_dumps_would(ksw):
    for query in (["--place", "Tartar"], ["--on", "2020-10-04"], ["-k", "zzqqxx"]):
        rows = jsonl(ksw("events", *query, "--format", "jsonl"))
        out = ksw("events", *query, "--format", "json").stdout
        assert out == json.dumps(rows, ensure_ascii=False, indent=2) + "\n", query


def test_keyword_phrase_matches_as_a_phrase(ksw):
    phrase = jsonl(ksw("events", "-k", "tactical retreat", "--format", "jsonl"))
    assert [e["id"] for e in phrase] == ["2020-10-05.11"]
    assert ksw("events", "-k", "retreat tactical").returncode == 1


def test_limit_and_reverse(ksw):
    first = jsonl(ksw("events", "--place", "Ganja", "--from", "2020-09-01", "--limit", "2", "--format", "jsonl"))
    last = jsonl(ksw("events", "--place", "Ganja", "--from", "2020-09-01", "--reverse", "--limit", "2", "--format", "jsonl"))
    assert len(first) == 2 and len(last) == 2
    assert first[0]["date"] < last[0]["date"] and last[0]["date"] >= last[1]["date"]


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


def test_piped_output_is_plain_tsv_one_event_per_line(ksw):
    out = ksw("events", "--place", "Stepanakert").stdout
    lines = out.splitlines()
    assert lines[0] == "id\tdate\ttime\tsource\tplaces\ttext"
    assert all(line.count("\t") == 5 for line in lines)
    assert "\x1b" not in out


@pytest.mark.parametrize("args, status, message", [
    (["--from", "2020-13-45"], 2, "invalid date '2020-13-45'"),
    (["--from", "32 October"], 2, "invalid date '32 October'"),
    (["--on", ""], 2, "empty"),
    (["--from", "2020-10-10", "--to", "2020-10-01"], 2, "is after"),
    (["--format", "xml"], 2, "unknown format 'xml'"),
    (["--fields", "id,bogus"], 2, "unknown field 'bogus'"),
    (["--place", "Xyzzyplugh"], 1, "no place matches 'Xyzzyplugh'"),
    (["--actor", "Nobody Known"], 2, "no actor matches"),
    (["--corpus", "/nonexistent/timeline.txt"], 2, "no such file"),
    (["--nonsense"], 2, "No such option"),
    (["-k", "zzqqxx"], 1, None),
])
def test_errors_are_one_line_with_grep_exit_codes(ksw, args, status, message):
    result = ksw("events", *args)
    assert result.returncode == status
    assert "Traceback" not in result.stderr
    if message:
        assert message in result.stderr
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("ksw: ")
    assert result.stdout == ""


def test_corpus_option_and_environment_variable(ksw, tmp_path):
    via_option = ksw("events", "--corpus", str(FIXTURES / "mini-timeline.txt"), "--format", "jsonl")
    via_env = ksw("events", "--format", "jsonl", env={"KSW_CORPUS": str(FIXTURES / "mini-timeline.txt")})
    assert via_option.stdout == via_env.stdout
    assert "2031-12-30.01" in via_option.stdout


def test_a_folder_of_timelines_crossing_a_year_boundary(ksw):
    events = jsonl(ksw("events", "--corpus", str(FIXTURES / "yearend"), "--format", "jsonl"))
    ids = [e["id"] for e in events]
    assert len(ids) == len(set(ids))
    assert [e["date"] for e in events if not e["background"]][-1] == "2000-01-02"
    assert {e["file"] for e in events} == {"early.txt", "late.txt"}
    assert jsonl(ksw("events", "--corpus", str(FIXTURES / "yearend"), "--on", "2 January", "--format", "jsonl"))


def test_on_and_a_date_range_are_two_filters_and_both_hold(ksw):
    def days(*options):
        return {e["date"] for e in jsonl(ksw("events", *options, "--format", "jsonl"))}

    assert days("--on", "1 Oct", "--on", "5 Oct", "--from", "4 Oct") == {"2020-10-05"}
    assert days("--on", "October", "--to", "2 Oct") == {"2020-10-01", "2020-10-02"}
    assert ksw("events", "--on", "1 Oct", "--from", "4 Oct").returncode == 1  # no day is both


def test_a_date_without_a_year_in_a_corpus_of_several_years_asks_for_the_year(ksw, tmp_path):
    # It took the first year that has the month, silently (found by a QA pass).
    for year, town in ((2014, "Tartar"), (2022, "Barda")):
        (tmp_path / f"{year}.txt").write_text(f"= War ({year}) =\n\n== August ==\n\n=== 24 August ===\n\n"
                                              f"Shelling near {town}.\n")
    vague = ksw("events", "--corpus", str(tmp_path), "--on", "24 Aug")
    assert vague.returncode == 2 and vague.stdout == ""
    assert vague.stderr == "ksw: invalid date '24 Aug': the corpus has August in 2014, 2022; give the year\n"
    exact = jsonl(ksw("events", "--corpus", str(tmp_path), "--on", "24 Aug 2022", "--format", "jsonl"))
    assert [e["places"] for e in exact] == [["Barda"]]


def test_a_december_in_the_last_year_a_date_can_have(ksw, tmp_path):
    # Finding the months stepped to date(10000, 1, 1) (found in review).
    (tmp_path / "t.txt").write_text("= War =\n\n== December ==\n\n=== 5 December ===\n\nShelling near Tartar.\n")
    found = jsonl(ksw("events", "--corpus", str(tmp_path), "--year", "9999", "--on", "5 Dec", "--format", "jsonl"))
    assert [e["date"] for e in found] == ["9999-12-05"]


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
