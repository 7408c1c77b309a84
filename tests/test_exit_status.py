"""Exit status and error messages: every bad command-line input ends in one "ksw: " line on stderr,
nothing on stdout, and exit status 2 (1 for a place that matches nothing, by design)."""

# README "Exit status": exactly one line on stderr that starts with "ksw: " and names the problem, no
# traceback, nothing on stdout (helpers.assert_one_line_error). An "internal error" line is ksw's own
# catch-all for failures it did not foresee, so it never counts as naming the problem.

from __future__ import annotations

import pytest

from helpers import assert_one_line_error


# --- unknown names --------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["xml", "TSV", "json ", "", "table,tsv"])
def test_unknown_format(ksw, value):
    assert_one_line_error(ksw("events", "--format", value), "format")


@pytest.mark.parametrize("command", [["events"], ["places"], ["actors"], ["corpus", "check"]])
def test_unknown_format_on_every_command(ksw, command):
    assert_one_line_error(ksw(*command, "--format", "yaml"), "yaml", "--format")


@pytest.mark.parametrize("value, named", [("id,bogus", "bogus"), ("ID", "ID"), ("", "--fields"), (",", "--fields"),
                                          ("id,,text,nope", "nope"), ("id;text", "id;text")])
def test_unknown_fields(ksw, value, named):
    assert_one_line_error(ksw("events", "--fields", value), named)


@pytest.mark.parametrize("command", [["places"], ["actors"]])
def test_unknown_fields_on_listing_commands(ksw, command):
    assert_one_line_error(ksw(*command, "--fields", "name,bogus"), "bogus")


@pytest.mark.parametrize("option, value, named", [
    ("--type", "bogus", "bogus"),
    ("--weapon", "Excalibur", "Excalibur"),
    ("--actor", "Nobody Known", "Nobody Known"),
    ("--denied-by", "Nobody Known", "Nobody Known"),
    ("--side", "martian", "martian"),
    ("--limit", "-3", "-3"),
    ("--limit", "abc", "abc"),
    ("--year", "0", "--year"),
    ("--year", "abc", "abc"),
])
def test_bad_filter_values(ksw, option, value, named):
    assert_one_line_error(ksw("events", option, value), named)


@pytest.mark.parametrize("option", ["--place", "--within", "--keyword", "-k", "--actor", "--type", "--weapon",
                                    "--denied-by", "--side"])
@pytest.mark.parametrize("value", ["", "  "])
def test_empty_filter_value(ksw, option, value):
    assert_one_line_error(ksw("events", option, value), "empty", option.lstrip("-"), "side")


# --- a name that resolves to nothing: the same usage error (exit 2) for every filter ---------------

def test_place_that_matches_nothing_is_a_usage_error(ksw):
    line = assert_one_line_error(ksw("events", "--place", "Xyzzyplugh"), status=2)
    assert "no place matches 'Xyzzyplugh'" in line


def test_within_that_matches_nothing_is_a_usage_error(ksw):
    line = assert_one_line_error(ksw("events", "--within", "Xyzzyplugh"), status=2)
    assert "no place matches" in line


@pytest.mark.parametrize("option, value, kind", [
    ("--place", "Xyzzyplugh", "place"), ("--within", "Xyzzyplugh", "place"), ("--near", "Xyzzyplugh", "place"),
    ("--actor", "Nobody Known", "actor"), ("--denied-by", "Nobody Known", "actor"), ("--weapon", "Slingshot", "weapon"),
    ("--type", "picnic", "event type"), ("--side", "martian", "side")])
def test_an_unknown_name_is_the_same_error_in_every_filter(ksw, option, value, kind):
    line = assert_one_line_error(ksw("events", option, value), status=2)
    assert line.startswith(f"ksw: no {kind} matches '{value}'; ")
    assert "did you mean" in line or "one of:" in line or "lists them" in line


def test_an_unknown_name_in_a_repeated_filter_is_an_error_not_a_shrunken_or(ksw):
    line = assert_one_line_error(ksw("events", "--place", "Kyiv", "--place", "Shusha"), status=2)
    assert "no place matches 'Kyiv'" in line
    assert_one_line_error(ksw("events", "--actor", "Aliyev", "--actor", "Nobody Known"), status=2)


def test_contradictory_flags_are_a_usage_error(ksw):
    line = assert_one_line_error(ksw("events", "--disputed", "--undisputed"), status=2)
    assert "contradict" in line


@pytest.mark.parametrize("date", ["2021-10-04", "11 Nov", "2020-12"])
def test_a_date_outside_the_corpus_says_which_period_it_covers(ksw, date):
    result = ksw("events", "--on", date, "--format", "jsonl")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip().endswith("the corpus covers 2020-09-27 to 2020-11-10")


def test_an_empty_answer_says_why_when_it_is_known(ksw):
    result = ksw("events", "--weapon", "Iskander", "--format", "jsonl")
    assert result.returncode == 1 and "no events: no event names Iskander" in result.stderr
    both = ksw("events", "--place", "Shusha", "--on", "2020-09-27", "--format", "jsonl")
    assert both.returncode == 1 and both.stderr == ""  # each filter alone matches: nothing to explain


@pytest.mark.parametrize("args, status, message", [
    (["--from", "2020-13-45"], 2, "invalid date '2020-13-45'"),
    (["--from", "32 October"], 2, "invalid date '32 October'"),
    (["--on", ""], 2, "empty"),
    (["--from", "2020-10-10", "--to", "2020-10-01"], 2, "is after"),
    (["--format", "xml"], 2, "unknown format 'xml'"),
    (["--fields", "id,bogus"], 2, "unknown field 'bogus'"),
    (["--place", "Xyzzyplugh"], 2, "no place matches 'Xyzzyplugh'"),
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


# --- unknown commands and options -----------------------------------------------------------------

@pytest.mark.parametrize("argv, named", [
    (["bogus"], "bogus"),
    (["event"], "event"),
    (["corpus", "bogus"], "bogus"),
    (["events", "--nonsense"], "--nonsense"),
    (["events", "stray-argument"], "stray-argument"),
    (["events", "--place"], "--place"),
    (["--nonsense"], "--nonsense"),
])
def test_unknown_command_or_option(ksw, argv, named):
    assert_one_line_error(ksw(*argv), named)


def test_an_unknown_format_names_geojson_where_it_is_one(ksw):
    line = assert_one_line_error(ksw("events", "--format", "geojsn"))
    assert line.endswith("one of: table, tsv, csv, json, jsonl, geojson")
