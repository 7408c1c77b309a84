"""The typer path: help, completion, usage errors, and every command the fast path leaves to it."""

import gc

# Importing typer makes tens of thousands of objects that live as long as the process, and no
# garbage: the collector's passes over them cost about 3 ms a run, for nothing. So no passes while
# importing, and what the imports made is then set aside for the run (gc.freeze; kscli.cli.main
# unfreezes it for a caller in the same process).
gc.disable()
try:
    import typer

    from kscli.cli.commands import app
finally:
    gc.freeze()
    gc.enable()

from kscli.cli.context import Context  # noqa: E402 - after the imports above, under their gc setting
from kscli.errors import ExitStatus  # noqa: E402


def typer_answer(argv: list[str], context: Context) -> int:
    """Run the typer app on `argv`; its Exit and Abort become exit statuses, anything else is raised."""
    command = typer.main.get_command(_app_for(argv))
    try:
        result = command.main(args=argv, prog_name="ksw", standalone_mode=False, obj=context)
        return result if isinstance(result, int) else ExitStatus.MATCH
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        return ExitStatus.INTERRUPTED


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
