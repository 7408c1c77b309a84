"""The index cache: used when the input is unchanged, rebuilt when a byte changes, never a different answer;
where it lives, and several processes using it at once."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, MINI, ROOT, SEED, ksw_command, run_ksw
from helpers import CLEAN, QUERIES, answers, assert_cache_sound, build_cache, events, ksw_env, read, reference, the_cache_file


def in_fresh_python(code: str, cache_dir: Path, corpus: Path | None = None) -> str:
    env = dict(os.environ, KSW_CACHE_DIR=str(cache_dir), PYTHONPATH=str(ROOT))
    env.pop("KSW_CORPUS", None)
    if corpus:
        env["KSW_CORPUS"] = str(corpus)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout


LOAD = ("import sys, json; from kscli.store.load import load_index; ix = load_index(); "
        "print(json.dumps({'parser': 'kscli.extract.annotate' in sys.modules, 'n': len(ix.events)}))")


def test_second_run_uses_the_cache_and_skips_the_parser(tmp_path):
    first = json.loads(in_fresh_python(LOAD, tmp_path))
    files = list(tmp_path.glob("*.kswidx"))
    assert first["parser"] is True and len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    second = json.loads(in_fresh_python(LOAD, tmp_path))
    assert second == {"parser": False, "n": first["n"]}
    assert files[0].stat().st_mtime_ns == stamp


def test_one_changed_byte_rebuilds(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    timeline = corpus / "t.txt"
    timeline.write_bytes(SEED.read_bytes())
    cache_dir = tmp_path / "cache"
    code = ("import sys, json; from kscli.store.load import load_index; ix = load_index(); "
            "print(json.dumps({'parser': 'kscli.extract.annotate' in sys.modules, "
            "'text': [e.text for e in ix.events if e.id == '2020-09-28.01'][0]}))")
    before = json.loads(in_fresh_python(code, cache_dir, corpus))
    data = timeline.read_bytes().replace(b"fired upon Tartar in the early", b"fired upon Tartar in the Early", 1)
    stat = timeline.stat()
    timeline.write_bytes(data)
    os.utime(timeline, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime: only the bytes differ
    after = json.loads(in_fresh_python(code, cache_dir, corpus))
    assert after["parser"] is True and "in the Early morning" in after["text"]
    assert "in the early morning" in before["text"]
    assert len(list(cache_dir.glob("*.kswidx"))) == 1  # replaced, not piled up


@pytest.mark.parametrize("corpus", [None, FIXTURES / "mini-timeline.txt", FIXTURES / "yearend", FIXTURES / "otherwar"],
                         ids=["seed", "mini", "yearend", "otherwar"])
def test_cached_and_uncached_answers_are_identical(tmp_path, monkeypatch, corpus):
    from kscli.store.load import load_index
    from kscli.query.execute import run
    from kscli.query.spec import Query

    monkeypatch.setenv("KSW_CACHE_DIR", str(tmp_path))
    fresh = load_index(corpus, use_cache=False)
    load_index(corpus)  # writes the cache
    cached = load_index(corpus)
    assert type(cached.events).__name__ == "_LazyEvents"  # really from the file
    assert list(cached.events) == list(fresh.events)
    assert cached.warnings == fresh.warnings and cached.year == fresh.year and cached.files == fresh.files
    for query in [Query(), Query(places=("Tartar",)), Query(date_from="2020-10-01", date_to="2020-10-03"),
                  Query(keywords=("shelling",)), Query(actors=("Azerbaijani MoD",)), Query(disputed=True),
                  Query(types=("territory",)), Query(weapons=("Smerch",)), Query(within=("Tartar District",))]:
        try:
            want = [e.id for e in run(fresh, query).events]
        except Exception as exc:  # the same error either way
            with pytest.raises(type(exc)):
                run(cached, query)
            continue
        assert [e.id for e in run(cached, query).events] == want


def test_larger_generated_corpus_same_with_and_without_cache(tmp_path, monkeypatch):
    """Ten shifted copies of the seed (the benchmark's x10 layout, made here)."""
    from kscli.store.load import load_index
    from kscli.query.execute import run
    from kscli.query.spec import Query

    folder = tmp_path / "x10"
    folder.mkdir()
    text = SEED.read_text("utf-8")
    for k in range(10):
        title = f"= Timeline of the Second Nagorno-Karabakh War (copy {k}, {2000 + k}) ="
        (folder / f"copy{k:02d}.txt").write_text(text.replace(text.splitlines()[0], title, 1), "utf-8")
    monkeypatch.setenv("KSW_CACHE_DIR", str(tmp_path / "cache"))
    fresh = load_index(folder, use_cache=False)
    load_index(folder)
    cached = load_index(folder)
    assert len(cached.events) == len(fresh.events) == 10 * 327
    assert len({e.id for e in cached.events}) == len(cached.events)
    for query in [Query(places=("Shushi",)), Query(date_from="2005-10-01", date_to="2005-10-31"), Query(keywords=("Smerch",))]:
        assert [e.id for e in run(cached, query).events] == [e.id for e in run(fresh, query).events]


def test_cache_can_be_switched_off(tmp_path, ksw):
    result = ksw("events", "--place", "Tartar", env={"KSW_CACHE_DIR": "off", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)})
    assert result.returncode == 0
    assert not list(tmp_path.rglob("*.kswidx"))


def test_warnings_survive_the_cache(tmp_path, cache_dir):
    path = tmp_path / "odd.txt"
    path.write_text("= T (2020) =\n== October ==\n=== 1 October ===\nAt 17:80, fighting near Tartar.\n")
    first = run_ksw("events", "--corpus", str(path), "-v", env={"KSW_CACHE_DIR": str(cache_dir)})
    second = run_ksw("events", "--corpus", str(path), "-v", env={"KSW_CACHE_DIR": str(cache_dir)})
    assert first.stderr == second.stderr and "odd.txt:4:" in second.stderr
    assert first.stdout == second.stdout


# --- the corpus changes under the cache ------------------------------------------------------------

def test_corpus_edited_in_the_same_second_with_the_same_size(corpus, cache_dir, monkeypatch):
    build_cache(corpus, cache_dir)
    before = corpus.stat()
    corpus.write_bytes(corpus.read_bytes().replace(b"Clashes continued overnight", b"Clashes continued overnighT"))
    os.utime(corpus, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = corpus.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert answers(corpus, cache_dir) == reference(corpus)
    assert "overnighT" in run_ksw("events", "--corpus", str(corpus), env={"KSW_CACHE_DIR": str(cache_dir)}).stdout
    assert_cache_sound(corpus, cache_dir, monkeypatch)


def test_corpus_edited_long_after_caching_with_size_and_mtime_kept(corpus, cache_dir, monkeypatch):
    """The inputs' stat data may stand in for hashing them (the `.stamps` file); an edit that keeps size and
    mtime must still be seen."""
    past = time.time_ns() - 3600 * 10**9
    os.utime(corpus, ns=(past, past))  # not "racy": a stat-trusting cache would trust this file
    build_cache(corpus, cache_dir)
    build_cache(corpus, cache_dir)  # a second run: now checked and remembered
    corpus.write_bytes(corpus.read_bytes().replace(b"Clashes continued overnight", b"Clashes continued overnighT"))
    os.utime(corpus, ns=(past, past))
    assert answers(corpus, cache_dir) == reference(corpus)
    assert_cache_sound(corpus, cache_dir, monkeypatch)


def test_data_file_beside_the_corpus_edited_after_caching(corpus, cache_dir, monkeypatch):
    build_cache(corpus, cache_dir)
    (corpus.parent / "places-extra.tsv").write_text(
        "name\tkind\tparent\tlat\tlon\taliases\nExampleville\tcity\t\t\t\tExamplevyl\n")
    found = run_ksw("places", "Examplevyl", "--corpus", str(corpus), "--format", "tsv",
                    env={"KSW_CACHE_DIR": str(cache_dir)})
    assert found.returncode == 0 and "Exampleville" in found.stdout
    assert answers(corpus, cache_dir) == reference(corpus)
    assert_cache_sound(corpus, cache_dir, monkeypatch)


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


# --- the cache directory ---------------------------------------------------------------------------

def _big_corpus(tmp_path, copies: int) -> Path:
    folder = tmp_path / "big"
    folder.mkdir()
    for n in range(copies):
        shutil.copy(SEED, folder / f"part{n:02d}.txt")
    return folder


def _spawn(args, env):
    full = dict(os.environ)
    full.pop("KSW_CORPUS", None)
    full.update({"NO_COLOR": "1", "COLUMNS": "120"}, **env)
    if not shutil.which("ksw"):
        full["PYTHONPATH"] = str(ROOT) + os.pathsep + full.get("PYTHONPATH", "")
    return subprocess.Popen(ksw_command() + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                            env=full)


@pytest.mark.parametrize("processes", [2, 4])
def test_processes_building_the_cache_at_once(tmp_path, cache_dir, monkeypatch, processes):
    corpus = _big_corpus(tmp_path, 3)
    args = ("events", "--corpus", str(corpus), "--place", "Tartar", "--format", "jsonl")
    want = run_ksw(*args, env={"KSW_CACHE_DIR": "off"})
    assert want.returncode == 0
    procs = [_spawn(args, {"KSW_CACHE_DIR": str(cache_dir)}) for _ in range(processes)]
    results = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
    for out, err, status in results:
        assert status == 0 and err == b"", err
        assert out.decode() == want.stdout
    the_cache_file(cache_dir)
    assert_cache_sound(corpus, cache_dir, monkeypatch)
    again = run_ksw(*args, env={"KSW_CACHE_DIR": str(cache_dir)})
    assert again.stdout == want.stdout


def test_readers_while_a_writer_replaces_the_cache(tmp_path, cache_dir, monkeypatch):
    """One process rebuilds (the corpus changed) while others read the old cache: all answers whole."""
    corpus = _big_corpus(tmp_path, 2)
    args = ("events", "--corpus", str(corpus), "--format", "tsv", "--fields", "id")
    run_ksw(*args, env={"KSW_CACHE_DIR": str(cache_dir)})
    (corpus / "part00.txt").write_text(SEED.read_text().replace("Tartar", "Tartarr"))
    procs = [_spawn(args, {"KSW_CACHE_DIR": str(cache_dir)}) for _ in range(4)]
    want = run_ksw(*args, env={"KSW_CACHE_DIR": "off"}).stdout
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0 and err == b"" and out.decode() == want
    assert_cache_sound(corpus, cache_dir, monkeypatch)


def test_read_only_cache_directory(corpus, cache_dir, monkeypatch):
    cache_dir.mkdir()
    cache_dir.chmod(0o555)
    try:
        if os.access(cache_dir, os.W_OK):
            pytest.skip("running as root: a 0555 directory is still writable")
        want = reference(corpus)
        assert answers(corpus, cache_dir) == want
        assert list(cache_dir.iterdir()) == []
    finally:
        cache_dir.chmod(stat.S_IRWXU)


@pytest.mark.parametrize("below", ["file", "file/sub/dir"])
def test_cache_directory_under_a_regular_file(corpus, tmp_path, below):
    """mkdir fails (ENOTDIR) even for root: the cache is simply not used."""
    blocker = tmp_path / "file"
    blocker.write_text("I am a file\n")
    cache = tmp_path / below
    want = reference(corpus)
    assert answers(corpus, cache) == want
    assert blocker.read_text() == "I am a file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "file"]


def test_missing_cache_directory_is_created(corpus, tmp_path, monkeypatch):
    cache = tmp_path / "a" / "b" / "c"
    want = reference(corpus)
    assert answers(corpus, cache) == want
    the_cache_file(cache)
    assert_cache_sound(corpus, cache, monkeypatch)


def test_cache_disabled_spellings(corpus, tmp_path):
    want = reference(corpus)[0]
    for value in ("", "0", "off", "OFF", " none ", "no"):
        result = run_ksw(*QUERIES[0], "--corpus", str(corpus), env={"KSW_CACHE_DIR": value})
        assert (result.returncode, result.stdout, result.stderr) == want
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path):
    # The XDG spec: such a value is invalid; it made a cache folder under whatever folder ksw ran in.
    from kscli.store.cachefile import cache_root

    monkeypatch.delenv("KSW_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert cache_root() == tmp_path / ".cache" / "ksw"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == tmp_path / "xdg" / "ksw"


SAVE_MARKED = """
import sys
import kscli.store.persist as persist
real = persist.save
def save(*args, **kwargs):
    sys.stdout.write("-- cache write --\\n")
    sys.stdout.flush()
    return real(*args, **kwargs)
persist.save = save
from kscli.cli import main
main(sys.argv[1:])
"""


def test_a_first_run_answers_before_it_writes_the_cache(tmp_path):
    """The cache write of a first run is about as long as the build: the answer goes out first."""
    args = ["events", "--corpus", str(MINI), "--place", "Tartar", "--format", "jsonl"]
    env = ksw_env(KSW_CACHE_DIR=str(tmp_path / "cache"))
    first = subprocess.run([sys.executable, "-c", SAVE_MARKED, *args], capture_output=True, env=env, timeout=120)
    lines = first.stdout.decode().splitlines()
    assert first.returncode == 0 and len(lines) >= 2, first.stderr
    assert lines[-1] == "-- cache write --" and all(line.startswith("{") for line in lines[:-1])
    second = subprocess.run([sys.executable, "-c", SAVE_MARKED, *args], capture_output=True, env=env, timeout=120)
    assert second.stdout.decode().splitlines() == lines[:-1]  # read from the cache written last time
