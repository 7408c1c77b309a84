"""One table of a cached gazetteer's maps, looked up by searching its bytes, decoded entry by entry.

The maps hold one line per entry, ``table TAB key TAB JSON``: a lookup finds its line with
one search of the bytes and decodes that line alone, so a query that resolves two names
decodes two entries, not a gazetteer of thousands of places. A first line says where each
table's lines lie (joined()), so that a search reads its table's bytes, not the megabytes
of the tables before it: a name a table lacks would otherwise cost a search to the end.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

_UNSEEN, _ABSENT = object(), object()
MANY = 8  # searches of one table after which its lines are indexed at once (a map looks up hundreds)
_CONTENTS = b"\ncontents\t\t"


def joined(tables: dict[str, bytes]) -> bytes:
    """The tables' lines (each table's its own "\ntable\tkey\tJSON" lines) after a first line that
    gives each table's span of bytes, counted from the end of that line."""
    spans, at = {}, 0
    for table, lines in tables.items():
        spans[table] = [at, at + len(lines)]
        at += len(lines)
    return _CONTENTS + json.dumps(spans, separators=(",", ":")).encode() + b"".join(tables.values()) + b"\n"


def _span(data: bytes, table: str) -> tuple[int, int]:
    """Where `table`'s lines lie in `data`, each line with the newline before it; all of `data`
    where it has no first line of contents."""
    if not data.startswith(_CONTENTS):
        return 0, len(data)
    end = data.index(b"\n", 1)
    start, stop = json.loads(data[len(_CONTENTS):end]).get(table, (0, 0))
    return end + start, end + stop + 1


class LineMap(Mapping):
    """One table of Gazetteer.maps(): a lookup searches the bytes for its line; iterating reads them all."""

    def __init__(self, data: bytes, table: str, convert, keyed: bool = False):
        self._data = data
        self._prefix = f"\n{table}\t".encode()
        self._convert = convert
        self._found: dict = {}
        self._all: list[str] | None = None
        self._keyed = keyed  # convert(value, key): a value that needs its key to be made whole
        self._searches = 0
        self._lines: dict[bytes, bytes] | None = None
        self._start, self._stop = _span(data, table)

    def get(self, k: str, default=None):
        value = self._found.get(k, _UNSEEN)
        if value is _UNSEEN:
            value = self._found[k] = self._look_up(k)
        return default if value is _ABSENT else value

    def get_many(self, keys) -> dict:
        """The values of many keys: past a few, the table's lines are indexed first."""
        keys = list(keys)
        if len(keys) > MANY:
            self._searches = MANY
        return {k: self.get(k) for k in keys}

    def __getitem__(self, k: str):
        value = self.get(k, _ABSENT)
        if value is _ABSENT:
            raise KeyError(k)
        return value

    def __contains__(self, k) -> bool:  # without Mapping's raise-and-catch of KeyError
        return self.get(k, _ABSENT) is not _ABSENT

    def _look_up(self, k: str):
        if "\t" in k or "\n" in k:
            return _ABSENT
        name = k.encode("utf-8", "surrogatepass")
        self._searches += 1
        if self._searches > MANY:
            raw = self._indexed().get(name)
        else:
            needle = self._prefix + name + b"\t"
            at = self._data.find(needle, self._start, self._stop)
            raw = None if at < 0 else self._data[at + len(needle):self._data.index(b"\n", at + len(needle))]
        if raw is None:
            return _ABSENT  # remembered too: a miss costs a search of the whole table
        value = json.loads(raw)
        return self._convert(value, k) if self._keyed else self._convert(value)

    def _indexed(self) -> dict[bytes, bytes]:
        """Every line of the table by its key, read once: its lines lie together (Gazetteer.maps())."""
        if self._lines is None:
            first = self._data.find(self._prefix, self._start, self._stop)
            last = self._data.rfind(self._prefix, self._start, self._stop)
            region = b"" if first < 0 else self._data[first + 1:self._data.index(b"\n", last + 1)]
            cut = len(self._prefix) - 1
            self._lines = dict(line[cut:].split(b"\t", 1) for line in region.split(b"\n"))
        return self._lines

    def _every(self) -> list[str]:
        if self._all is None:  # the keys only: values are decoded when looked up
            prefix = self._prefix[1:].decode()
            self._all = [line.split("\t", 2)[1] for line in self._data[self._start:self._stop].decode("utf-8").split("\n")
                         if line.startswith(prefix)]
        return self._all

    def __iter__(self):
        return iter(self._every())

    def __len__(self) -> int:
        return len(self._every())
