"""A query as a value, and its execution over an index.

Options are frozen into a `Query` before any work. The same filter repeated
means OR; different filters mean AND.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable, NamedTuple

from kscli.errors import NoPlaceMatch, UsageError
from kscli.index import Index
from kscli.model import EVENT_TYPES as PRECEDENCE
from kscli.model import Event
from kscli.names import fold, phonetic

MAX_ARGUMENT = 200
DEFAULT_KM = 10.0


class Query(NamedTuple):
    """Every filter of `ksw events`, as typed; checked by `check()` before any work."""

    date_from: str | None = None  # as the user typed them; resolved against the corpus's year
    date_to: str | None = None
    on: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    within: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
    denied_by: tuple[str, ...] = ()
    disputed: bool | None = None
    sides: tuple[str, ...] = ()
    near: str | None = None
    km: float | None = None  # the radius of --near; None: DEFAULT_KM
    limit: int | None = None
    reverse: bool = False


_OPTION_OF = {"on": "on", "places": "place", "within": "within", "actors": "actor", "keywords": "keyword",
              "types": "type", "weapons": "weapon", "denied_by": "denied-by", "sides": "side", "date_from": "from",
              "date_to": "to"}


def check(query: Query) -> Query:
    """The query itself, or a UsageError naming the first bad value."""
    for name, option in _OPTION_OF.items():
        values = getattr(query, name)
        for value in (values,) if isinstance(values, str) else values or ():
            if not value.strip():
                raise UsageError(f"empty value for --{option}")
            if len(value) > MAX_ARGUMENT:
                raise UsageError(f"--{option} value is {len(value)} characters long; at most {MAX_ARGUMENT}")
    for keyword in query.keywords:
        if not any(keyword_forms(keyword)):  # '*', '-', '""', or a script ksw does not fold: it would match nothing
            raise UsageError(f"keyword '{keyword}' has no Latin letter or digit to search for "
                             "(keywords are words, not patterns)")
    if query.limit is not None and query.limit < 0:
        raise UsageError(f"--limit must be 0 or more, not {query.limit}")
    if query.near is not None and not query.near.strip():
        raise UsageError("empty value for --near")
    if query.km is not None and query.near is None:
        raise UsageError("--km is the radius of --near: give --near PLACE too")
    return query


def side_names(index: Index, values: tuple[str, ...]) -> set[str]:
    """The sides of the actors files that the user's words name."""
    return {side for value in values for side in _sides(index, value)}


def _sides(index: Index, value: str) -> list[str]:
    """The sides `value` names: as written, in any case ("third-party" too); else the one side it
    begins ("third", "azerbaijan"); else the side of the actor it names ("Artsakh"). The sides that
    events have are tried before the actors file is loaded for all of them."""
    def loose(text: str) -> str:
        return " ".join(text.lower().replace("-", " ").split())

    def named(sides) -> list[str]:
        exact = [side for side in sides if loose(side) == want]
        begun = [side for side in sides if loose(side).startswith(want)]
        return exact or (begun if len(begun) == 1 else [])

    want = loose(value)
    found = named(index.values("side"))
    if found:
        return found
    actors = index.lexicon.actors
    sides = actors.sides()
    found = named(sides)
    actor = actors.resolve(value) if not found else None
    if found or actor:
        return found or [actor.side]
    begun = [side for side in sides if loose(side).startswith(want)]
    if len(begun) > 1:
        raise UsageError(f"side '{value}' could be {', '.join(begun)}: give more of it")
    known = f"one of: {', '.join(sides)}" if sides else "the actors files name no side"
    raise UsageError(f"unknown side '{value}'; {known}")


class Result:
    """What a query selected: event positions in output order, decoded only when read.

    `places` and `keywords` are what matched, for highlighting.
    """

    __slots__ = ("index", "positions", "places", "keywords")

    def __init__(self, index: Index, positions: list[int], places: frozenset[str], keywords: tuple[str, ...]):
        self.index = index
        self.positions = positions
        self.places = places
        self.keywords = keywords

    @property
    def events(self) -> list[Event]:
        """The events, decoded (a damaged cache line raises CacheDamaged before any is returned)."""
        return [self.index.events[n] for n in self.positions]

    def rows(self) -> list[dict]:
        """The events as output rows (field name to JSON value), without building Event objects."""
        return self.index.event_rows(self.positions)

    def table(self) -> tuple[list[list[str]], set[str]]:
        """The default table: the TABLE_FIELDS as printable cells, column by column, and the words to highlight."""
        from kscli.model import TABLE_FIELDS

        columns, mentions = self.index.table_cells(self.positions)
        return columns, highlight_words(mentions, columns[TABLE_FIELDS.index("text")], self, self.index.lexicon)

    def values(self) -> list[list[str]]:
        """The TABLE_FIELDS as text, column by column: what `--format csv` prints, before quoting."""
        return self.index.cell_values(self.positions)

    def tsv(self) -> bytes:
        """What `--format tsv` prints after its header, as UTF-8 bytes (from a cache, cut from stored lines)."""
        return self.index.tsv(self.positions)

    def jsonl(self) -> bytes:
        """What `--format jsonl` prints: json_lines(), one a line, as UTF-8 bytes (from a cache, copied as stored)."""
        return self.index.jsonl(self.positions)

    def json_lines(self) -> list[str]:
        """Each event as the JSON object `--format jsonl` prints, copied from the cache when it can be.

        Every line is checked before any is returned, so damage never cuts an answer short.
        """
        return self.index.event_jsons(self.positions)


def run(index: Index, query: Query) -> Result:
    """Events matching every filter, in time order (or reversed), at most `limit`."""
    query = check(query)
    selected: list[int] | None = None
    for positions in _filters(index, query):
        selected = positions if selected is None else _intersect(selected, positions)
    if selected is None:
        selected = list(range(len(index.events)))
    if query.keywords:
        candidates = _union(keyword_candidates(index, k) for k in query.keywords)
        selected = [n for n in _intersect(selected, candidates)
                    if any(_has_phrase(index.events[n].text, k) for k in query.keywords)]
    if query.reverse:
        selected.reverse()
    if query.limit is not None:
        selected = selected[:query.limit]
    return Result(index, selected, frozenset(place_names(index, query.places + query.within)), query.keywords)


def _filters(index: Index, query: Query):
    if query.date_from or query.date_to or query.on:
        yield date_positions(index, query)
    if query.places or query.within:
        names = place_names(index, query.places) | within_names(index, query.within)
        yield _union(index.posting("place", n) for n in names)
    if query.actors:
        yield _union(index.posting("source", a) for a in actor_names(index, query.actors))
    if query.denied_by:
        yield _union(index.posting("denied_by", a) for a in actor_names(index, query.denied_by, denial=True))
    if query.types:
        yield _union(index.posting("event_type", t) for t in type_names(query.types))
    if query.weapons:
        yield _union(index.posting("weapon", w) for w in weapon_names(index, query.weapons))
    if query.sides:
        yield _union(index.posting("side", s) for s in side_names(index, query.sides))
    if query.disputed is not None:
        denied = set(_union(index.values("denied_by").values()))
        yield [n for n in range(len(index.events)) if (n in denied) == query.disputed]
    if query.near is not None:
        from kscli.geo import places_near

        place_names(index, (query.near,))  # a name that matches nothing fails as it does for --place
        centre = _best(index, query.near)
        radius = DEFAULT_KM if query.km is None else query.km
        yield _union(index.posting("place", n) for n in places_near(index.lexicon.places, centre, radius))


def date_positions(index: Index, query: Query) -> list[int]:
    """Dated events on one of the --on days (OR) and within --from/--to (AND: another filter).
    Background events are never in a range."""
    from kscli.dates import parse_user_date  # regexes compiled only when dates are asked for

    days = [parse_user_date(d, index.year_for_month) for d in query.on]
    found = _union(index.between(a, b) for a, b in days) if days else None
    if query.date_from or query.date_to:
        start = parse_user_date(query.date_from, index.year_for_month)[0] if query.date_from else date.min
        end = parse_user_date(query.date_to, index.year_for_month)[1] if query.date_to else date.max
        if start > end:
            raise UsageError(f"--from {query.date_from} is after --to {query.date_to}")
        span = index.between(start, end)
        found = span if found is None else _intersect(found, span)
    return found or []


def place_names(index: Index, names: tuple[str, ...]) -> set[str]:
    """Canonical places the user's names mean; a name that matches nothing is an error."""
    out: set[str] = set()
    for name in names:
        matches = index.lexicon.places.resolve(name, limit=0)
        if not matches:
            hint = index.lexicon.places.suggestions(name)
            mean = f"; did you mean {', '.join(hint)}?" if hint else ""
            raise NoPlaceMatch(f"no place matches '{name}'{mean}")
        # The best match, and the places that share its name (the city and its district alike).
        out.update(index.lexicon.places.family(matches[0].place.name))
    return out


def place_notes(index: Index, query: Query) -> list[str]:
    """What a user should know of how their place names were read: a guess (a fuzzy match: "Paris"
    is not Arış), or a --place events are never tagged with (a country: --within finds its places)."""
    names = (*query.places, *query.within, *((query.near,) if query.near else ()))
    if not names:
        return []  # a query without places does not load the gazetteer for this
    from kscli.gazetteer import NOT_EXTRACTED

    notes = []
    for name in dict.fromkeys(names):
        matches = index.lexicon.places.resolve(name, limit=1)
        if not matches:
            continue  # an error already
        best = matches[0]
        if best.rule == "fuzzy":
            notes.append(f"'{name}' read as {best.place.name}, a guess (fuzzy match, {best.score:.0f} of 100; "
                         f"ksw places '{name}' shows the candidates)")
        if best.place.kind in NOT_EXTRACTED and name in query.places and name not in query.within:
            notes.append(f"{best.place.name} is a {best.place.kind}, and events are tagged with the places in it: "
                         f"--within '{best.place.name}' finds them")
    return notes


def _best(index: Index, name: str) -> str:
    return index.lexicon.places.resolve(name, limit=1)[0].place.name


def within_names(index: Index, names: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for name in place_names(index, names):
        out.add(name)
        out.update(index.lexicon.places.descendants(name))
    return out


def actor_names(index: Index, names: tuple[str, ...], denial: bool = False) -> set[str]:
    out: set[str] = set()
    for name in names:
        actor = index.lexicon.actors.resolve(name)
        if actor is not None:
            out.add(actor.name)
        elif denial and name.strip().lower() == "unnamed":
            out.add("unnamed")
        else:
            known = index.values("denied_by" if denial else "source")
            found = [a for a in known if fold(name) in fold(a)]
            if not found:
                raise UsageError(f"no actor matches '{name}'; see 'ksw actors'")
            out.update(found)
    return out


def type_names(types: tuple[str, ...]) -> set[str]:
    out = set()
    for typed in types:
        want = " ".join(fold(typed).split())
        found = [t for t in PRECEDENCE if want == fold(t) or any(part.startswith(want) for part in re.split(r"[/ ]", t))]
        if not found:
            raise UsageError(f"unknown event type '{typed}'; one of: {', '.join(PRECEDENCE)}")
        out.update(found)
    return out


def weapon_names(index: Index, names: tuple[str, ...]) -> set[str]:
    out = set()
    for name in names:
        found = index.lexicon.weapons.resolve(name)
        if found is None:
            raise UsageError(f"no weapon matches '{name}'; see corpus/weapons.tsv")
        out.add(found)
    return out


def _union(postings) -> list[int]:
    merged: set[int] = set()
    for p in postings:
        merged.update(p)
    return sorted(merged)


def _intersect(a: list[int], b: list[int]) -> list[int]:
    other = set(b)
    return [n for n in a if n in other]


# Keywords: case-, accent- and transliteration-insensitive, anchored at word starts.
def keyword_forms(text: str) -> tuple[str, ...]:
    """Loose forms of text to match keywords in: ş as "sh" and as "s", then transliteration erased.

    >>> any(f.startswith(phonetic("sugovusan")) for f in keyword_forms("Suqovuşan"))
    True
    """
    plain = fold(text)
    bare = fold(_bare(text))
    return tuple(dict.fromkeys(" ".join(phonetic(w) for w in re.findall(r"[a-z0-9]+", f)) for f in (plain, bare)))


def event_words(text: str) -> set[str]:
    """The loose word forms of a sentence, for the keyword index (each distinct word transformed once)."""
    if len(text) > 5000:  # a huge blob: the same forms, without building whole-text copies
        words = {word[:64] for word in re.findall(r"[^\W_]+", text)}  # no real word is longer
        return {w for word in words for form in keyword_forms(word) for w in form.split()}
    # The words of keyword_forms(text), built without joining and splitting them again; phonetic()
    # remembers each word's form, so repeated words cost less than a set of them made first.
    forms = set(map(phonetic, _words(fold(text))))
    if not text.isascii() and ("ş" in text or "Ş" in text or "ç" in text or "Ç" in text):
        forms.update(map(phonetic, _words(fold(_bare(text)))))  # only then does the bare form differ
    return forms


def _words(folded: str) -> list[str]:
    """The runs of a-z and 0-9 in folded text."""
    if folded.isascii():  # most text: every other byte made a space, then split, is a third quicker than re
        return folded.encode().translate(_NOT_ALNUM_TO_SPACE).decode().split()
    return _WORDS(folded)


_WORDS = re.compile(r"[a-z0-9]+").findall
_NOT_ALNUM_TO_SPACE = bytes(byte if chr(byte) in "abcdefghijklmnopqrstuvwxyz0123456789" else 32 for byte in range(256))


def _bare(text: str) -> str:
    """ş and ç as the plain s and c an English keyboard types (fold() makes them sh and ch)."""
    return text.replace("ş", "s").replace("Ş", "S").replace("ç", "c").replace("Ç", "C")


def keyword_candidates(index: Index, keyword: str) -> list[int]:
    """Events whose words could hold the phrase in one of its forms: each word of that form begins one of theirs."""
    vocabulary = index.values("word")
    found: set[int] = set()
    for form in keyword_forms(keyword):  # "Şuşa" is "shusha" or "susa": either will do, not both at once
        result: list[int] | None = None
        for word in dict.fromkeys(form.split()):
            positions = _union(vocabulary[w] for w in vocabulary if w.startswith(word))
            result = positions if result is None else _intersect(result, positions)
        found.update(result or ())
    return sorted(found)


def _has_phrase(text: str, keyword: str) -> bool:
    needles = keyword_forms(keyword)
    haystacks = keyword_forms(text)
    return any(re.search(r"(?:^|\s)" + re.escape(n), h) for n in needles for h in haystacks if n)


def highlight_words(mentions: Iterable[str], texts: Iterable[str], result: Result, lexicon) -> set[str]:
    """Words to mark: the `mentions` that name a matched place, and the words of `texts` keywords matched."""
    words: set[str] = set()
    for mention in set(mentions):  # each distinct spelling resolved once, however many rows share it
        if result.places & {match.place.name for match in lexicon.places.resolve(mention, limit=0)}:
            words.add(mention)
    if result.keywords:
        tokens = {t for text in texts for t in re.findall(r"[\w’'-]+", text or "")}
    for keyword in result.keywords:
        needles = [n.split(" ")[0] for n in keyword_forms(keyword) if n]
        words.update(t for t in tokens if any(f.startswith(n) for f in keyword_forms(t) for n in needles))
    return words


def row_highlights(rows: list[dict], result: Result, lexicon) -> set[str]:
    """highlight_words() for output rows (any fields)."""
    return highlight_words((m for row in rows for m in row.get("place_mentions") or ()),
                           (row.get("text") for row in rows), result, lexicon)
