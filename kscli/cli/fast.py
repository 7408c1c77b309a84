"""The fast path: the common commands (events, claims, places, stats, map), parsed against the
options table without typer.

Importing typer and building a command costs more than answering a query from the cache. Here
the arguments are read against the same table typer is built from (kscli.cli.options), in the
forms people type: `--name VALUE`, `--name=VALUE`, `-x VALUE` and flags. Anything else (help,
completion, an option not in the table, a value that does not convert, `--`, a value that looks
like an option, attached short options) hands the whole command line to typer untouched, so what
ksw does never differs: tests/test_fast_path.py holds the two paths to the same options and bytes.
"""

import errno
import os
import sys
from pathlib import Path

from kscli.cli import options as table
from kscli.errors import ExitStatus

COMPLETION_VARIABLE = "_KSW_COMPLETE"  # set by a shell asking typer to complete


ARGUMENTS = {"events": None, "claims": None, "places": "names", "stats": None, "map": None}  # the key of its arguments


def commands() -> dict:
    """Command name -> (its option groups, the key of its arguments or None), for the commands read here."""
    return {name: (table.of(name), arguments) for name, arguments in ARGUMENTS.items()}


BODIES = {"events": ("kscli.cli.events", "events"), "claims": ("kscli.cli.claims", "claims"),
          "places": ("kscli.cli.listing", "places"), "stats": ("kscli.cli.listing", "stats"),
          "map": ("kscli.cli.mapping", "map_")}


def parse(argv: list[str]) -> tuple[str, dict] | None:
    """(command, options as typer would give them), or None: typer is to read these arguments."""
    known = commands()
    if not argv or argv[0] not in known or COMPLETION_VARIABLE in os.environ:
        return None
    groups, positional = known[argv[0]]
    flags = {decl: (key, opt) for group in groups for key, opt in group.items() for decl in opt.decls}
    given = _read(argv[1:], flags, positional is not None)
    if given is None:
        return None
    raw, arguments = given
    try:
        o = {key: _value(opt, raw.get(key)) for group in groups for key, opt in group.items()}
    except ValueError:  # typer says what is wrong with the value, in its words
        return None
    if positional is not None:
        o[positional] = arguments or None
    return argv[0], o


def _read(args: list[str], flags: dict, takes_arguments: bool) -> tuple[dict, list[str]] | None:
    """The raw values given to each option (in order), and the arguments; None on anything unusual."""
    raw: dict[str, list] = {}
    arguments: list[str] = []
    at = 0
    if any("\x00" in arg for arg in args):
        return None  # no command line holds one (a caller's list may): typer's error says so
    while at < len(args):
        arg = args[at]
        at += 1
        if not arg.startswith("-"):
            if not takes_arguments:
                return None
            arguments.append(arg)
            continue
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name not in flags:
            return None
        key, opt = flags[name]
        if opt.kind == "flag":
            if equals:
                return None
            value = True
        elif not equals:
            if at == len(args) or (args[at].startswith("-") and args[at] != "-"):  # "-": standard output
                return None
            value = args[at]
            at += 1
        raw.setdefault(key, []).append(value)
    return raw, arguments


def _value(opt: table.Opt, given: list | None):
    """One option's value as typer makes it: the last one given for a single value, a list for many."""
    if opt.kind == "flag":
        return True if given else opt.default
    if opt.kind in ("strs", "paths"):
        if not given:
            return list(opt.default) if opt.default is not None else None
        return [Path(v) for v in given] if opt.kind == "paths" else list(given)
    if not given and opt.envvar and os.environ.get(opt.envvar):
        given = [os.environ[opt.envvar]]
    if not given:
        return Path(opt.default) if opt.kind == "path" and opt.default is not None else opt.default
    value = given[-1]
    if opt.kind == "int":
        number = int(value)
        if (opt.min is not None and number < opt.min) or (opt.max is not None and number > opt.max):
            raise ValueError(value)
        return number
    return float(value) if opt.kind == "float" else Path(value) if opt.kind == "path" else value


def answer(call: tuple[str, dict], env) -> int:
    """Run the command's body; an interruption or a closed pipe ends as typer would end it."""
    import importlib

    name, o = call
    module, function = BODIES[name]
    body = getattr(importlib.import_module(module), function)  # only the one command's module
    try:
        body(env, o)
    except KeyboardInterrupt:
        return ExitStatus.INTERRUPTED
    except EOFError:
        sys.stderr.write("\n")
        sys.stderr.flush()
        return ExitStatus.INTERRUPTED
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        from kscli.cli.printing import closed_stdout

        closed_stdout()
        sys.exit(1)
    return ExitStatus.MATCH
