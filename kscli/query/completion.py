"""What a shell completes an option's value to: spellings that begin with what was typed, best first.

Any spelling counts (a canonical name, an alias, a historical name), compared folded: case
and accents aside (`shu` gives Shusha, Shushi; `ter` gives Terter). Spellings that begin with
exactly what was typed come first (`Şu` gives Şuşa before Şuşakənd), then the hand-kept places
before the villages of the bulk list, then the shorter. Fixed values (types, formats, fields)
need no index.
"""

from __future__ import annotations

from kscli.names.folding import fold, plain_letters

LIMIT = 60  # a terminal shows no more usefully; the rest come as more is typed


def ranked(candidates, incomplete: str) -> list[str]:
    """`candidates` ((spelling, hand-kept) pairs) that begin with `incomplete`, best first, once each."""
    typed, folded = incomplete.casefold(), fold(incomplete)
    plain = fold(plain_letters(incomplete))
    found = {}
    for spelling, curated in candidates:
        if spelling in found:
            continue
        own = fold(spelling)
        if own.startswith(folded) or own.startswith(plain) or fold(plain_letters(spelling)).startswith(plain):
            found[spelling] = (not spelling.casefold().startswith(typed), not curated, len(spelling), spelling)
    return sorted(found, key=found.__getitem__)[:LIMIT]


def for_bash(values: list[str], incomplete: str) -> list[str]:
    """The values bash may be given: it replaces the word typed with what they all begin with, so
    values that differ from it in case or accents would cut it short ("shus" to "", "Tartar D" to
    "T"). Those that begin with it as typed, else in another case, else a single other spelling."""
    for same in (lambda v: v.startswith(incomplete), lambda v: v.casefold().startswith(incomplete.casefold())):
        kept = [v for v in values if same(v)]
        if kept:
            return kept
    return values if len(values) == 1 else []


def place_spellings(lexicon) -> list[tuple[str, bool]]:
    return [(s, p.curated) for p in lexicon.places.places.values() for s in p.spellings]


def actor_spellings(lexicon) -> list[tuple[str, bool]]:
    return [(s, True) for a in lexicon.actors.by_name.values() for s in (a.name, *a.aliases)]


def weapon_spellings(lexicon) -> list[tuple[str, bool]]:
    weapons = lexicon.weapons
    return [(s, True) for name in weapons.categories for s in (name, *weapons.aliases[name])]


def side_names(lexicon) -> list[tuple[str, bool]]:
    return [(side, True) for side in lexicon.actors.sides()]


def field_list(fields, incomplete: str) -> list[str]:
    """`--fields a,b,<incomplete>`: the fields the last item may be, each after the items before it."""
    done, _, last = incomplete.rpartition(",")
    chosen = set(done.split(",")) if done else set()
    head = done + "," if done else ""
    return [head + f for f in ranked(((f, True) for f in fields if f not in chosen), last)]
