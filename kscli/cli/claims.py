"""The bodies of `ksw claims` and `ksw disputes` (declared in kscli.cli.commands): claims one by one,
and claim and counter-claim side by side."""

from kscli.cli.printing import choose, done, pick, print_bytes, print_rows
from kscli.cli.selecting import load, select_claims


def claims(env, o: dict) -> None:
    from kscli.model import CLAIM_FIELDS, CLAIM_TABLE_FIELDS

    fmt = choose(o["fmt"])
    index = load(env, o)
    result = select_claims(env, index, o)
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


def disputes(env, o: dict) -> None:
    from kscli.query.disputes import dispute_rows

    fmt = choose(o["fmt"])
    index = load(env, o)
    result = select_claims(env, index, o)
    rows, columns = dispute_rows(result.claims, index.lexicon.actors.sides())
    print_rows(rows, pick(o, tuple(columns), columns), fmt, header=not o["no_header"])
    done(bool(rows))
