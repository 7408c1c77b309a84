"""Reading the readable data files under corpus/: tab-separated, one header line."""

from __future__ import annotations

from pathlib import Path

from kscli.errors import DataFileError


def read_rows(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs; blank lines and '#' comments skipped.

    A missing column or a short row is a DataFileError naming file:line.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read ({exc})") from None
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            if missing:
                raise DataFileError(f"{path}:{n}: header lacks column(s) {', '.join(missing)}")
            continue
        if len(cells) < len(required):
            raise DataFileError(f"{path}:{n}: expected {len(header)} tab-separated cells, found {len(cells)}")
        cells += [""] * (len(header) - len(cells))
        rows.append((n, dict(zip(header, cells))))
    return rows


def split_list(cell: str) -> list[str]:
    """The ';'-separated values of one cell."""
    return [part.strip() for part in cell.split(";") if part.strip()]
