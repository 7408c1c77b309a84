"""Printing for the commands: one renderer per format (kscli.render), a closed pipe ends quietly."""

import os
import sys

from kscli.errors import ExitStatus, UsageError


class Finished(Exception):
    """A command has answered: the run ends with this exit status (typer's Exit, without typer)."""

    def __init__(self, status: int):
        super().__init__(status)
        self.status = status


def choose(requested, geo: bool = False, default_piped: str | None = None) -> str:
    from kscli.render.formats import FORMATS, choose_format

    if requested == "geojson" and geo:
        return "geojson"
    if geo and requested is not None and requested not in FORMATS:
        raise UsageError(f"unknown format '{requested}'; one of: {', '.join((*FORMATS, 'geojson'))}")
    fmt = choose_format(requested)
    return default_piped if requested is None and fmt == "tsv" and default_piped else fmt


def pick(o: dict, known: tuple, default: list) -> list[str]:
    from kscli.render.formats import check_fields

    return check_fields(o["fields"].split(","), tuple(known)) if o.get("fields") is not None else list(default)


def print_rows(rows, columns, fmt, **options) -> None:
    from kscli.render.formats import render

    guard(render, rows, columns, fmt, **options)


def print_cells(cells, columns, header: bool, marks) -> None:
    from kscli.render.table import render_cells

    guard(render_cells, cells, columns, header, sys.stdout, marks)


def print_records(rows) -> None:
    from kscli.render.records import render_records

    guard(render_records, rows)


def emit_json(value) -> None:
    import json

    guard(lambda: sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n"))


def print_lines(lines) -> None:
    """Lines of text for a person (a chart, a grid): whatever a corpus put in them (a heading's
    escape sequences) is shown, not obeyed."""
    from kscli.escapes import printable

    guard(lambda: sys.stdout.write("".join(printable(line) + "\n" for line in lines)))


def print_bytes(data: bytes) -> None:
    """Bytes as they are (UTF-8 text already): no decoding and encoding of a large answer."""
    def write():
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text-only stream
            sys.stdout.write(data.decode("utf-8"))
        else:
            buffer.write(data)

    guard(write)


def guard(write, *args, **options) -> None:
    try:
        write(*args, **options)
        sys.stdout.flush()
    except BrokenPipeError:
        raise Finished(closed_stdout()) from None


def closed_stdout() -> int:
    # The reader went away (`ksw events | head -1`): stop quietly, as cat and grep do.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return ExitStatus.MATCH


NOTICE_BYTES = 2_000_000  # about a second of building and more: worth a word to someone waiting


def building_notice(size: int, files: int, cached: bool) -> None:
    """One line on stderr before a build long enough to be felt, when stderr is a terminal (never
    in a log or a pipe): a first run on a big timeline is otherwise a silent wait."""
    try:
        if size < NOTICE_BYTES or not sys.stderr.isatty():
            return
        what = f"{size / 1e6:.1f} MB of timeline ({files} file{'s' if files != 1 else ''})"
        then = ("done once, later runs read the cache" if cached
                else "the cache is off or not writable, so every run does this")
        sys.stderr.write(f"ksw: indexing {what}; {then}\n")
        sys.stderr.flush()
    except (AttributeError, ValueError, OSError):  # no stderr to speak of: the notice is not worth an error
        pass


def done(matched: bool) -> None:
    raise Finished(ExitStatus.MATCH if matched else ExitStatus.NO_MATCH)


def note(message: str) -> None:
    """A line on stderr now, not held to the end of the run (what typer.echo(..., err=True) did)."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
