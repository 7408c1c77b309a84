"""The `ksw` command line: the only part of kscli that knows typer; nothing imports it.

Importing typer takes tens of milliseconds, so the common queries are answered without it
(kscli.cli.fast). A Ctrl-C while ksw starts must still end quietly with status 130, so the
imports happen inside `main` under a handler.
"""

import gc
import os
import signal
import sys


def _interrupted_while_starting(signum, frame):
    sys.stderr.flush()
    os._exit(130)


def main(argv=None, restore_collector: bool = True) -> None:
    """Run ksw with `argv` (default: the command line); ends with SystemExit and the exit status.

    A caller in the same process (a test) gets the garbage collector back as it was (typer's
    imports freeze what they made: kscli.cli.typed); the `ksw` command itself leaves it be (script()).
    """
    previous = signal.signal(signal.SIGINT, _interrupted_while_starting)
    from kscli.cli.running import run

    signal.signal(signal.SIGINT, previous)  # from here on, KeyboardInterrupt is handled in run()
    try:
        run(argv)
    finally:
        if restore_collector:
            gc.unfreeze()


def script() -> None:
    """Entry point of the `ksw` console script and of `python -m kscli`.

    The answer is flushed by then; the interpreter's own shutdown (tearing down every module and
    object, a last pass of the collector) is time for nothing, so the process leaves at once, unless
    worker processes of a build may still be ending (multiprocessing cleans up at exit).
    """
    try:
        main(restore_collector=False)
    except SystemExit as exc:
        if "multiprocessing" in sys.modules or not isinstance(exc.code, (int, type(None))):
            raise
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (AttributeError, ValueError, OSError):  # closed or gone: nothing left to say on it
                pass
        os._exit(exc.code or 0)


__all__ = ["main", "script"]
