"""A big build's days annotated in worker processes: the same index as in one process,
and the same behaviour when it is interrupted, when a worker dies, or when told wrong."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run_ksw
from kscli.store import workers
from kscli.store.index import POSTING_FIELDS
from kscli.store.load import load_index

SEED = ROOT / "corpus"
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")


def _snapshot(index):
    postings = {f: {k: list(v) for k, v in index.values(f).items()} for f in POSTING_FIELDS}
    return [e.as_dict() for e in index.events], index.warnings, postings


def _build(corpus, monkeypatch, count: str):
    monkeypatch.setenv("KSW_WORKERS", count)
    return _snapshot(load_index(corpus, use_cache=False))


@linux_only
@pytest.mark.parametrize("corpus", [SEED, FIXTURES / "otherwar", FIXTURES / "yearend", FIXTURES / "mini-timeline.txt"],
                         ids=lambda p: p.name)
def test_workers_build_the_same_index(corpus, monkeypatch):
    used = []
    real_run = workers.run

    def spy(*args, **kwargs):
        result = real_run(*args, **kwargs)
        used.append(result is not None)
        return result

    monkeypatch.setattr(workers, "run", spy)
    alone = _build(corpus, monkeypatch, "1")
    assert used == []
    together = _build(corpus, monkeypatch, "2")
    assert together == alone
    if len(alone[0]) > 20:  # enough days for several tasks: the workers really ran
        assert used == [True]


def _dies_on_the_first_days(bounds):
    if bounds[0] == 0:
        os._exit(3)  # as a worker killed by the out-of-memory killer would
    return workers.__dict__["_real_task"](bounds)


@linux_only
def test_a_worker_that_dies_leaves_the_build_to_this_process(monkeypatch):
    alone = _build(SEED, monkeypatch, "1")
    monkeypatch.setattr(workers, "_real_task", workers._task, raising=False)
    monkeypatch.setattr(workers, "_task", _dies_on_the_first_days)
    assert _build(SEED, monkeypatch, "2") == alone


@pytest.mark.parametrize("value", ["abc", "0", "-2", "1.5"])
@pytest.mark.parametrize("cache", ["off", "warm"])
def test_a_bad_worker_count_is_one_line_and_status_2(value, cache, tmp_path):
    cache_dir = "off" if cache == "off" else str(tmp_path / "cache")
    if cache == "warm":
        assert run_ksw("events", "--place", "Tartar", env={"KSW_CACHE_DIR": cache_dir}).returncode == 0
    result = run_ksw("events", "--place", "Tartar", env={"KSW_WORKERS": value, "KSW_CACHE_DIR": cache_dir})
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"ksw: KSW_WORKERS must be a whole number of 1 or more, not '{value}'\n"


def _big_corpus(tmp_path: Path, copies: int = 30) -> Path:
    folder = tmp_path / "big"
    folder.mkdir()
    text = (SEED / "second-nagorno-karabakh-war-timeline.txt").read_text()
    for n in range(copies):
        (folder / f"part-{n:02d}.txt").write_text(text.replace("Nagorno-Karabakh War", f"Nagorno-Karabakh War ({2100 + n})", 1))
    return folder


def _stat(pid: int | str) -> list[str]:
    """The fields of /proc/PID/stat after the command's name (state first, then the parent), or none
    for a process gone meanwhile."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return []


def _alive(pid: int) -> bool:
    return _stat(pid)[:1] not in ([], ["Z"])


def _children(parent: int) -> list[int]:
    """The processes whose parent is `parent`, from /proc (pgrep is not on every machine)."""
    pids = (path.name for path in Path("/proc").iterdir() if path.name.isdigit())
    return [int(pid) for pid in pids if _stat(pid)[1:2] == [str(parent)]]


@linux_only
def test_ctrl_c_during_a_parallel_build_stops_every_process(tmp_path):
    from conftest import ksw_command

    corpus = _big_corpus(tmp_path)
    env = dict(os.environ, KSW_WORKERS="2", KSW_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(ksw_command() + ["events", "--corpus", str(corpus), "-k", "Smerch"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, start_new_session=True)
    children: list[int] = []
    deadline = time.monotonic() + 20
    while len(children) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        children = _children(proc.pid)
    assert len(children) == 2, "the workers never started"
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole process group
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert err == b"" and out == b""  # no traceback from any process
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in children)
    assert not list((tmp_path / "cache").glob("*.tmp*"))


@linux_only
def test_ctrl_c_while_the_workers_are_forked_is_answered_after(monkeypatch):
    """The parent holds Ctrl-C back while it forks the workers (a worker must not get it before it can
    ignore it) and answers it once they are forked: a Ctrl-C pressed in those milliseconds stops the
    build, where ignoring it let the build run on (CI's machine once pressed it there)."""
    from concurrent.futures import ProcessPoolExecutor

    real_map = ProcessPoolExecutor.map

    def map_after_a_ctrl_c(self, *args, **kwargs):
        os.kill(os.getpid(), signal.SIGINT)  # as a terminal's Ctrl-C, while the workers are being forked
        return real_map(self, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "map", map_after_a_ctrl_c)
    before = set(_children(os.getpid()))
    try:
        with pytest.raises(KeyboardInterrupt):
            workers.run(len, list(range(100)), [(0, 50), (50, 100)], 2)
    finally:
        # The workers it forked are not left behind this test's process: in ksw, leaving at the Ctrl-C
        # ends them (the test above); here no one leaves, so the test ends them itself.
        for pid in set(_children(os.getpid())) - before:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):  # gone already, or reaped by the pool
                pass


def _seed_sentences():
    from kscli.text.timeline import parse_text
    from kscli.extract.lexicon import load_lexicon

    text = (SEED / "second-nagorno-karabakh-war-timeline.txt").read_text()
    sentences, _ = parse_text(text, "seed.txt", None)
    return sentences, load_lexicon(SEED, ())


@linux_only
@pytest.mark.parametrize("count", ["1", "2", "2, and a worker dies"])
def test_meanwhile_runs_once_in_this_process_with_or_without_workers(count, monkeypatch):
    from kscli.store.build import annotate

    sentences, lexicon = _seed_sentences()
    monkeypatch.setenv("KSW_WORKERS", count[0])
    if "dies" in count:
        monkeypatch.setattr(workers, "_real_task", workers._task, raising=False)
        monkeypatch.setattr(workers, "_task", _dies_on_the_first_days)
    calls = []
    events, _, _ = annotate(sentences, lexicon, meanwhile=lambda: calls.append(os.getpid()))
    assert calls == [os.getpid()]
    assert len(events) == len(sentences)
