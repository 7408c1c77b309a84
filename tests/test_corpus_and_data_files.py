"""Where the corpus comes from (--corpus, KSW_CORPUS) and the data files read with it (places and actors
files, --places-file, --own-data): used as given, or refused in one error line."""

from __future__ import annotations

import os
import shutil
import stat

import pytest

from conftest import FIXTURES, MINI
from helpers import CLEAN, assert_one_line_error, rows


def test_corpus_option_and_environment_variable(ksw, tmp_path):
    via_option = ksw("events", "--corpus", str(FIXTURES / "mini-timeline.txt"), "--format", "jsonl")
    via_env = ksw("events", "--format", "jsonl", env={"KSW_CORPUS": str(FIXTURES / "mini-timeline.txt")})
    assert via_option.stdout == via_env.stdout
    assert "2031-12-30.01" in via_option.stdout


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


# --- data files: places and actors beside the corpus, --places-file, --own-data -------------------

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


def test_user_places_file_adds_places(ksw, tmp_path):
    extra = tmp_path / "more.tsv"
    extra.write_text("name\tkind\tparent\tlat\tlon\taliases\nTest Hill\tmountain\t\t40\t46\tProbe Height\n", "utf-8")
    timeline = tmp_path / "t.txt"
    timeline.write_text("= Timeline (2030) =\n== May ==\n=== 1 May ===\nFighting near Probe Height.\n", "utf-8")
    result = ksw("events", "--corpus", str(timeline), "--places-file", str(extra), "--place", "Test Hill", "--format", "jsonl")
    assert result.returncode == 0 and "Probe Height" in result.stdout


def test_another_war_with_its_own_data_alone(ksw, tmp_path):
    # The bundled war's gazetteer found its villages in another war's words ("Berd"; found by a QA pass).
    (tmp_path / "t.txt").write_text("= Timeline of the Example war (2022) =\n\n== March ==\n\n=== 3 March ===\n\n"
                                    "The Northland MoD stated that troops near Berd and Riverton came under fire.\n")
    (tmp_path / "places-x.tsv").write_text("name\tkind\tparent\tlat\tlon\taliases\nRiverton\tcity\t\t50\t30\t\n")
    (tmp_path / "actors-x.tsv").write_text("name\tside\tkind\taliases\nNorthland MoD\tnorthland\tministry\t\n")
    mixed = rows(ksw("events", "--corpus", str(tmp_path), "--format", "jsonl"))
    own = rows(ksw("events", "--corpus", str(tmp_path), "--own-data", "--format", "jsonl"))
    assert mixed[0]["places"] == ["Berd", "Riverton"] and own[0]["places"] == ["Riverton"]
    assert own[0]["source"] == "Northland MoD" and own[0]["side"] == "northland"
    listed = rows(ksw("places", "--corpus", str(tmp_path), "--own-data", "--format", "jsonl"))
    assert [r["name"] for r in listed if r["kind"] != "unlisted"] == ["Riverton"]
    # Its own gazetteer lacks Berd: a name the text uses as a place, found there (issue 18).
    assert [(r["name"], r["events"]) for r in listed if r["kind"] == "unlisted"] == [("Berd", 1)]
    assert rows(ksw("events", "--corpus", str(tmp_path), "--format", "jsonl")) == mixed  # each way cached apart
