"""kscli inside another Python program: the library without the command line's modules, and the garbage
collector handed back as it was found."""

import subprocess
import sys

import pytest

from conftest import MINI, ROOT
from helpers import CLEAN, png_bytes


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


def test_the_ksw_command_keeps_what_its_imports_made_frozen_to_its_end(monkeypatch, capsys):
    """script(), the console script and `python -m kscli`: the process ends with the run, so the
    objects frozen after the imports are not handed back to the collector for its last pass."""
    import gc
    import sys

    from kscli.cli import script

    monkeypatch.setenv("KSW_CACHE_DIR", "off")
    monkeypatch.setattr(sys, "argv", ["ksw", "events", "--corpus", str(MINI), "--place", "Tartar"])
    try:
        with pytest.raises(SystemExit) as exit_info:
            script()
        assert exit_info.value.code == 0, capsys.readouterr().err
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


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
