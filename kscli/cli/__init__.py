"""The `ksw` command line: the only part of kscli that knows typer; nothing imports it.

Importing typer takes tens of milliseconds; a Ctrl-C in that window must still end
quietly with status 130, so the imports happen inside `main` under a handler.
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

    A caller in the same process (a test) gets the garbage collector back as it was; the `ksw`
    command itself, whose process ends with the run, leaves it be (script()).
    """
    previous = signal.signal(signal.SIGINT, _interrupted_while_starting)
    # Importing typer makes tens of thousands of objects that live as long as the process, and
    # no garbage: the collector's passes over them cost about 3 ms a run, for nothing. So no
    # passes while importing, and what the imports made is then set aside for the run (freeze).
    gc.disable()
    try:
        from kscli.cli.running import run
    except ImportError as exc:  # typer or rich missing: an installation problem, said in one line
        sys.stderr.write(f"ksw: cannot start: {exc}; install ksw with its dependencies (pip install .)\n")
        sys.exit(2)
    finally:
        gc.freeze()
        gc.enable()

    signal.signal(signal.SIGINT, previous)  # from here on, KeyboardInterrupt is handled in run()
    try:
        run(argv)
    finally:
        if restore_collector:
            gc.unfreeze()


def script() -> None:
    """Entry point of the `ksw` console script and of `python -m kscli`.

    What the imports made stays frozen to the end: unfrozen, it would only go through the
    collector's last pass at exit, about 8 ms a run over objects that are not garbage.
    """
    main(restore_collector=False)


__all__ = ["main", "script"]
