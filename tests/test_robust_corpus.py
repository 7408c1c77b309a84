"""Robustness: bad corpus files, each written into tmp_path and read with --corpus.

Expectation: what is parseable is parsed; what is not gives a warning naming
file:line, shown with --verbose and quiet without; never a traceback. A
corpus that cannot be used at all is one "ksw: " line and exit 2.
"""

from __future__ import annotations

import json
import random
import shutil
import struct
import subprocess
import time
import zlib

import pytest

from conftest import FIXTURES, run_ksw

MINI = FIXTURES / "mini-timeline.txt"
CLEAN = """= Timeline of the Test War (2020) =

== October ==

=== 1 October ===
Fighting continued near Tartar.
The Azerbaijani MoD stated that Barda was shelled.

=== 2 October ===
Clashes continued near Hadrut.
"""


def events(result) -> list[dict]:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1), result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def read(path, *args, verbose=False, ksw=run_ksw, **kw):
    return ksw("events", "--corpus", str(path), "--format", "jsonl", *(["-v"] if verbose else []), *args, **kw)


def warnings_of(result) -> list[str]:
    lines = result.stderr.splitlines()
    assert all(line.startswith("ksw: warning: ") for line in lines), result.stderr
    return [line[len("ksw: warning: "):] for line in lines]


def assert_warns(path, *, where: str, text: str, ksw=run_ksw, dropped: bool = False):
    """With --verbose a warning names `where` (file:line) and says `text`; without, stderr is empty, or, where text
    was left out of the dated events (`dropped`: skipped, or undated), one line that gives that warning."""
    loud = read(path, verbose=True, ksw=ksw)
    found = warnings_of(loud)
    assert any(w.startswith(where + ":") and text in w for w in found), found
    quiet = read(path, ksw=ksw)
    assert "Traceback" not in quiet.stderr
    if dropped:
        [line] = warnings_of(quiet)
        assert line.startswith(where + ":") and text in line and line.endswith("(ksw corpus check lists every warning)")
    else:
        assert quiet.stderr == "", quiet.stderr
    assert quiet.stdout == loud.stdout
    return events(loud)


def png_bytes(seed: int = 0, size: int = 4000) -> bytes:
    """A real PNG signature and IHDR chunk (it has NUL bytes, as every PNG does), then random bytes."""
    ihdr = struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return b"\x89PNG\r\n\x1a\n" + chunk + random.Random(seed).randbytes(size)


# --- encodings and line ends: the same events as the plain LF UTF-8 file -----------------------

VARIANTS = {
    "crlf": lambda b: b.replace(b"\n", b"\r\n"),
    "cr": lambda b: b.replace(b"\n", b"\r"),
    # the order matters: a CR ending followed by an empty line ending in LF would read as one CRLF
    "mixed-line-ends": lambda b: b"".join(line + (b"\r\n", b"\n", b"\r")[n % 3]
                                          for n, line in enumerate(b.split(b"\n")[:-1])),
    "utf8-bom": lambda b: b"\xef\xbb\xbf" + b,
    "utf8-bom-crlf": lambda b: b"\xef\xbb\xbf" + b.replace(b"\n", b"\r\n"),
    "utf16-le-bom": lambda b: b.decode("utf-8").encode("utf-16"),  # native order + BOM
    "utf16-be-bom": lambda b: b"\xfe\xff" + b.decode("utf-8").encode("utf-16-be"),
    "utf16-crlf": lambda b: b"\xff\xfe" + b.decode("utf-8").replace("\n", "\r\n").encode("utf-16-le"),
    "no-final-newline": lambda b: b.rstrip(b"\n"),
}


@pytest.fixture(scope="module")
def plain_events(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plain")
    shutil.copy(MINI, folder / "timeline.txt")
    result = read(folder / "timeline.txt")
    assert result.returncode == 0 and result.stderr == ""
    found = events(result)
    assert len(found) == 9
    return found


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_encoding_and_line_end_variants_give_the_same_events(tmp_path, plain_events, variant):
    path = tmp_path / "timeline.txt"  # same file name, so the `file` field is comparable too
    path.write_bytes(VARIANTS[variant](MINI.read_bytes()))
    result = read(path, verbose=True)
    assert result.returncode == 0
    assert result.stderr == "", result.stderr
    assert events(result) == plain_events


def test_variants_in_one_folder_give_the_same_texts(tmp_path, plain_events):
    for name in ("crlf", "cr", "utf8-bom", "utf16-le-bom"):
        (tmp_path / f"{name}.txt").write_bytes(VARIANTS[name](MINI.read_bytes()))
    found = events(read(tmp_path, verbose=True))
    texts = [e["text"] for e in plain_events]
    for name in ("crlf", "cr", "utf8-bom", "utf16-le-bom"):
        assert [e["text"] for e in found if e["file"] == f"{name}.txt"] == texts
    assert len({e["id"] for e in found}) == len(found)


# --- bytes that are not text ----------------------------------------------------------------

def test_non_utf8_bytes_are_replaced_with_a_warning(tmp_path, plain_events):
    path = tmp_path / "timeline.txt"
    path.write_bytes(MINI.read_bytes().replace("Tərtər".encode(), b"T\xe9rt\xe9r"))  # Latin-1 inside UTF-8
    found = assert_warns(path, where="timeline.txt:9", text="not UTF-8")
    assert [e["id"] for e in found] == [e["id"] for e in plain_events]
    assert "T\ufffdrt\ufffdr" in found[2]["text"]


def test_latin1_file_parses_with_warnings(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(CLEAN.replace("Fighting", "Fighting (é)").encode("latin-1"))
    found = assert_warns(path, where="latin1.txt:6", text="not UTF-8")
    assert [e["date"] for e in found] == ["2020-10-01", "2020-10-01", "2020-10-02"]


def test_truncated_utf16_is_replaced_with_a_warning(tmp_path):
    path = tmp_path / "timeline.txt"
    path.write_bytes(CLEAN.encode("utf-16")[:-1])  # odd number of bytes
    found = assert_warns(path, where="timeline.txt:1", text="UTF-16")
    assert [e["date"] for e in found][:2] == ["2020-10-01", "2020-10-01"]


def test_utf16_without_bom_is_refused_in_one_line(tmp_path):
    path = tmp_path / "timeline.txt"
    path.write_bytes(CLEAN.encode("utf-16-le"))
    result = read(path)
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("ksw: timeline.txt")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = read(path)
    assert result.returncode == 1 and result.stdout == ""
    assert_warns(path, where="empty.txt:1", text="no day headings", dropped=True)


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\n\r\n\n   ")
    result = read(path, verbose=True)
    assert result.returncode == 1 and result.stdout == "" and "Traceback" not in result.stderr


def test_binary_file_alone_is_refused_in_one_line(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(png_bytes())
    result = read(path)
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr == "ksw: image.txt: binary file, not a timeline\n"


def test_binary_file_beside_a_timeline_is_skipped_with_a_warning(tmp_path, plain_events):
    shutil.copy(MINI, tmp_path / "timeline.txt")
    (tmp_path / "image.txt").write_bytes(png_bytes())
    found = assert_warns(tmp_path, where="image.txt:1", text="binary", dropped=True)
    assert [e["text"] for e in found] == [e["text"] for e in plain_events]


def test_binary_bytes_without_nul_never_crash(tmp_path):
    """A PNG signature and random bytes with no NUL: not detected as binary, so decoded with replacements."""
    rng = random.Random(7)
    data = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(1, 256) for _ in range(20_000))
    path = tmp_path / "noise.txt"
    path.write_bytes(data)
    result = read(path, verbose=True)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert result.returncode in (0, 1)
    assert all(line.startswith("ksw: warning: noise.txt:") for line in result.stderr.splitlines())


def test_a_late_nul_byte_in_a_text_file_never_crashes(tmp_path):
    text = CLEAN + ("Background filler sentence. " * 200) + "\n=== 3 October ===\nA NUL \x00 here near Tartar.\n"
    path = tmp_path / "timeline.txt"
    path.write_text(text)
    found = events(read(path, verbose=True))
    assert any("\x00" in e["text"] for e in found)


# --- layout faults ---------------------------------------------------------------------------

def test_file_without_headings_is_background_with_a_warning(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Just some text about Tartar. Another sentence here.\nMore text.\n")
    found = assert_warns(path, where="notes.txt:1", text="no day headings", dropped=True)
    assert [e["id"] for e in found] == ["bg.01", "bg.02", "bg.03"] and all(e["background"] for e in found)
    result = run_ksw("events", "--corpus", str(path), "--from", "2020-01-01")
    assert result.returncode in (1, 2) and result.stdout == "" and "Traceback" not in result.stderr


ODD_SEPTEMBER = CLEAN.replace("== October ==", "== September ==\n=== 31 September ===\nOn no real day.\n\n== October ==")


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


# --- size ----------------------------------------------------------------------------------

BUDGET = 5.0  # seconds for one run over one huge line ("a few seconds")


def _one_huge_line(tmp_path, size: int, kind: str):
    head = "= Timeline (2020) =\n== October ==\n=== 1 October ===\n"
    tail = "\n=== 2 October ===\nFighting near Tartar.\n"
    body = ("word " * (size // 5)) if kind == "words" else ("x" * size)
    path = tmp_path / "big.txt"
    path.write_text(head + body + tail)
    start = time.monotonic()
    try:
        result = run_ksw("events", "--corpus", str(path), "--format", "tsv", "--fields", "id,date,line",
                         env={"KSW_CACHE_DIR": "off"}, timeout=BUDGET)
    except subprocess.TimeoutExpired:
        pytest.fail(f"one {size} byte line ({kind}) took more than {BUDGET} s")
    elapsed = time.monotonic() - start
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.splitlines() == ["id\tdate\tline", "2020-10-01.01\t2020-10-01\t4",
                                          "2020-10-02.01\t2020-10-02\t6"]
    assert elapsed < BUDGET


@pytest.mark.parametrize("kind", ["words", "one-token"])
def test_single_1_mb_line(tmp_path, kind):
    _one_huge_line(tmp_path, 1024 * 1024, kind)


@pytest.mark.parametrize("kind", ["words", "one-token"])
def test_single_20_mb_line(tmp_path, kind):
    _one_huge_line(tmp_path, 20 * 1024 * 1024, kind)


# --- a corpus that changes ---------------------------------------------------------------------

def test_file_replaced_between_two_runs(tmp_path):
    """Same size, same mtime: the second run must still see the new text (the cache is keyed on bytes)."""
    import os

    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(MINI, folder / "a.txt")
    (folder / "b.txt").write_text(CLEAN)
    env = {"KSW_CACHE_DIR": str(tmp_path / "cache")}
    first = events(read(folder, env=env))
    assert any("Hadrut" in e["text"] for e in first)
    stat = (folder / "b.txt").stat()
    replacement = folder / "b.new"
    replacement.write_text(CLEAN.replace("Hadrut", "Hadrot"))
    os.replace(replacement, folder / "b.txt")
    os.utime(folder / "b.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    second = events(read(folder, env=env))
    assert any("Hadrot" in e["text"] for e in second) and not any("Hadrut" in e["text"] for e in second)
    assert second == events(read(folder, env={"KSW_CACHE_DIR": "off"}))


def test_file_changes_while_it_is_read(tmp_path, monkeypatch):
    """In-process: the file is rewritten just after ksw read its bytes. The index must match the bytes read,
    and the next load must see the new text (no cache entry keyed on one version holding the other)."""
    import kscli.store.load as index_module
    from kscli.store.load import load_index

    monkeypatch.setenv("KSW_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    target = folder / "b.txt"
    target.write_text(CLEAN)
    shutil.copy(MINI, folder / "a.txt")
    real = index_module.read_bytes

    def read_then_change(path):
        data = real(path)
        if path.name == "b.txt":
            target.write_text(CLEAN.replace("Hadrut", "Hadrot"))
        return data

    monkeypatch.setattr(index_module, "read_bytes", read_then_change)
    during = [e.text for e in load_index(folder).events]
    assert "Clashes continued near Hadrut." in during
    monkeypatch.setattr(index_module, "read_bytes", real)
    after = [e.text for e in load_index(folder).events]
    assert "Clashes continued near Hadrot." in after and "Clashes continued near Hadrut." not in after
    assert after == [e.text for e in load_index(folder, use_cache=False).events]


def test_file_deleted_between_listing_and_reading(tmp_path, monkeypatch, capsys):
    import kscli.store.load as index_module
    from kscli.cli import main

    monkeypatch.setenv("KSW_CACHE_DIR", "off")
    shutil.copy(MINI, tmp_path / "a.txt")
    (tmp_path / "b.txt").write_text(CLEAN)
    real = index_module.timeline_files

    def list_then_delete(path):
        files = real(path)
        (tmp_path / "b.txt").unlink()
        return files

    monkeypatch.setattr(index_module, "timeline_files", list_then_delete)
    with pytest.raises(SystemExit) as exit_info:
        main(["events", "--corpus", str(tmp_path)])
    out, err = capsys.readouterr()
    assert exit_info.value.code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("ksw: ") and "b.txt" in err and "internal error" not in err


# --- ksw corpus check ------------------------------------------------------------------------

def summary(result) -> dict[str, str]:
    lines = result.stdout.splitlines()
    assert lines[0] == "item\tvalue", result.stdout
    return dict(line.split("\t", 1) for line in lines[1:])


def test_corpus_check_clean_timeline_exits_0(ksw, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN)
    result = ksw("corpus", "check", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    rows = summary(result)
    assert rows["days"] == "2" and rows["events"] == "3" and rows["warnings"] == "0"
    assert rows["first_day"] == "2020-10-01" and rows["last_day"] == "2020-10-02"


def test_corpus_check_with_warnings_exits_1_and_lists_them(ksw, tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text(ODD_SEPTEMBER.replace("Fighting continued", "At 17:80, fighting continued"))
    result = ksw("corpus", "check", str(path))
    assert result.returncode == 1, result.stderr
    rows = summary(result)
    warned = warnings_of(result)
    assert rows["warnings"] == str(len(warned)) == "2"
    assert rows["days"] == "2" and rows["events"] == "3"
    assert any(w.startswith("odd.txt:4:") for w in warned) and any(w.startswith("odd.txt:10:") for w in warned)


def test_corpus_check_of_a_binary_file_is_one_line(ksw, tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(png_bytes())
    result = ksw("corpus", "check", str(path))
    assert result.returncode == 2 and result.stdout == "" and result.stderr.count("\n") == 1


def test_corpus_check_of_an_empty_file(ksw, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    result = ksw("corpus", "check", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert summary(result)["events"] == "0" and summary(result)["days"] == "0"


# Regression tests: a bug they found, fixed in d3b2cc3 ("Robustness fixes found by the new fault tests"):
#   report.unknown_place_names calls gazetteer.resolve(name, cutoff=101); rapidfuzz refuses a score_cutoff above
#   1.0, so any unknown place-like name ('in Springfield') ends in 'ksw: internal error: TypeError: score_cutoff
#   has to be in the range of 0.0 - 1.0'


def test_corpus_check_lists_unknown_place_like_names(ksw, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN + "Fighting continued in Springfield.\n")
    result = ksw("corpus", "check", str(path))
    assert result.returncode == 0, result.stderr
    assert "Springfield (1)" in summary(result)["unknown_place_like_names"]


@pytest.mark.parametrize("corpus", [None, str(MINI), str(FIXTURES / "otherwar")], ids=["bundled", "mini", "otherwar"])
def test_corpus_check_of_the_shipped_timelines(ksw, corpus):
    result = ksw("corpus", "check", *([corpus] if corpus else []))
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1)
    assert int(summary(result)["events"]) > 0


@pytest.mark.parametrize("enabled", [True, False])
def test_a_build_leaves_the_garbage_collector_as_it_found_it(tmp_path, enabled):
    """The collector is off while an index is built; on or off, the caller gets it back as it was,
    after a build and after one that fails."""
    import gc

    from kscli.errors import CorpusError
    from kscli.store.load import load_index

    (tmp_path / "good.txt").write_text(CLEAN)
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "image.txt").write_bytes(png_bytes())
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        assert len(load_index(tmp_path / "good.txt", use_cache=False).events) == 3
        assert gc.isenabled() is enabled
        with pytest.raises(CorpusError):
            load_index(tmp_path / "bad", use_cache=False)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


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
