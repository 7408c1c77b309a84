"""The index cache: used when the input is unchanged, rebuilt when a byte changes, never a different answer."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, SEED


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


def test_the_library_stands_without_the_cli():
    code = ("import sys; from kscli.store.load import load_index; from kscli.query import Query, run; "
            "ix = load_index(use_cache=False); r = run(ix, Query(places=('Terter',))); "
            "print(len(r.events), 'typer' in sys.modules, 'rich' in sys.modules, 'click' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout.split()
    assert out[0] != "0" and out[1:] == ["False", "False", "False"]
