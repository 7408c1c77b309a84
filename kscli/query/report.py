"""Rows for the listing commands (places, actors, corpus check), built from an index."""

from __future__ import annotations

import re
from collections import Counter

from kscli.text.dates import month_number
from kscli.store.index import Index
from kscli.names.folding import GENERIC, fold
from kscli.query.resolve import place_suggestions, text_label, unlisted_guess

PLACE_COLUMNS = ["name", "kind", "parent", "lat", "lon", "events", "aliases", "historical", "also_in"]
RESOLVE_COLUMNS = ["input", "place", "kind", "parent", "rule", "score", "via", "candidates"]
ACTOR_COLUMNS = ["name", "side", "kind", "party", "claims", "denied_by_others", "denials_issued", "aliases"]
_PLACE_LIKE = re.compile(r"\b(?:in|near|at|from|towards|of|around|shelling|bombarding|rocketing)\s+"
                         r"((?:[A-ZÇĞİÖŞÜƏ][\w’'ə-]+)(?:\s+[A-ZÇĞİÖŞÜƏ][\w’'ə-]+)?)")


def place_rows(index: Index) -> tuple[list[dict], list[str]]:
    """Every place of the gazetteer, then every name found only in the text (kind "unlisted")."""
    counts = {name: len(p) for name, p in index.values("place").items()}
    rows = [{"name": p.name, "kind": p.kind, "parent": p.parent, "lat": p.lat, "lon": p.lon,
             "events": counts.get(p.name, 0), "aliases": list(p.aliases), "historical": list(p.historical),
             "also_in": list(p.also_in)}
            for p in index.lexicon.places.places.values()]
    rows += [{"name": label, "kind": "unlisted", "parent": None, "lat": None, "lon": None, "events": len(found),
              "aliases": [], "historical": [], "also_in": []}
             for label, found in sorted(index.values("unlisted").items(), key=lambda item: (-len(item[1]), item[0]))]
    return rows, PLACE_COLUMNS


def resolutions(index: Index, names: list[str]) -> tuple[list[dict], list[str]]:
    """How each name resolves: one row per candidate place, or a row with rule 'none'."""
    rows = []
    gaz = index.lexicon.places
    for name in names:
        matches = gaz.resolve(name, fuzzy=False)
        label = text_label(index, name, matches)
        if label:
            rows.append({"input": name, "place": label, "kind": "unlisted", "parent": None, "rule": "text",
                         "score": 100.0, "via": label, "candidates": []})
            continue
        matches = matches or gaz.resolve(name)
        guess = unlisted_guess(index, name, matches)
        if guess:
            rows.append({"input": name, "place": guess[0], "kind": "unlisted", "parent": None, "rule": "fuzzy",
                         "score": guess[1], "via": guess[0], "candidates": [m.place.name for m in matches]})
            continue
        if not matches:
            rows.append({"input": name, "place": None, "kind": None, "parent": None, "rule": "none",
                         "score": None, "via": None, "candidates": place_suggestions(index, name)})
            continue
        others = [m.place.name for m in matches]
        for m in matches:
            rows.append({"input": name, "place": m.place.name, "kind": m.place.kind, "parent": m.place.parent,
                         "rule": m.rule, "score": m.score, "via": m.via,
                         "candidates": [o for o in others if o != m.place.name]})
    return rows, RESOLVE_COLUMNS


def actor_rows(index: Index) -> tuple[list[dict], list[str]]:
    """Every actor of the actors files: its claims, how many of them others denied, its denials."""
    claims = Counter(c.claimant for c in index.claims)
    denied = Counter(c.claimant for c in index.claims if any(link.party != c.party for link in c.denied_by))
    issued = Counter(c.claimant for c in index.claims if c.denies)
    rows = [{"name": a.name, "side": a.side, "kind": a.kind, "party": a.polity, "claims": claims.get(a.name, 0),
             "denied_by_others": denied.get(a.name, 0), "denials_issued": issued.get(a.name, 0),
             "aliases": list(a.aliases)}
            for a in index.lexicon.actors.by_name.values()]
    rows.sort(key=lambda r: (-r["claims"], r["name"]))
    return rows, ACTOR_COLUMNS


def corpus_summary(index: Index) -> tuple[list[dict], list]:
    """(item, value) rows describing the corpus, and its warnings."""
    dated = [e for e in index.events if not e.background]
    days = sorted({e.date for e in dated if e.date})
    unknown = unknown_place_names(index)
    rows = [
        ("files", len(index.files)),
        ("year", index.year),
        ("days", len(days)),
        ("first_day", days[0] if days else None),
        ("last_day", days[-1] if days else None),
        ("events", len(index.events)),
        ("dated_events", len(dated)),
        ("background_events", len(index.events) - len(dated)),
        ("events_with_places", sum(1 for e in index.events if e.places)),
        ("events_with_source", sum(1 for e in index.events if e.source)),
        ("claims", len(index.claims)),
        ("warnings", len(index.warnings)),
        ("unknown_place_like_names", "; ".join(f"{n} ({c})" for n, c in unknown.most_common(30))),
    ]
    return [{"item": k, "value": v} for k, v in rows], list(index.warnings)


def unknown_place_names(index: Index) -> Counter:
    """Capitalised words after "in", "near", "from"... that no place, actor or month explains."""
    gaz, actors = index.lexicon.places, index.lexicon.actors
    found: Counter = Counter()
    for e in index.events:
        for m in _PLACE_LIKE.finditer(e.text):
            name = m[1]
            first = fold(name.split()[0])
            if first in GENERIC or month_number(first) or gaz.resolve(name, fuzzy=False) or actors.find(name):
                continue
            if gaz.resolve(name.split()[0], fuzzy=False):
                continue
            found[name] += 1
    return found


DETAIL_COLUMNS = ["id", "date", "time", "part_of_day", "source", "side", "source_from_reference", "denied_by",
                  "disputed", "event_type", "killed", "injured", "weapons", "places", "place_mentions", "text",
                  "heading", "background", "file", "line", "time_approximate", "time_estimated",
                  "before", "after", "place_details", "claims", "chain"]


def event_details(index: Index, ids: list[str]) -> tuple[list[dict], list[str]]:
    """Each known id in full, with its neighbours that day, its places and its claims' chains (an id
    of a claim, "2020-10-28.05#1", shows its event with that claim alone); and the unknown ids."""
    from kscli.query import chain

    positions = {e.id: n for n, e in enumerate(index.events)}
    rows, missing = [], []
    for wanted in dict.fromkeys(i.strip() for i in ids if i.strip()):
        event_id, _, number = wanted.partition("#")
        n = positions.get(event_id)
        claims = index.claims_of([n]) if n is not None else []
        if number:
            claims = [k for k in claims if index.claims[k].id == wanted]
        if n is None or (number and not claims):
            missing.append(wanted)
            continue
        event = index.events[n]
        row = event.as_dict()
        row["before"] = _neighbour(index, n - 1, event)
        row["after"] = _neighbour(index, n + 1, event)
        row["place_details"] = [_place(index, name) for name in event.places]
        row["claims"] = chain.chains(index, claims)
        row["chain"] = chain.lines(row["claims"])
        rows.append({c: row[c] for c in DETAIL_COLUMNS})
    return rows, missing


def _neighbour(index: Index, n: int, event) -> str | None:
    if not 0 <= n < len(index.events):
        return None
    other = index.events[n]
    same_day = other.date == event.date and other.background == event.background and other.file == event.file
    return other.text if same_day else None


def _place(index: Index, name: str) -> dict:
    p = index.lexicon.places.get(name)
    return {"name": name, "kind": p.kind, "parent": p.parent, "lat": p.lat, "lon": p.lon} if p else {"name": name}


def places_files(corpus, extra_places: tuple = (), bundled: bool = True) -> list[str]:
    """The places files a corpus is read with, as a map credits them: the bundled gazetteer by name."""
    from kscli.extract.lexicon import data_files
    from kscli.store.load import resolve_corpus
    from kscli.text.files import bundled_corpus

    home = bundled_corpus().resolve()
    files = data_files(resolve_corpus(corpus), tuple(extra_places), bundled)["places"]
    return [f"ksw's gazetteer ({path.name}: Who's On First, GeoNames, hand-kept)" if path.resolve().parent == home
            else str(path) for path in files]


def place_points(index: Index, positions) -> list[tuple[str, float, float, int]]:
    """(place, lat, lon, event count) for every located place of the events at `positions`, most
    events first (then by name). Counted on the place postings: no event is decoded for it."""
    chosen = set(positions)
    counts = {name: n for name, posting in index.values("place").items() if (n := len(chosen.intersection(posting)))}
    places = index.lexicon.places.get_many(counts)
    return [(name, places[name].lat, places[name].lon, n) for name, n in sorted(counts.items(), key=lambda c: (-c[1], c[0]))
            if places.get(name) is not None and places[name].lat is not None]
