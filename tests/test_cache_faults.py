"""Faults in the on-disk index cache (KSW_CACHE_DIR, files "*.kswidx"): damaged, foreign or half-written
files and failures while writing one; the answer is always the one without the cache."""

# Every case: the answer equals the answer computed with the cache disabled, and what is left in the
# cache directory is either nothing or a cache file that the next run accepts as it is (and answers
# right from) - never a broken file, never a stray temporary file (helpers.assert_cache_sound).

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, MINI, run_ksw
from helpers import (answers, assert_cache_sound, build_cache, cache_files, in_process_answer, leftovers, reference,
                     the_cache_file)


def header_of(path: Path) -> tuple[int, dict]:
    """(offset, value) of the cache's JSON metadata (the header), wherever the layout puts it."""
    data = path.read_bytes()
    decoder = json.JSONDecoder()
    at = data.find(b'"version":"')
    assert at >= 0, "no metadata with a version in the cache file"
    for start in range(at, max(at - 200, -1), -1):
        if data[start:start + 1] == b"{":
            try:
                value, _ = decoder.raw_decode(data[start:].decode("utf-8", errors="replace"))
            except ValueError:
                continue
            if isinstance(value, dict) and "version" in value and "sections" in value:
                return start, value
    raise AssertionError("cache metadata not found")


def _edit_header(path: Path, field: str, edit) -> None:
    """Change one metadata value in place, keeping the file's length (as a flipped bit on disk would)."""
    start, header = header_of(path)
    old = json.dumps({field: header[field]}, ensure_ascii=False, separators=(",", ":"))[1:-1].encode()
    new = edit(old)
    assert len(new) == len(old) and new != old, (old, new)
    data = path.read_bytes()
    at = data.index(old, start)
    path.write_bytes(data[:at] + new + data[at + len(old):])


def _bump_digit(pattern: bytes):
    """An edit that changes the last digit of the first number after `pattern`."""
    def edit(b: bytes) -> bytes:
        i = b.index(pattern) + len(pattern)
        j = i
        while b[j:j + 1].isdigit():
            j += 1
        last = b[j - 1:j]
        return b[:j - 1] + (b"1" if last != b"1" else b"2") + b[j:]
    return edit


# --- damaged cache files --------------------------------------------------------------------------

@pytest.mark.parametrize("keep", ["half", "all-but-one", "first-10", "first-18", "empty", "without-last-100",
                                  "without-first-100", "up-to-metadata"])
def test_truncated_cache_file(corpus, cache_dir, monkeypatch, keep):
    want = reference(corpus)
    path = build_cache(corpus, cache_dir)
    data = path.read_bytes()
    meta, _ = header_of(path)
    cut = {"half": data[:len(data) // 2], "all-but-one": data[:-1], "first-10": data[:10], "first-18": data[:18],
           "empty": b"", "without-last-100": data[:-100], "without-first-100": data[100:],
           "up-to-metadata": data[:meta]}[keep]
    path.write_bytes(cut)
    assert answers(corpus, cache_dir) == want
    assert_cache_sound(corpus, cache_dir, monkeypatch)


@pytest.mark.parametrize("where", [0.5, 0.25, 0.75, 0.999])
def test_one_corrupted_byte_in_the_body(corpus, cache_dir, monkeypatch, where):
    want = reference(corpus)
    path = build_cache(corpus, cache_dir)
    data = bytearray(path.read_bytes())
    at = int(len(data) * where)
    data[at] ^= 0x20
    path.write_bytes(bytes(data))
    assert answers(corpus, cache_dir) == want
    assert_cache_sound(corpus, cache_dir, monkeypatch)


def test_padded_cache_file(corpus, cache_dir, monkeypatch):
    want = reference(corpus)
    path = build_cache(corpus, cache_dir)
    path.write_bytes(path.read_bytes() + b"\0" * 100)
    assert answers(corpus, cache_dir) == want
    assert_cache_sound(corpus, cache_dir, monkeypatch)


@pytest.mark.parametrize("content", [b"KSWCACHE\x01\n" + b"\xff" * 8 + b"{}", b"not a cache at all\n" * 50,
                                     bytes(range(256)) * 40], ids=["huge-header-length", "text", "binary"])
def test_garbage_under_the_cache_file_name(corpus, cache_dir, monkeypatch, content):
    want = reference(corpus)
    path = build_cache(corpus, cache_dir)
    path.write_bytes(content)
    assert answers(corpus, cache_dir) == want
    assert_cache_sound(corpus, cache_dir, monkeypatch)


def test_a_directory_where_the_cache_file_should_be(corpus, cache_dir, monkeypatch):
    want = reference(corpus)
    path = build_cache(corpus, cache_dir)
    path.unlink()
    path.mkdir()
    (path / "keep").write_text("x")
    assert answers(corpus, cache_dir) == want
    assert (path / "keep").read_text() == "x"  # ksw must not delete a directory it did not make
    assert leftovers(cache_dir) == []


@pytest.mark.parametrize("which", ["cache", "stamps"])
def test_a_fifo_where_a_cache_file_should_be(corpus, cache_dir, monkeypatch, which):
    # Reading one blocked for ever, waiting for a writer (found by a QA pass).
    want = reference(corpus)
    path = build_cache(corpus, cache_dir)
    fifo = path if which == "cache" else path.parent / (path.name + ".stamps")
    fifo.unlink()
    os.mkfifo(fifo)
    assert answers(corpus, cache_dir) == want  # run_ksw's timeout would fail a run that hangs
    assert_cache_sound(corpus, cache_dir, monkeypatch)


def test_cache_from_another_version(corpus, cache_dir, monkeypatch):
    want = reference(corpus)
    path = build_cache(corpus, cache_dir)
    _edit_header(path, "version", lambda b: b[:-2] + (b"9" if b[-2:-1] != b"9" else b"8") + b[-1:])
    _, header = header_of(path)
    from kscli import __version__
    assert header["version"] != __version__
    assert answers(corpus, cache_dir) == want
    assert_cache_sound(corpus, cache_dir, monkeypatch)
    assert header_of(the_cache_file(cache_dir))[1]["version"] == __version__


def test_cache_of_another_format(corpus, cache_dir, monkeypatch):
    want = reference(corpus)
    path = build_cache(corpus, cache_dir)
    _edit_header(path, "format", lambda b: b[:-1] + (b"7" if b[-1:] != b"7" else b"8"))
    assert answers(corpus, cache_dir) == want
    assert_cache_sound(corpus, cache_dir, monkeypatch)


def test_cache_written_by_another_version_in_process(corpus, cache_dir, monkeypatch):
    import kscli.store.load as index_module
    import kscli.store.persist as stored_module
    from kscli.store.load import load_index

    monkeypatch.setenv("KSW_CACHE_DIR", str(cache_dir))
    monkeypatch.setattr(index_module, "__version__", "0.0.0-other")  # the reader
    monkeypatch.setattr(stored_module, "__version__", "0.0.0-other")  # and the writer
    load_index(corpus)
    assert header_of(the_cache_file(cache_dir))[1]["version"] == "0.0.0-other"
    monkeypatch.undo()
    monkeypatch.setenv("KSW_CACHE_DIR", str(cache_dir))
    assert in_process_answer(load_index(corpus)) == in_process_answer(load_index(corpus, use_cache=False))
    assert_cache_sound(corpus, cache_dir, monkeypatch, via="library")


def test_cache_for_other_input_under_this_name(corpus, cache_dir, tmp_path, monkeypatch):
    """Another corpus's cache copied over this one's (a synced or restored cache directory)."""
    want = reference(corpus)
    path = build_cache(corpus, cache_dir)
    other = tmp_path / "other"
    other_cache = build_cache(shutil.copytree(FIXTURES / "otherwar", other), tmp_path / "other-cache")
    shutil.copy(other_cache, path)
    assert answers(corpus, cache_dir) == want
    assert_cache_sound(corpus, cache_dir, monkeypatch)


# The metadata JSON (the "header", wherever the layout puts it) must be checked like the sections it lists:
# one changed byte in a value that is not a section (year, files, warnings) was once taken at face value.
# Regression tests: a bug they found, fixed in d3b2cc3 ("Robustness fixes found by the new fault tests"):
#   no checksum covers the cache's metadata JSON; a changed byte in its year, files or warnings is accepted and
#   served (wrong year, wrong file name, wrong warning text) on every later run
# Regression tests: a bug they found, fixed in d3b2cc3 ("Robustness fixes found by the new fault tests"):
#   when a damaged event line is found at query time (CacheDamaged), cli/running.py:_run runs the whole command
#   again, and --verbose warnings already printed from the cache are printed twice

HEADER_EDITS = {
    "year": ("year", _bump_digit(b'"year":')),
    "files": ("files", lambda b: b.replace(b"timeline", b"timelinf")),
    "warnings": ("warnings", lambda b: b.replace(b"impossible", b"impossiblf")),
    "events-offset": ("sections", _bump_digit(b'"events":[')),
    "count": ("count", _bump_digit(b'"count":')),
    "postings-name": ("sections", lambda b: b.replace(b'"postings.place"', b'"postings.plact"')),
    "dates-name": ("sections", lambda b: b.replace(b'"dated_days":[', b'"dated_dayz":[')),
    "crc-name": ("crcs", lambda b: b.replace(b'"offsets":', b'"offsetz":')),
    "crc-value": ("crcs", _bump_digit(b'"offsets":')),
    "key": ("key", lambda b: b[:-2] + (b"0" if b[-2:-1] != b"0" else b"1") + b[-1:]),
}


@pytest.mark.parametrize("name", list(HEADER_EDITS))
def test_one_changed_byte_in_the_metadata(tmp_path, cache_dir, monkeypatch, name):
    corpus = tmp_path / "corpus" / "timeline.txt"
    corpus.parent.mkdir()
    corpus.write_text(MINI.read_text().replace("Clashes continued overnight near Qubadlı.",
                                               "At 17:80, clashes continued overnight near Qubadlı."))
    want = reference(corpus)
    assert "timeline.txt:15: impossible clock time" in want[0][2]  # a warning in the metadata to damage
    path = build_cache(corpus, cache_dir)
    field, edit = HEADER_EDITS[name]
    _edit_header(path, field, edit)
    assert answers(corpus, cache_dir) == want
    assert_cache_sound(corpus, cache_dir, monkeypatch)


# The sections that hold an event's text, in the order of the file: its JSON line, its table cells, its
# item of --format json, its row of --format csv; the claims section, after them, holds its clause again.
SECTIONS_WITH_TEXT = ("events", "cells", "json", "csv")


def _damage_event_line(path: Path, text: bytes, section: str = "events") -> None:
    """Flip a bit of `text` in one section's copy of it."""
    data = path.read_bytes()
    at = -1
    for _ in range(SECTIONS_WITH_TEXT.index(section) + 1):
        at = data.index(text, at + 1)
    path.write_bytes(data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1:])


def _mini_cached(tmp_path, cache_dir) -> tuple[Path, list, Path]:
    """(corpus, its answers without a cache, its cache file): the mini timeline, cached."""
    corpus = tmp_path / "corpus" / "timeline.txt"
    corpus.parent.mkdir()
    shutil.copy(MINI, corpus)
    return corpus, reference(corpus), build_cache(corpus, cache_dir)


def test_damaged_event_line_found_at_query_time(tmp_path, cache_dir, monkeypatch):
    corpus, want, path = _mini_cached(tmp_path, cache_dir)
    _damage_event_line(path, "Clashes continued overnight".encode())
    assert answers(corpus, cache_dir) == want
    assert_cache_sound(corpus, cache_dir, monkeypatch)


@pytest.mark.parametrize("section", ["cells", "json", "csv"])
def test_damaged_ready_made_line_found_at_query_time(tmp_path, cache_dir, monkeypatch, section):
    corpus, want, path = _mini_cached(tmp_path, cache_dir)
    text = "forces had shelled Tərtər".encode()  # an event of the Tartar answers
    copies = len(SECTIONS_WITH_TEXT) + 1  # and its claim's clause
    assert path.read_bytes().count(text) == copies
    _damage_event_line(path, text, section)
    assert path.read_bytes().count(text) == copies - 1
    assert answers(corpus, cache_dir) == want
    assert path.read_bytes().count(text) == copies  # the damage was found, and the cache rebuilt
    assert_cache_sound(corpus, cache_dir, monkeypatch)


def test_damaged_event_line_with_verbose_warnings(tmp_path, cache_dir):
    corpus = tmp_path / "w.txt"
    corpus.write_text("= T (2020) =\n== October ==\n=== 1 October ===\nAt 17:80, fighting near Tartar.\n"
                      "Shelling hit Barda.\n")
    env = {"KSW_CACHE_DIR": str(cache_dir)}
    first = run_ksw("events", "--corpus", str(corpus), "-v", env=env)
    _damage_event_line(the_cache_file(cache_dir), b"Shelling hit")
    second = run_ksw("events", "--corpus", str(corpus), "-v", env=env)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert second.stderr == first.stderr == "ksw: warning: w.txt:4: impossible clock time '17:80' in " \
                                            "2020-10-01.01; time left empty\n"


# Regression tests: a bug they found, fixed in d3b2cc3 ("Robustness fixes found by the new fault tests"):
#   cache.unchanged() catches only OSError/ValueError around the .stamps file; valid JSON of another shape ([] or
#   null: AttributeError on .get; a string checked_ns: TypeError) ends every run in 'ksw: internal error: ...'
#   until the file is deleted by hand


@pytest.mark.parametrize("content", [
    b"", b"{", b'{"key": null, "stamps": [], "checked_ns": 0}', b"\xff\xfe",
    pytest.param(b"[]"), pytest.param(b"null"),
    pytest.param(b'{"key": "k", "stamps": [], "checked_ns": "soon"}'),
], ids=["empty", "cut", "no-key", "binary", "list", "null", "string-time"])
def test_damaged_stamps_file(corpus, cache_dir, monkeypatch, content):
    want = reference(corpus)
    path = build_cache(corpus, cache_dir)
    stamps = path.parent / (path.name + ".stamps")
    if not stamps.exists():
        pytest.skip("this ksw keeps no stamps file beside the cache")
    stamps.write_bytes(content)
    assert answers(corpus, cache_dir) == want
    assert_cache_sound(corpus, cache_dir, monkeypatch)


# --- failures while writing (in-process) -----------------------------------------------------------

def _fail_with(exc):
    def fail(*args, **kwargs):
        raise exc
    return fail


class _FullDisk:
    """A file object that takes `room` bytes, then raises ENOSPC like a full disk."""

    def __init__(self, f, room: int):
        self._f, self._room = f, room

    def write(self, data):
        if len(data) > self._room:
            self._f.write(data[:self._room])
            self._room = 0
            raise OSError(errno.ENOSPC, "No space left on device")
        self._room -= len(data)
        return self._f.write(data)

    def __getattr__(self, name):
        return getattr(self._f, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self._f.__exit__(*exc)


@pytest.mark.parametrize("fault", ["fsync-enospc", "write-enospc", "write-enospc-at-once", "replace-eacces",
                                   "mkstemp-emfile", "fsync-eio"])
def test_disk_faults_while_writing_the_cache(corpus, cache_dir, monkeypatch, fault):
    import kscli.store.cachefile as cache_module
    from kscli.store.load import load_index

    monkeypatch.setenv("KSW_CACHE_DIR", str(cache_dir))
    want = in_process_answer(load_index(corpus, use_cache=False))
    if fault == "fsync-enospc":
        monkeypatch.setattr(cache_module.os, "fsync", _fail_with(OSError(errno.ENOSPC, "No space left on device")))
    elif fault == "fsync-eio":
        monkeypatch.setattr(cache_module.os, "fsync", _fail_with(OSError(errno.EIO, "Input/output error")))
    elif fault.startswith("write-enospc"):
        real_fdopen = os.fdopen
        room = 0 if fault.endswith("at-once") else 5000
        monkeypatch.setattr(cache_module.os, "fdopen", lambda fd, *a, **k: _FullDisk(real_fdopen(fd, *a, **k), room))
    elif fault == "replace-eacces":
        monkeypatch.setattr(cache_module.os, "replace", _fail_with(PermissionError(errno.EACCES, "Permission denied")))
    elif fault == "mkstemp-emfile":
        import tempfile
        monkeypatch.setattr(tempfile, "mkstemp", _fail_with(OSError(errno.EMFILE, "Too many open files")))
    assert in_process_answer(load_index(corpus)) == want
    monkeypatch.undo()
    assert cache_files(cache_dir) == [] and leftovers(cache_dir) == []
    monkeypatch.setenv("KSW_CACHE_DIR", str(cache_dir))
    assert in_process_answer(load_index(corpus)) == want  # and the next run writes a good one
    assert_cache_sound(corpus, cache_dir, monkeypatch, via="library")


def test_a_failed_rewrite_keeps_the_good_cache(corpus, cache_dir, monkeypatch):
    import kscli.store.cachefile as cache_module
    from kscli.store.load import load_index

    build_cache(corpus, cache_dir)
    _edit_header(the_cache_file(cache_dir), "version", lambda b: b[:-2] + b"7" + b[-1:])  # stale: will be rebuilt
    monkeypatch.setenv("KSW_CACHE_DIR", str(cache_dir))
    monkeypatch.setattr(cache_module.os, "fsync", _fail_with(OSError(errno.ENOSPC, "No space left on device")))
    assert in_process_answer(load_index(corpus)) == in_process_answer(load_index(corpus, use_cache=False))
    assert leftovers(cache_dir) == []


# Regression test: a bug it found, fixed in d3b2cc3 ("Robustness fixes found by the new fault tests"):
#   cache._replace removes its temporary file only on OSError; a KeyboardInterrupt (Ctrl-C) or any other exception
#   while writing leaves '.tmp-*.kswidx' behind for good
@pytest.mark.parametrize("exc", [KeyboardInterrupt, MemoryError], ids=["ctrl-c", "memory-error"])
def test_interrupted_cache_write_leaves_no_temporary_file(corpus, cache_dir, monkeypatch, exc):
    import kscli.store.cachefile as cache_module
    from kscli.store.load import load_index

    monkeypatch.setenv("KSW_CACHE_DIR", str(cache_dir))
    monkeypatch.setattr(cache_module.os, "fsync", _fail_with(exc()))
    with pytest.raises(exc):
        load_index(corpus)
    assert leftovers(cache_dir) == []


@pytest.mark.parametrize("damage", ["truncated", "corrupted"])
def test_memory_mapped_cache_damaged(corpus, cache_dir, monkeypatch, damage):
    """Caches of 8 MB and more are memory-mapped (cache._MAP_FROM); map every cache here, then damage it."""
    import kscli.store.cachefile as cache_module
    from kscli.store.load import load_index

    monkeypatch.setenv("KSW_CACHE_DIR", str(cache_dir))
    monkeypatch.setattr(cache_module, "_MAP_FROM", 0)
    want = in_process_answer(load_index(corpus, use_cache=False))
    assert in_process_answer(load_index(corpus)) == want
    path = the_cache_file(cache_dir)
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        data = data[:len(data) - 100]
    else:
        data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    assert in_process_answer(load_index(corpus)) == want
    assert_cache_sound(corpus, cache_dir, monkeypatch, via="library")
