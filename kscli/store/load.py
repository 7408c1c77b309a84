"""The way in: the index of a corpus, from its cache file when the input is unchanged, else built.

The first run parses and extracts, then saves the index in the user's cache; later
runs with the same input bytes open the cache and decode only the events a query
returns.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from kscli import __version__
from kscli.errors import CorpusError
from kscli.extract.lexicon import data_files
from kscli.store import cachefile as cache
from kscli.store.index import Index
from kscli.text.files import bundled_corpus, read_bytes, timeline_files

CORPUS_ENV = "KSW_CORPUS"


def resolve_corpus(path: str | os.PathLike | None) -> Path:
    """The corpus path to read: the argument, else $KSW_CORPUS, else the bundled one."""
    if path is None or str(path) == "":
        env = os.environ.get(CORPUS_ENV)
        return Path(env).expanduser() if env else bundled_corpus()
    return Path(path).expanduser()


def load_index(path=None, year: int | None = None, extra_places: tuple[Path, ...] = (),
               use_cache: bool = True, on_build: Callable[[int, int, bool], None] | None = None,
               bundled_data: bool = True, later: list | None = None) -> Index:
    """The index of the corpus at `path`, from the cache when its input is unchanged.

    `bundled_data=False` reads only the corpus's own data files (another war's places, actors and
    weapons), not the bundled war's.

    on_build(timeline bytes, timeline files, cached), if given, is called when the index has to
    be built, before the building starts; `cached` says whether the result will be kept (the cache
    is on and its folder writable).

    `later`, if given, receives the cache write of a fresh build as a function to call once the
    answer is out: on a first run the write is as long as the build (the command line calls it last).
    """
    from kscli.store.persist import from_snapshot, save

    if os.environ.get("KSW_WORKERS"):  # kscli.store.workers.WORKERS_ENV, whose import a warm run is spared otherwise
        from kscli.store import workers

        workers.asked()  # a bad value is an error with a warm cache too
    corpus = resolve_corpus(path)
    files = timeline_files(corpus)
    data = data_files(corpus, tuple(extra_places), bundled_data)
    paths = _paths(files, data)
    root = cache.cache_root() if use_cache else None
    where = str(corpus.resolve()) + f"\0{year}" + ("" if bundled_data else "\0own data")
    location = cache.path_for(root, where) if root else None
    inputs, key = None, None
    if location is not None:
        snapshot = cache.read(location, __version__)
        if snapshot is not None:
            fresh = cache.unchanged(location, paths, snapshot.header.get("key"))
            if not fresh:
                inputs = _read_inputs(files, data)
                key = _key(inputs, year)
                fresh = snapshot.header.get("key") == key
                if fresh:
                    cache.remember(location, paths, snapshot.header["key"])
            if fresh:
                try:
                    return from_snapshot(snapshot, location)
                except (KeyError, ValueError, TypeError, IndexError, CorpusError):
                    pass  # whole but unusable (a layout this version does not know): rebuild over it
    inputs = inputs or _read_inputs(files, data)
    if location is not None:
        key = key or _key(inputs, year)
    if on_build is not None:
        kept = location is not None and cache.writable(location)
        on_build(sum(len(data) for _, _, data in inputs[:len(files)]), len(files), kept)
    from kscli.store.build import build_from_inputs  # the parser and extractors: only when there is no usable cache

    index = build_from_inputs(files, inputs, data, year)  # empties inputs
    if location is not None:
        def keep() -> None:
            if save(index, location, key):
                cache.remember(location, paths, key)

        if later is None:
            keep()
        else:
            later.append(keep)
    return index


def input_paths(path=None, extra_places: tuple[Path, ...] = (), bundled_data: bool = True) -> list[Path]:
    """Every file the index of the corpus at `path` is made from: its timelines and data files."""
    corpus = resolve_corpus(path)
    return _paths(timeline_files(corpus), data_files(corpus, tuple(extra_places), bundled_data))


def reads(target: Path, path=None, extra_places: tuple[Path, ...] = (), bundled_data: bool = True) -> bool:
    """Whether `target` is one of the files the index of the corpus at `path` is made from (by
    another name too: a relative path, a link, a hard link)."""
    if not target.exists():
        return False
    return any(p.exists() and os.path.samefile(target, p) for p in input_paths(path, extra_places, bundled_data))


def _paths(files: list[Path], data: dict[str, list[Path]]) -> list[Path]:
    return files + [p for group in data.values() for p in group]


def _key(inputs, year) -> str:
    return cache.digest([(f"year={year}", b"")] + [(label, data) for label, _, data in inputs])


def _read_inputs(files: list[Path], data: dict[str, list[Path]]) -> list[tuple[str, Path, bytes]]:
    """(label, path, bytes) of every input. Labels name files by role, not by where ksw is
    installed, so two installs of one version agree on a cache's key."""
    bundled = bundled_corpus().resolve()
    timelines = set(files)

    def label(path: Path) -> str:
        if path in timelines:
            return path.name
        return f"bundled/{path.name}" if path.resolve().parent == bundled else f"data/{path.name}"

    return [(label(path), path, read_bytes(path)) for path in _paths(files, data)]
