"""What every command shares: loading the index the options name, turning options into a query.

No typer here: the fast path (kscli.cli.fast) and the typer commands both call it.
"""

from kscli.cli.context import Context
from kscli.cli.printing import building_notice
from kscli.errors import UsageError


def load(env: Context, o: dict, note_dropped: bool = True):
    """The index of the corpus the options name; its warnings held on `env` for the end of the run."""
    from kscli.store.load import load_index

    index = load_index(o["corpus"], year=o["year"], extra_places=tuple(o["places_file"] or ()),
                       on_build=building_notice, bundled_data=not o["own_data"], later=env.later)
    if o["verbose"]:
        for w in index.warnings:
            env.warn(str(w))
    elif note_dropped:  # text left out of the answers is said unasked, in one line
        dropped = [w for w in index.warnings if w.dropped]
        if dropped:
            more = f"; {len(dropped) - 1} more like it" if len(dropped) > 1 else ""
            env.warn(f"{dropped[0]}{more} (ksw corpus check lists every warning)")
    return index


def query_of(o: dict):
    """The filters of the options, frozen into a checked Query."""
    from kscli.query.spec import Query, check

    return check(Query(
        date_from=o["date_from"], date_to=o["date_to"], on=tuple(o["on"] or ()), places=tuple(o["place"] or ()),
        within=tuple(o["within"] or ()), actors=tuple(o["actor"] or ()), keywords=tuple(o["keyword"] or ()),
        types=tuple(o["event_type"] or ()), weapons=tuple(o["weapon"] or ()), denied_by=tuple(o["denied_by"] or ()),
        disputed=_disputed(o), confirmed=True if o["confirmed"] else None, sides=tuple(o["side"] or ()),
        near=o["near"], km=o["km"], limit=o.get("limit"), reverse=o.get("reverse", False)))


def select(env: Context, index, o: dict):
    """The events the options select; how place names were read, and why an answer is empty, said on `env`."""
    from kscli.query.execute import run

    spec = query_of(o)
    result = run(index, spec)
    tell(env, index, spec, result)
    return result


def select_claims(env: Context, index, o: dict):
    """The claims the options select, with the same notes on `env` as select() gives events."""
    from kscli.query.claims import run_claims

    spec = query_of(o)
    result = run_claims(index, spec)
    tell(env, index, spec, result)
    return result


def tell(env: Context, index, spec, result) -> None:
    from kscli.query.resolve import place_notes

    for note in place_notes(index, spec):
        env.warn(note)
    for note in result.notes:
        env.say(note)


def _disputed(o: dict) -> bool | None:
    if o["disputed"] and o["undisputed"]:
        raise UsageError("--disputed and --undisputed contradict each other: give one")
    return True if o["disputed"] else False if o["undisputed"] else None


FILTER_WORDS = (("place", "place"), ("within", "within"), ("near", "near"), ("km", "km"), ("date_from", "from"),
                ("date_to", "to"), ("on", "on"), ("actor", "actor"), ("keyword", "keyword"), ("event_type", "type"),
                ("weapon", "weapon"), ("denied_by", "denied by"), ("side", "side"))


def filters_text(o: dict) -> str:
    """The filters of the options in words, for a title: "place Tartar, Shusha; from 2020-10-01"."""
    parts = []
    for key, word in FILTER_WORDS:
        value = o.get(key)
        if value not in (None, [], ()):
            parts.append(f"{word} {', '.join(map(str, value)) if isinstance(value, list) else value}")
    parts += [flag for flag in ("disputed", "undisputed", "confirmed") if o.get(flag)]
    return "; ".join(parts)
