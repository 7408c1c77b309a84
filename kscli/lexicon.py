"""The data files extraction reads: places, actors, weapons.

The bundled files come first; a corpus folder (or the folder of a corpus file)
may add its own ``places*.tsv``, ``actors*.tsv`` and ``weapons*.tsv``, and the
caller may name more places files. Later files add to or replace earlier rows.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from kscli.actors import Actors, load_actors
from kscli.corpus import bundled_corpus
from kscli.gazetteer import Gazetteer, load_places
from kscli.weapons import Weapons, load_weapons


@dataclass(frozen=True)
class Lexicon:
    places: Gazetteer
    actors: Actors
    weapons: Weapons
    files: tuple[Path, ...]


def data_files(corpus: Path | None, extra_places: tuple[Path, ...] = ()) -> dict[str, list[Path]]:
    """Data files by kind, bundled first, then the corpus's own, then the caller's."""
    bundled = bundled_corpus()
    folders = [bundled]
    if corpus is not None:
        folder = corpus if corpus.is_dir() else corpus.parent
        if folder.resolve() != bundled.resolve():
            folders.append(folder)
    out: dict[str, list[Path]] = {}
    for stem in ("places", "actors", "weapons"):
        out[stem] = [p for folder in folders for p in sorted(folder.glob(f"{stem}*.tsv"))]
    out["places"] += list(extra_places)
    return out


def load_lexicon(corpus: Path | None = None, extra_places: tuple[Path, ...] = ()) -> Lexicon:
    files = data_files(corpus, extra_places)
    return Lexicon(load_places(files["places"]), load_actors(files["actors"]), load_weapons(files["weapons"]),
                   tuple(p for paths in files.values() for p in paths))


def fingerprint(paths) -> str:
    """A digest of files' names and bytes: equal digests mean equal inputs."""
    digest = hashlib.blake2b(digest_size=16)
    for path in paths:
        digest.update(str(path).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()
