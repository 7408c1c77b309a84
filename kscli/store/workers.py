"""Extraction spread over processes: a large corpus's days annotated by one worker per core.

Extraction is pure Python, about 60 µs a sentence, and the days of a timeline are
independent (references like "the Ministry" never cross a day), so a big build runs
them in forked workers. Only where that is safe and pays: Linux (fork), no other
thread running (fork would copy its locks), and at least MIN_SENTENCES sentences, or
when KSW_WORKERS asks for a number. Anything that stops the workers from starting
makes the build run in this process instead, as it always could. While the workers
annotate, this process does the work that needs only the sentences (filing their words for
the keyword index) rather than wait.
"""

from __future__ import annotations

import os
import sys

from kscli.errors import UsageError

WORKERS_ENV = "KSW_WORKERS"
MIN_SENTENCES = 20_000  # below this (about 3 MB of timeline), starting processes costs more than it saves
CHUNK_SENTENCES = 2_000  # whole days, about this many sentences per task: even load, bounded memory

_job = None  # in a worker process only: (function, items), received once as it starts (_start)


def asked() -> int | None:
    """The number of workers KSW_WORKERS asks for, None if it is not set; UsageError if it is not a number.

    Checked on every run, built or not: a wrong setting is not to come to light only on the day a cache is stale.
    """
    value = os.environ.get(WORKERS_ENV, "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise UsageError(f"{WORKERS_ENV} must be a whole number of 1 or more, not '{value}'")
    return int(value)


def wanted(items: int) -> int:
    """How many worker processes to annotate `items` sentences with (1: none, do it here)."""
    count = asked()
    if count is not None:
        return count
    if items < MIN_SENTENCES:
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def run(function, items: list, ranges: list[tuple[int, int]], workers: int, meanwhile=None) -> list | None:
    """[function(items[a:b]) for a, b in ranges], computed in `workers` processes, in order;
    meanwhile(), if given, is called in this process while they work.

    None when processes cannot be used here (meanwhile() may or may not have been called);
    the caller then does the work itself.
    """
    import threading

    if workers < 2 or len(ranges) < 2 or not sys.platform.startswith("linux") or threading.active_count() > 1:
        return None
    import multiprocessing
    import signal
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = None
    try:
        # With fork the pool starts every worker at the first task, before its own thread: no threaded fork.
        # The job goes to each worker as it starts, as an argument that fork hands over without pickling.
        pool = ProcessPoolExecutor(min(workers, len(ranges)), mp_context=multiprocessing.get_context("fork"),
                                   initializer=_start, initargs=((function, items),))
        # A worker is forked with Ctrl-C held back: one that came between the fork and _start() would end
        # it with a traceback. The parent holds it back only while it forks (milliseconds) and answers it
        # then; ignoring it instead lost a Ctrl-C pressed meanwhile, and the build ran on to its end.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            results = pool.map(_task, ranges)  # every task is queued now and every worker forked
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)  # as it was: a caller's own block stays
        if meanwhile is not None:
            meanwhile()
        return list(results)
    except (OSError, BrokenProcessPool):  # no processes to be had, or one died (killed, out of memory)
        return None
    finally:
        if pool is not None:  # on Ctrl-C too: drop the queued days, let running ones end, do not wait
            pool.shutdown(wait=False, cancel_futures=True)


def _start(job) -> None:
    """A worker process's start: it keeps its job, and leaves Ctrl-C to the parent."""
    global _job  # this process's own, for its life: the parent's module never holds a job
    _job = job
    # Ctrl-C reaches every process of the terminal's group: the parent alone answers it
    # (it stops the workers), so a worker never prints a traceback of its own.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held back while forked: one pressed then is dropped


def _task(bounds: tuple[int, int]):
    function, items = _job
    return function(items[bounds[0]:bounds[1]])
