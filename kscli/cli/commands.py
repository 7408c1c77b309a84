"""The `ksw` commands as typer declares them: each one's help and arguments, its options from the
table (kscli.cli.options.of), and the call to its body, in the order `ksw --help` lists them. No
logic here: the bodies (kscli.cli.events, claims, listing, mapping) take the run's Context and
the options as a dict, so the fast path (kscli.cli.fast) runs them without typer.
"""

from typing import Annotated, Optional

import typer

from kscli.cli import claims as claim_bodies
from kscli.cli import events as event_bodies
from kscli.cli import listing, mapping, options
from kscli.cli.app import app, corpus_app
from kscli.cli.declare import takes


@app.command()
@takes(*options.of("claims"))
def claims(ctx: typer.Context, **o) -> None:
    """List the claims that match every filter: who claimed what, and who denied or confirmed it.

    A sentence holds a claim for each claimant; a claim's places, types and weapons are those of its
    own words. Every filter of `events` applies to the claim (dates and keywords, to its sentence).

    Examples:

      ksw claims --place Stepanakert --claimant "Armenian MoD"

      ksw claims --denied-by Armenia --format jsonl | jq -r .id

      ksw claims --confirmed --format tsv
    """
    claim_bodies.claims(ctx.obj, o)


@app.command()
@takes(*options.of("disputes"))
def disputes(ctx: typer.Context, **o) -> None:
    """Lay claim and counter-claim side by side, per day and place: what each side said, who denied what.

    A row for each day and place where claimants of two sides spoke, or a claim was denied.

    Examples:

      ksw disputes --place Shusha

      ksw disputes --from 2020-10-27 --to 2020-10-28 --format csv > disputes.csv
    """
    claim_bodies.disputes(ctx.obj, o)


@app.command()
@takes(*options.of("events"))
def events(ctx: typer.Context, **o) -> None:
    """List the events that match every filter (a filter repeated means OR; different filters, AND).

    Examples:

      ksw events --place Tartar --from 2020-10-01 --to 2020-10-10

      ksw events --place Shushi --from 2020-10-28 --to "9 Nov" --format jsonl | jq .text

      ksw events --actor "Azerbaijani MoD" -k Smerch --format tsv | cut -f1 | sort | uniq -c

      ksw events --near Stepanakert --km 15 --format geojson > near.geojson
    """
    event_bodies.events(ctx.obj, o)


@app.command()
@takes(*options.of("places"))
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
    listing.places(ctx.obj, dict(o, names=names))


@app.command()
@takes(*options.of("actors"))
def actors(ctx: typer.Context, **o) -> None:
    """List every claimant: side, aliases, claims made, claims denied by others, denials issued.

    Example:

      ksw actors --format tsv --fields name,claims,denied_by_others | sort -t$'\\t' -k2 -rn
    """
    listing.actors(ctx.obj, o)


@app.command()
@takes(*options.of("stats"))
def stats(ctx: typer.Context, **o) -> None:
    """Count the matching events by day, week, place, actor, type or side (bars on a terminal).

    With --sum killed (or injured), or --by victims, the claims are counted instead: each claim's
    figures once, with the side of its victims (whose dead they are, civilians or not).

    Examples:

      ksw stats --by type

      ksw stats --by place --by actor --place Shusha      what each side reports about a place

      ksw stats --by side --by victims --sum killed        the dead each side claimed, by whose

      ksw stats --by week --format csv > weekly.csv
    """
    listing.stats(ctx.obj, o)


@app.command()
@takes(*options.of("timeline"))
def timeline(ctx: typer.Context, **o) -> None:
    """Chart events per day over the whole period; the filtered ones dark, day headings (ceasefires) marked.

    Examples:

      ksw timeline

      ksw timeline --place Ganja              Ganja's days against the whole war
    """
    listing.timeline(ctx.obj, o)


@app.command()
@takes(*options.of("show"))
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
    listing.show(ctx.obj, dict(o, ids=ids))


@app.command("map")
@takes(*options.of("map"))
def map_(ctx: typer.Context, **o) -> None:
    """Draw the places of the matching events, by event count, as an SVG map.

    Examples:

      ksw map --from 2020-10-01 --to 2020-10-31 -o october.svg

      ksw map --actor "Armenian MoD" --text
    """
    mapping.map_(ctx.obj, o)


@corpus_app.command("check")
@takes(*options.of("corpus check"))
def corpus_check(
    ctx: typer.Context,
    path: Annotated[Optional[str], typer.Argument(metavar="[PATH]", help="Timeline file or folder (default: --corpus).")] = None,
    **o,
) -> None:
    """Diagnose a corpus: days, events, background paragraphs, warnings, unknown place-like names.

    Exit status 0 when clean, 1 when there are warnings. Example:

      ksw corpus check ~/timelines/
    """
    listing.corpus_check(ctx.obj, dict(o, path=path))


__all__ = ["app"]
