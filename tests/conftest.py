"""Shared fixtures and paths: the real bundled corpus, parsed once per test session; ksw run as a command;
a copy of the mini timeline and a cache folder for the cache tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT / "corpus" / "second-nagorno-karabakh-war-timeline.txt"
MINI = FIXTURES / "mini-timeline.txt"


@pytest.fixture(scope="session")
def index():
    from kscli.store.load import load_index

    return load_index(None)


def ksw_command() -> list[str]:
    """The installed `ksw` when there is one on PATH, else this checkout's module."""
    exe = shutil.which("ksw")
    return [exe] if exe else [sys.executable, "-m", "kscli"]


def run_ksw(*args, cwd=None, env=None, input=None, timeout=60):
    full_env = dict(os.environ)
    full_env.pop("KSW_CORPUS", None)
    full_env.update({"NO_COLOR": "1", "COLUMNS": "120"})
    full_env.setdefault("KSW_CACHE_DIR", str(Path(os.environ.get("PYTEST_TMP", "/tmp")) / "ksw-test-cache"))
    if env:
        full_env.update(env)
    if not shutil.which("ksw"):
        full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    return subprocess.run(ksw_command() + list(args), capture_output=True, text=True, cwd=cwd or ROOT,
                          env=full_env, input=input, timeout=timeout)


@pytest.fixture
def ksw():
    return run_ksw


@pytest.fixture
def corpus(tmp_path) -> Path:
    path = tmp_path / "corpus" / "timeline.txt"
    path.parent.mkdir()
    shutil.copy(MINI, path)
    return path


@pytest.fixture
def cache_dir(tmp_path) -> Path:
    return tmp_path / "cache"


def pty_run(args, env: dict, stderr_on_pty: bool = True, timeout: float = 60) -> tuple[int, bytes, bytes]:
    """`ksw` with stdout (and stderr) on a pseudo-terminal: (status, what the terminal got, piped stderr)."""
    import pty
    import select

    master, slave = pty.openpty()
    proc = subprocess.Popen(ksw_command() + list(args), stdin=slave, stdout=slave,
                            stderr=slave if stderr_on_pty else subprocess.PIPE, cwd=ROOT, env=env)
    os.close(slave)
    chunks = []
    try:
        while True:
            ready, _, _ = select.select([master], [], [], timeout)
            if not ready:
                proc.kill()
                raise TimeoutError("ksw on a pty did not finish")
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
    err = proc.stderr.read() if proc.stderr else b""
    return proc.wait(timeout=timeout), b"".join(chunks), err


# Measured figures (accuracy on the gold sets) are printed in a section at the end of the run. They
# travel in the test reports because a worker process of pytest-xdist shows none of its own output.
_FIGURES: list[tuple[str, str]] = []


@pytest.fixture
def figures(request):
    """`figures("place resolution: 99.2% ...")`: a line for the end-of-run section "figures measured"."""
    return lambda text: request.node.user_properties.append(("figure", text.strip("\n")))


def pytest_runtest_logreport(report):
    if report.when == "call":
        _FIGURES.extend((report.nodeid, text) for name, text in report.user_properties if name == "figure")


def pytest_terminal_summary(terminalreporter):
    if _FIGURES:
        terminalreporter.section("figures measured")
        for _, text in sorted(_FIGURES):  # by test, not by which worker finished first
            terminalreporter.write_line(text)
