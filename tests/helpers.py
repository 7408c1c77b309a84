"""Helpers that several test files share: ksw's answers read back, the one-line error contract, small
timelines made on the spot, the index cache's checks, and the common hypothesis settings and strategies."""

from __future__ import annotations

import json
import os
import random
import re
import shlex
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from conftest import ROOT, ksw_command, run_ksw


# --- ksw's answers, read back ---------------------------------------------------------------------

def jsonl(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


def rows(result):
    assert result.returncode in (0, 1), result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def events(result) -> list[dict]:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1), result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def read(path, *args, verbose=False, ksw=run_ksw, **kw):
    return ksw("events", "--corpus", str(path), "--format", "jsonl", *(["-v"] if verbose else []), *args, **kw)


def warnings_of(result) -> list[str]:
    lines = result.stderr.splitlines()
    assert all(line.startswith("ksw: warning: ") for line in lines), result.stderr
    return [line[len("ksw: warning: "):] for line in lines]


def assert_warns(path, *, where: str, text: str, ksw=run_ksw, dropped: bool = False):
    """With --verbose a warning names `where` (file:line) and says `text`; without, stderr is empty, or, where text
    was left out of the dated events (`dropped`: skipped, or undated), one line that gives that warning."""
    loud = read(path, verbose=True, ksw=ksw)
    found = warnings_of(loud)
    assert any(w.startswith(where + ":") and text in w for w in found), found
    quiet = read(path, ksw=ksw)
    assert "Traceback" not in quiet.stderr
    if dropped:
        [line] = warnings_of(quiet)
        assert line.startswith(where + ":") and text in line and line.endswith("(ksw corpus check lists every warning)")
    else:
        assert quiet.stderr == "", quiet.stderr
    assert quiet.stdout == loud.stdout
    return events(loud)


def assert_one_line_error(result, *names: str, status: int = 2) -> str:
    """The usage-error contract; `names` are the words the line must contain (any one of them)."""
    detail = f"exit {result.returncode}\nstdout: {result.stdout[:300]!r}\nstderr: {result.stderr[:600]!r}"
    assert "Traceback" not in result.stderr, detail
    assert result.returncode == status, detail
    assert result.stdout == "", detail
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and result.stderr.endswith("\n"), detail
    line = lines[0]
    assert line.startswith("ksw: "), detail
    assert "internal error" not in line, detail
    assert len(line.strip()) > len("ksw:"), detail
    if names:
        assert any(n.lower() in line.lower() for n in names), detail
    return line


def unescape_tsv(cell: str) -> str:
    r"""Undo the TSV escapes: \\ \t \n \r as the README lists them (and \xHH, \uHHHH should ksw add more)."""
    return re.sub(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(.))",
                  lambda m: chr(int(m[1] or m[2], 16)) if (m[1] or m[2]) else
                  {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[m[3]], cell)


# --- ksw in a shell, with the test environment ----------------------------------------------------

def ksw_env(**extra) -> dict:
    env = dict(os.environ)
    env.pop("KSW_CORPUS", None)
    env.update({"NO_COLOR": "1", "COLUMNS": "120", "KSW_CACHE_DIR": "off"})
    if not shutil.which("ksw"):
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def bash(script: str, **env) -> subprocess.CompletedProcess:
    """A shell pipeline with `KSW` standing for the command; pipefail off, as in an interactive shell."""
    ksw = " ".join(shlex.quote(part) for part in ksw_command())
    return subprocess.run(["bash", "-c", "set +o pipefail; KSW() { " + ksw + ' "$@"; }; ' + script],
                          capture_output=True, text=True, cwd=ROOT, env=ksw_env(**env), timeout=120)


# --- timelines made on the spot -------------------------------------------------------------------

CLEAN = """= Timeline of the Test War (2020) =

== October ==

=== 1 October ===
Fighting continued near Tartar.
The Azerbaijani MoD stated that Barda was shelled.

=== 2 October ===
Clashes continued near Hadrut.
"""


ODD_SEPTEMBER = CLEAN.replace("== October ==", "== September ==\n=== 31 September ===\nOn no real day.\n\n== October ==")


def png_bytes(seed: int = 0, size: int = 4000) -> bytes:
    """A real PNG signature and IHDR chunk (it has NUL bytes, as every PNG does), then random bytes."""
    ihdr = struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return b"\x89PNG\r\n\x1a\n" + chunk + random.Random(seed).randbytes(size)


# --- hypothesis: the common budget and strategies -------------------------------------------------

QUICK = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December", "Sept", "Oct", "dec", "NOV", "Octobre"]


any_text = st.text(max_size=120)  # every code point but lone surrogates


# --- the index cache: answers with and without it, and what it leaves behind ----------------------

QUERIES = [
    ("events", "--format", "jsonl", "-v"),
    ("events", "--place", "Tartar", "--format", "jsonl"),
    ("events", "--on", "30 December", "--format", "tsv"),
    ("events", "-k", "shelled", "--format", "csv"),
    ("places", "Shushi", "--format", "tsv"),
    ("events", "--place", "Tartar", "--format", "table"),  # the table's own cells section
    ("events", "--place", "Tartar", "--format", "json"),  # the ready-made JSON items
    ("events", "--place", "Tartar", "--format", "csv"),  # the ready-made CSV rows
]


def answers(corpus: Path, cache) -> list[tuple[int, str, str]]:
    env = {"KSW_CACHE_DIR": str(cache)}
    return [(r.returncode, r.stdout, r.stderr) for r in
            (run_ksw(*q, "--corpus", str(corpus), env=env) for q in QUERIES)]


_REFERENCES: dict = {}


def reference(corpus: Path) -> list[tuple[int, str, str]]:
    """The answers with the cache off (memoised on the corpus folder's names and bytes)."""
    folder = corpus if corpus.is_dir() else corpus.parent
    memo = (corpus.name, tuple((p.name, p.read_bytes()) for p in sorted(folder.iterdir()) if p.is_file()))
    if memo not in _REFERENCES:
        found = answers(corpus, "off")
        assert all(status == 0 for status, _, _ in found), found
        _REFERENCES[memo] = found
    return _REFERENCES[memo]


def cache_files(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("*.kswidx")) if cache_dir.is_dir() else []


def leftovers(cache_dir: Path) -> list[str]:
    """Anything in the cache directory that is not a finished cache file (or the stamps file beside one)."""
    if not cache_dir.is_dir():
        return []
    names = {p.name for p in cache_dir.iterdir()}
    caches = {n for n in names if n.endswith(".kswidx") and not n.startswith(".")}
    return sorted(n for n in names if n not in caches and not (n.endswith(".stamps") and n[:-len(".stamps")] in caches))


def the_cache_file(cache_dir: Path) -> Path:
    files = cache_files(cache_dir)
    assert len(files) == 1, files
    return files[0]


def in_process_answer(index) -> tuple:
    from kscli.query.execute import run
    from kscli.query.spec import Query

    return ([e.as_dict() for e in index.events], [tuple(w) for w in index.warnings], index.year, index.files,
            [e.id for e in run(index, Query(places=("Tartar",))).events],
            [e.id for e in run(index, Query(on=("30 December",))).events],
            [e.id for e in run(index, Query(keywords=("shelled",))).events],
            sorted(index.lexicon.places.places)[:50])


def assert_cache_sound(corpus: Path, cache_dir: Path, monkeypatch, via: str = "cli") -> None:
    """Nothing stray; and a cache file, if any, is used as it is by the next run, which answers right.

    `via` is who wrote the cache and so who must accept it: "cli" (the `ksw` command, which may be an installed
    copy with its own bundled data files) or "library" (this process's kscli).
    """
    assert leftovers(cache_dir) == []
    if not cache_files(cache_dir):
        return
    if via == "cli":
        def stats():
            return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.stat().st_size) for p in cache_files(cache_dir)}

        before = stats()
        want = run_ksw(*QUERIES[0], "--corpus", str(corpus), env={"KSW_CACHE_DIR": "off"})
        result = run_ksw(*QUERIES[0], "--corpus", str(corpus), env={"KSW_CACHE_DIR": str(cache_dir)})
        assert (result.returncode, result.stdout, result.stderr) == (want.returncode, want.stdout, want.stderr)
        assert stats() == before, "the next run rebuilt or rewrote the cache file left behind"
        assert leftovers(cache_dir) == []
        return

    import kscli.store.build as build_module
    import kscli.store.cachefile as cache_module
    from kscli.store.load import load_index

    seen, builds = [], []
    real_read, real_build = cache_module.read, build_module.build_from_inputs

    def spy_read(*args, **kwargs):
        snapshot = real_read(*args, **kwargs)
        seen.append(snapshot is not None)
        return snapshot

    def spy_build(*args, **kwargs):
        builds.append(args[0] if args else None)
        return real_build(*args, **kwargs)

    monkeypatch.setenv("KSW_CACHE_DIR", str(cache_dir))
    monkeypatch.setattr(cache_module, "read", spy_read)
    monkeypatch.setattr(build_module, "build_from_inputs", spy_build)
    from_cache = in_process_answer(load_index(corpus))
    monkeypatch.undo()
    assert seen == [True], "the cache file left behind was not accepted by the next run"
    assert builds == [], "the next run built the index again instead of using the cache file left behind"
    assert leftovers(cache_dir) == []
    assert from_cache == in_process_answer(load_index(corpus, use_cache=False))


def build_cache(corpus: Path, cache_dir: Path) -> Path:
    result = run_ksw("events", "--corpus", str(corpus), "--format", "jsonl", env={"KSW_CACHE_DIR": str(cache_dir)})
    assert result.returncode == 0, result.stderr
    return the_cache_file(cache_dir)
