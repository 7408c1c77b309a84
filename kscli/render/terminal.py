"""What an output stream is: a terminal or not, whether it takes colour, how wide it is.

The answers are rich.console's, for the same variables (TTY_COMPATIBLE, FORCE_COLOR,
NO_COLOR, TERM, COLUMNS), with one difference: a COLUMNS of 1 or more always sets the
width (rich takes 80 on a dumb terminal unless LINES is set too). They are worked out
here because importing rich.console costs about 25 ms, a run's largest single cost after
the interpreter and typer. Not handled, unlike rich: Jupyter, IDLE and legacy Windows
consoles, none of which runs a command-line tool's table.
"""

from __future__ import annotations

import os
from typing import NamedTuple

DEFAULT_WIDTH = 80


class Terminal(NamedTuple):
    styles: bool  # escape sequences wanted at all
    colour: bool  # colours too, not only bold
    width: int


def describe(stream, environ=None) -> Terminal:
    env = os.environ if environ is None else environ
    styles = _is_terminal(stream, env)
    dumb = styles and env.get("TERM", "").lower() in ("dumb", "unknown")
    colour = styles and not dumb and env.get("NO_COLOR", "") == ""
    return Terminal(styles, colour, _width(env, dumb))


def _is_terminal(stream, env) -> bool:
    forced = env.get("TTY_COMPATIBLE", "")
    if forced in ("0", "1"):
        return forced == "1"
    if env.get("FORCE_COLOR") is not None:  # the force-color convention: set and not empty
        return env["FORCE_COLOR"] != ""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def _width(env, dumb: bool) -> int:
    columns = env.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if dumb:
        return DEFAULT_WIDTH
    for fd in (0, 1, 2):
        try:
            return os.get_terminal_size(fd).columns or DEFAULT_WIDTH
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
    return DEFAULT_WIDTH


def cell_len(text: str) -> int:
    """Terminal cells `text` takes (wide East Asian characters take two), as rich measures them."""
    from rich.cells import cell_len as measure  # only for text that is not all one-cell characters

    return measure(text)
