"""Tab- and comma-separated output: one event a line, whatever its text holds."""

from __future__ import annotations

from kscli.escapes import cell, tsv_cell

# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render_tsv(rows, columns, header: bool, out) -> None:
    """Tab-separated; backslash, tab, CR and LF inside a cell are written as \\\\ \\t \\r \\n."""
    if header:
        out.write("\t".join(columns) + "\n")
    for row in rows:
        out.write("\t".join(tsv_cell(row.get(c)) for c in columns) + "\n")


def render_csv(rows, columns, header: bool, out) -> None:
    """RFC 4180 CSV; a cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    render_csv_values([[cell(row.get(c)) for row in rows] for c in columns], columns, header, out)


def render_csv_values(values: list[list[str]], columns, header: bool, out) -> None:
    """render_csv() for cells already made text, one list a column (Result.values())."""
    import csv

    if not values or not values[0]:
        return
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(columns)
    writer.writerows(zip(*[[guard_formula(v) for v in column] for column in values]))


def guard_formula(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text
