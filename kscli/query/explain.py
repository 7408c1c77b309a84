"""Why an answer is empty, where that can be known: a filter that alone matches nothing.

An empty answer with no word of why is as bad as a wrong one: "--on 2021-10-04" finds
nothing because the corpus covers another period, not because nothing happened that day.
"""

from __future__ import annotations

from kscli.query.spec import Query


def why_empty(index, query: Query, found: dict[str, list[int]]) -> list[str]:
    """A line for each filter that, alone, matches no event (keywords say so themselves)."""
    notes = []
    for name, positions in found.items():
        if positions or name == "keyword":
            continue
        note = _REASONS[name](index, query)
        if note:
            notes.append(f"no events: {note}")
    return notes


def _dates(index, query: Query) -> str:
    days = index.days()
    if not days:
        return "the corpus has no dated events"
    asked = [f"--on {d}" for d in query.on] + [f"--from {query.date_from}"] * bool(query.date_from) + \
            [f"--to {query.date_to}"] * bool(query.date_to)
    return f"{' '.join(asked)}: the corpus covers {days[0]} to {days[-1]}"


def _places(index, query: Query) -> str:
    from kscli.query.resolve import place_names

    named = sorted(place_names(index, query.places)) if query.places else []
    where = ", ".join(named)
    if query.within:
        where = ", ".join(filter(None, [where, "every place in " + ", ".join(query.within)]))
    return f"no dated sentence names {where}" + (" (the gazetteer knows it, the text does not)" if named else "")


def _actors(index, query: Query) -> str:
    return f"no claim in this corpus is made by {', '.join(query.actors)}"


def _denied_by(index, query: Query) -> str:
    return f"nothing in this corpus is denied by {', '.join(query.denied_by)}"


def _types(index, query: Query) -> str:
    return f"no event is of type {', '.join(query.types)}"


def _weapons(index, query: Query) -> str:
    return f"no event names {', '.join(query.weapons)}"


def _sides(index, query: Query) -> str:
    return f"no claimant on the side of {', '.join(query.sides)}"


def _disputed(index, query: Query) -> str:
    return "no claim is denied" if query.disputed else "every claim is denied"


def _near(index, query: Query) -> str:
    km = query.km if query.km is not None else 10
    return f"no event names a place within {km:g} km of {query.near}"


_REASONS = {"date": _dates, "place": _places, "actor": _actors, "denied_by": _denied_by, "type": _types,
            "weapon": _weapons, "side": _sides, "disputed": _disputed, "near": _near}
