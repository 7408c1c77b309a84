"""Robustness: bad command-line input, through the real `ksw` command.

Every bad input must end the same way (README "Exit status"): exit status 2
(1 for a --place that matches nothing, by design), exactly one line on stderr
that starts with "ksw: " and names the problem, no traceback, nothing on stdout.
An "internal error" line is ksw's own catch-all for failures it did not foresee,
so it never counts as naming the problem.
"""

from __future__ import annotations

import os
import shutil
import stat

import pytest

from conftest import FIXTURES

LONG = "x" * 10_000
MINI = str(FIXTURES / "mini-timeline.txt")


def assert_one_line_error(result, *names: str, status: int = 2) -> str:
    """The usage-error contract; `names` are the words the line must contain (any one of them)."""
    detail = f"exit {result.returncode}\nstdout: {result.stdout[:300]!r}\nstderr: {result.stderr[:600]!r}"
    assert "Traceback" not in result.stderr, detail
    assert result.returncode == status, detail
    assert result.stdout == "", detail
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and result.stderr.endswith("\n"), detail
    line = lines[0]
    assert line.startswith("ksw: "), detail
    assert "internal error" not in line, detail
    assert len(line.strip()) > len("ksw:"), detail
    if names:
        assert any(n.lower() in line.lower() for n in names), detail
    return line


# --- malformed dates -----------------------------------------------------------------------

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


# --- unknown names ----------------------------------------------------------------------------

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


# Regression tests: a bug they found, fixed in d3b2cc3 ("Robustness fixes found by the new fault tests"):
#   output.render_table computes max(row[last column] or 0) for bars even when bars=False; a list column or a
#   column with empty cells last ends in 'ksw: internal error: TypeError: '>' not supported between instances of
#   ...'


@pytest.mark.parametrize("fields", [
    "text,id", "id,killed", "id,line", "id,background",
    *(pytest.param(f"id,{last}")
      for last in ("places", "source", "time", "weapons", "heading", "denied_by")),
])
def test_any_fields_in_a_table(ksw, fields):
    """Any valid --fields must print as a table too (the terminal default)."""
    result = ksw("events", "--format", "table", "--fields", fields)
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0 and result.stdout.count("\n") >= 300


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


def test_place_that_matches_nothing_is_exit_1_by_design(ksw):
    line = assert_one_line_error(ksw("events", "--place", "Xyzzyplugh"), status=1)
    assert "no place matches 'Xyzzyplugh'" in line


def test_within_that_matches_nothing_is_exit_1_by_design(ksw):
    line = assert_one_line_error(ksw("events", "--within", "Xyzzyplugh"), status=1)
    assert "no place matches" in line


# --- absurdly long arguments ----------------------------------------------------------------

@pytest.mark.parametrize("option", ["--from", "--to", "--on", "--place", "--within", "--actor", "--keyword", "--type",
                                    "--weapon", "--denied-by", "--side", "--format", "--fields"])
def test_ten_thousand_character_option_value(ksw, option):
    assert_one_line_error(ksw("events", option, LONG), option.lstrip("-"), "xxxxxxxx", "long")


# Regression tests: a bug they found, fixed in d3b2cc3 ("Robustness fixes found by the new fault tests"):
#   sources.timeline_files() catches only PermissionError around Path.is_dir(); ENAMETOOLONG escapes as 'ksw:
#   internal error: OSError: [Errno 36] File name too long: ...'


def test_ten_thousand_character_corpus_path(ksw):
    assert_one_line_error(ksw("events", "--corpus", LONG), "too long", "no such file", "cannot read")


def test_ten_thousand_character_corpus_path_under_a_folder(ksw, tmp_path):
    assert_one_line_error(ksw("events", "--corpus", str(tmp_path / LONG / "t.txt")), "too long", "no such file",
                          "cannot read")


def test_ten_thousand_character_places_file(ksw):
    assert_one_line_error(ksw("events", "--places-file", LONG), "too long", "cannot read", "no such file")


@pytest.mark.parametrize("args, says", [((LONG,), "no such command"), (("events", "--" + LONG), "no such option"),
                                        (("events", "--corpus", "/" + LONG), "too long")],
                         ids=["command", "option", "corpus"])
def test_an_error_quoting_a_huge_value_keeps_its_start_and_end(ksw, args, says):
    line = assert_one_line_error(ksw(*args), says)
    assert len(line) <= 540
    assert "characters…]" in line


# --- corpus paths -----------------------------------------------------------------------------

def test_corpus_that_does_not_exist(ksw, tmp_path):
    missing = tmp_path / "nowhere" / "timeline.txt"
    line = assert_one_line_error(ksw("events", "--corpus", str(missing)), str(missing))
    assert "no such file" in line


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_corpus_that_is_neither_file_nor_folder(ksw, tmp_path, kind):
    # It said "no such file or folder" of /dev/null, which is there (found by a QA pass).
    path = "/dev/null"
    if kind == "fifo":
        path = str(tmp_path / "pipe.txt")
        os.mkfifo(path)
    line = assert_one_line_error(ksw("events", "--corpus", path, timeout=20), path)
    assert "not a timeline file or folder" in line


def test_corpus_from_environment_that_does_not_exist(ksw, tmp_path):
    missing = str(tmp_path / "nowhere")
    assert_one_line_error(ksw("events", env={"KSW_CORPUS": missing}), missing)


@pytest.mark.parametrize("content", [[], ["notes.md", "image.png"], ["sub/"]])
def test_corpus_folder_without_timelines(ksw, tmp_path, content):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in content:
        if name.endswith("/"):
            (folder / name).mkdir()
            (folder / name / "t.txt").write_text("=== 1 October ===\nText.\n")
        else:
            (folder / name).write_text("=== 1 October ===\nText.\n")
    line = assert_one_line_error(ksw("events", "--corpus", str(folder)), str(folder))
    assert "no timeline files" in line


def test_corpus_folder_with_a_directory_named_like_a_timeline(ksw, tmp_path):
    (tmp_path / "dir.txt").mkdir()
    assert_one_line_error(ksw("events", "--corpus", str(tmp_path)), "no timeline files")


def test_corpus_check_path_that_does_not_exist(ksw, tmp_path):
    assert_one_line_error(ksw("corpus", "check", str(tmp_path / "nope")), "no such file")


def _unreadable(path) -> None:
    path.chmod(0)
    if os.access(path, os.R_OK):
        path.chmod(stat.S_IRWXU)
        pytest.skip("running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not make a file unreadable")


@pytest.mark.parametrize("what", ["file", "folder"])
def test_unreadable_corpus(ksw, tmp_path, what):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(MINI, folder / "timeline.txt")
    target = folder / "timeline.txt" if what == "file" else folder
    _unreadable(target)
    try:
        line = assert_one_line_error(ksw("events", "--corpus", str(target)), str(target))
        assert "cannot read" in line or "permission" in line.lower()
    finally:
        target.chmod(stat.S_IRWXU)


def test_unreadable_corpus_file_simulated(tmp_path, monkeypatch, capsys):
    """The same as above for root, in-process: the real entry point, with the read failing as for mode 000."""
    import pathlib

    from kscli.cli import main

    corpus = tmp_path / "timeline.txt"
    shutil.copy(MINI, corpus)
    real = pathlib.Path.read_bytes

    def read_bytes(self):
        if self == corpus:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    monkeypatch.setenv("KSW_CACHE_DIR", "off")
    with pytest.raises(SystemExit) as exit_info:
        main(["events", "--corpus", str(corpus)])
    out, err = capsys.readouterr()
    assert exit_info.value.code == 2, err
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("ksw: ") and str(corpus) in err, err
    assert "Permission denied" in err and "internal error" not in err


def test_places_file_that_is_a_directory(ksw, tmp_path):
    assert_one_line_error(ksw("events", "--places-file", str(tmp_path)), str(tmp_path))


@pytest.mark.parametrize("content, named", [
    ("name\tkind\nX\tcity\n", "header lacks"),
    ("name\tkind\tparent\tlat\tlon\taliases\nX\tplanet\t\t\t\t\n", "planet"),
    ("name\tkind\tparent\tlat\tlon\taliases\nX\tcity\t\tnorth\t\t\n", "lat/lon"),
    ("name\tkind\tparent\tlat\tlon\taliases\nX\tcity\tNowhere Land\t\t\t\n", "Nowhere Land"),
    (b"name\tkind\tparent\tlat\tlon\taliases\n\xff\xfe\tcity\t\t\t\t\n", "cannot read"),
    # A place inside itself sent --within round its loop for ever, eating memory.
    ("name\tkind\tparent\tlat\tlon\taliases\nFoo\tcity\tFoo\t40\t46\t\n", "(Foo → Foo)"),
    ("name\tkind\tparent\tlat\tlon\taliases\nFoo\tcity\tBar\t\t\t\nBar\tdistrict\tFoo\t\t\t\n", "(Foo → Bar → Foo)"),
    # nan would be written into JSON and GeoJSON, where it is not a number.
    ("name\tkind\tparent\tlat\tlon\taliases\nX\tcity\t\tnan\tnan\t\n", "within ±90"),
    ("name\tkind\tparent\tlat\tlon\taliases\nX\tcity\t\t40\t999\t\n", "within ±180"),
], ids=["missing-columns", "unknown-kind", "bad-latitude", "unknown-parent", "not-utf8", "own-parent", "parent-loop",
        "nan-coordinates", "longitude-out-of-range"])
def test_malformed_places_file(ksw, tmp_path, content, named):
    path = tmp_path / "places-bad.tsv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    assert_one_line_error(ksw("events", "--places-file", str(path)), named)


@pytest.mark.parametrize("side", ["", "north\x1b[2Jland"], ids=["no-side", "control-characters"])
def test_actors_file_with_a_side_that_is_no_word(ksw, tmp_path, side):
    (tmp_path / "t.txt").write_text("= War (2008) =\n\n== August ==\n\n=== 8 August ===\nNorthland stated calm.\n")
    (tmp_path / "actors-x.tsv").write_text(f"name\tside\tkind\taliases\nNorthland\t{side}\tgovernment\t\n")
    assert_one_line_error(ksw("events", "--corpus", str(tmp_path)), "needs a side")


# --- unknown commands and options -------------------------------------------------------------

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


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_an_output_encoding_without_some_letters_escapes_them(ksw, encoding):
    # It printed the header, then "internal error: UnicodeEncodeError" (found by a QA pass).
    result = ksw("places", "Şuşa", "Tartar", env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 0 and result.stderr == ""
    assert "\\u015eu\\u015fa\tShusha\t" in result.stdout and "Tartar\tTartar\t" in result.stdout


@pytest.mark.parametrize("keyword", ["*", "-", '""', "…", "Шуша", "中"])
def test_a_keyword_with_no_word_in_it_is_a_usage_error(ksw, keyword):
    # It matched nothing, silently, as if nothing said so (found by a QA pass): ksw folds Latin letters only.
    assert_one_line_error(ksw("events", "-k", keyword), f"keyword '{keyword}' has no Latin letter or digit")


def test_an_unknown_format_names_geojson_where_it_is_one(ksw):
    line = assert_one_line_error(ksw("events", "--format", "geojsn"))
    assert line.endswith("one of: table, tsv, csv, json, jsonl, geojson")


def test_corpus_check_given_two_corpora(ksw):
    line = assert_one_line_error(ksw("corpus", "check", str(FIXTURES / "otherwar"), "--corpus", str(FIXTURES / "yearend")))
    assert "two corpora" in line
    # $KSW_CORPUS is no second corpus: PATH wins over it; nor is the same folder by another name (found in review).
    via_env = ksw("corpus", "check", str(FIXTURES / "yearend"), env={"KSW_CORPUS": str(FIXTURES / "otherwar")})
    assert via_env.returncode == 1 and "late.txt" in via_env.stderr  # yearend's one warning
    same = ksw("corpus", "check", str(FIXTURES / "otherwar"), "--corpus", str(FIXTURES / "otherwar" / ".." / "otherwar"))
    assert same.returncode == 0, same.stderr


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path):
    # The XDG spec: such a value is invalid; it made a cache folder under whatever folder ksw ran in.
    from kscli.store.cachefile import cache_root

    monkeypatch.delenv("KSW_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert cache_root() == tmp_path / ".cache" / "ksw"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == tmp_path / "xdg" / "ksw"


def test_no_arguments_shows_help_without_an_empty_error_line(ksw):
    result = ksw()
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "Usage" in result.stdout + result.stderr
    assert not any(line.strip() == "ksw:" for line in result.stderr.splitlines()), repr(result.stderr)


def test_corpus_group_without_subcommand_has_no_empty_error_line(ksw):
    result = ksw("corpus")
    assert result.returncode == 2
    assert not any(line.strip() == "ksw:" for line in result.stderr.splitlines()), repr(result.stderr)


def test_help_and_version_still_work(ksw):
    assert ksw("--version").returncode == 0
    result = ksw("events", "--help")
    assert result.returncode == 0 and "--place" in result.stdout and result.stderr == ""


def test_main_leaves_the_garbage_collector_as_it_found_it(tmp_path, monkeypatch, capsys):
    """main() turns the collector off while it imports and freezes what the imports made; a caller
    in the same process gets it back on, with nothing frozen, whether the run succeeds or fails."""
    import gc

    from kscli.cli import main

    monkeypatch.setenv("KSW_CACHE_DIR", "off")
    for args, status in ((["events", "--corpus", str(MINI), "--place", "Tartar"], 0), (["events", "--from", "soon"], 2)):
        with pytest.raises(SystemExit) as exit_info:
            main(args)
        assert exit_info.value.code == status, capsys.readouterr().err
        assert gc.isenabled() and gc.get_freeze_count() == 0


def test_the_ksw_command_keeps_what_its_imports_made_frozen_to_its_end(monkeypatch, capsys):
    """script(), the console script and `python -m kscli`: the process ends with the run, so the
    objects frozen after the imports are not handed back to the collector for its last pass."""
    import gc
    import sys

    from kscli.cli import script

    monkeypatch.setenv("KSW_CACHE_DIR", "off")
    monkeypatch.setattr(sys, "argv", ["ksw", "events", "--corpus", str(MINI), "--place", "Tartar"])
    try:
        with pytest.raises(SystemExit) as exit_info:
            script()
        assert exit_info.value.code == 0, capsys.readouterr().err
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()

