"""Running the app: every failure becomes one line on stderr and an exit status."""

import sys

import typer

from kscli.cli.commands import app
from kscli.cli.context import Context
from kscli.cli.printing import closed_stdout
from kscli.errors import CacheDamaged, ExitStatus, KscliError, one_line, shortened


def run(argv: list[str] | None = None) -> None:
    """Run the app; every failure becomes one line on stderr and an exit status."""
    if sys.stdout is None:  # started with standard output closed (ksw ... >&-)
        _error("cannot write: standard output is closed")
        sys.exit(ExitStatus.ERROR)
    _lenient_encoding()
    context = Context()
    try:
        status = _run(argv, context)
    except KeyboardInterrupt:
        status = ExitStatus.INTERRUPTED
        context.flush_warnings(keep=False)
    except BrokenPipeError:
        status = closed_stdout()
    except OSError as exc:  # the output itself failed: a full disk, a vanished device
        _error(f"cannot write output: {exc.strerror or exc}")
        status = ExitStatus.ERROR
    context.flush_warnings()
    status = _flush_or_quiet(status)
    sys.exit(int(status or 0))


def _lenient_encoding() -> None:
    """Output in an encoding that lacks some letters (PYTHONIOENCODING=ascii) shows them as \\u015f
    escapes: failing half-way through an answer would print part of it and an internal error."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
        if encoding != "utf8" and getattr(stream, "errors", "") == "strict":
            try:
                stream.reconfigure(errors="backslashreplace")
            except (AttributeError, ValueError, OSError):  # not a TextIOWrapper: leave it as it is
                pass


def _app_for(argv: list[str]) -> typer.Typer:
    """The app narrowed to the command the arguments name.

    typer builds every command's options before running one; on a tool run in
    loops that is milliseconds for nothing. Help, completion and unknown names
    get the whole app.
    """
    import copy

    name = argv[0] if argv else ""
    commands = [c for c in app.registered_commands if (c.name or c.callback.__name__.replace("_", "-")) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    narrow = copy.copy(app)
    narrow.registered_commands = commands
    narrow.registered_groups = groups
    return narrow


def _run(argv, context: Context, retry: bool = True) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    command = typer.main.get_command(_app_for(argv))
    try:
        result = command.main(args=argv, prog_name="ksw", standalone_mode=False, obj=context)
        return result if isinstance(result, int) else ExitStatus.MATCH
    except CacheDamaged as exc:
        # Found before anything was printed: drop the file and answer from a fresh build.
        from kscli.store import cachefile as cache

        cache.discard(exc.location)
        if retry:
            context.flush_warnings(keep=False)  # the second run says them again
            return _run(argv, context, retry=False)
        _error(str(exc))
        return exc.status
    except KscliError as exc:
        _error(str(exc))
        return exc.status
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        return ExitStatus.INTERRUPTED
    except OSError:
        raise  # output failures are reported by run()
    except Exception as exc:  # click's usage errors, and anything unforeseen: one line, never a traceback
        if hasattr(exc, "format_message"):
            message = exc.format_message()
            if message:  # "ksw" alone: the help was printed, there is nothing to add
                _error(message)
            return getattr(exc, "exit_code", ExitStatus.ERROR)
        _error(f"internal error: {type(exc).__name__}: {exc}")
        return ExitStatus.ERROR


def _error(message: str) -> None:
    """One line on stderr; whatever the message quotes (a file name, a value) cannot drive the terminal."""
    sys.stderr.write(f"ksw: {shortened(one_line(' '.join(str(message).split())))}\n")


def _flush_or_quiet(status: int) -> int:
    """Flush what is left; a reader gone away is quiet, a failed write is an error."""
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        closed_stdout()
    except OSError as exc:
        _error(f"cannot write output: {exc.strerror or exc}")
        closed_stdout()
        return ExitStatus.ERROR
    return status
