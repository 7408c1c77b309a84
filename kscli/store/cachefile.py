"""The on-disk cache of a built index: one file per corpus location, safe to load.

Layout (little-endian)::

    magic  sections...  header JSON  4-byte header CRC  8-byte header length  magic

The header names the tool version, what the input was, where each section
lies, and a CRC-32 of each, checked on every open (the events section, the
bulk of a big file, is checked line by line as lines are read). Sections are
JSON lines (events) and raw unsigned integer arrays (offsets, dates,
postings): nothing in the file can run code when loaded, unlike pickle. A file that is short, damaged, from another
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

FORMAT = 279  # raised when the layout changes, or what a build makes of the same input (an index by other rules)
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
    if base and not os.path.isabs(base):
        base = None  # the XDG spec: a relative path is invalid and is to be ignored
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


def unchanged(location: Path, paths: list[Path], key: str | None) -> bool:
    """Whether the inputs are, by their stat data, those the cache was last checked against.

    Like git's index, a file changed in the same clock tick as the last check could
    keep its stat data: such "racy" files are never trusted this way, and get hashed.
    """
    try:
        with _open_file(location.parent / (location.name + ".stamps")) as f:
            record = json.loads(f.read().decode("utf-8"))
        stamps = _stamps(paths)
        quiet_before = int(record["checked_ns"]) - 2_000_000_000
        return (record["key"] == key and record["stamps"] == stamps
                and all(max(s[2], s[3]) < quiet_before for s in stamps))
    except Exception:  # noqa: BLE001 - a stamps file of any shape or state only means: hash instead
        return False


def remember(location: Path, paths: list[Path], key: str) -> None:
    """Record the inputs' stat data beside the cache, so the next run can skip hashing them."""
    import time

    try:
        record = {"key": key, "stamps": _stamps(paths), "checked_ns": time.time_ns()}
    except OSError:
        return
    data = json.dumps(record).encode("utf-8")
    _replace(location.parent / (location.name + ".stamps"), lambda f: f.write(data))


def _stamps(paths: list[Path]) -> list[list]:
    out = []
    for p in paths:
        s = os.stat(p)
        out.append([str(p), s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino, s.st_dev])
    return out


def writable(path: Path) -> bool:
    """Whether a cache file could be written at `path`: its nearest existing folder takes new files."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


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

    def ints(self, name: str, typecode: str):
        """A section of little-endian integers: a view of the file's bytes where it can be, else a copy."""
        view = self.raw(name)
        if sys.byteorder == "little" and (self._base + self.header["sections"][name][0]) % 8 == 0:
            return view.cast(typecode)
        values = array(typecode)
        values.frombytes(view)
        if sys.byteorder != "little":
            values.byteswap()
        return values


def read(path: Path, version: str) -> Snapshot | None:
    """The snapshot in `path` if it is whole and of this version, else None (a damaged file is removed).

    Whether it was built from the caller's input is the caller's question: see `inputs` in the header.
    """
    try:
        with _open_file(path) as f:
            size = os.fstat(f.fileno()).st_size
            if size < len(MAGIC) + 8:
                raise ValueError("short")
            buffer = f.read() if size < _MAP_FROM else _map(f)
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        discard(path)
        return None
    try:
        snapshot = _open(buffer, size)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        discard(path)  # damaged: never leave it to trip the next run
        return None
    header = snapshot.header
    if header.get("format") != FORMAT or header.get("version") != version:
        return None  # another version's, not broken: the rebuild will replace it
    return snapshot


def _open_file(path: Path):
    """`path` opened for reading if it is a plain file; ValueError if it is anything else. Opened
    without blocking, so that a FIFO put where a cache file goes is refused, not waited on for ever."""
    import stat

    f = open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb")
    if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
        f.close()
        raise ValueError("not a plain file")
    return f


_MAP_FROM = 8 << 20  # small caches are read whole; big ones mapped, so a query touches only what it returns


def _map(f):
    import mmap

    return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


def _open(buffer, size: int) -> Snapshot:
    """Check the frame (magic at both ends, header, sizes, checksums) and open it."""
    tail = len(MAGIC) + 8
    if buffer[:len(MAGIC)] != MAGIC or buffer[size - len(MAGIC):size] != MAGIC:
        raise ValueError("not a whole ksw cache")
    length = int.from_bytes(buffer[size - tail:size - len(MAGIC)], "little")
    if length <= 4 or length > size - tail - len(MAGIC):
        raise ValueError("header length out of range")
    text = bytes(buffer[size - tail - length:size - tail - 4])
    if zlib.crc32(text) != int.from_bytes(buffer[size - tail - 4:size - tail], "little"):
        raise ValueError("damaged: the header fails its checksum")
    header = json.loads(text.decode("utf-8"))
    if header.get("size") != size:
        raise ValueError("truncated or padded")
    base, body_end = len(MAGIC), size - tail - length
    view = memoryview(buffer)
    for name, (offset, section_length) in header["sections"].items():
        if offset < 0 or section_length < 0 or base + offset + section_length > body_end:
            raise ValueError(f"section {name} runs past the end")
        if name not in header["unchecked"] and \
                zlib.crc32(view[base + offset:base + offset + section_length]) != header["crcs"][name]:
            raise ValueError(f"damaged: section {name} fails its checksum")
    return Snapshot(buffer, header, base)


def write(path: Path, header: dict, sections, unchecked: tuple[str, ...] = ()) -> bool:
    """Write atomically; False (and nothing left behind) when the directory will not take it.

    `sections` are (name, data) pairs; data is bytes, an array, or an iterable of bytes
    written as it comes (so a big events section never sits in memory twice). The
    header goes last, framed by its length and the magic. Every section gets a CRC
    checked on open, except the `unchecked` ones, which the caller checks piece by
    piece (the events: a query reads only the lines it returns).
    """
    def fill(f) -> None:
        layout, crcs, offset = {}, {}, 0
        f.write(MAGIC)
        for name, data in sections:
            pad = -(len(MAGIC) + offset) % 8  # every section 8-byte aligned: integer arrays are read in place
            f.write(bytes(pad))
            offset += pad
            start, crc = offset, 0
            for chunk in ([_bytes(data)] if isinstance(data, (bytes, array)) else data):
                f.write(chunk)
                offset += len(chunk)
                if name not in unchecked:
                    crc = zlib.crc32(chunk, crc)
            layout[name] = [start, offset - start]
            if name not in unchecked:
                crcs[name] = crc
        f.write(_footer(dict(header, format=FORMAT, sections=layout, crcs=crcs, unchecked=list(unchecked)),
                        len(MAGIC) + offset))

    return _replace(path, fill)


def _replace(path: Path, fill) -> bool:
    """Write a file atomically (temporary file, fsync, rename); False if the directory will not take it."""
    import tempfile  # only when writing

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=SUFFIX, dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            fill(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
        return True
    except OSError:
        return False
    finally:  # whatever stopped the write (a full disk, Ctrl-C), no half file is left behind
        if tmp:
            discard(Path(tmp))


def _footer(header: dict, written: int) -> bytes:
    """Header JSON, its CRC, their length, the magic. The header records the whole file's
    size, which depends on the header's own length: a few rounds settle it."""
    header["size"] = 0
    for _ in range(3):
        text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        total = written + len(text) + 4 + 8 + len(MAGIC)
        if header["size"] == total:
            break
        header["size"] = total
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return text + zlib.crc32(text).to_bytes(4, "little") + (len(text) + 4).to_bytes(8, "little") + MAGIC


def _bytes(data) -> bytes:
    if isinstance(data, array):
        if sys.byteorder != "little":
            data = array(data.typecode, data)
            data.byteswap()
        return data.tobytes()
    return data


def discard(path: Path) -> None:
    """Remove a cache file (and its stamps), quietly: it may be gone already."""
    for victim in (path, path.parent / (path.name + ".stamps")):
        try:
            victim.unlink()
        except OSError:
            pass
