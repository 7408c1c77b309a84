"""Claim and counter-claim side by side: per day and place, what each side said, and who denied what.

Rows for `ksw disputes`: a day and place where claimants of two sides or more spoke, or where a
claim was denied. Each side's cell lists its claimants and their claims' ids; the last column, the
denials with who made them. The sides are the actors files' own, in the order they name them.
"""

from __future__ import annotations

from collections import defaultdict

from kscli.model import Claim


def dispute_rows(claims: list[Claim], sides: list[str]) -> tuple[list[dict], list[str]]:
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        for place in claim.places or ("(no place)",):
            groups[(claim.date or "", place)].append(claim)
    rows = []
    for (day, place), said in sorted(groups.items()):
        spoke = {c.side for c in said if c.side}
        denied = [c for c in said if c.denied_by]
        if len(spoke) < 2 and not denied:
            continue
        row = {"date": day or None, "place": place}
        for side in sides:
            row[side] = [f"{c.claimant}: {c.text} [{c.id}]" for c in said if c.side == side]
        row["denied"] = [f"{c.id} denied by " + ", ".join(_who(link) for link in c.denied_by) for c in denied]
        rows.append(row)
    return rows, ["date", "place", *sides, "denied"]


def _who(link) -> str:
    named = link.party or "unnamed"
    if link.actor and link.actor != named:
        named += f" ({link.actor})"
    return f"{named} in {link.event}"
