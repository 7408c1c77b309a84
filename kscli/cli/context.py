"""What one run of ksw holds besides its options: the warnings and notes it will show as it ends.

The command line makes one per run and hands it to the command (httpie's Environment);
nothing of a run is kept in module globals, so a command retried after a damaged cache, or
run again in the same process by a test, starts clean.
"""

from __future__ import annotations

import sys

from kscli.errors import one_line


class Context:
    """The state of one run: warnings held until the command ends, so a retried command does not
    say them twice."""

    def __init__(self, stderr=None):
        self.stderr = stderr
        self.warnings: list[str] = []
        self.later: list = []  # work put off until the answer is out: the cache write of a first run

    def warn(self, message: str) -> None:
        self.warnings.append(f"ksw: warning: {one_line(message)}")

    def say(self, message: str) -> None:
        """A line for stderr that is no warning: why an answer is empty, a keyword found nowhere."""
        self.warnings.append(f"ksw: {one_line(message)}")

    def flush_warnings(self, keep: bool = True) -> None:
        """Write the warnings held (unless `keep` is false: a run retried says them again) and forget them."""
        if keep and self.warnings:
            (self.stderr or sys.stderr).write("".join(w + "\n" for w in self.warnings))
        self.warnings.clear()

    def finish(self) -> None:
        """Do the work put off until the answer was out (kscli.store.load_index's `later`)."""
        while self.later:
            self.later.pop(0)()
