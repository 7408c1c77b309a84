"""The typer app: its name, help and --version; the commands are declared in kscli.cli.commands."""

from typing import Annotated

import typer

from kscli import __version__

app = typer.Typer(
    name="ksw",
    help="Query a day-by-day war timeline by date, place, actor and keyword.\n\n"
         "Example: ksw events --place Tartar --from 2020-10-01 --to 2020-10-10",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
corpus_app = typer.Typer(help="Inspect a corpus: ksw corpus check [PATH]", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ksw {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """Query a day-by-day war timeline by date, place, actor and keyword."""
