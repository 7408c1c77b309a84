"""Dates: --on, --from and --to in their spellings, whole months, years a corpus may not name, and the
one-line error a bad date gives (parse_user_date's properties too)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from helpers import MONTHS, QUICK, any_text, assert_one_line_error, jsonl
from kscli.errors import UsageError
from kscli.text.dates import parse_user_date


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


# --- malformed dates ------------------------------------------------------------------------------

BAD_DATES = ["2020-13-45", "32 October", "2020-02-30", "2021-02-29", "0 October", "2020-00", "2020-10-04 extra",
             "Octobre 4", "4/10/2020", "--", "0000-01-01"]


@pytest.mark.parametrize("option", ["--from", "--to", "--on"])
@pytest.mark.parametrize("value", BAD_DATES)
def test_malformed_date_is_a_usage_error(ksw, option, value):
    line = assert_one_line_error(ksw("events", option, value), value)
    assert "date" in line or "month" in line or "day" in line


@pytest.mark.parametrize("option", ["--from", "--to", "--on"])
@pytest.mark.parametrize("value", ["", "   ", "\t"])
def test_empty_date_is_a_usage_error(ksw, option, value):
    assert_one_line_error(ksw("events", option, value), "empty", option)


def test_from_after_to(ksw):
    line = assert_one_line_error(ksw("events", "--from", "2020-10-10", "--to", "4 October"))
    assert "--from" in line and "--to" in line and "after" in line


def test_from_after_to_month_forms(ksw):
    assert_one_line_error(ksw("events", "--from", "November", "--to", "2020-10"), "after")


# Regression tests: a bug they found, fixed in d3b2cc3 ("Robustness fixes found by the new fault tests"):
#   dates._parse_month computes date(year + 1, 1, 1) for December 9999 and the ValueError escapes as 'ksw: internal
#   error: ValueError: year 10000 is out of range'


@pytest.mark.parametrize("value", [pytest.param("9999-12"),
                                   pytest.param("December 9999"), "31 Dec 9999"])
def test_last_representable_month_does_not_crash(ksw, value):
    """A well-formed date at the end of the calendar: either a range with no events (exit 1) or a usage error."""
    result = ksw("events", "--on", value)
    detail = f"exit {result.returncode}, stderr {result.stderr!r}"
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, detail
    assert result.returncode in (1, 2), detail
    assert result.stdout == "", detail
    assert result.stderr.count("\n") <= 1, detail


# --- parse_user_date: a range or a usage error, whatever it is given ------------------------------

date_like = st.one_of(
    any_text,
    st.builds(lambda y, m, d: f"{y}-{m}-{d}", st.integers(0, 100000), st.integers(0, 13), st.integers(0, 32)),
    st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(0, 100000), st.integers(0, 13)),
    st.builds(lambda d, m, y: f"{d} {m} {y}".strip(), st.integers(0, 40), st.sampled_from(MONTHS),
              st.one_of(st.just(""), st.integers(0, 100000).map(str))),
    st.builds(lambda m, d: f"{m} {d}", st.sampled_from(MONTHS), st.integers(0, 40)),
    st.sampled_from(MONTHS),
)


year_for_month = st.one_of(st.none(), st.just(lambda m: None),
                           st.integers(1, 9999).map(lambda y: (lambda m: y)))


def check_user_date(text, resolver) -> None:
    try:
        start, end = parse_user_date(text, resolver)
    except UsageError as exc:
        assert str(exc).startswith("invalid date")
        return
    assert isinstance(start, date) and isinstance(end, date) and start <= end


# Regression test: a bug it found, fixed in d3b2cc3 ("Robustness fixes found by the new fault tests"):
#   parse_user_date('9999-12') and ('December', year 9999) raise ValueError ('year 10000 is out of range') from
#   dates._parse_month instead of a range or UsageError
@QUICK
@example("9999-12", None)
@example("December", lambda m: 9999)
@given(date_like, year_for_month)
def test_parse_user_date_gives_a_range_or_a_usage_error(text, resolver):
    check_user_date(text, resolver)


@QUICK
@given(date_like.filter(lambda t: "9999" not in t), year_for_month.filter(lambda r: r is None or r(12) != 9999))
def test_parse_user_date_gives_a_range_or_a_usage_error_before_year_9999(text, resolver):
    """The same property away from the year-9999 bug above, so the rest stays guarded meanwhile."""
    check_user_date(text, resolver)


# Regression test: a bug it found, fixed in d3b2cc3 ("Robustness fixes found by the new fault tests"):
#   (library contract) errors.KscliError promises a one-line message, but parse_user_date echoes the raw text:
#   parse_user_date('0\n') -> "invalid date '0\n': ..." (the command collapses it; library callers get two
#   lines)
@QUICK
@example("0\n", None)
@given(date_like, year_for_month)
def test_usage_error_messages_are_one_line(text, resolver):
    try:
        parse_user_date(text, resolver)
    except UsageError as exc:
        assert "\n" not in str(exc) and "\r" not in str(exc)
    except ValueError:
        pass  # the year-9999 bug above, not this property
