"""The index as its cache file holds it: what goes in (save), and how it comes back out.

Each event is stored as the very JSON object `--format jsonl` prints, with a CRC
per line, so that output can copy it and a query checks just the lines it reads;
its default columns are stored again as one line (kscli.store.cells). Postings are one
flat integer array with a JSON directory per field; each JSON section is decoded
only when a query needs it. kscli.store.cachefile frames the sections in the file.
"""

from __future__ import annotations

import json
import zlib
from array import array
from collections.abc import Mapping, Sequence
from functools import cached_property, lru_cache
from pathlib import Path

from kscli import __version__
from kscli.store import cachefile as cache
from kscli.errors import CacheDamaged, CorpusError
from kscli.extract.lexicon import Lexicon
from kscli.model import Claim, Event, Link, ParseWarning
from kscli.store.index import CLAIM_POSTING_FIELDS, POSTING_FIELDS, Index, claim_json, event_json


def save(index: Index, location: Path, key: str) -> bool:
    from kscli.store import cells

    # Each event is stored as the very JSON object `--format jsonl` prints, so that
    # output can copy it; a CRC per line lets a query check just the lines it reads.
    # Its default columns, its JSON item and its CSV row are stored again, ready-made
    # (kscli.store.cells): an answer of thousands of rows then copies or cuts lines instead
    # of decoding and laying out thousands of objects.
    offsets, crcs = array("Q", [0]), array("I")

    def framed(texts, offsets, crcs):  # written as they are made: offsets and CRCs fill in on the way
        for text in texts:
            line = (text + "\n").encode("utf-8")
            offsets.append(offsets[-1] + len(line))
            crcs.append(zlib.crc32(line))
            yield line

    def lines(name, texts):  # a section of lines, then where each starts, then their CRCs
        offsets, crcs = array("Q", [0]), array("I")
        return [(name, framed(texts, offsets, crcs)), (f"{name}_offsets", offsets), (f"{name}_crcs", crcs)]
    flat, directories = _flat_postings("postings", POSTING_FIELDS, index.values)
    claim_flat, claim_directories = _flat_postings("claim_postings", CLAIM_POSTING_FIELDS, index.claim_values)
    header = {"version": __version__, "key": key, "year": index.year, "files": list(index.files),
              "warnings": [list(w) for w in index.warnings], "count": len(index.events),
              "claims": len(index.claims)}
    ready = [section for kind, make in cells.LINES.items() for section in lines(kind, map(make, index.events))]
    # Each JSON section is decoded only when a query needs it (a date query never reads the gazetteer).
    return cache.write(location, header, [("events", framed(map(event_json, index.events), offsets, crcs)),
                                          ("offsets", offsets), ("crcs", crcs), *ready,
                                          *lines("claims", map(claim_json, index.claims)),
                                          ("claim_starts", array("I", index._claim_starts)),
                                          ("dated_days", index._dated_days), ("dated_pos", index._dated_pos),
                                          ("postings", flat), ("claim_postings", claim_flat),
                                          *_lexicon_sections(index.lexicon), *directories, *claim_directories],
                       unchecked=("events", "claims", *cells.LINES))


def _flat_postings(name: str, fields, values) -> tuple[array, list[tuple[str, bytes]]]:
    """Postings as one flat integer array, and a JSON directory per field of where each value's lie."""
    flat, directories = array("I"), []
    for field in fields:
        directory = {}
        for value, positions in sorted(values(field).items()):  # same input, same bytes
            directory[value] = [len(flat), len(positions)]
            flat.extend(positions)
        directories.append((f"{name}.{field}", _json_bytes(directory)))
    return flat, directories


def _lexicon_part(snapshot: cache.Snapshot, part: str):
    raw = bytes(snapshot.raw(f"lexicon.{part}"))
    return raw if part == "place_maps" else json.loads(raw)


def _lexicon_sections(lexicon: Lexicon) -> list[tuple[str, bytes]]:
    """Each part its own section: a place query reads the places, not the actors."""
    return [(f"lexicon.{part}", value if isinstance(value, bytes) else _json_bytes(value))
            for part, value in lexicon.to_data().items()]


def _json_bytes(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def from_snapshot(snapshot: cache.Snapshot, location: Path | None = None) -> Index:
    header = snapshot.header
    events = _LazyEvents(snapshot.raw("events"), snapshot.ints("offsets", "Q"), snapshot.ints("crcs", "I"), location)
    ready = {kind: _lines(Lines, snapshot, kind, location) for kind in ("cells", "json", "csv")}
    claims = _lines(_LazyClaims, snapshot, "claims", location)
    if any(len(lines) != header["count"] for lines in (events, *ready.values())) or len(claims) != header["claims"]:
        raise CorpusError("cache damaged")  # cannot happen for a file cache.read() accepted
    lexicon = Lexicon(loader=lambda part: _lexicon_part(snapshot, part))
    return Index(events, [ParseWarning(*w) for w in header["warnings"]], lexicon,
                 header["year"], tuple(header["files"]), snapshot.ints("dated_days", "i"),
                 snapshot.ints("dated_pos", "I"), _postings_of(snapshot, "postings", POSTING_FIELDS), ready,
                 claims, snapshot.ints("claim_starts", "I"),
                 _postings_of(snapshot, "claim_postings", CLAIM_POSTING_FIELDS))


def _lines(kind, snapshot: cache.Snapshot, name: str, location: Path | None):
    return kind(snapshot.raw(name), snapshot.ints(f"{name}_offsets", "Q"), snapshot.ints(f"{name}_crcs", "I"), location)


def _postings_of(snapshot: cache.Snapshot, name: str, fields) -> dict:
    flat = snapshot.ints(name, "I")
    return {field: _Postings(flat, lambda f=field: json.loads(bytes(snapshot.raw(f"{name}.{f}")))) for field in fields}


class Lines:
    """Lines of a cache section, each read on its own and checked against its CRC."""

    def __init__(self, raw: memoryview, offsets: array, crcs: array, location: Path | None):
        self._raw = raw
        self._offsets = offsets
        self._crcs = crcs
        self._location = location

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def line(self, n: int) -> bytes:
        """Line n without its line break, as stored; CacheDamaged if it is not what was written."""
        return bytes(next(self._checked((n,)))[:-1])

    def joined(self, positions) -> bytes:
        """The lines at `positions`, line breaks and all, as one bytes; CacheDamaged if any is damaged."""
        return b"".join(self._checked(positions))

    def texts(self, positions) -> list[str]:
        """The lines at `positions`, decoded, without line breaks; CacheDamaged if any is damaged."""
        return [str(line[:-1], "utf-8") for line in self._checked(positions)]

    def _checked(self, positions):
        raw, offsets, crcs, crc32 = self._raw, self._offsets, self._crcs, zlib.crc32
        for n in positions:
            line = raw[offsets[n]:offsets[n + 1]]
            if crc32(line) != crcs[n]:
                raise CacheDamaged(self._location)
            yield line


class _LazyEvents(Lines, Sequence):
    """Events decoded from the cache one at a time, when asked for, each line checked against its CRC."""

    def __init__(self, raw: memoryview, offsets: array, crcs: array, location: Path | None):
        super().__init__(raw, offsets, crcs, location)
        self._decode = lru_cache(maxsize=4096)(self._decode_uncached)

    def __getitem__(self, n):
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(len(self)))]
        if n < 0:
            n += len(self)
        if not 0 <= n < len(self):
            raise IndexError(n)
        return self._decode(n)

    def _decode_uncached(self, n: int) -> Event:
        record = json.loads(self.line(n))
        return Event._make(tuple(v) if isinstance(v, list) else v for k, v in record.items() if k != "disputed")


class _LazyClaims(_LazyEvents):
    """Claims decoded from the cache one at a time, when asked for."""

    def _decode_uncached(self, k: int) -> Claim:
        record = json.loads(self.line(k))
        victims = record.pop("victims") or {}
        for field in ("denied_by", "confirmed_by", "contradicted_by"):
            record[field] = tuple(Link(**link) for link in record[field])
        values = {key: tuple(v) if isinstance(v, list) else v for key, v in record.items()}
        return Claim(**values, victims_side=victims.get("side"), victims_civilian=victims.get("civilian"))


class _Postings(Mapping):
    """One field's postings, sliced from the cache's flat array on demand."""

    def __init__(self, flat: array, load_directory):
        self._flat = flat
        self._load = load_directory

    @cached_property
    def _directory(self) -> dict[str, list[int]]:
        return self._load()

    def __getitem__(self, value: str) -> Sequence[int]:
        start, count = self._directory[value]
        return self._flat[start:start + count]

    def __iter__(self):
        return iter(self._directory)

    def __len__(self) -> int:
        return len(self._directory)
