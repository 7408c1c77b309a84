"""A claim's chain: the claim, then the denials, confirmations and contradictions that answer it, and
the claims it answers itself, each with the sentence it stands in (for `ksw show`)."""

from __future__ import annotations

_ANSWERS = (("denied_by", "denied by"), ("confirmed_by", "confirmed by"), ("contradicted_by", "contradicted by"))
_ANSWERED = (("denies", "denies"), ("confirms", "confirms"), ("contradicts", "contradicts"))


def chains(index, claim_positions: list[int]) -> list[dict]:
    """Each claim as a JSON-ready mapping: its own fields, the links with their sentences' text."""
    texts = _texts(index)
    out = []
    for k in claim_positions:
        claim = index.claims[k]
        row = {"id": claim.id, "claimant": claim.claimant, "side": claim.side, "reported_by": claim.reported_by,
               "text": claim.text}
        for field, _ in _ANSWERS:
            row[field] = [dict(link.as_dict(), sentence=texts(link.event)) for link in getattr(claim, field)]
        for field, _ in _ANSWERED:
            row[field] = [{"id": target, "sentence": texts(target.split("#")[0])} for target in getattr(claim, field)]
        out.append(row)
    return out


def lines(chained: list[dict]) -> list[str]:
    """The chains as text for a reader: a line per claim, an indented line per answer."""
    out = []
    for row in chained:
        via = f" (reported by {row['reported_by']})" if row["reported_by"] else ""
        out.append(f"{row['id']} {row['claimant']}{via}: {row['text']}")
        for field, verb in _ANSWERS:
            for link in row[field]:
                who = link["party"] or "unnamed"
                if link["actor"] and link["actor"] != who:
                    who += f" ({link['actor']})"
                out.append(f"  {verb} {who} in {link['event']}: {link['sentence']}")
        for field, verb in _ANSWERED:
            for target in row[field]:
                out.append(f"  {verb} {target['id']}: {target['sentence']}")
    return out


def _texts(index):
    positions = {e.id: n for n, e in enumerate(index.events)}

    def text(event_id: str) -> str | None:
        n = positions.get(event_id)
        return index.events[n].text if n is not None else None
    return text
