"""A first run on a big timeline says, on a terminal's stderr, that it is indexing; nowhere else."""

import os
import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT, pty_run, run_ksw
from kscli.cli.printing import NOTICE_BYTES

SEED = ROOT / "corpus" / "second-nagorno-karabakh-war-timeline.txt"
pty_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminals as Linux has them")


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """Just over the notice's size, in whole copies of the seed, each its own year."""
    folder = tmp_path_factory.mktemp("big")
    text = SEED.read_text()
    copies = NOTICE_BYTES // len(text.encode()) + 1
    for n in range(copies):
        (folder / f"part-{n:02d}.txt").write_text(text.replace("Nagorno-Karabakh War", f"Nagorno-Karabakh War ({2100 + n})", 1))
    return folder


def _on_pty(*args, cache) -> str:
    env = dict(os.environ, NO_COLOR="1", COLUMNS="200", KSW_CACHE_DIR=str(cache))
    env.pop("KSW_CORPUS", None)
    if not shutil.which("ksw"):
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    status, screen, _ = pty_run(list(args), env)
    assert status == 0
    return screen.decode()


@pty_only
def test_the_first_run_says_it_is_indexing_and_the_second_is_quiet(big, tmp_path):
    args = ("events", "--corpus", str(big), "--place", "Tartar", "--format", "tsv")
    first = _on_pty(*args, cache=tmp_path / "cache")
    size = sum(p.stat().st_size for p in big.iterdir()) / 1e6
    files = len(list(big.iterdir()))
    notice = f"ksw: indexing {size:.1f} MB of timeline ({files} files); done once, later runs read the cache\r\n"
    assert first.startswith(notice)
    assert first.count("ksw:") == 1
    second = _on_pty(*args, cache=tmp_path / "cache")
    assert second == first[len(notice):]  # the same answer, without the notice


@pty_only
@pytest.mark.parametrize("where", ["off", "under-a-file"])
def test_without_a_cache_the_notice_says_every_run_builds(big, tmp_path, where):
    cache = "off"
    if where == "under-a-file":  # a folder no one can make, root included
        (tmp_path / "file").write_text("x")
        cache = tmp_path / "file" / "ksw"
    screen = _on_pty("events", "--corpus", str(big), "-k", "Smerch", "--format", "tsv", cache=cache)
    assert screen.startswith("ksw: indexing ")
    assert screen.splitlines()[0].endswith("; the cache is off or not writable, so every run does this")
    assert "Smerch" in screen


@pty_only
def test_a_small_timeline_builds_without_a_word(tmp_path):
    screen = _on_pty("events", "--place", "Tartar", "--format", "tsv", cache=tmp_path / "cache")
    assert "ksw:" not in screen
    assert screen.startswith("id\tdate\t")


def test_stderr_in_a_pipe_or_a_file_never_gets_the_notice(big, tmp_path):
    result = run_ksw("events", "--corpus", str(big), "--place", "Tartar", env={"KSW_CACHE_DIR": str(tmp_path / "c")})
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout.startswith("id\tdate\t")
