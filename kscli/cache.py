"""The on-disk cache of a built index: one file per corpus location, safe to load.

Layout (little-endian)::

    b"KSWCACHE\\x01\\n"  8-byte header length  header JSON  sections...

The header names the tool version, the digest of every input byte, where each
section lies, and a CRC-32 of them all, checked on every open. Sections are compact JSON lines (events) and raw unsigned
integer arrays (offsets, dates, postings): nothing in the file can run code
when loaded, unlike pickle. A file that is short, damaged, from another
version or for other input is ignored, removed, and rebuilt; a cache directory
that cannot be written is simply not used. Writes go to a temporary file in
the same directory and are renamed into place, so a reader never sees half a
file and two writers never mix their bytes.
"""

from __future__ import annotations

import json
import os
import sys
import zlib
from array import array
from pathlib import Path

try:  # the BLAKE2 module alone: hashlib would also load OpenSSL, a few ms on every run
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b

FORMAT = 2
MAGIC = b"KSWCACHE\x01\n"
SUFFIX = ".kswidx"
CACHE_ENV = "KSW_CACHE_DIR"
_ITEM = {"Q": 8, "I": 4, "i": 4}


def cache_root() -> Path | None:
    """$KSW_CACHE_DIR (empty or "off" disables), else $XDG_CACHE_HOME/ksw, else ~/.cache/ksw."""
    env = os.environ.get(CACHE_ENV)
    if env is not None:
        return None if env.strip().lower() in ("", "0", "off", "none", "no") else Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME")
    try:
        return (Path(base) if base else Path.home() / ".cache") / "ksw"
    except RuntimeError:  # no home directory to speak of
        return None


def digest(parts) -> str:
    """A digest of (label, bytes) pairs: equal digests mean equal input."""
    h = blake2b(digest_size=20)
    for label, data in parts:
        h.update(label.encode("utf-8", "surrogatepass") + b"\0" + len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def path_for(root: Path, location: str) -> Path:
    """The cache file of one corpus location (its content key lives inside)."""
    return root / (blake2b(location.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest() + SUFFIX)


class Snapshot:
    """A cache file opened for reading: header values, lazily decoded sections."""

    def __init__(self, buffer, header: dict, base: int):
        self._buffer = buffer
        self.header = header
        self._base = base

    def raw(self, name: str) -> memoryview:
        offset, length = self.header["sections"][name]
        return memoryview(self._buffer)[self._base + offset:self._base + offset + length]

    def ints(self, name: str, typecode: str) -> array:
        values = array(typecode)
        values.frombytes(self.raw(name))
        if sys.byteorder != "little":
            values.byteswap()
        return values


def read(path: Path, key: str, version: str) -> Snapshot | None:
    """The snapshot in `path` if it is whole and was built from exactly this input, else None."""
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size < len(MAGIC) + 8:
                raise ValueError("short")
            buffer = f.read() if size < _MAP_FROM else _map(f)
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        _discard(path)
        return None
    try:
        snapshot = _open(buffer, size)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        _discard(path)  # damaged: never leave it to trip the next run
        return None
    header = snapshot.header
    if header.get("format") != FORMAT or header.get("version") != version or header.get("key") != key:
        return None  # stale, not broken: the rebuild will replace it
    return snapshot


_MAP_FROM = 8 << 20  # small caches are read whole; big ones mapped, so a query touches only what it returns


def _map(f):
    import mmap

    return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


def _open(buffer, size: int) -> Snapshot:
    if buffer[:len(MAGIC)] != MAGIC:
        raise ValueError("not a ksw cache")
    start = len(MAGIC) + 8
    length = int.from_bytes(buffer[len(MAGIC):start], "little")
    if start + length > size:
        raise ValueError("header runs past the end")
    header = json.loads(bytes(buffer[start:start + length]).decode("utf-8"))
    base = start + length
    for name, (offset, section_length) in header["sections"].items():
        if offset < 0 or section_length < 0 or base + offset + section_length > size:
            raise ValueError(f"section {name} runs past the end")
    if header.get("size") != size:
        raise ValueError("truncated or padded")
    if zlib.crc32(memoryview(buffer)[base:]) != header.get("crc"):
        raise ValueError("damaged: checksum differs")
    return Snapshot(buffer, header, base)


def write(path: Path, header: dict, sections: list[tuple[str, bytes | array]]) -> bool:
    """Write atomically; False (and nothing left behind) when the directory will not take it."""
    layout, offset = {}, 0
    blobs = []
    for name, data in sections:
        blob = _bytes(data)
        layout[name] = [offset, len(blob)]
        offset += len(blob)
        blobs.append(blob)
    crc = 0
    for blob in blobs:
        crc = zlib.crc32(blob, crc)
    header = dict(header, format=FORMAT, sections=layout, crc=crc)
    head = _header_bytes(header, offset)
    import tempfile  # only when writing

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=SUFFIX, dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(head)
            for blob in blobs:
                f.write(blob)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp:
            _discard(Path(tmp))
        return False


def _header_bytes(header: dict, body: int) -> bytes:
    # The header records the whole file's size, which depends on the header's own length.
    header["size"] = 0
    for _ in range(3):
        text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        total = len(MAGIC) + 8 + len(text) + body
        if header["size"] == total:
            break
        header["size"] = total
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return MAGIC + len(text).to_bytes(8, "little") + text


def _bytes(data) -> bytes:
    if isinstance(data, array):
        if sys.byteorder != "little":
            data = array(data.typecode, data)
            data.byteswap()
        return data.tobytes()
    return data


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
