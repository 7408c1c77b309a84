"""Tab- and comma-separated output: one event a line, whatever its text holds."""

from __future__ import annotations

from kscli.escapes import cell, guard_formula, tsv_cell


def render_tsv(rows, columns, header: bool, out) -> None:
    """Tab-separated; backslash, tab, CR and LF inside a cell are written as \\\\ \\t \\r \\n."""
    if header:
        out.write("\t".join(columns) + "\n")
    for row in rows:
        out.write("\t".join(tsv_cell(row.get(c)) for c in columns) + "\n")


def render_csv(rows, columns, header: bool, out) -> None:
    """RFC 4180 CSV; a cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    import csv

    if not rows:
        return
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(columns)
    writer.writerows([guard_formula(cell(row.get(c))) for c in columns] for row in rows)
