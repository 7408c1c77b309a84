"""The `ksw` command line: the only part of kscli that knows typer; nothing imports it."""

from kscli.cli.running import main

__all__ = ["main"]
