"""The data files extraction reads: places, actors, weapons.

The bundled files come first (unless the caller asks for a corpus's own alone);
a corpus folder (or the folder of a corpus file) may add its own ``places*.tsv``,
``actors*.tsv`` and ``weapons*.tsv``, and the caller may name more places files.
Later files add to or replace earlier rows.
Each part is built on first use: a query about dates never pays for the
gazetteer, and a cached index brings the gazetteer's tables ready-made.
"""

from __future__ import annotations

import os
from functools import cached_property, lru_cache
from pathlib import Path

from kscli.text.files import bundled_corpus


class Lexicon:
    """Places, actors and weapons, each built on first use from rows or from cached plain data."""

    def __init__(self, places=None, actors=None, weapons=None, loader=None):
        self._place_rows = places
        self._actor_rows = actors
        self._weapon_rows = weapons
        self._loader = loader  # gives one part of to_data() by name, when rows were not given

    @cached_property
    def places(self):
        from kscli.names.gazetteer import Gazetteer

        if self._place_rows is None:  # from a cache: the places are decoded from the maps as looked up
            return Gazetteer([], self._loader("place_maps"))
        return Gazetteer(self._place_rows)

    @cached_property
    def actors(self):
        from kscli.extract.actors import Actor, Actors

        if self._actor_rows is None:
            self._actor_rows = [Actor(n, s, k, tuple(al), p) for n, s, k, al, p in self._loader("actors")]
        return Actors(self._actor_rows)

    @cached_property
    def weapons(self):
        from kscli.extract.weapons import Weapons

        if self._weapon_rows is None:
            self._weapon_rows = {n: (c, tuple(al)) for n, (c, al) in self._loader("weapons").items()}
        return Weapons(self._weapon_rows)

    def to_data(self) -> dict:
        """Everything needed to rebuild this lexicon, as JSON-ready values (the place maps as bytes)."""
        places, actors, weapons = self.places, self.actors, self.weapons
        return {"actors": [[a.name, a.side, a.kind, list(a.aliases), a.party] for a in actors.by_name.values()],
                "weapons": {n: [weapons.categories[n], list(weapons.aliases[n])] for n in weapons.categories},
                "place_maps": places.maps()}


def data_files(corpus: Path | None, extra_places: tuple[Path, ...] = (), bundled: bool = True) -> dict[str, list[Path]]:
    """Data files by kind, bundled first (unless `bundled` is false), then the corpus's own, then the caller's."""
    home = bundled_corpus()
    folders = [home] if bundled else []
    if corpus is not None:
        folder = corpus if corpus.is_dir() else corpus.parent
        if folder.resolve() != home.resolve() or not bundled:
            folders.append(folder)
    names = [(folder, _listing(folder)) for folder in folders]  # one listing each, not a glob per kind
    out: dict[str, list[Path]] = {}
    for stem in ("places", "actors", "weapons"):
        out[stem] = [folder / name for folder, listing in names for name in listing
                     if name.startswith(stem) and name.endswith(".tsv") and (folder / name).is_file()]
    out["places"] += list(extra_places)
    return out


def _listing(folder: Path) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError:  # a folder that can be entered but not listed has no data files ksw can find
        return []


def load_lexicon(corpus: Path | None = None, extra_places: tuple[Path, ...] = (), bundled: bool = True) -> Lexicon:
    return lexicon_of(data_files(corpus, extra_places, bundled))


def lexicon_of(files: dict[str, list[Path]]) -> Lexicon:
    """The lexicon of data files by kind (data_files()).

    A process that builds several indexes on the same data files (a library user, the tests)
    reads and indexes them once: a gazetteer of thousands of places takes a fifth of a second.
    """
    try:
        contents = tuple((kind, tuple((path, path.read_bytes()) for path in paths)) for kind, paths in files.items())
    except OSError:
        contents = None  # unreadable: read_rows says so, in its own words
    return _lexicon(contents) if contents is not None else _read_lexicon(files)


@lru_cache(maxsize=2)
def _lexicon(contents: tuple) -> Lexicon:
    """The lexicon of files as they were when read (their bytes are part of the key)."""
    return _read_lexicon({kind: [path for path, _ in files] for kind, files in contents})


def _read_lexicon(files: dict[str, list[Path]]) -> Lexicon:
    from kscli.extract.actors import read_actors
    from kscli.names.placesfile import read_places
    from kscli.extract.weapons import read_weapons

    return Lexicon(read_places(files["places"]), read_actors(files["actors"]), read_weapons(files["weapons"]))
