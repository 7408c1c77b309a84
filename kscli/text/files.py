"""Where timelines come from: the bundled corpus, a --corpus file or folder, and their bytes.

Kept apart from parsing so that answering from the cache never loads the parser.
"""

from __future__ import annotations

from pathlib import Path

from kscli.errors import CorpusError

TIMELINE_SUFFIXES = (".txt", ".wiki", ".text")
MAX_FILE_BYTES = 512 * 1024 * 1024


def bundled_corpus() -> Path:
    """The timeline shipped with the package (installed copy, else the source tree's)."""
    here = Path(__file__).resolve().parent.parent  # the kscli package
    for candidate in (here / "corpus", here.parent / "corpus"):
        if candidate.is_dir():
            return candidate
    raise CorpusError("the bundled corpus is missing from this installation; reinstall ksw")


def timeline_files(path: Path) -> list[Path]:
    """The timeline files a --corpus path names: the file itself, or a folder's text files."""
    try:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in TIMELINE_SUFFIXES and p.is_file())
            if not files:
                raise CorpusError(f"{path}: no timeline files (*.txt) in this folder")
            return files
        if path.is_file():
            return [path]
        there = path.exists()
    except OSError as exc:  # unreadable, a name too long, a broken mount
        raise CorpusError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if there:  # /dev/null, a FIFO, a socket: nothing that holds a timeline
        raise CorpusError(f"{path}: not a timeline file or folder (a device or a pipe?)")
    raise CorpusError(f"{path}: no such file or folder")


def read_bytes(path: Path) -> bytes:
    """A file's bytes, or a CorpusError naming it (missing, unreadable, absurdly large)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CorpusError(f"{path}: {size} bytes is larger than ksw reads ({MAX_FILE_BYTES})")
        return path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read ({exc.strerror or exc})") from None
