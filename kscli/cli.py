"""The `ksw` command: options in, library calls, rows out. No logic of its own."""


import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from kscli import __version__
from kscli.errors import ExitStatus, KscliError

app = typer.Typer(
    name="ksw",
    help="Query a day-by-day war timeline by date, place, actor and keyword.\n\n"
         "Example: ksw events --place Tartar --from 2020-10-01 --to 2020-10-10",
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
corpus_app = typer.Typer(help="Inspect a corpus: ksw corpus check [PATH]", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")

FILTERS = "Filters"
OUTPUT = "Output"
CORPUS = "Corpus"


def _complete_place(incomplete: str) -> list[str]:
    from kscli.index import load_index

    try:
        places = load_index(os.environ.get("KSW_CORPUS") or None).lexicon.places.places
    except KscliError:
        return []
    from kscli.names import fold

    return sorted(n for n in places if fold(n).startswith(fold(incomplete)))


def _complete_actor(incomplete: str) -> list[str]:
    from kscli.index import load_index

    try:
        actors = load_index(os.environ.get("KSW_CORPUS") or None).lexicon.actors.by_name
    except KscliError:
        return []
    return sorted(a for a in actors if a.lower().startswith(incomplete.lower()))


CorpusOpt = Annotated[Optional[str], typer.Option(
    "--corpus", envvar="KSW_CORPUS", metavar="PATH", rich_help_panel=CORPUS,
    help="Timeline file or folder of timeline files (default: the bundled timeline; env KSW_CORPUS).")]
YearOpt = Annotated[Optional[int], typer.Option(
    "--year", min=1, max=9999, rich_help_panel=CORPUS, help="Year of the timeline's first day, if the text does not say.")]
PlacesFileOpt = Annotated[Optional[list[Path]], typer.Option(
    "--places-file", metavar="FILE", rich_help_panel=CORPUS, help="Extra gazetteer TSV (same columns as corpus/places.tsv).")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", rich_help_panel=CORPUS, help="Show parse warnings on stderr.")]
FormatOpt = Annotated[Optional[str], typer.Option(
    "--format", "-f", rich_help_panel=OUTPUT, metavar="FORMAT",
    help="table, tsv, csv, json or jsonl (default: table on a terminal, tsv in a pipe).")]
FieldsOpt = Annotated[Optional[str], typer.Option(
    "--fields", rich_help_panel=OUTPUT, metavar="A,B,...", help="Columns to print, in order (comma-separated).")]
NoHeaderOpt = Annotated[bool, typer.Option("--no-header", rich_help_panel=OUTPUT, help="Omit the header line.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ksw {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Query a day-by-day war timeline by date, place, actor and keyword."""


def _index(corpus, year, places_file, verbose):
    from kscli.index import load_index

    index = load_index(corpus, year=year, extra_places=tuple(places_file or ()))
    if verbose:
        for w in index.warnings:
            typer.echo(f"ksw: warning: {w}", err=True)
    return index


@app.command()
def events(
    date_from: Annotated[Optional[str], typer.Option("--from", rich_help_panel=FILTERS, metavar="DATE",
                                                     help="First day (inclusive): 2020-10-04, '4 October', 'Oct 4', 2020-10.")] = None,
    date_to: Annotated[Optional[str], typer.Option("--to", rich_help_panel=FILTERS, metavar="DATE",
                                                   help="Last day (inclusive).")] = None,
    on: Annotated[Optional[list[str]], typer.Option("--on", rich_help_panel=FILTERS, metavar="DATE",
                                                    help="Only this day or month (repeatable).")] = None,
    place: Annotated[Optional[list[str]], typer.Option("--place", "-p", rich_help_panel=FILTERS, metavar="NAME",
                                                       autocompletion=_complete_place,
                                                       help="Place, any spelling: Tartar, Terter, Tərtər (repeatable).")] = None,
    within: Annotated[Optional[list[str]], typer.Option("--within", rich_help_panel=FILTERS, metavar="NAME",
                                                        autocompletion=_complete_place,
                                                        help="A place and every place inside it (repeatable).")] = None,
    actor: Annotated[Optional[list[str]], typer.Option("--actor", "-a", rich_help_panel=FILTERS, metavar="NAME",
                                                       autocompletion=_complete_actor,
                                                       help="Who made the claim: 'Azerbaijani MoD', ADA, Pashinyan (repeatable).")] = None,
    keyword: Annotated[Optional[list[str]], typer.Option("--keyword", "-k", rich_help_panel=FILTERS, metavar="TEXT",
                                                         help="Word or quoted phrase, case- and accent-insensitive (repeatable).")] = None,
    event_type: Annotated[Optional[list[str]], typer.Option("--type", "-t", rich_help_panel=FILTERS, metavar="TYPE",
                                                            help="shelling/strike, battle/clash, territory, ... (repeatable).")] = None,
    weapon: Annotated[Optional[list[str]], typer.Option("--weapon", "-w", rich_help_panel=FILTERS, metavar="NAME",
                                                        help="Named weapon system: Smerch, Tochka-U, TB2 (repeatable).")] = None,
    denied_by: Annotated[Optional[list[str]], typer.Option("--denied-by", rich_help_panel=FILTERS, metavar="PARTY",
                                                           autocompletion=_complete_actor,
                                                           help="Claims this party denied (repeatable).")] = None,
    disputed: Annotated[Optional[bool], typer.Option("--disputed/--undisputed", rich_help_panel=FILTERS,
                                                     help="Only claims someone denied / nobody denied.", show_default=False)] = None,
    side: Annotated[Optional[list[str]], typer.Option("--side", rich_help_panel=FILTERS, metavar="SIDE",
                                                      help="azerbaijani, armenian or 'third party' (repeatable).")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", rich_help_panel=OUTPUT, help="At most N events.")] = None,
    reverse: Annotated[bool, typer.Option("--reverse", "-r", rich_help_panel=OUTPUT, help="Newest first.")] = False,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
    no_header: NoHeaderOpt = False,
    corpus: CorpusOpt = None,
    year: YearOpt = None,
    places_file: PlacesFileOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """List the events that match every filter (a filter repeated means OR).

    Examples:

      ksw events --place Tartar --from 2020-10-01 --to 2020-10-10

      ksw events --place Shushi --from 2020-10-28 --to "9 Nov" --format jsonl | jq .text

      ksw events --actor "Azerbaijani MoD" -k Smerch --format tsv | cut -f1
    """
    from kscli import query as q
    from kscli.model import EVENT_FIELDS
    from kscli.output import check_fields, choose_format, highlighter

    out_format = choose_format(fmt)
    default = ["id", "date", "time", "source", "places", "text"] if out_format in ("table", "tsv", "csv") else list(EVENT_FIELDS)
    columns = check_fields(fields.split(","), EVENT_FIELDS) if fields is not None else default
    spec = q.check(q.Query(date_from=date_from, date_to=date_to, on=tuple(on or ()), places=tuple(place or ()),
                   within=tuple(within or ()), actors=tuple(actor or ()), keywords=tuple(keyword or ()),
                   types=tuple(event_type or ()), weapons=tuple(weapon or ()), denied_by=tuple(denied_by or ()),
                   disputed=disputed, sides=tuple(_sides(side or ())), limit=limit, reverse=reverse))
    index = _index(corpus, year, places_file, verbose)
    result = q.run(index, spec)
    rows = [e.as_dict() for e in result.events]
    style = None
    if out_format == "table":
        words = {w for e in result.events for w in q.highlights(e, result, index.lexicon)}
        style = highlighter(words)
    _print(rows, columns, out_format, header=not no_header, highlight=style)
    _done(bool(rows))


def _sides(values) -> list[str]:
    from kscli.errors import UsageError
    from kscli.model import SIDES

    out = []
    for value in values:
        v = value.strip().lower().replace("-", " ")
        v = {"third": "third party", "azerbaijan": "azerbaijani", "armenia": "armenian"}.get(v, v)
        if v not in SIDES:
            raise UsageError(f"unknown side '{value}'; one of: {', '.join(SIDES)}")
        out.append(v)
    return out


@app.command()
def places(
    names: Annotated[Optional[list[str]], typer.Argument(metavar="[NAME]...", help="Names to resolve, any spelling.")] = None,
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
    no_header: NoHeaderOpt = False,
    corpus: CorpusOpt = None,
    year: YearOpt = None,
    places_file: PlacesFileOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """List every known place, or show how names resolve.

    Examples:

      ksw places                  every place: kind, parent, aliases, event count

      ksw places Terter Şuşa Stepanakrt     which place each name means, by which rule
    """
    from kscli import report
    from kscli.output import check_fields, choose_format

    out_format = choose_format(fmt)
    index = _index(corpus, year, places_file, verbose)
    if names:
        rows, columns = report.resolutions(index, names)
    else:
        rows, columns = report.place_rows(index)
    if fields is not None:
        columns = check_fields(fields.split(","), tuple(columns))
    _print(rows, columns, out_format, header=not no_header)
    _done(all(r.get("rule") != "none" for r in rows) and bool(rows))


@app.command()
def actors(
    fmt: FormatOpt = None,
    fields: FieldsOpt = None,
    no_header: NoHeaderOpt = False,
    corpus: CorpusOpt = None,
    year: YearOpt = None,
    places_file: PlacesFileOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """List every claimant: side, aliases, claims made, claims denied by others, denials issued.

    Example:

      ksw actors --format tsv | sort -t$'\\t' -k4 -n
    """
    from kscli import report
    from kscli.output import check_fields, choose_format

    out_format = choose_format(fmt)
    index = _index(corpus, year, places_file, verbose)
    rows, columns = report.actor_rows(index)
    if fields is not None:
        columns = check_fields(fields.split(","), tuple(columns))
    _print(rows, columns, out_format, header=not no_header)
    _done(bool(rows))


@corpus_app.command("check")
def corpus_check(
    path: Annotated[Optional[str], typer.Argument(metavar="[PATH]", help="Timeline file or folder (default: --corpus).")] = None,
    fmt: FormatOpt = None,
    corpus: CorpusOpt = None,
    year: YearOpt = None,
    places_file: PlacesFileOpt = None,
) -> None:
    """Diagnose a corpus: days, events, background paragraphs, warnings, unknown place-like names.

    Exit status 0 when clean, 1 when there are warnings.

    Example:

      ksw corpus check ~/timelines/
    """
    from kscli import report
    from kscli.output import choose_format

    out_format = choose_format(fmt)
    index = _index(path or corpus, year, places_file, False)
    summary, warnings = report.corpus_summary(index)
    _print(summary, ["item", "value"], out_format)
    for w in warnings:
        typer.echo(f"ksw: warning: {w}", err=True)
    raise typer.Exit(ExitStatus.NO_MATCH if warnings else ExitStatus.MATCH)


def _print(rows, columns, fmt, **options) -> None:
    from kscli.output import render

    try:
        render(rows, columns, fmt, **options)
        sys.stdout.flush()
    except BrokenPipeError:
        raise typer.Exit(_closed_stdout()) from None


def _done(matched: bool) -> None:
    raise typer.Exit(ExitStatus.MATCH if matched else ExitStatus.NO_MATCH)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turn every failure into one line on stderr and an exit status."""
    try:
        status = _run(argv)
    except KeyboardInterrupt:
        status = ExitStatus.INTERRUPTED
    except BrokenPipeError:
        status = _closed_stdout()
    _flush_or_quiet()
    sys.exit(int(status or 0))


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


def _run(argv) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    command = typer.main.get_command(_app_for(argv))
    try:
        result = command.main(args=argv, prog_name="ksw", standalone_mode=False)
        return result if isinstance(result, int) else ExitStatus.MATCH
    except KscliError as exc:
        _error(str(exc))
        return exc.status
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        return ExitStatus.INTERRUPTED
    except Exception as exc:  # click's usage errors, and anything unforeseen: one line, never a traceback
        if hasattr(exc, "format_message"):
            _error(exc.format_message())
            return getattr(exc, "exit_code", ExitStatus.ERROR)
        if isinstance(exc, BrokenPipeError):
            raise
        _error(f"internal error: {type(exc).__name__}: {exc}")
        return ExitStatus.ERROR


def _error(message: str) -> None:
    line = " ".join(str(message).split())
    sys.stderr.write(f"ksw: {line}\n")


def _closed_stdout() -> int:
    # The reader went away (`ksw events | head -1`): stop quietly, as cat and grep do.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return ExitStatus.MATCH


def _flush_or_quiet() -> None:
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        _closed_stdout()
