"""The terminal table, what a terminal gets, and the cached cells line the table and the default TSV and CSV
are cut from; and ksw's terminal detection (kscli.render.terminal), which must agree with rich's."""

import os
import re
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rich.console import Console

from conftest import ROOT, ksw_command, pty_run
from helpers import QUICK, any_text, ksw_env
from kscli.render import terminal

FIELDS = "id,date,time,source,places,text"  # the default table's columns, named: the JSON path


def _screen(args, cache, columns="100", **env):
    full = dict(os.environ, COLUMNS=columns, KSW_CACHE_DIR=str(cache), TERM="xterm-256color", **env)
    full.pop("NO_COLOR", None)
    full.pop("FORCE_COLOR", None)
    status, screen, _ = pty_run(args, full)
    assert status == 0, screen
    return screen


@pytest.mark.parametrize("args, marked", [(["--place", "Shushi"], True), (["-k", "Smerch", "--place", "Tartar"], True),
                                          (["--from", "2020-10-01", "--to", "2020-10-03"], False)])
@pytest.mark.parametrize("columns", ["60", "140"])
def test_cached_cells_draw_the_same_table_as_the_events(tmp_path, args, marked, columns):
    cache = tmp_path / "cache"
    cold = _screen(["events", *args], cache, columns)  # builds the cache (the table drawn from built events)
    warm = _screen(["events", *args], cache, columns)  # from the cache's cells
    from_json = _screen(["events", *args, "--fields", FIELDS], cache, columns)
    assert warm == cold == from_json
    assert (b"\x1b[1;33m" in warm) == marked  # the matched place or keyword is highlighted
    assert warm.count(b"\n") >= 5  # a header of three lines, rows, the bottom rule


def test_the_cells_section_keeps_every_highlight_spelling(tmp_path):
    """Places are highlighted as spelled in each event (Shusha, Şuşa, Shushi), from the cache too."""
    cache = tmp_path / "cache"
    _screen(["events", "--place", "Shusha"], cache)
    warm = _screen(["events", "--place", "Shusha"], cache).decode()
    marked = {part.split("\x1b[0m")[0] for part in warm.split("\x1b[1;33m")[1:]}
    assert {"Shusha", "Shushi"} <= marked


ENVIRONMENTS = [
    {}, {"NO_COLOR": "1"}, {"NO_COLOR": ""}, {"FORCE_COLOR": "1"}, {"FORCE_COLOR": ""},
    {"TTY_COMPATIBLE": "0"}, {"TTY_COMPATIBLE": "1"}, {"TERM": "dumb"}, {"TERM": "unknown", "FORCE_COLOR": "1"},
    {"COLUMNS": "57"}, {"COLUMNS": "57", "TERM": "dumb", "LINES": "20"}, {"COLUMNS": "abc"},
    {"TERM": "xterm-256color", "NO_COLOR": "yes", "COLUMNS": "200"},
]


class _Stream:
    def __init__(self, tty):
        self.tty = tty

    def isatty(self):
        return self.tty

    def write(self, text):
        return len(text)

    def flush(self):
        pass


@pytest.mark.parametrize("tty", [True, False])
@pytest.mark.parametrize("env", ENVIRONMENTS, ids=lambda e: ",".join(f"{k}={v}" for k, v in e.items()) or "plain")
def test_terminal_detection_agrees_with_rich(env, tty):
    env = {"TERM": "xterm", **env}
    stream = _Stream(tty)
    rich = Console(file=stream, _environ=env)
    mine = terminal.describe(stream, env)
    assert mine.styles == rich.is_terminal
    assert mine.colour == (rich.is_terminal and not rich.no_color and rich.color_system is not None)
    on_purpose = tty and env["TERM"] == "dumb" and env.get("COLUMNS", "").isdigit() and "LINES" not in env
    if not on_purpose:  # see the next test
        assert mine.width == rich.width


def test_columns_sets_the_width_on_a_dumb_terminal_too():
    """The one difference from rich, on purpose: rich takes 80 there unless LINES is set as well."""
    assert terminal.describe(_Stream(True), {"TERM": "dumb", "COLUMNS": "57"}).width == 57


def test_a_closed_stream_is_not_a_terminal():
    class Closed:
        def isatty(self):
            raise ValueError("I/O operation on closed file")

    assert terminal.describe(Closed(), {}).styles is False


def test_wide_characters_take_two_cells():
    assert terminal.cell_len("日本") == 4
    assert terminal.cell_len("Şuşa") == 4


# --- what a terminal gets: a table (or the chart), whatever the columns ---------------------------

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


@pytest.fixture(scope="module")
def plain_corpus(tmp_path_factory) -> Path:
    """Events without place mentions (the table renders them even with the highlight bug)."""
    path = tmp_path_factory.mktemp("plain") / "plain.txt"
    path.write_text("= Timeline of the Plain Test War (2020) =\n== October ==\n=== 1 October ===\n"
                    "At 08:00, the Azerbaijani MoD stated that fighting continued.\n"
                    "In the evening, the Armenian MoD denied it.\n=== 2 October ===\nThe day was quiet.\n")
    return path


def run_on_pty(*args, env=None, timeout=60) -> tuple[int, str]:
    status, screen, _ = pty_run(args, ksw_env(**(env or {})), timeout=timeout)
    return status, screen.decode("utf-8", errors="replace")


def assert_table(screen: str) -> None:
    import re

    assert "Traceback" not in screen and "internal error" not in screen, screen[-1000:]
    assert "┃" in screen or "│" in screen, screen[:500]
    assert "\t" not in screen
    plain = re.sub(r"\x1b\[[0-9;]*m", "", screen)  # the header is bold on a terminal
    assert " id " in plain and " text " in plain


def test_terminal_gets_a_table(plain_corpus):
    status, screen = run_on_pty("events", "--corpus", str(plain_corpus), env={"COLUMNS": "150"})
    assert status == 0
    assert_table(screen)
    assert "fighting continued" in screen


@pytest.mark.parametrize("args", [
    pytest.param(["events", "--place", "Tartar"], id="place"),
    pytest.param(["events", "--on", "2020-10-04", "--limit", "3"], id="date"),
    pytest.param(["events", "-k", "Smerch"], id="keyword"),
])
def test_terminal_gets_a_table_for_the_readme_examples(args):
    status, screen = run_on_pty(*args, env={"COLUMNS": "150"})
    assert status == 0, screen[-500:]
    assert_table(screen)


# Regression tests: a bug they found, fixed in d3b2cc3 ("Robustness fixes found by the new fault tests"):
#   output.render_table computes max(row[last column] or 0) for bars even when bars=False; the last column of `ksw
#   places` is a list (aliases, candidates): 'ksw: internal error: TypeError: '>' not supported between instances
#   of 'int' and 'list'' on every terminal


@pytest.mark.parametrize("args", [pytest.param(["places"]), ["actors"],
                                  pytest.param(["places", "Terter", "Şuşa", "Stepanakrt"])],
                         ids=lambda a: "-".join(a))
def test_terminal_gets_a_table_for_listings(args):
    status, screen = run_on_pty(*args, env={"COLUMNS": "150"})
    assert status == 0, screen[-500:]
    assert "Traceback" not in screen and "internal error" not in screen
    assert "┃" in screen or "│" in screen


def test_terminal_honours_no_color(plain_corpus):
    """NO_COLOR: no colour codes (bold, which is not a colour, may stay)."""
    import re

    status, screen = run_on_pty("events", "--corpus", str(plain_corpus), "-k", "fighting",
                                env={"NO_COLOR": "1", "COLUMNS": "150"})
    assert status == 0
    codes = re.findall(r"\x1b\[([0-9;]*)m", screen)
    colours = [c for c in codes for p in c.split(";") if p and (30 <= int(p) <= 49 or 90 <= int(p) <= 107)]
    assert colours == [], codes


def test_terminal_with_narrow_columns(plain_corpus):
    status, screen = run_on_pty("events", "--corpus", str(plain_corpus), env={"COLUMNS": "20"})
    assert status == 0 and "Traceback" not in screen


def test_explicit_format_on_a_terminal_is_honoured(plain_corpus):
    status, screen = run_on_pty("events", "--corpus", str(plain_corpus), "--format", "tsv")
    assert status == 0
    assert screen.replace("\r\n", "\n").startswith("id\tdate\ttime\tsource\tplaces\ttext\n")


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


# --- long tables: written from a second thread while the next rows are drawn ------------------

def _long_corpus(tmp_path, days=30, per_day=25):
    lines = ["= Timeline of a long test war (2031) =", "== March =="]
    for day in range(1, days + 1):
        lines.append(f"=== {day} March ===")
        lines.append(" ".join(f"Shelling number {day * 100 + n} hit Tartar at 10:{n:02d}." for n in range(per_day)))
    path = tmp_path / "long.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_long_table_written_behind_is_the_table_drawn_in_process(tmp_path, monkeypatch):
    import io

    from kscli import query
    from kscli.store.load import load_index
    from kscli.render.table import render_cells
    from conftest import run_ksw

    corpus = _long_corpus(tmp_path)
    result = query.run(load_index(corpus, use_cache=False), query.Query(places=("Tartar",)))
    columns, _ = result.table()
    assert len(columns[0]) == 750  # more than one chunk: the writer thread is used
    expected = io.StringIO()
    monkeypatch.setenv("COLUMNS", "120")
    render_cells(columns, ["id", "date", "time", "source", "places", "text"], True, expected)
    printed = run_ksw("events", "--corpus", str(corpus), "--place", "Tartar", "--format", "table",
                      env={"KSW_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "120"})
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout == expected.getvalue()
    assert printed.stdout.count("Shelling number") == 750


def test_write_behind_passes_on_a_closed_pipe_and_a_full_disk(tmp_path):
    from kscli.render.table import write_behind

    pieces = ["x" * 100_000 + "\n"] * 20
    read, write = os.pipe()
    os.close(read)
    with pytest.raises(BrokenPipeError):
        write_behind(iter(pieces), write)
    os.close(write)
    if os.path.exists("/dev/full"):
        fd = os.open("/dev/full", os.O_WRONLY)
        with pytest.raises(OSError) as info:
            write_behind(iter(pieces), fd)
        os.close(fd)
        assert info.value.errno == 28  # ENOSPC


def test_write_behind_writes_everything_in_order(tmp_path):
    from kscli.render.table import write_behind

    pieces = [f"{n:06d}" * 5000 + "\n" for n in range(50)]
    path = tmp_path / "out"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    write_behind(iter(pieces), fd)
    os.close(fd)
    assert path.read_text() == "".join(pieces)


def test_long_table_into_head_and_into_a_full_disk(tmp_path):
    import subprocess

    from conftest import ROOT

    corpus = _long_corpus(tmp_path)
    command = " ".join(ksw_command()) + f" events --corpus {corpus} --place Tartar --format table"
    env = dict(os.environ, KSW_CACHE_DIR="off", PYTHONPATH=str(ROOT))
    piped = subprocess.run(["bash", "-c", command + " | head -2; echo ${PIPESTATUS[0]}"], capture_output=True,
                           text=True, env=env, timeout=60)
    assert piped.stdout.splitlines()[-1] == "0" and piped.stderr == ""  # a reader gone away: quiet, like grep
    if os.path.exists("/dev/full"):
        full = subprocess.run(["bash", "-c", command + " > /dev/full"], capture_output=True, text=True, env=env,
                              timeout=60)
        assert full.returncode == 2
        assert full.stderr == "ksw: cannot write output: No space left on device\n"


def test_every_spelling_a_keyword_matched_is_highlighted(tmp_path):
    """Highlights are exact (fast) matches of the words the rows hold: each case a keyword matched is marked."""
    corpus = tmp_path / "t.txt"
    corpus.write_text("= T (2031) =\n== March ==\n=== 1 March ===\nA Smerch hit Tartar. Two SMERCH rockets hit Barda. "
                      "The smerches fell near Shusha.\n")
    screen = _screen(["events", "--corpus", str(corpus), "-k", "smerch"], tmp_path / "cache", "200").decode()
    marked = {part.split("\x1b[0m")[0] for part in screen.split("\x1b[1;33m")[1:]}
    assert marked == {"Smerch", "SMERCH", "smerches"}


# --- the cells line: the default TSV and the table, cut from one cached line per event -------------

HOSTILE = ["Shelling hit Tartar: a back\\slash, a \\t that is not a tab, a\ttab and \x1b[31mred\x1b[0m text.",
           "A record separator \x1e, a unit separator \x1f and a C1 control \x9b near Terter.",
           "A line separator \u2028, a next-line \x85, a vertical tab \x0b and a form feed \x0c hit Tartar.",
           "Wide 日本 characters and a combining S\u0327us\u0327a beside Tartar, after \\\\ two backslashes.",
           "A C1 control \x9b alone in a sentence about Tartar.",
           '=HYPERLINK("http://example.invalid") was typed, "quoted", near Tartar.']


def _hostile_corpus(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text("= Timeline of a hostile test war (2020) =\n== October ==\n=== 1 October ===\n"
                    + "\n".join(HOSTILE) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
@pytest.mark.parametrize("corpus", ["bundled", "hostile"])
@pytest.mark.parametrize("extra", [[], ["--no-header"], ["--place", "Tartar"], ["--from", "2020-10-01", "--to", "1 Oct"]])
def test_default_tsv_and_csv_from_the_cache_are_those_of_the_events(tmp_path, fmt, corpus, extra):
    from conftest import run_ksw

    where = [] if corpus == "bundled" else ["--corpus", str(_hostile_corpus(tmp_path))]
    env = {"KSW_CACHE_DIR": str(tmp_path / "cache")}
    cold = run_ksw("events", *where, *extra, "--format", fmt, env=env)  # builds the cache: cells from the events
    warm = run_ksw("events", *where, *extra, "--format", fmt, env=env)  # cut from the cached lines
    from_json = run_ksw("events", *where, *extra, "--format", fmt, "--fields", FIELDS, env=env)
    assert cold.returncode == warm.returncode == from_json.returncode == 0, (cold.stderr, from_json.stderr)
    assert warm.stdout == cold.stdout == from_json.stdout
    assert len(warm.stdout.splitlines()) >= 2
    if fmt == "tsv":
        assert run_ksw("events", *where, *extra, env=env).stdout == warm.stdout  # a pipe's default format
        assert warm.stdout.count("\n") == len(warm.stdout.splitlines())  # one line an event
    if corpus == "hostile" and extra != ["--from", "2020-10-01", "--to", "1 Oct"]:
        assert ("'=HYPERLINK" in warm.stdout) == (fmt == "csv")  # a formula made harmless in CSV only


@pytest.mark.parametrize("fmt", ["tsv", "csv", "table"])
def test_default_columns_with_no_match_print_nothing(tmp_path, fmt):
    from conftest import run_ksw

    env = {"KSW_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):  # cold and warm
        found = run_ksw("events", "--format", fmt, "--from", "2020-09-28", "--to", "2020-09-28", "-k", "zzzz", env=env)
        assert (found.returncode, found.stdout) == (1, "")


@pytest.mark.parametrize("args", [[], ["--place", "Tartar"], ["-k", "slash"], ["-k", "alone"]])
def test_hostile_text_draws_the_same_table_from_the_cache_as_from_the_events(tmp_path, args):
    corpus = str(_hostile_corpus(tmp_path))
    cache = tmp_path / "cache"
    cold = _screen(["events", "--corpus", corpus, *args], cache, "250")
    warm = _screen(["events", "--corpus", corpus, *args], cache, "250")
    from_json = _screen(["events", "--corpus", corpus, *args, "--fields", FIELDS], cache, "250")
    assert warm == cold == from_json
    text = warm.decode()
    assert "\x1b[31m" not in text and "\x9b" not in text and "\x1e" not in text and "\x1f" not in text
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)  # without the highlights
    # backslashes shown as written, not as escapes; a C1 control removed like the others
    needles = {"slash": "back\\slash,", "two": "after \\\\ two", "alone": "control  alone"}
    wanted = {"-k slash": {"slash"}, "-k alone": {"alone"}}.get(" ".join(args), {"slash", "two", "alone"})
    assert {name for name, needle in needles.items() if needle in plain} == wanted


def test_a_cells_line_reads_back_as_the_table_cells_and_the_tsv_row():
    from kscli.store import cells
    from kscli.model import Event
    from kscli.escapes import TSV_ESCAPES, cell, printable

    for text in HOSTILE + ["plain text", "", "\\", "\\\\t", "tab\tend\t"]:
        event = Event(id="2020-10-01.01", date="2020-10-01", text=text, file="f", line=1, heading=None,
                      background=False, source="Armenian MoD", places=("Tartar", "Barda\\"),
                      place_mentions=("Tərtər", "Bar\tda"))
        line = (cells.line(event) + "\n").encode()
        columns, mentions = cells.table(line)
        want = [printable(cell(getattr(event, f))) for f in cells.TABLE_FIELDS]
        assert [column[0] for column in columns] == want
        assert mentions == ["Tərtər", "Bar da"]
        tsv = "\t".join(cell(getattr(event, f)).translate(TSV_ESCAPES) for f in cells.TABLE_FIELDS) + "\n"
        assert cells.tsv_body(line + line) == (tsv + tsv).encode()
        assert [column[0] for column in cells.values(line)] == [cell(getattr(event, f)) for f in cells.TABLE_FIELDS]
        assert cells.unescape(text.translate(TSV_ESCAPES)) == text


@QUICK
@given(text=any_text, mentions=st.lists(any_text.filter(str.strip), max_size=3))
@example(text="\\t\t\\\\x1e\x1e\x85\u2028", mentions=["a\\b", "\t"])
def test_cells_line_reads_back_for_any_text(text, mentions):
    from kscli.store import cells
    from kscli.model import Event
    from kscli.escapes import TSV_ESCAPES, printable

    event = Event(id="2020-10-01.01", date="2020-10-01", text=text, file="f", line=1, source=text or None,
                  places=tuple(mentions), place_mentions=tuple(mentions))
    line = (cells.line(event) + "\n").encode("utf-8")
    assert line.count(b"\n") == 1 and line.count(b"\x1e") == 1
    columns, found = cells.table(line)
    assert columns[cells.TABLE_FIELDS.index("text")] == [printable(text)]
    assert found == [printable(m) for m in mentions if printable(m)]
    assert cells.unescape(text.translate(TSV_ESCAPES)) == text
    assert cells.tsv_body(line).decode("utf-8").split("\t")[-1] == text.translate(TSV_ESCAPES) + "\n"
    assert cells.values(line)[cells.TABLE_FIELDS.index("text")] == [text]
