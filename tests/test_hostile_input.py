"""Hostile input: markup, terminal escapes, control characters and spreadsheet formulas in a corpus's text,
and huge values and lines; shown harmless, kept intact in machine formats, or refused in one line."""

# README "Output": text reaches a terminal literally (markup escaped, control characters removed);
# machine formats keep the text intact; TSV escapes backslash, tab, CR and LF so every event is one
# line; CSV prefixes a cell that starts with =, +, - or @ with an apostrophe.

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess

import pytest

from conftest import ROOT, ksw_command, pty_run, run_ksw
from helpers import assert_one_line_error, assert_warns
from helpers import unescape_tsv as _unescape


MARKUP = "The Azerbaijani MoD stated that [bold red]x[/] and [link=http://example.invalid]y[/link] happened at dawn."
PAYLOADS = {
    "markup": MARKUP,
    "ansi-colour": "Armenian forces \x1b[31mshelled\x1b[0m the hills at night.",
    "cursor-moves": "A cursor move \x1b[2J\x1b[H\x1b[1A\x1b[K cleared the screen at noon.",
    "osc8-link": "A link \x1b]8;;http://x\x1b\\click\x1b]8;;\x1b\\ appeared in the evening.",
    "title-change": "The window title \x1b]0;pwned\x07 changed overnight.",
    "c1-and-del": "A C1 CSI \x9b31m, a DEL \x7f and a backspace \x08 were seen.",
    "formula-eq": '=HYPERLINK("http://example.invalid","x") was typed into a cell.',
    "formula-plus": "+1 more report came in.",
    "formula-minus": "-2 degrees were measured at dawn.",
    "formula-at": "@SUM(1+1) was typed into a cell.",
    "tab-and-backslash": "A tab\there and a back\\slash and a \\t that is not a tab.",
    # Shown in another order than written (Trojan Source): "evil" reads as "live" on the screen.
    "bidi-override": "A name \u202elive\u202c and an isolate \u2067x\u2069 were written at noon.",
    "vertical-breaks": "A vertical\x0btab, a form\x0cfeed, a next\x85line and a line\u2028separator at dusk.",
}
# Bytes a terminal obeys: C0 controls other than newline and tab, DEL, and the C1 controls (tab: its own test).
DANGEROUS = ([chr(c) for c in range(0x20) if chr(c) not in "\n\t"] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
             + [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029)])
HEADING = "\x1b]0;pwned\x07 [bold]label[/bold]"
FORMULA_HEADING = "=cmd|' /C calc'!A0"


def timeline(sentences: list[str], with_place: bool) -> str:
    where = " near Tartar" if with_place else ""
    lines = ["= Timeline of the Hostile Test War (2020) =", "", "== October ==", "", "=== 1 October ==="]
    lines += [s[:-1] + where + "." if with_place else s for s in sentences]
    lines += ["", f"=== 2 October - {HEADING} ===", "Quiet day" + where + ".",
              "", f"=== 3 October - {FORMULA_HEADING} ===", "Another quiet day" + where + "."]
    return "\n".join(lines) + "\n"


def write_corpus(tmp_path, with_place: bool = False):
    path = tmp_path / ("places.txt" if with_place else "plain.txt")
    path.write_text(timeline(list(PAYLOADS.values()), with_place), encoding="utf-8")
    return path


def run_bytes(*args, env=None, timeout=60) -> subprocess.CompletedProcess:
    """`ksw` with bytes out, in the same environment as the `ksw` fixture."""
    full = dict(os.environ)
    full.pop("KSW_CORPUS", None)
    full.update({"NO_COLOR": "1", "COLUMNS": "400", "KSW_CACHE_DIR": "off"})
    if not shutil.which("ksw"):  # as the `ksw` fixture: the installed command, else this checkout's module
        full["PYTHONPATH"] = str(ROOT) + os.pathsep + full.get("PYTHONPATH", "")
    full.update(env or {})
    return subprocess.run(ksw_command() + list(args), capture_output=True, cwd=ROOT, env=full, timeout=timeout)


def run_on_pty(*args, env=None, stderr_on_pty=True, timeout=60) -> tuple[int, bytes, bytes]:
    """`ksw` with stdout (and stderr) on a pseudo-terminal; returns (status, terminal bytes, piped stderr)."""
    full = dict(os.environ)
    full.pop("KSW_CORPUS", None)
    full.pop("NO_COLOR", None)
    full.update({"COLUMNS": "400", "LINES": "50", "TERM": "xterm-256color", "KSW_CACHE_DIR": "off"})
    if not shutil.which("ksw"):
        full["PYTHONPATH"] = str(ROOT) + os.pathsep + full.get("PYTHONPATH", "")
    full.update(env or {})
    return pty_run(args, full, stderr_on_pty, timeout)


CORPORA = [pytest.param(False, id="no-place-mentions"), pytest.param(True, id="with-place-mentions")]


# --- the terminal table ------------------------------------------------------------------------

@pytest.mark.parametrize("with_place", CORPORA)
def test_table_strips_control_characters_and_shows_markup(tmp_path, with_place):
    corpus = write_corpus(tmp_path, with_place)
    result = run_bytes("events", "--corpus", str(corpus), "--format", "table", "--fields", "id,heading,text")
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    out = result.stdout.decode("utf-8")
    for ch in DANGEROUS:
        assert ch not in out, f"control character {ch!r} reached the table"
    assert "[bold red]x[/]" in out
    assert "[link=http://example.invalid]y[/link]" in out
    assert "[bold]label[/bold]" in out
    assert "]0;pwned" in out or "pwned" in out  # the text around the removed controls is still there
    assert "vertical tab, a form feed, a next line and a line separator" in out  # breaks shown as spaces
    assert result.stdout.count(b"\n") >= len(PAYLOADS) + 4


@pytest.mark.parametrize("with_place", CORPORA)
def test_table_with_highlighted_keyword_strips_control_characters(tmp_path, with_place):
    corpus = write_corpus(tmp_path, with_place)
    result = run_bytes("events", "--corpus", str(corpus), "--format", "table", "-k", "pwned", "-k", "bold",
                       env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    for sequence in ("\x07", "\x1b]", "\x1b[31m", "\x1b[2J", "\x1b[H", "\x9b", "\x7f", "\x08"):
        assert sequence not in out, f"{sequence!r} from the corpus text reached the table"
    styled = re.sub(r"\x1b\[[0-9;]*m", "", out)  # the highlight's own SGR codes (FORCE_COLOR)
    assert "\x1b" not in styled
    assert "[bold red]x[/]" in styled and "pwned" in styled


@pytest.mark.parametrize("with_place", CORPORA)
def test_table_on_a_real_terminal_carries_no_escape_from_the_text(tmp_path, with_place):
    corpus = write_corpus(tmp_path, with_place)
    status, screen, _ = run_on_pty("events", "--corpus", str(corpus), "--fields", "id,heading,text")
    text = screen.decode("utf-8", errors="replace")
    assert status == 0, text[-800:]
    assert "┃" in text or "│" in text  # a table, not TSV
    for sequence in ("\x1b[31m", "\x1b[0m shelled", "\x1b[2J", "\x1b[H", "\x1b[1A", "\x1b[K", "\x1b]8;;http://x",
                     "\x1b]0;pwned", "\x07", "\x9b", "\x7f", "\x08"):
        assert sequence not in text, f"{sequence!r} from the corpus text reached the terminal"
    assert "[bold red]x[/]" in text and "[link=http://example.invalid]y[/link]" in text


def test_timeline_chart_on_a_terminal_shows_a_hostile_heading_without_obeying_it(tmp_path):
    # The chart's lines carry each day's heading: they were written out raw (found by a QA pass).
    status, screen, _ = run_on_pty("timeline", "--corpus", str(write_corpus(tmp_path)))
    text = screen.decode("utf-8", errors="replace")
    assert status == 0, text[-800:]
    assert "◆" in text and "[bold]label[/bold]" in text  # the heading is there, as text
    for sequence in ("\x1b]0;pwned", "\x07"):
        assert sequence not in text, f"{sequence!r} from a heading reached the terminal"


# Regression test: a bug it found, fixed in d3b2cc3 ("Robustness fixes found by the new fault tests"):
#   output.printable() keeps TAB and termtable writes it raw into the box, so a row with a tab is wider on screen
#   than its border (the old rich table expanded tabs)
def test_table_has_no_raw_tab(tmp_path):
    corpus = write_corpus(tmp_path)
    result = run_bytes("events", "--corpus", str(corpus), "--format", "table", "--fields", "id,text")
    assert result.returncode == 0
    assert "\t" not in result.stdout.decode("utf-8")


# Regression test: a bug it found, fixed in d3b2cc3 ("Robustness fixes found by the new fault tests"):
#   output.render_table computes max(row[last column] or 0) for the bars even when bars=False; a last column
#   holding lists (places' aliases/candidates, --fields ...,places) or strings with empty cells (source, time) ends
#   in 'ksw: internal error: TypeError: '>' not supported between ...'
def test_listing_tables_strip_control_characters(tmp_path):
    result = run_bytes("places", "Tar\x1b[2Jtar", "\x1b]0;pwned\x07", "--format", "table")
    out = result.stdout.decode("utf-8")
    assert result.returncode in (0, 1) and b"Traceback" not in result.stderr
    assert "\x1b" not in out and "\x07" not in out


# --- stderr is a terminal too ------------------------------------------------------------------

# Regression tests: a bug they found, fixed in d3b2cc3 ("Robustness fixes found by the new fault tests"):
#   kscli/cli/running.py:_error writes the message raw to stderr; a user value or a file name with ESC/BEL (--place
#   $'\e]0;pwned\a') drove the terminal


def test_error_line_does_not_echo_control_characters():
    result = run_bytes("events", "--place", "\x1b]0;pwned\x07")
    assert result.returncode == 2
    err = result.stderr.decode("utf-8")
    assert err.startswith("ksw: no place matches")
    assert "\x1b" not in err and "\x07" not in err


def test_error_line_shows_a_bidirectional_override_escaped():
    result = run_bytes("events", "--actor", "Nobody \u202eevil\u202c Known")
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "Nobody \\u202eevil\\u202c Known" in err and "\u202e" not in err


def test_warning_naming_a_hostile_file_name_on_a_terminal(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "t\x1b]0;pwned\x07.txt").write_text("= T (2020) =\n== October ==\n=== 1 October ===\nAt 17:80, x.\n")
    status, screen, _ = run_on_pty("events", "--corpus", str(folder), "-v", "--format", "tsv", "--fields", "id")
    text = screen.decode("utf-8", errors="replace")
    assert status == 0 and "impossible clock time" in text, text
    assert "\x1b]0;pwned" not in text and "\x07" not in text


# --- machine formats keep the text intact ------------------------------------------------------

@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_json_round_trips_the_text_exactly(tmp_path, fmt):
    corpus = write_corpus(tmp_path)
    result = run_bytes("events", "--corpus", str(corpus), "--format", fmt)
    assert result.returncode == 0
    raw = result.stdout.decode("utf-8")
    rows = json.loads(raw) if fmt == "json" else [json.loads(line) for line in raw.split("\n") if line]
    texts = [r["text"] for r in rows]
    assert texts[:len(PAYLOADS)] == list(PAYLOADS.values())
    assert rows[len(PAYLOADS)]["heading"] == HEADING
    assert rows[len(PAYLOADS) + 1]["heading"] == FORMULA_HEADING
    assert "\x1b" not in raw and "\x07" not in raw  # escaped as \u001b, \u0007: nothing raw reaches a terminal


def test_tsv_has_one_line_per_event_and_unescapes_to_the_text(tmp_path):
    corpus = write_corpus(tmp_path)
    result = run_bytes("events", "--corpus", str(corpus), "--format", "tsv", "--fields", "id,heading,text")
    assert result.returncode == 0
    out = result.stdout.decode("utf-8")
    lines = out.split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert len(lines) == len(PAYLOADS) + 2 + 1  # events + header
    assert all(line.count("\t") == 2 for line in lines)
    rows = [[_unescape(c) for c in line.split("\t")] for line in lines[1:]]
    assert [r[2] for r in rows[:len(PAYLOADS)]] == list(PAYLOADS.values())
    assert rows[len(PAYLOADS)][1] == HEADING and rows[len(PAYLOADS) + 1][1] == FORMULA_HEADING


LINE_BREAKERS = {"vertical-tab": "\x0b", "form-feed": "\x0c", "file-sep": "\x1c", "group-sep": "\x1d",
                 "record-sep": "\x1e", "next-line": "\x85", "line-sep": "\u2028", "paragraph-sep": "\u2029"}


# Regression test: a bug it found, fixed in d3b2cc3 ("Robustness fixes found by the new fault tests"):
#   (TSV 'every event is exactly one line') only \\ \t \r \n were escaped; VT, FF, FS/GS/RS, NEL, U+2028,
#   U+2029 pass through raw and str.splitlines() - the idiom this repo's own tests use on TSV - splits an event
#   there
@pytest.mark.parametrize("name", list(LINE_BREAKERS))
def test_tsv_other_line_breaks_stay_inside_the_line(tmp_path, name):
    path = tmp_path / "t.txt"
    path.write_text(f"= T (2020) =\n== October ==\n=== 1 October ===\nBefore{LINE_BREAKERS[name]}after at dawn.\n"
                    "Second sentence.\n")
    out = run_bytes("events", "--corpus", str(path), "--format", "tsv", "--fields", "id,text").stdout.decode("utf-8")
    assert len(out.splitlines()) == 3, out.splitlines()


def test_csv_guards_formula_cells_and_reads_back(tmp_path):
    corpus = write_corpus(tmp_path)
    result = run_bytes("events", "--corpus", str(corpus), "--format", "csv", "--fields", "id,heading,text")
    assert result.returncode == 0
    rows = list(csv.reader(io.StringIO(result.stdout.decode("utf-8"), newline="")))
    assert rows[0] == ["id", "heading", "text"]
    rows = rows[1:]
    assert len(rows) == len(PAYLOADS) + 2
    for row, original in zip(rows, PAYLOADS.values()):
        if original[0] in "=+-@":
            assert row[2] == "'" + original
        else:
            assert row[2] == original
    assert rows[len(PAYLOADS)][1] == HEADING
    assert rows[len(PAYLOADS) + 1][1] == "'" + FORMULA_HEADING
    for row in rows:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@")), row


@pytest.mark.parametrize("fmt", ["tsv", "csv", "jsonl"])
def test_machine_formats_are_byte_identical_with_and_without_no_color(tmp_path, fmt):
    corpus = write_corpus(tmp_path)
    plain = run_bytes("events", "--corpus", str(corpus), "--format", fmt)
    coloured = run_bytes("events", "--corpus", str(corpus), "--format", fmt, env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    assert plain.stdout == coloured.stdout and plain.returncode == 0


def test_tsv_on_a_pipe_keeps_control_characters_intact(tmp_path):
    """Pipes get the data as it is (only the TSV escapes): the sentence with ESC comes through byte for byte."""
    corpus = write_corpus(tmp_path)
    out = run_ksw("events", "--corpus", str(corpus), "--fields", "text", "--no-header",
                  env={"KSW_CACHE_DIR": "off"}).stdout
    assert PAYLOADS["ansi-colour"] in out.split("\n")


# --- huge values: ten-thousand-character arguments, megabyte lines, a sentence too long to analyse 

LONG = "x" * 10_000


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


# A guard against a pass that grows with the square of a line (hours on 20 MB), not a timing: the
# speed of a run is measured in benchmarks/, on a shared machine a test's clock says little.
HANG = 120.0


def _one_huge_line(tmp_path, size: int, kind: str):
    head = "= Timeline (2020) =\n== October ==\n=== 1 October ===\n"
    tail = "\n=== 2 October ===\nFighting near Tartar.\n"
    body = ("word " * (size // 5)) if kind == "words" else ("x" * size)
    path = tmp_path / "big.txt"
    path.write_text(head + body + tail)
    try:
        result = run_ksw("events", "--corpus", str(path), "--format", "tsv", "--fields", "id,date,line",
                         env={"KSW_CACHE_DIR": "off"}, timeout=HANG)
    except subprocess.TimeoutExpired:
        pytest.fail(f"one {size} byte line ({kind}) did not finish in {HANG} s")
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.splitlines() == ["id\tdate\tline", "2020-10-01.01\t2020-10-01\t4",
                                          "2020-10-02.01\t2020-10-02\t6"]


@pytest.mark.parametrize("kind", ["words", "one-token"])
def test_single_1_mb_line(tmp_path, kind):
    _one_huge_line(tmp_path, 1024 * 1024, kind)


@pytest.mark.parametrize("kind", ["words", "one-token"])
def test_single_20_mb_line(tmp_path, kind):
    _one_huge_line(tmp_path, 20 * 1024 * 1024, kind)


def test_a_sentence_too_long_to_analyse_is_kept_and_leaves_the_days_facts_alone(tmp_path):
    """A pasted blob is kept as text and warned about, and the sentences around it read the day as if it were not there."""
    blob = "Tartar " + "x" * 6000 + " was shelled, the Ministry said at 23:00."
    path = tmp_path / "timeline.txt"
    path.write_text("= Timeline (2020) =\n== October ==\n=== 1 October ===\n"
                    "At 10:00, the Azerbaijani MoD stated that Tartar was shelled.\n"
                    f"{blob}\n"
                    "Approximately one hour later, the Ministry stated that Barda was shelled.\n")
    found = assert_warns(path, where="timeline.txt:5", text=f"a sentence of {len(blob)} characters in 2020-10-01.02: "
                                                            "kept as text, not analysed")
    first, kept, after = found
    assert kept["text"] == blob and kept["places"] == [] and kept["time"] is None and kept["source"] is None
    assert after["time"] == "11:00" and after["time_estimated"]  # an hour after 10:00, not after the blob's 23:00
    assert after["source"] == first["source"] == "Azerbaijani MoD" and after["source_from_reference"]
    assert after["places"] == ["Barda"]
