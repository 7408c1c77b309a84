"""Which of the places a name may be a mention in the text means.

A generic word after it ("Tartar District") or a list's ("Zangilan and Martakert Districts")
narrows to that kind; a place named as holding it ("Talış in Tartar", "Shusha's Malibeyli village") to
those inside; and then
the gazetteer's own order: a settlement before the unit named after it, a hand-kept place before a
village of the bulk lists, a place by its own name before one once so called.
"""

from __future__ import annotations

import re

from kscli.extract.homonyms import bare_key
from kscli.names.folding import key, title_head
from kscli.names.gazetteer import SETTLEMENTS, Gazetteer, Place
from kscli.names.guesses import reads_as_any
from kscli.names.ranking import town_units

# Between the names of a list: ", ", " and ", " as well as ", " / "
# "Jabrayil and other surrounding districts": a district, as the list it ends is.
AND_OTHER = re.compile(r",?\s+and\s+(?:the\s+)?other\s+(?:[a-z]+\s+){0,2}?(?:districts|regions|rayons|raions|provinces)\b")
DATED_GAP = re.compile(r"\s*\([^()]{1,30}\)\s*(?:,\s*|\s+and\s+|,\s*and\s+)$")  # "Kalbajar (April 1993), Aghdam"
LIST_GAP = re.compile(r"^(?:,\s*|\s+and\s+|,\s*and\s+|\s*,?\s*as well as\s+|\s*/\s*|\s*&\s*)$")
# "X in Y", "X, a village in Y", "X village of Y": Y holds X
_IN_GAP = re.compile(r"^,?\s+(?:(?:(?:an?|the)\s+(?:\w+\s+)?)?(?:village|town|city|settlement|hamlet)\s+(?:in|of)|in)"
                     r"\s+(?:the\s+)?$")
_OWNER_GAP = re.compile(r"^['’]s\s+$")
AREAS = ("district", "province", "region")
_INHABITED = ("city", "town", "village", *AREAS, "country")  # what "the inhabitants of" may stand before
_PREFER = {"city": 0, "town": 0, "village": 1, "landmark": 2, "district": 3, "province": 4,
           "region": 5, "river": 2, "valley": 2, "mountain": 2, "road": 2}


def choose(m, kind: str | None, context: set[str] | None, gaz: Gazetteer) -> Place:
    """The place a mention (its surface and candidates) means, given the kind a generic word points at
    and the `context` _containers() found: places that hold it, or "__area__" for a district's list."""
    cands = list(m.candidates)
    # The kind written after the name first: "the Agdam district in Nagorno-Karabakh" is the district,
    # though the city is the one inside the place it is said to be in.
    if kind:
        wanted = ("city", "town") if kind in ("city", "town") else (kind, "region") if kind == "province" \
            else AREAS if kind == "area" else _INHABITED if kind == "settlement" else (kind,)
        # "Zangilan and Martakert Districts": no district Martakert, but an area of that name is meant;
        # "Kubatli province": no province Kubatli, but the district (1990s reports call them so);
        # "the region of Mir-Bashir": the district named after the town, by the town's old name.
        units = [u for p in cands for u in town_units(gaz, p, AREAS)] if kind in ("district", "province", "area") else []
        cands = ([p for p in cands if p.kind in wanted] or
                 ([p for p in cands if p.kind in AREAS] if kind in ("district", "province") else []) or units or cands)
    if context and "__area__" in context:
        cands = [p for p in cands if p.kind in AREAS] or cands
    elif context:
        if "__holder__" in context:
            held = [p for p in cands if p.name in context]
            cands = held or cands
        else:
            inside = [p for p in cands if context & set(gaz.ancestors(p.name))]
            cands = inside or cands
    # A bare name is the settlement. A place checked by hand (one the timeline names) comes before a
    # village of the bulk list, and so does the seat a hand-kept district is named after, inside it
    # (Yevlakh of Yevlakh District; a province's name is its own: not the village Tavush, of Tavush
    # Province).
    kept = {n for p in cands if p.curated and p.kind == "district" for n in gaz.family(p.name)
            if p.name in gaz.ancestors(n)} if len(cands) > 1 else set()
    # A plain title beats a disambiguated homonym ("Ağdam", not "Ağdam, Tovuz") only if it is the name
    # written: ten villages are "Qaradağlı, ..." and none is beaten by Mrgavet, which has it as an alias.
    own = key(m.surface)
    plain = any(not _titled(p) and _named(p, own) for p in cands)
    # A settlement comes before a river or mountain named after it, its title bracketed, though
    # only the river is hand-kept: "Meghri" is the town, not Meghri (river) (a river's word picks the river)
    kept |= {p.name for p in cands if p.kind in SETTLEMENTS and not _titled(p) and _named(p, own)
             and any(_titled(q) and q.kind not in SETTLEMENTS and q.curated for q in cands)}

    # A unit's word after a name: the unit of that name before one that has it as another name ("the
    # Kashatagh region" is Kashatagh Province, not Lachin District, once Artsakh's Kashatagh District).
    # So is a bare name only units bear: "Kashatagh" is Artsakh's Kashatagh Province, not Lachin District.
    unit = kind in ("district", "province", "area") or all(p.kind in AREAS for p in cands)
    # ... and a name a unit bears (its kind word aside), and a village only as another name: the unit
    # ("Shahumian" is the Shahumyan region, not the village once called after it; dev first-war sets 15-58)
    unit_named = any(p.kind == "village" for p in cands) and any(
        p.kind in AREAS and own in {bare_key(s) for s in (p.name, *p.aliases)} for p in cands)

    def rank(p: Place) -> tuple:
        return (not p.curated and p.name not in kept, plain and _titled(p), unit and not _named(p, own),
                unit_named and p.kind == "village" and not _named(p, own), _PREFER.get(p.kind, 9))

    first = min(map(rank, cands))
    tied = [p for p in cands if rank(p) == first]
    if len(tied) == 1:
        return tied[0]
    # Of those alike in all that, one with a spelling that reads as the text's ("Merzili" is Mərzili,
    # not Marzılı); then a place by its own name before one that has it as another name (Çaykənd, not
    # Ketishen, once called so), by a name in use before a former one (Getashen: Çaykənd, not Kirants,
    # once so called), and the better known (more names) first.
    return min(tied, key=lambda p: (not reads_as_any(m.surface, p.spellings, own), not _named(p, own),
                                    all(key(s) != own for s in (p.name, *p.aliases)),
                                    -len(p.aliases) - len(p.historical)))


def _titled(place: Place) -> bool:
    return title_head(place.name) != place.name


def _named(place: Place, k: str) -> bool:
    """Whether the name, its disambiguator aside, is the one written (keyed `k`): the villages called
    Qaradağlı before Mrgavet, which was once (Who's On First has it as an alias)."""
    return k == bare_key(place.name)


def held_by(text: str, mentions: list, gaz: Gazetteer) -> dict[int, set[str]]:
    """For each mention, the places a following "in B" (or a "B's" before it) says contain it (for its
    whole list); and "__holder__" with them, or "__area__", for B."""
    out: dict[int, set[str]] = {}
    for idx in range(len(mentions) - 1):
        a, b = mentions[idx], mentions[idx + 1]
        gap = text[a.end:b.start]
        owner = _OWNER_GAP.match(gap) and (b.kind == "village" or text[b.end:].lstrip()[:7].lower() == "village")
        if owner:  # "Shusha's Malibeyli village": the first holds the second
            (a, b), held, holder = (b, a), idx + 1, idx
        elif _IN_GAP.match(gap) or (gap.strip() in ("of", "of the") and (a.kind in ("village", "town", "city") or
                                                                        b.kind in ("district", "province"))):
            # "Garadaghli of Khojavand district" too; not "Garadaghly village of Khojavend Rayon" (a name's kind)
            held, holder = idx, idx + 1
        else:
            continue
        inner = {p.name for p in b.candidates}
        j = held
        while j >= 0:
            out.setdefault(j, set()).update(inner)
            if owner or j == 0 or not LIST_GAP.match(text[mentions[j - 1].end:mentions[j].start]):
                break
            j -= 1
        # B itself is a container: prefer a B that holds one of A's candidates, else an area.
        holders = {anc for p in a.candidates for anc in gaz.ancestors(p.name)}
        if holders & inner:
            out.setdefault(holder, set()).update(("__holder__", *(holders & inner)))
        elif any(p.kind in SETTLEMENTS for p in a.candidates):
            out.setdefault(holder, set()).add("__area__")
    return out
