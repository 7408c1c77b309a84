"""Running a command: every failure becomes one line on stderr and an exit status.

The fast path (kscli.cli.fast) answers the common queries; anything else goes to typer
(kscli.cli.typed), imported only then. Both meet the same handling of errors here.
"""

import os
import sys

from kscli.cli.context import Context
from kscli.cli.printing import Finished, closed_stdout
from kscli.errors import CacheDamaged, ExitStatus, KscliError, one_line, shortened


def run(argv: list[str] | None = None) -> None:
    """Run the app; every failure becomes one line on stderr and an exit status."""
    if sys.stdout is None:  # started with standard output closed (ksw ... >&-)
        _error("cannot write: standard output is closed")
        sys.exit(ExitStatus.ERROR)
    _lenient_encoding()
    argv = sys.argv[1:] if argv is None else list(argv)
    context = Context()
    try:
        status = _attempt(argv, context)
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
    if status != ExitStatus.INTERRUPTED:
        _finish(context)
    sys.exit(int(status or 0))


def _finish(context: Context) -> None:
    """The cache write of a first run, after its answer (a reader sees the answer as soon as it is made)."""
    try:
        context.finish()
    except KeyboardInterrupt:  # the answer is out; the cache is written next time
        sys.exit(ExitStatus.INTERRUPTED)


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


def _attempt(argv: list[str], context: Context, retry: bool = True) -> int:
    try:
        return _answer(argv, context)
    except CacheDamaged as exc:
        # Found before anything was printed: drop the file and answer from a fresh build.
        from kscli.store import cachefile as cache

        cache.discard(exc.location)
        if retry:
            context.flush_warnings(keep=False)  # the second run says them again
            return _attempt(argv, context, retry=False)
        _error(str(exc))
        return exc.status
    except Finished as exc:
        return exc.status
    except KscliError as exc:
        _error(str(exc))
        return exc.status
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


def _answer(argv: list[str], context: Context) -> int:
    """The fast path's answer when it understands every argument; typer's otherwise."""
    from kscli.cli import fast

    call = None if os.environ.get("KSW_NO_FAST") else fast.parse(argv)
    if call is not None:
        return fast.answer(call, context)
    try:
        from kscli.cli.typed import typer_answer
    except ImportError as exc:  # typer or rich missing: an installation problem, said in one line
        raise KscliError(f"cannot start: {exc}; install ksw with its dependencies (pip install .)") from None
    return typer_answer(argv, context)


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
