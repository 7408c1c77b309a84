"""The `ksw` commands: options in, library calls, rows out. No logic of their own.

Each command is declared in the module of its kind and registered on the app as that module
is imported here: events (kscli.cli.events), claims and disputes (kscli.cli.claims), and the
listings (kscli.cli.listing).
"""

from kscli.cli import claims, events, listing  # noqa: F401 - importing them registers their commands
from kscli.cli.app import app

__all__ = ["app"]
