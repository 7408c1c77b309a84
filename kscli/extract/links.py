"""Answers linked to the claims they answer: denials, confirmations and contradictions, in the
same sentence or an earlier one.

An answer points back: at the nearest earlier claim (the same sentence first, then the
sentences before it, back to the start of the day before) that is not its own party's, that a
denier is not the accuser of (a party denies what is said about it, by the other side), and
whose places, weapons and kind of event agree with what the answer names ("denied shelling
Shusha", "responsibility for the strike", "Azerbaijan's statements"); for a confirmation, the side
it says acted too ("Azerbaijani artillery had targeted"), and a count of one side's dead confirms
no count of the other's. "This", "it" and a passive ("was said to have been downed; X issued a
denial") may point at narration, which has no claim: the link then names the sentence alone. An
answer that names what it denies and finds nothing of the kind answers a claim the timeline
never reports: it is kept, unlinked.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from kscli.model import Claim, Event, Link

# What points back at a claim: "this", "it", or a definite description of one ("the claim", "the footage").
_POINTER = re.compile(r"\b(?:this|it|the\s+(?:claims?|reports?|footage|video|statements?|allegations?|"
                      r"accusations?|strikes?|attacks?|loss|losses|downing|incident|figures?|account))\b", re.I)
_RESPONSIBILITY = re.compile(r"\bresponsib", re.I)
_CONTRAST = re.compile(r",\s+(?:while|whereas|but)\s+(?:the\s+)?(?:\S+(?:\s+\S+){0,3}\s*)?$")
_PLURAL = re.compile(r"\b(?:statements|claims|reports|allegations|accusations)\b", re.I)
_ACCUSING = frozenset(("shelling/strike", "casualties", "battle/clash"))
# A verb of saying between two speakers: each says its own ("Both X and Y issued denials" has none).
_SAYING = re.compile(r"\b(?:stated|said|reported|announced|claimed|alleged|accused|released)\b", re.I)


class Answered(NamedTuple):
    """An answer as extraction found it, with what its own words name."""

    event: str
    kind: str  # denial | confirmation | contradiction
    by: str | None  # the answering actor, None if the text names none
    party: str | None
    side: str | None
    start: int  # where it stands in its sentence
    text: str  # its own stretch
    places: tuple[str, ...]
    types: tuple[str, ...]
    weapons: tuple[str, ...]
    named: tuple[str, ...]  # parties or sides the answer names as the speakers it answers
    narration_before: bool  # its sentence tells something before it with no claimant
    passive: bool = False  # "denied by Armenia": it answers the clause just before it
    witness: bool = False  # a correspondent reporting the same thing: a claim that day about its places
    agent: str | None = None  # the side it says acted ("Azerbaijani artillery had targeted")
    victims: str | None = None  # whose dead or wounded it counts, if it counts any


class Sentence(NamedTuple):
    """What linking needs of a sentence: its event, its day and file, its claims and where they start."""

    event: str
    day: tuple
    claims: list[Claim]
    starts: list[int]
    text: str
    agents: list[str | None]  # the side each claim says acted


def resolve(events: list[Event], claims: list[Claim], starts: list[int], agents: list[str | None],
            answers: list[list[Answered]]) -> tuple[list[Event], list[Claim]]:
    """Events and claims (in corpus order, as annotation gives them) with every answer linked."""
    sentences, k = [], 0
    for event in events:
        n = len(event.claims)
        sentences.append(Sentence(event.id, (event.file, event.date, event.background), claims[k:k + n],
                                  starts[k:k + n], event.text, agents[k:k + n]))
        k += n
    received, given = link(sentences, answers)
    return apply(events, claims, received, given)


def link(sentences: list[Sentence], answers: list[list[Answered]]) -> tuple[dict, dict]:
    """The links each claim (and each narrated event) received, and each answering claim's targets.

    Returns (received, given): received[claim or event id] = {kind: [Link, ...]}, given[claim id]
    = {kind: [target id, ...]}.
    """
    received: dict[str, dict[str, list[Link]]] = {}
    given: dict[str, dict[str, list[str]]] = {}
    bare = _bare_denials(sentences, answers)
    agents = {c.id: a for s in sentences for c, a in zip(s.claims, s.agents) if a}
    for n, (sentence, found) in enumerate(zip(sentences, answers)):
        answering = {a.by for a in found if a.by}  # co-answerers ("Both X and Y issued denials") answer alike

        for answer in found:
            for target in _targets(sentences, n, answer, answering, bare, received, agents):
                link_to = Link(answer.party, answer.by, answer.event)
                bucket = received.setdefault(target, {}).setdefault(answer.kind, [])
                if all(l.party != link_to.party or l.event != link_to.event for l in bucket):
                    bucket.append(link_to)
                own = next((c.id for c in sentence.claims if answer.by and c.claimant == answer.by), None)
                if own:
                    given.setdefault(own, {}).setdefault(answer.kind, []).append(target)
    return received, given


def _bare_denials(sentences: list[Sentence], answers: list[list[Answered]]) -> set[str]:
    """The claims that only deny ("Azerbaijan issued a denial."): a denial or a confirmation answers
    a claim of something, not a bare denial of it."""
    out = set()
    for sentence, found in zip(sentences, answers):
        deniers = {a.by for a in found if a.kind == "denial" and a.by}
        out.update(c.id for c in sentence.claims if c.claimant in deniers and set(c.types) <= {"other"})
    return out


def _targets(sentences: list[Sentence], n: int, answer: Answered, answering: set[str], bare: set[str],
             received: dict, agents: dict[str, str]) -> list[str]:
    """The ids of the claims (or narrated events) an answer answers: not, for a confirmation, a claim
    its own party has denied (Azerbaijan's president does not confirm what its MoD denied)."""
    here = sentences[n]
    candidates = [(0, c) for c, start in zip(here.claims, here.starts) if start < answer.start
                  and not (c.claimant in answering and not _SAYING.search(here.text[start:answer.start]))]
    candidates.reverse()
    if not candidates and answer.narration_before:
        return [here.event]  # "was said to have been downed; X issued a denial"
    if answer.passive and candidates:
        nearest = [c for _, c in candidates if _may_answer(answer, c)]
        return [nearest[0].id] if nearest else []
    named = _content_named(answer)
    days, reach = [here.day], (4 if named or answer.named else 2)  # a named place, weapon or party: days later
    for back in range(n - 1, -1, -1):
        other = sentences[back]
        if other.day != days[-1]:
            if len(days) == reach or other.day[0] != here.day[0] or _days_apart(other, here) >= reach:
                break  # in the same file, and days, not months, before (the timeline skips quiet days)
            days.append(other.day)
        if not other.claims and not candidates and _points(answer):
            return [other.event]  # "this" after a narrated sentence: the narration
        candidates += [(n - back, c) for c in reversed(other.claims)]
    valid = [(distance, c) for distance, c in candidates
             if _may_answer(answer, c) and not (answer.kind != "contradiction" and c.id in bare)
             and not (answer.witness and c.date != here.day[1])  # what a correspondent saw: that day's
             and not (answer.kind == "confirmation" and answer.party and any(
                 link.party == answer.party for link in received.get(c.id, {}).get("denial", ())))]
    if not valid:
        return []
    answer_day = here.day[1]  # where two fit as well, the same day's
    # "X said ..., while Y denied that ...": the contrast pairs the denial with the claim before it
    contrast = 2 if answer.kind == "denial" and _CONTRAST.search(here.text, 0, answer.start) else 0
    scored = [(_score(answer, c, agents.get(c.id)) + (contrast if distance == 0 else 0), c.date == answer_day, -distance, c)
              for distance, c in valid]
    best = max(scored, key=lambda item: item[:3])
    pointer = _points(answer)
    if best[0] < 0 or (named and best[0] == 0) or (answer.kind != "denial" and best[0] <= 0 and not pointer
                                                   and best[2] < 0):
        return []  # it names what it answers, or confirms, and nothing earlier says that
    if answer.named and _PLURAL.search(answer.text):
        nearest = best[2]
        return [c.id for score, _, distance, c in scored if score == best[0] and distance >= nearest - 1]
    return [best[3].id]


def _days_apart(earlier: Sentence, later: Sentence) -> int:
    try:
        return (date.fromisoformat(later.day[1]) - date.fromisoformat(earlier.day[1])).days
    except (TypeError, ValueError):  # an undated or partly dated heading: count headings only
        return 0


def _may_answer(answer: Answered, claim: Claim) -> bool:
    if answer.party is not None and claim.party == answer.party:
        return False
    if answer.witness:  # no word of confirming: only a belligerent's claim about the same place
        return bool(set(answer.places) & set(claim.places)) and (claim.side or "").lower() not in ("", "third party")
    if answer.kind == "denial" and answer.side and claim.side == answer.side:
        return False  # a party denies what the other side says of it
    # a count of one side's dead confirms no count of the other's
    return not (answer.kind == "confirmation" and answer.victims and claim.victims_side
                and "unknown" not in (answer.victims, claim.victims_side) and answer.victims != claim.victims_side)


def _score(answer: Answered, claim: Claim, acting: str | None) -> int:
    """How well a claim fits what the answer names: places and weapons most, the kind of event less;
    who acted, where both say, as much as a place (each side says the other fired)."""
    score = 3 * len(set(answer.places) & set(claim.places)) + 3 * len(set(answer.weapons) & set(claim.weapons))
    if answer.kind == "confirmation" and answer.agent and acting:  # a denial tells another story: no agreement
        score += 3 if answer.agent == acting else -3
    kinds = set(answer.types) - {"other", "footage/media"}
    score += len(kinds & set(claim.types))
    if answer.named:
        score += 4 if (claim.party in answer.named or claim.side in answer.named) else -4
    if answer.kind == "denial" and _RESPONSIBILITY.search(answer.text):
        score += 2 if _ACCUSING & set(claim.types) else -1
    if answer.kind == "confirmation" and score > 0 and "territory" in answer.types and _opposed(answer, claim):
        score += 2  # a loss conceded: the adversary's claim of the gain
    return score


def _points(answer: Answered) -> bool:
    """Whether an answer points at what it answers ("confirmed this", "denied it", "verified the
    footage") in its first words, or says nothing of its own ("Russian observers concurred.")."""
    return bool(_POINTER.search(answer.text[:60])) or _bare(answer)


def _bare(answer: Answered) -> bool:
    """An answer that names no place, weapon, party or kind of event: it answers what was just said."""
    return not (answer.places or answer.weapons or answer.named or set(answer.types) - {"other", "footage/media"})


def _content_named(answer: Answered) -> bool:
    """Whether an answer says what it answers (places, weapons) rather than pointing ("this")."""
    return bool(answer.places or answer.weapons) and not _points(answer)


def _opposed(answer: Answered, claim: Claim) -> bool:
    """A confirmation by the side a claim is about: the adversary conceding."""
    return bool(answer.side and claim.side and answer.side != claim.side
                and "third party" not in (answer.side, claim.side))


def apply(events: list[Event], claims: list[Claim], received: dict, given: dict) -> tuple[list[Event], list[Claim]]:
    """Events and claims with their links: a claim's denied_by, confirmed_by, contradicted_by, its
    denies, confirms, contradicts; an event's denied_by, the actors (or parties) that deny any of
    its claims or its narration."""
    fields = {"denial": "denied_by", "confirmation": "confirmed_by", "contradiction": "contradicted_by"}
    targets = {"denial": "denies", "confirmation": "confirms", "contradiction": "contradicts"}
    out_claims = []
    deniers: dict[str, list[str]] = {}
    for claim in claims:
        changes = {fields[k]: tuple(v) for k, v in received.get(claim.id, {}).items()}
        changes.update({targets[k]: tuple(dict.fromkeys(v)) for k, v in given.get(claim.id, {}).items()})
        if changes:
            claim = claim._replace(**changes)
        for link in claim.denied_by:
            deniers.setdefault(claim.event, []).append(link.actor or link.party or "unnamed")
        out_claims.append(claim)
    for event_id, found in received.items():
        for link in found.get("denial", ()):
            if "#" not in event_id:  # narration denied
                deniers.setdefault(event_id, []).append(link.actor or link.party or "unnamed")
    out_events = [e._replace(denied_by=tuple(dict.fromkeys(deniers[e.id]))) if e.id in deniers else e
                  for e in events]
    return out_events, out_claims
