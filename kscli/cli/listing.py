"""The listing commands: places, actors, stats, timeline, show, map and corpus check."""

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from kscli.cli.app import app, corpus_app, load, select
from kscli.cli.options import CORPUS, FILTERS, OUTPUT, complete_values, option, takes
from kscli.cli.printing import choose, done, emit_json, pick, print_bytes, print_lines, print_records, print_rows
from kscli.errors import ExitStatus, KscliError, UsageError, one_line, shortened


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
    index = load(ctx.obj, o)
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

    rows, columns = report.actor_rows(load(ctx.obj, o))
    print_rows(rows, pick(o, tuple(columns), columns), choose(o["fmt"]), header=not o["no_header"])
    done(bool(rows))


def _dimensions():
    from kscli.query.stats import DIMENSIONS

    return DIMENSIONS


@app.command()
@takes(FILTERS, OUTPUT, CORPUS)
def stats(
    ctx: typer.Context,
    by: Annotated[list[str], option("--by", "-b", panel="Output", metavar="DIM", autocompletion=complete_values(_dimensions),
                                  help="day, week, place, actor, type, side or victims; twice for a cross-table.")] = ["day"],
    total: Annotated[Optional[str], option("--sum", panel="Output", metavar="FIELD",
                                           help="Sum the claims' killed or injured instead of counting.")] = None,
    **o,
) -> None:
    """Count the matching events by day, week, place, actor, type or side (bars on a terminal).

    With --sum killed (or injured), or --by victims, the claims are counted instead: each claim's
    figures once, with the side of its victims (whose dead they are, civilians or not).

    Examples:

      ksw stats --by type

      ksw stats --by place --by actor --place Shusha      what each side reports about a place

      ksw stats --by side --by victims --sum killed        the dead each side claimed, by whose

      ksw stats --by week --format csv > weekly.csv
    """
    from kscli.query import stats as s

    fmt = choose(o["fmt"])
    index = load(ctx.obj, o)
    if s.counts_claims(by, total):
        from kscli.cli.app import query_of, tell
        from kscli.query.claims import run_claims

        spec = query_of(o)
        result = run_claims(index, spec)
        tell(ctx.obj, index, spec, result)
        records = result.claims
    else:
        records = select(ctx.obj, index, o).events
    rows, columns = s.count(records, list(by), total)
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
    index = load(ctx.obj, o)
    rows = per_day(index.events, select(ctx.obj, index, o).events)
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
    ids: Annotated[list[str], typer.Argument(metavar="ID...", help="Event or claim ids, or - to read them from standard input.")],
    **o,
) -> None:
    """Show events in full: every field, the sentences around them, their places, their claims' chains.

    A claim's chain is the claim, the denials and confirmations that answer it and what it answers
    itself, each with the sentence it stands in. On a terminal, a block per event; in a pipe, jsonl.

    Examples:

      ksw show 2020-10-04.07

      ksw show 2020-10-28.05#1                 a claim, who denied it, and where

      ksw events --place Barda --format tsv --no-header | cut -f1 | ksw show -
    """
    from kscli.query import report

    wanted = [w for i in ids for w in (sys.stdin.read().split() if i == "-" else [i])]
    rows, missing = report.event_details(load(ctx.obj, o), wanted)
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
    index = load(ctx.obj, o)
    points = report.place_points(index, select(ctx.obj, index, o).events)
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
    summary, warnings = report.corpus_summary(load(ctx.obj, dict(o, corpus=path or o["corpus"], verbose=False), False))
    print_rows(summary, ["item", "value"], choose(None))
    for w in warnings:
        ctx.obj.warn(str(w))
    raise typer.Exit(ExitStatus.NO_MATCH if warnings else ExitStatus.MATCH)
