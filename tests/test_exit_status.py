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


# --- a place that matches nothing: exit status 1, as grep -----------------------------------------

def test_place_that_matches_nothing_is_exit_1_by_design(ksw):
    line = assert_one_line_error(ksw("events", "--place", "Xyzzyplugh"), status=1)
    assert "no place matches 'Xyzzyplugh'" in line


def test_within_that_matches_nothing_is_exit_1_by_design(ksw):
    line = assert_one_line_error(ksw("events", "--within", "Xyzzyplugh"), status=1)
    assert "no place matches" in line


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
