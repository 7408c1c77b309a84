"""Tables at any terminal width, read back off the screen: nothing wider than the terminal, every cell
whole (a name is wrapped between its words, or after a hyphen inside it, never in the middle), and
the layout the width calls for."""

import csv
import io
import re
import subprocess

import pytest
from rich.cells import cell_len

from conftest import ksw_command, pty_run
from helpers import ksw_env
from kscli.render.fitting import FIXED

ANSI = re.compile(r"\x1b\[[0-9;]*m")
ID = re.compile(r"^(\d{4}-\d\d-\d\d\.\d+|bg\.\d+)(#\d+)?$")
BREAKS = "-–/"
COMMANDS = [["events", "--place", "Tartar"], ["actors"], ["places"], ["stats", "--by", "place"],
            ["events", "--from", "2020-10-27", "--to", "2020-10-28"]]


def screen(args, columns, cache):
    env = dict(ksw_env(KSW_CACHE_DIR=str(cache)), COLUMNS=str(columns), TERM="xterm-256color")
    env.pop("NO_COLOR", None)
    status, out, _ = pty_run(args, env, stderr_on_pty=False)
    assert status == 0, out[-500:]
    return ANSI.sub("", out.decode("utf-8")).replace("\r\n", "\n")


def expected(args, cache):
    """The same answer as TSV: what each cell must hold."""
    out = subprocess.run([*ksw_command(), *args, "--format", "tsv"], capture_output=True, timeout=120,
                         env=ksw_env(KSW_CACHE_DIR=str(cache))).stdout.decode("utf-8")
    return list(csv.DictReader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE))


def joined(pieces):
    """A cell's lines as one text: a line ending in a hyphen, dash or slash was broken inside a word."""
    text = ""
    for piece in pieces:
        if piece:
            text += piece if not text or text[-1] in BREAKS else " " + piece
    return text


def read_grid(lines):
    """(column names, rows as lists of cell texts) of a boxed table."""
    body_at = next(n for n, line in enumerate(lines) if line.startswith("┡"))
    split = [[cell.strip() for cell in line[1:-1].split("┃")] for line in lines[1:body_at]]
    names = [joined(p.replace("_ ", "_") for p in parts).replace("_ ", "_") for parts in zip(*split)]
    names = ["".join(n.split(" ")) if "_" in n else n for n in names]
    # A row starts where its id is, or else a cell of a column that never wraps (a count, a kind).
    anchor = next(n for n, name in enumerate(names) if name.split(" ")[0] in FIXED)
    rows, current = [], None
    for line in lines[body_at + 1:]:
        if line.startswith("└"):
            break
        cells = [cell.strip() for cell in line[1:-1].split("│")]
        first = cells[anchor].split(" ")[0]
        if current is None or (ID.match(first) if names[anchor].startswith("id") else bool(first)):
            current = [[] for _ in names]
            rows.append(current)
        for piece, column in zip(cells, current):
            column.append(piece)
    return names, [[joined(column) for column in row] for row in rows]


def read_blocks(lines):
    """Rows as dicts, from blocks of `name  value` lines under a rule naming the row."""
    rows, label = [], None
    for line in lines:
        head = re.match(r"^── (.*?) ─+$", line)
        if head:
            rows.append({"": [head[1]]})
            continue
        if not line.strip():
            continue
        name = re.match(r"^(\S+)\s{2,}(.*)$", line)
        if name and not line.startswith(" "):
            label = name[1]
            rows[-1][label] = [name[2]]
        else:
            rows[-1][label].append(line.strip())
    return [{k: joined(v) for k, v in row.items()} for row in rows]


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.mark.parametrize("columns", [60, 80, 120, 200])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_table_fits_and_keeps_every_cell_whole(args, columns, cache):
    text = screen(args, columns, cache)
    lines = text.rstrip("\n").split("\n")
    assert max(map(cell_len, lines)) <= columns
    want = expected(args, cache)
    key = list(want[0])[0]
    if lines[0].startswith("┏"):
        names, rows = read_grid(lines)
        assert len(rows) == len(want)
        for row, wanted in zip(rows, want):
            for name, got in zip(names, row):
                if name == "":  # the bars of ksw stats
                    continue
                parts = name.split(" ")  # columns stacked into one: their values in turn
                assert got == " ".join(wanted[p] for p in parts if wanted[p]), (name, wanted)
    else:
        rows = read_blocks(lines)
        assert [row[""] for row in rows] == [w[key] for w in want]
        for row, wanted in zip(rows, want):
            assert all(row.get(name, "") == value for name, value in wanted.items() if name != key), wanted


@pytest.mark.parametrize("columns, layout", [(60, ["id time source", "places", "text"]),
                                             (80, ["id", "time", "source", "places", "text"]),
                                             (120, ["id", "time", "source", "places", "text"]),
                                             (200, ["id", "time", "source", "places", "text"])])
def test_the_events_table_at_each_width(columns, layout, cache):
    """The id holds the date, so no date column; at 80 columns every other default column; below
    that, id, time and source stacked in one; the text column never narrower than 20."""
    lines = screen(["events", "--place", "Tartar"], columns, cache).rstrip("\n").split("\n")
    names, rows = read_grid(lines)
    assert names == layout
    text_width = len(lines[-1].split("┴")[-1]) - 3  # "───...┘": the last column's width plus its padding
    assert text_width >= 20


def test_the_date_stays_where_no_id_holds_it(cache):
    """Only an id that holds the date makes the date column room lost."""
    lines = screen(["events", "--place", "Tartar", "--fields", "date,text"], 120, cache).split("\n")
    assert read_grid([line for line in lines if line])[0] == ["date", "text"]


@pytest.mark.parametrize("columns", [60, 80])
def test_actors_at_narrow_widths_are_blocks_that_read_whole(columns, cache):
    text = screen(["actors"], columns, cache)
    assert text.startswith("── Azerbaijani MoD ")
    assert "denied_by_others" in text and "Azerbaij\n" not in text and "Azerbaij " not in text


def test_headers_wrap_at_underscores_not_inside_words(cache):
    lines = screen(["actors", "--fields", "name,side,claims,denied_by_others,denials_issued"], 80, cache).split("\n")
    names, rows = read_grid([line for line in lines if line])
    assert names == ["name", "side", "claims", "denied_by_others", "denials_issued"]
    assert lines[2].startswith("┃") and ("denied_" in lines[1] or "denials_" in lines[1])  # a header of two lines
    assert rows and all(row[0] for row in rows)


def test_pieces_of_a_wrapped_word_break_after_hyphens_only():
    from kscli.render.wrapping import wrap

    assert wrap("Baku–Tbilisi–Ceyhan pipeline", 10, len) == ["Baku–", "Tbilisi–", "Ceyhan", "pipeline"]
    assert wrap("Nagorno-Karabakh", 10, len) == ["Nagorno-", "Karabakh"]
    assert wrap("Supercalifragilistic", 8, len) == ["Supercal", "ifragili", "stic"]  # no break: cut
    assert wrap("Şuşa–Xankəndi road", 9, lambda s: len(s)) == ["Şuşa–", "Xankəndi", "road"]
