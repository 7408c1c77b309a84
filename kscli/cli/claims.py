"""`ksw claims` and `ksw disputes`: claims one by one, and claim and counter-claim side by side."""

from typing import Annotated, Optional

import typer

from kscli.cli.app import app, load, query_of, tell
from kscli.cli.options import CORPUS, FILTERS, OUTPUT, option, takes
from kscli.cli.printing import choose, done, pick, print_bytes, print_rows


@app.command()
@takes(FILTERS, OUTPUT, CORPUS)
def claims(
    ctx: typer.Context,
    limit: Annotated[Optional[int], option("--limit", "-n", panel="Output", help="At most N claims.")] = None,
    reverse: Annotated[bool, option("--reverse", "-r", panel="Output", help="Newest first.")] = False,
    **o,
) -> None:
    """List the claims that match every filter: who claimed what, and who denied or confirmed it.

    A sentence holds a claim for each claimant; a claim's places, types and weapons are those of its
    own words. Every filter of `events` applies to the claim (dates and keywords, to its sentence).

    Examples:

      ksw claims --place Stepanakert --claimant "Armenian MoD"

      ksw claims --denied-by Armenia --format jsonl | jq -r .id

      ksw claims --confirmed --format tsv
    """
    from kscli.model import CLAIM_FIELDS, CLAIM_TABLE_FIELDS
    from kscli.query.claims import run_claims

    fmt = choose(o["fmt"])
    index = load(ctx.obj, o)
    spec = query_of(dict(o, limit=limit, reverse=reverse))
    result = run_claims(index, spec)
    tell(ctx.obj, index, spec, result)
    if fmt == "jsonl" and o["fields"] is None:  # every field: the cached JSON lines are the output
        print_bytes(result.jsonl())
        done(bool(result.positions))
    rows = result.rows()
    default = list(CLAIM_TABLE_FIELDS) if fmt in ("table", "tsv", "csv") else list(CLAIM_FIELDS)
    columns = pick(o, CLAIM_FIELDS, default)
    if fmt not in ("json", "jsonl"):
        rows = [_flat(row) for row in rows]
    print_rows(rows, columns, fmt, header=not o["no_header"])
    done(bool(rows))


def _flat(row: dict) -> dict:
    """A claim's row for a table, TSV or CSV: links and victims as text."""
    from kscli.query.disputes import _who

    out = dict(row)
    for field in ("denied_by", "confirmed_by", "contradicted_by"):
        out[field] = [_who(_Link(**link)) for link in row[field]]
    victims = row.get("victims")
    if victims:
        kind = {True: "civilians", False: "military"}.get(victims["civilian"], "people")
        out["victims"] = f"{victims['side']} {kind}"
    return out


class _Link:
    def __init__(self, party, actor, event):
        self.party, self.actor, self.event = party, actor, event


@app.command()
@takes(FILTERS, OUTPUT, CORPUS)
def disputes(ctx: typer.Context, **o) -> None:
    """Lay claim and counter-claim side by side, per day and place: what each side said, who denied what.

    A row for each day and place where claimants of two sides spoke, or a claim was denied.

    Examples:

      ksw disputes --place Shusha

      ksw disputes --from 2020-10-27 --to 2020-10-28 --format csv > disputes.csv
    """
    from kscli.query.claims import run_claims
    from kscli.query.disputes import dispute_rows

    fmt = choose(o["fmt"])
    index = load(ctx.obj, o)
    spec = query_of(o)
    result = run_claims(index, spec)
    tell(ctx.obj, index, spec, result)
    rows, columns = dispute_rows(result.claims, index.lexicon.actors.sides())
    print_rows(rows, pick(o, tuple(columns), columns), fmt, header=not o["no_header"])
    done(bool(rows))
