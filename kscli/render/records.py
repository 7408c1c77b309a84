"""One event (or any row) in full, as a block of field and value, for reading on a terminal."""

from __future__ import annotations

import sys

from kscli.escapes import cell, printable

def render_records(rows: list[dict], out=None) -> None:
    """Each row as its own two-column table of field and value, for reading one event in full."""
    from rich.table import Table
    from rich.text import Text

    console = _console(out or sys.stdout)
    for row in rows:
        table = Table(show_header=False, expand=False, box=None, padding=(0, 1))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for key, value in row.items():
            if key == "claims" and "chain" in row:
                continue  # shown as its chain, the lines a reader follows
            if key == "chain":
                table.add_row(key, Text("\n".join(printable(line) for line in value)))
                continue
            table.add_row(key, Text(printable(_record_cell(value))))
        console.print(table)
        console.print()


def _record_cell(value) -> str:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return "\n".join(", ".join(f"{k}={cell(v)}" for k, v in item.items()) for item in value)
    return cell(value)


def _console(out):
    from rich.console import Console

    return Console(file=out, highlight=False, soft_wrap=False)
