"""kscli inside another Python program: the library without the command line's modules, and the garbage
collector handed back as it was found."""

import subprocess
import sys

import pytest

from conftest import MINI, ROOT
from helpers import CLEAN, ksw_env, png_bytes


def test_the_library_stands_without_the_cli():
    code = ("import sys; from kscli.store.load import load_index; from kscli.query import Query, run; "
            "ix = load_index(use_cache=False); r = run(ix, Query(places=('Terter',))); "
            "print(len(r.events), 'typer' in sys.modules, 'rich' in sys.modules, 'click' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout.split()
    assert out[0] != "0" and out[1:] == ["False", "False", "False"]


def test_main_leaves_the_garbage_collector_as_it_found_it(tmp_path, monkeypatch, capsys):
    """main() turns the collector off while it imports and freezes what the imports made; a caller
    in the same process gets it back on, with nothing frozen, whether the run succeeds or fails."""
    import gc

    from kscli.cli import main

    monkeypatch.setenv("KSW_CACHE_DIR", "off")
    for args, status in ((["events", "--corpus", str(MINI), "--place", "Tartar"], 0), (["events", "--from", "soon"], 2)):
        with pytest.raises(SystemExit) as exit_info:
            main(args)
        assert exit_info.value.code == status, capsys.readouterr().err
        assert gc.isenabled() and gc.get_freeze_count() == 0


LEAVE_AT_ONCE = """
import atexit, sys
atexit.register(lambda: sys.stderr.write("atexit ran\\n"))
if sys.argv[1] == "with-workers":
    import multiprocessing  # a build's worker processes: their clean-up at exit must run
sys.argv = ["ksw"] + sys.argv[2:]
from kscli.cli import script
script()
"""


@pytest.mark.parametrize("workers", [False, True])
def test_the_ksw_command_leaves_at_once_when_it_has_answered(workers):
    """script(), the console script and `python -m kscli`: once the answer is flushed the process ends
    with os._exit (no interpreter shutdown: time for nothing), unless a build's worker processes may
    still need multiprocessing's clean-up. Either way the whole answer and the status get out."""
    whole = subprocess.run([sys.executable, "-m", "kscli", "events", "--corpus", str(MINI), "--place", "Tartar",
                            "--format", "jsonl"], capture_output=True, env=ksw_env(KSW_CACHE_DIR="off"), timeout=60)
    assert whole.returncode == 0 and whole.stdout.count(b"\n") >= 1, whole.stderr
    result = subprocess.run([sys.executable, "-c", LEAVE_AT_ONCE, "with-workers" if workers else "plain", "events",
                             "--corpus", str(MINI), "--place", "Tartar", "--format", "jsonl"],
                            capture_output=True, env=ksw_env(KSW_CACHE_DIR="off"), timeout=60)
    assert result.returncode == 0 and result.stdout == whole.stdout
    assert (b"atexit ran" in result.stderr) == workers, result.stderr
    missing = subprocess.run([sys.executable, "-c", LEAVE_AT_ONCE, "plain", "events", "--corpus", str(MINI),
                              "--place", "Nowhere-at-all"], capture_output=True, env=ksw_env(KSW_CACHE_DIR="off"), timeout=60)
    assert missing.returncode == 2 and missing.stderr.startswith(b"ksw: ") and b"atexit ran" not in missing.stderr


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
