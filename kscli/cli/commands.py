"""The `ksw` commands: options in, library calls, rows out. No logic of their own."""

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from kscli import __version__
from kscli.cli.options import CORPUS, FILTERS, OUTPUT, option, takes
from kscli.cli.context import Context
from kscli.cli.printing import (building_notice, choose, done, emit_json, pick, print_bytes, print_cells, print_csv,
                                print_lines, print_records, print_rows)
from kscli.errors import ExitStatus, KscliError, UsageError, one_line, shortened

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


def _index(env: Context, o: dict, note_dropped: bool = True):
    from kscli.store.load import load_index

    index = load_index(o["corpus"], year=o["year"], extra_places=tuple(o["places_file"] or ()),
                       on_build=building_notice, bundled_data=not o["own_data"])
    if o["verbose"]:
        for w in index.warnings:
            env.warn(str(w))
    elif note_dropped:  # text left out of the answers is said unasked, in one line
        dropped = [w for w in index.warnings if w.dropped]
        if dropped:
            more = f"; {len(dropped) - 1} more like it" if len(dropped) > 1 else ""
            env.warn(f"{dropped[0]}{more} (ksw corpus check lists every warning)")
    return index


def _select(env: Context, index, o: dict):
    from kscli.query import resolve
    from kscli.query.execute import run
    from kscli.query.spec import Query, check

    spec = check(Query(
        date_from=o["date_from"], date_to=o["date_to"], on=tuple(o["on"] or ()), places=tuple(o["place"] or ()),
        within=tuple(o["within"] or ()), actors=tuple(o["actor"] or ()), keywords=tuple(o["keyword"] or ()),
        types=tuple(o["event_type"] or ()), weapons=tuple(o["weapon"] or ()), denied_by=tuple(o["denied_by"] or ()),
        disputed=o["disputed"], sides=tuple(o["side"] or ()), near=o["near"], km=o["km"],
        limit=o.get("limit"), reverse=o.get("reverse", False)))
    result = run(index, spec)
    for note in resolve.place_notes(index, spec):
        env.warn(note)
    return result


@app.command()
@takes(FILTERS, OUTPUT, CORPUS)
def events(
    ctx: typer.Context,
    limit: Annotated[Optional[int], option("--limit", "-n", panel="Output", help="At most N events.")] = None,
    reverse: Annotated[bool, option("--reverse", "-r", panel="Output", help="Newest first.")] = False,
    **o,
) -> None:
    """List the events that match every filter (a filter repeated means OR; different filters, AND).

    Examples:

      ksw events --place Tartar --from 2020-10-01 --to 2020-10-10

      ksw events --place Shushi --from 2020-10-28 --to "9 Nov" --format jsonl | jq .text

      ksw events --actor "Azerbaijani MoD" -k Smerch --format tsv | cut -f1 | sort | uniq -c

      ksw events --near Stepanakert --km 15 --format geojson > near.geojson
    """
    from kscli.model import EVENT_FIELDS, TABLE_FIELDS

    fmt = choose(o["fmt"], geo=True)
    index = _index(ctx.obj, o)
    result = _select(ctx.obj, index, dict(o, limit=limit, reverse=reverse))
    if fmt == "jsonl" and o["fields"] is None:  # every field: the cached JSON lines are the output
        print_bytes(result.jsonl())
        done(bool(result.positions))
    if fmt == "json" and o["fields"] is None:  # every field: the same lines, laid out
        from kscli.render.jsonfmt import indented_events

        text = indented_events(result.json_lines())
        if text is not None:
            print_bytes((text + "\n").encode("utf-8"))
            done(bool(result.positions))
    if fmt in ("tsv", "csv", "table") and o["fields"] is None:  # the default columns: ready-made cells, no JSON
        _print_default_columns(result, fmt, header=not o["no_header"])
        done(bool(result.positions))
    rows = result.rows()
    if fmt == "geojson":
        from kscli.render import geojson as geo

        columns = pick(o, EVENT_FIELDS, list(EVENT_FIELDS))
        emit_json(geo.collection(geo.event_features(rows, columns, index.lexicon.places)))
        done(bool(rows))
    default = list(TABLE_FIELDS) if fmt in ("table", "tsv", "csv") else list(EVENT_FIELDS)
    columns = pick(o, EVENT_FIELDS, default)
    marks = None
    if fmt == "table":
        from kscli.query.keywords import row_highlights
        from kscli.render.formats import marker

        marks = marker(row_highlights(rows, result, index.lexicon))
    print_rows(rows, columns, fmt, header=not o["no_header"], marks=marks)
    done(bool(rows))


def _print_default_columns(result, fmt: str, header: bool) -> None:
    from kscli.model import TABLE_FIELDS

    if fmt == "tsv":
        if result.positions:  # like grep: no match, no output, not even the header
            print_bytes(("\t".join(TABLE_FIELDS) + "\n" if header else "").encode() + result.tsv())
    elif fmt == "csv":
        print_csv(result.values(), TABLE_FIELDS, header)
    else:
        from kscli.render.formats import marker

        columns, words = result.table()
        print_cells(columns, TABLE_FIELDS, header=header, marks=marker(words))


@app.command()
@takes(OUTPUT, CORPUS)
def places(
    ctx: typer.Context,
    names: Annotated[Optional[list[str]], typer.Argument(metavar="[NAME]...", help="Names to resolve, any spelling.")] = None,
    **o,
) -> None:
    """List every known place, or show how names resolve (rule and score, or the nearest candidates).

    Examples:

      ksw places                              every place: kind, parent, aliases, event count

      ksw places Terter Şuşa Stepanakrt       which place each name means, and by which rule

      ksw places --format geojson > places.geojson
    """
    from kscli.query import report

    fmt = choose(o["fmt"], geo=not names)
    index = _index(ctx.obj, o)
    rows, columns = report.resolutions(index, names) if names else report.place_rows(index)
    if fmt == "geojson":
        from kscli.render import geojson as geo

        emit_json(geo.collection(geo.place_features(rows, index.lexicon.places)))
        done(bool(rows))
    print_rows(rows, pick(o, tuple(columns), columns), fmt, header=not o["no_header"])
    done(bool(rows) and all(r.get("rule") != "none" for r in rows))


@app.command()
@takes(OUTPUT, CORPUS)
def actors(ctx: typer.Context, **o) -> None:
    """List every claimant: side, aliases, claims made, claims denied by others, denials issued.

    Example:

      ksw actors --format tsv --fields name,claims,denied_by_others | sort -t$'\\t' -k2 -rn
    """
    from kscli.query import report

    rows, columns = report.actor_rows(_index(ctx.obj, o))
    print_rows(rows, pick(o, tuple(columns), columns), choose(o["fmt"]), header=not o["no_header"])
    done(bool(rows))


@app.command()
@takes(FILTERS, OUTPUT, CORPUS)
def stats(
    ctx: typer.Context,
    by: Annotated[list[str], option("--by", "-b", panel="Output", metavar="DIM",
                                  help="day, week, place, actor, type or side; twice for a cross-table.")] = ["day"],
    **o,
) -> None:
    """Count the matching events by day, week, place, actor, type or side (bars on a terminal).

    Examples:

      ksw stats --by type

      ksw stats --by place --by actor --place Shusha      what each side reports about a place

      ksw stats --by week --format csv > weekly.csv
    """
    from kscli.query import stats as s

    fmt = choose(o["fmt"])
    rows, columns = s.count(_select(ctx.obj, _index(ctx.obj, o), o).events, list(by))
    print_rows(rows, pick(o, tuple(columns), columns), fmt, header=not o["no_header"], bars=len(by) == 1)
    done(bool(rows))


@app.command()
@takes(FILTERS, OUTPUT, CORPUS)
def timeline(
    ctx: typer.Context,
    width: Annotated[int, option("--width", panel="Output", min=5, max=400, help="Length of the longest bar.")] = 40,
    **o,
) -> None:
    """Chart events per day over the whole period; the filtered ones dark, day headings (ceasefires) marked.

    Examples:

      ksw timeline

      ksw timeline --place Ganja              Ganja's days against the whole war
    """
    from kscli.query.stats import per_day

    fmt = choose(o["fmt"])
    index = _index(ctx.obj, o)
    rows = per_day(index.events, _select(ctx.obj, index, o).events)
    if fmt == "table":
        from kscli.render.chart import bars

        print_lines(bars(rows, width))
    else:
        print_rows(rows, pick(o, ("date", "all", "selected", "heading"), ["date", "all", "selected", "heading"]),
               fmt, header=not o["no_header"])
    done(any(r["selected"] for r in rows))


MISSING_LISTED = 10


@app.command()
@takes(OUTPUT, CORPUS)
def show(
    ctx: typer.Context,
    ids: Annotated[list[str], typer.Argument(metavar="ID...", help="Event ids, or - to read them from standard input.")],
    **o,
) -> None:
    """Show events in full: every field, the sentences around them, their places, their denials.

    On a terminal, a block per event; in a pipe, jsonl (every field of each event, one a line).

    Examples:

      ksw show 2020-10-04.07

      ksw events --place Barda --format tsv --no-header | cut -f1 | ksw show -
    """
    from kscli.query import report

    wanted = [w for i in ids for w in (sys.stdin.read().split() if i == "-" else [i])]
    rows, missing = report.event_details(_index(ctx.obj, o), wanted)
    for m in missing[:MISSING_LISTED]:  # a pasted file or binary input is not to flood the terminal
        typer.echo(f"ksw: no event '{shortened(one_line(m))}'", err=True)
    if len(missing) > MISSING_LISTED:
        typer.echo(f"ksw: and {len(missing) - MISSING_LISTED} more ids with no event", err=True)
    fmt = choose(o["fmt"], default_piped="jsonl")
    if fmt == "table":
        print_records(rows)
    else:
        print_rows(rows, pick(o, tuple(report.DETAIL_COLUMNS), report.DETAIL_COLUMNS), fmt, header=not o["no_header"])
    done(bool(rows) and not missing)


@app.command("map")
@takes(FILTERS, CORPUS)
def map_(
    ctx: typer.Context,
    output: Annotated[Path, option("--output", "-o", panel="Output", metavar="FILE", help="SVG file to write; - for standard output.")] = Path("ksw-map.svg"),
    text: Annotated[bool, option("--text", panel="Output", help="Also print a coarse map on the terminal.")] = False,
    **o,
) -> None:
    """Draw the places of the matching events, by event count, as an SVG map.

    Examples:

      ksw map --from 2020-10-01 --to 2020-10-31 -o october.svg

      ksw map --actor "Armenian MoD" --text
    """
    from kscli.query import report
    from kscli.render import svgmap
    from kscli.store.load import reads

    to_stdout = str(output) == "-"
    if to_stdout and text:
        raise UsageError("--text and -o - would both print on standard output: choose one")
    if not to_stdout and reads(output, o["corpus"], tuple(o["places_file"] or ()), not o["own_data"]):
        raise UsageError(f"{output} is a file this corpus is read from: not overwritten; give -o another file")
    index = _index(ctx.obj, o)
    points = report.place_points(index, _select(ctx.obj, index, o).events)
    if not points:  # like grep, no match is exit 1: and a map made earlier is not replaced by an empty one
        typer.echo(f"ksw: no matching event has a place on the map: {one_line(str(output))} not written", err=True)
        done(False)
    document = svgmap.svg(points, f"ksw: {sum(p[3] for p in points)} event-places")
    if to_stdout:
        print_bytes(document.encode("utf-8"))
        done(True)
    try:
        output.write_text(document, encoding="utf-8")
    except OSError as exc:
        raise KscliError(f"{output}: cannot write ({exc.strerror or exc})") from None
    typer.echo(f"ksw: wrote {one_line(str(output))} ({len(points)} places)", err=True)
    if text:
        print_lines(svgmap.grid(points))
    done(True)


@corpus_app.command("check")
@takes(CORPUS)
def corpus_check(
    ctx: typer.Context,
    path: Annotated[Optional[str], typer.Argument(metavar="[PATH]", help="Timeline file or folder (default: --corpus).")] = None,
    **o,
) -> None:
    """Diagnose a corpus: days, events, background paragraphs, warnings, unknown place-like names.

    Exit status 0 when clean, 1 when there are warnings. Example:

      ksw corpus check ~/timelines/
    """
    from kscli.query import report

    typed = o["corpus"] if o["corpus"] != os.environ.get("KSW_CORPUS") else None  # $KSW_CORPUS gives way to PATH
    if path and typed and Path(path).resolve() != Path(typed).resolve():
        raise UsageError(f"two corpora, '{path}' and --corpus '{typed}': give one")
    summary, warnings = report.corpus_summary(_index(ctx.obj, dict(o, corpus=path or o["corpus"], verbose=False), False))
    print_rows(summary, ["item", "value"], choose(None))
    for w in warnings:
        ctx.obj.warn(str(w))
    raise typer.Exit(ExitStatus.NO_MATCH if warnings else ExitStatus.MATCH)
