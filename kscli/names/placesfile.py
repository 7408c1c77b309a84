"""Reading places files: their rows checked and made Place records, the tree of parents checked
for gaps and loops before any walk up or down it."""

from __future__ import annotations

from pathlib import Path

from kscli.errors import DataFileError
from kscli.names.gazetteer import KINDS, Place


def read_places(paths: list[Path]) -> list[Place]:
    """Places from places files; later files add places or replace same-named ones."""
    from kscli.text.tsv import read_rows

    places: dict[str, Place] = {}
    for path in paths:
        for n, row in read_rows(path, ("name", "kind", "parent", "lat", "lon", "aliases")):
            place = _place(path, n, row)
            places[place.name] = place
    missing = sorted({parent for p in places.values() for parent in p.parents if parent not in places})
    if missing:
        raise DataFileError(f"places: parent '{missing[0]}' is not itself a place")
    _check_no_cycle(places)
    return list(places.values())


def _check_no_cycle(places: dict[str, Place]) -> None:
    """A place inside itself, at any depth, would send every walk up or down the tree round forever."""
    settled: set[str] = set()  # places whose chain of parents is known to end
    for name in places:
        chain: list[str] = []
        while name and name not in settled:
            if name in chain:
                loop = chain[chain.index(name):] + [name]
                raise DataFileError(f"places: '{name}' is inside itself ({' → '.join(loop)})")
            chain.append(name)
            name = places[name].parent
        settled.update(chain)
    for place in places.values():  # the other parents: a walk up from each must not come back
        for parent in place.also_in:
            if parent == place.name or place.name in _all_above(places, parent):
                raise DataFileError(f"places: '{place.name}' is inside itself (through {parent})")


def _all_above(places: dict[str, Place], name: str) -> set[str]:
    seen, todo = set(), [name]
    while todo:
        for parent in places[todo.pop()].parents:
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def _place(path: Path, n: int, row: dict[str, str]) -> Place:
    if not row["name"]:
        raise DataFileError(f"{path}:{n}: a place needs a name")
    if row["kind"] not in KINDS:
        raise DataFileError(f"{path}:{n}: unknown kind '{row['kind']}' (one of {', '.join(KINDS)})")
    try:
        lat = float(row["lat"]) if row["lat"] else None
        lon = float(row["lon"]) if row["lon"] else None
    except ValueError:
        raise DataFileError(f"{path}:{n}: lat/lon must be decimal degrees") from None
    if (lat is not None and not -90 <= lat <= 90) or (lon is not None and not -180 <= lon <= 180):
        # nan fails these too: it would be written into JSON, where it is not a number
        raise DataFileError(f"{path}:{n}: lat must lie within ±90 and lon within ±180 degrees, "
                            f"not {row['lat']}, {row['lon']}")
    from kscli.text.tsv import split_list

    parents = split_list(row["parent"])
    sources = split_list(row.get("source") or "")
    return Place(row["name"], row["kind"], parents[0] if parents else None, lat, lon, tuple(split_list(row["aliases"])),
                 tuple(split_list(row.get("historical", ""))), tuple(parents[1:]),
                 "source" not in row or "hand" in sources, "elsewhere" in sources)
