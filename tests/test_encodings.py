"""A timeline file's bytes: other encodings and line ends give the same events as UTF-8 with LF; bytes that
are not text (invalid UTF-8, binary files, NUL, nothing at all) give a warning or one error line."""

from __future__ import annotations

import random
import shutil

import pytest

from conftest import MINI
from helpers import CLEAN, assert_warns, events, png_bytes, read


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
