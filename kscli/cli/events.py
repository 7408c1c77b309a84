"""The body of `ksw events`: the events that match every filter, in any format (declared in kscli.cli.commands)."""

from kscli.cli.printing import choose, done, emit_json, pick, print_bytes, print_cells, print_rows
from kscli.cli.selecting import load, select


def events(env, o: dict) -> None:
    """`ksw events`: the options `o` (kscli.cli.options), the run's Context `env`."""
    from kscli.model import EVENT_FIELDS, TABLE_FIELDS

    fmt = choose(o["fmt"], geo=True)
    index = load(env, o)
    result = select(env, index, o)
    if fmt == "jsonl" and o["fields"] is None:  # every field: the cached JSON lines are the output
        print_bytes(result.jsonl())
        done(bool(result.positions))
    if fmt == "json" and o["fields"] is None:  # every field: the cached items, laid out already
        print_bytes(result.json())
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
        if result.positions:
            print_bytes((",".join(TABLE_FIELDS) + "\n" if header else "").encode() + result.csv())
    else:
        from kscli.render.formats import marker

        columns, words = result.table()
        print_cells(columns, TABLE_FIELDS, header=header, marks=marker(words))
