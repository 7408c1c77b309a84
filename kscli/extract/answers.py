"""Answers in a sentence: denials, confirmations and contradictions, each with who gives it.

A speaker's verb makes its claim an answer ("denied", "issued a denial", "confirmed",
"acknowledged", "concurred", "denied by X"), or its words do ("stated that it had denied",
"said this was a fabrication", "reported first confirmed use", "replied that ... had not"); a
belligerent saying its adversary took a place concedes it. "Was officially denied" is an answer
no one is named for; "with both sides denying" one for each side. kscli.extract.links finds what
each answers.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kscli.extract.actors import Actors
from kscli.names.folding import fold

# "By" and a name is a named answer (its speaker is found as one); "by independent journalists" names no one.
_NOT_BY_NAME = r"(?!\s+by\s+(?:the\s+|a\s+|an\s+)?(?-i:[A-Z\"“]))"
_UNNAMED = re.compile(r"\b(?:was|were|been|is)\s+(?:officially\s+|promptly\s+|subsequently\s+|later\s+)?"
                      r"(?P<verb>denied|confirmed|corroborated|verified)\b" + _NOT_BY_NAME +
                      r"|\bbut\s+(?:was\s+)?(?:subsequently\s+|later\s+)?"
                      r"(?P<verb2>confirmed|denied)\b" + _NOT_BY_NAME, re.I)
_BOTH_DENY = re.compile(r"\bboth\s+sides\s+den(?:ying|ied|y)\b", re.I)


DENY_VERB = re.compile(r"\b(?:den(?:ied|ying|y|ies|ial|ials)|rejected|refuted|dismissed|fabricat)", re.I)
# A denial said in other words: the speaker's own denial reported, or the claim called false.
_DENIAL_CONTENT = re.compile(r"\b(?:it|they|he|she)\s+(?:had\s+|has\s+)?(?:repeatedly\s+|also\s+|always\s+)?"
                             r"(?:denied|rejected|refuted)\b|\b(?:this|it|that|the\s+(?:claim|report|allegation)s?)\s+"
                             r"(?:was|were|is|are|as)\s+(?:a\s+|an\s+)?(?:complete\s+|outright\s+)?"
                             r"(?:fabrication|false|untrue|lie|lies|disinformation|fake|baseless|groundless)\b"
                             r"|\bcall(?:ed|ing)\s+(?:this|it|that|these|the\s+\w+(?:\s+\w+)?)\s+(?:a\s+|an\s+)?"
                             r"(?:complete\s+|deliberate\s+|blatant\s+)?(?:fabrication|lie|lies|disinformation|fake|provocation)\b"

                             # "the Russian claim of control over the town was not true"
                             r"|\bthe\s+(?:\w+\s+)?(?:claims?|reports?|allegations?|statements?)\s+(?:(?:of|that|about)\s+"
                             r"[^,.;]{0,60}?\s+)?(?:was|were|is|are)\s+(?:not\s+true|untrue|false|fake|a\s+lie|baseless|groundless)\b",
                             re.I)
# "Refuting the Ukrainian figure of 400 dead, the MoD ...", "..., rebutting the Russian claim that ...":
# a speaker's words that deny a claim they name, before or after its verb.
_REBUTTING = re.compile(r"\b(?:[Rr]ebutting|[Rr]efuting|[Rr]ejecting|[Dd]ismissing)\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)?\s+){0,2}"
                        r"(?:claims?|figures?|account|assertions?|reports?|allegations?|version|statements?)\b")
_CONFIRMED_CONTENT = re.compile(r"\b(?:reported|stated|said|noted)\s+(?:the\s+|a\s+)?(?:first\s+)?confirmed\b", re.I)
# What a speaker says agrees with another's claim in so many words: "..., as the Ukrainian
# government had claimed", "agreed with the Ukrainian estimate"; or its own says so ("its imagery
# verified and corroborated the videos").
_AGREEING = re.compile(r",\s+as\s+(?:the\s+|had\s+been\s+)?(?:[A-Z][\w-]*\s+){0,4}(?:\w+\s+)?(?:had\s+|has\s+)?"
                       r"(?:claimed|said|stated|reported)\b|\bagreed\s+with\s+(?:the\s+)?(?:[\w-]+\s+){0,3}"
                       r"(?:estimate|figures?|account|claims?|assessment|report)s?\b"
                       r"|\b(?:verified|corroborated|confirmed)\s+(?:and\s+(?:verified|corroborated|confirmed)\s+)?the\s+"
                       r"(?:videos?|footage|photos?|photographs?|reports?|claims?|images?)\b")


# "..., contradicting Moscow's assertion that no planes had been damaged": a third party's words
# that contradict a claim they name, besides what else they confirm.
_CONTRADICTING = re.compile(r"\b[Cc]ontradicting\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)?\s+){0,2}(?:claims?|assertions?|"
                            r"statements?|account|version|reports?|figures?)\b")
_CONTRADICT = re.compile(r"\b(?:had|has|have|was|were)\s+not\s+been\s+(?:captured|taken|seized|retaken|lost)\b"
                         r"|\bcontradicted\b", re.I)
# Where an answer's own words end and a new statement of the same speaker begins.
_ANSWER_END = re.compile(r"\s+and\s+(?:its\s+\w+\s+)?(?:stated|said|reported|released|claimed|announced)\b"
                         r"|,\s*(?:stating|saying|adding)\b|\s*;|,\s+while\b", re.I)
_PASSIVE_END = re.compile(r",\s+(?!who\b)")  # "denied by Armenia, and to have control of Fuzuli"


class Answer(NamedTuple):
    """A denial, confirmation or contradiction in a sentence, to be linked to the claim it answers.

    `by` is the answering actor (None when the text names none: "was officially denied"); `start`
    and `end` its stretch of the text, whose words say what is answered."""

    kind: str  # denial | confirmation | contradiction
    by: str | None
    start: int
    end: int
    passive: bool = False  # "denied by X": it answers the clause just before
    head: int = -1  # where its words begin, if before `start` ("This claim was acknowledged by X")
    witness: bool = False  # a correspondent's report of the same thing, not a word of confirming


def answers_of(text: str, found: list, claims: list, actors: Actors) -> list[Answer]:
    """The sentence's denials, confirmations and contradictions, each with its answering actor.

    `found` are its speakers and `claims` its clauses, as kscli.extract.claims finds them (typed
    there: naming their classes here would make the two modules import each other)."""
    out: list[Answer] = []
    spans = {c.claimant: (c.start, c.end) for c in claims}
    for speaker in found:
        start, end = spans.get(speaker.name, (speaker.start, len(text)))
        start = max(start, speaker.start)
        piece = text[speaker.start:end]
        clause_start = spans.get(speaker.name, (speaker.start,))[0]  # "Refuting X, the MoD said": before its name
        kind = _kind(speaker.verb, piece) or _concession(piece, speaker.name, actors) \
            or ("denial" if speaker.verb and _REBUTTING.search(text, clause_start, end) else None)
        witness = not kind and _witness(speaker, actors)
        kind = kind or ("confirmation" if witness else None)
        contra = _CONTRADICTING.search(text, start, end) if kind != "contradiction" else None
        if kind:
            passive = speaker.verb in BY_VERBS and bool(re.match(r"\w+(?:\s+up\s+to|\s+to)?\s+(?:\w+\s+)*?by\b",
                                                                    text[speaker.start:speaker.start + 60]))
            cut = _ANSWER_END.search(text, speaker.start + 3, end) or (_PASSIVE_END.search(text, speaker.start + 3, end)
                                                                      if passive else None)
            head = _clause_start(text, speaker.start) if passive else start
            own_end = min(cut.start() if cut else end, contra.start() if contra else end)  # what it names, its own
            out.append(Answer(kind, speaker.name, start, own_end, passive, head, witness))
        if contra:
            out.append(Answer("contradiction", speaker.name, contra.start(), end))
    if _BOTH_DENY.search(text):
        for name in belligerents(actors):
            out.append(Answer("denial", name, _BOTH_DENY.search(text).start(), len(text)))
    for m in _UNNAMED.finditer(text) if _may_be_unnamed(text) else ():
        verb = (m["verb"] or m["verb2"]).lower()
        if not any(a.start <= m.start() < a.end and a.by for a in out):
            out.append(Answer("denial" if verb == "denied" else "confirmation", None, m.start(), len(text)))
    return out


_TOOK = re.compile(r"\b(?P<who>[A-Z][a-z]+)(?:\s+[a-z]+){0,2}\s+(?:had\s+|have\s+)?(?:captured|seized|taken\s+control|"
                   r"taken|gained\s+control|in\s+control)\b")
_TAKEN_BY = re.compile(r"\b(?:captured|seized|taken)\s+by\s+(?:the\s+)?(?P<who>[A-Z][a-z]+)")


def _concession(piece: str, speaker: str, actors: Actors) -> str | None:
    """A belligerent saying its adversary took a place ("declared that Shusha was captured by
    Azerbaijani forces") concedes it: a confirmation of the adversary's claim."""
    own = actors.get(speaker)
    if own is None or own.side.lower() == "third party" or "captur" not in piece and "control" not in piece \
            and "taken" not in piece and "seized" not in piece:
        return None
    markers = actors.markers()
    start = _content_start(piece)
    for m in [*_TOOK.finditer(piece, start), *_TAKEN_BY.finditer(piece, start)]:
        found = markers.get(fold(m["who"]))
        if found and found[0] != own.side and found[0].lower() != "third party":
            return "confirmation"
    return None


_WITNESS_VERBS = frozenset(("reported", "witnessed", "published", "showed", "filmed", "photographed", "observed",
                            "documented", "identified", "found", "concluded", "indicated", "revealed"))


def _witness(speaker, actors: Actors) -> bool:
    """A correspondent's or a monitor's report (an outlet or organisation of neither side: Amnesty
    International documented ...): a confirmation of a claim of the same day about the same place,
    if there is one (kscli.extract.links looks for it)."""
    if speaker.verb not in _WITNESS_VERBS:
        return False
    actor = actors.get(speaker.name)
    if actor is None:  # an outlet no actors file lists, by its name ("The Jerusalem Post"), of neither side
        return bool(_OUTLET_NAME.search(speaker.name)) and not any(
            fold(word) in actors.markers() for word in speaker.name.split())
    return actor.side.lower() == "third party" and actor.kind in ("media", "organisation")


_OUTLET_NAME = re.compile(r"\b(?:Post|Times|News|Journal|Herald|Guardian|Telegraph|Tribune|Gazette|Observer|Monitor|"
                          r"Agency|Radio|Television|TV|Press|Reuters|Bloomberg|Watch)\b")  # Human Rights Watch


def _content_start(piece: str) -> int:
    m = re.search(r"\b(?:stated|said|declared|announced|confirmed|acknowledged|reported|that)\b", piece)
    return m.end() if m else 0


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding position `at` begins: after the last ';' or ', while' before it."""
    before = text[:at]
    cut = max(before.rfind(";"), before.rfind(", while"), before.rfind(", and"))
    return cut + 1 if cut >= 0 else 0


def _may_be_unnamed(text: str) -> bool:
    """Whether text has a word every unnamed answer needs ("was denied", "but confirmed"), as re.I
    reads letters (ı and İ are i to it): most sentences have none, and are not searched."""
    low = text.lower()
    return "deni" in low or "denı" in low or "confirm" in low or "confırm" in low or "i̇" in low


# A reply in the negative ("replied that its troops had not captured the village", "repeated that the
# corpses had not been there"): it answers, and denies, what was said before.
_REPLY_VERBS = ("replied", "responded", "countered", "retorted", "repeated")
_RATHER = re.compile(r"\b(?:rather\s+than|instead\s+of|not\s+on)\b", re.I)
_NEGATED = re.compile(r"\b(?:had|has|have|was|were|is|are|did|does|do|could)\s+(?:\w+\s+)?not\b|\bnever\b", re.I)


def _kind(verb: str, piece: str) -> str | None:
    """What a speaker's verb (and the words right after it) make of its claim: an answer or nothing."""
    head = piece[:80]
    if verb in _REPLY_VERBS and _NEGATED.search(piece, 0, 140):
        return "denial"
    if verb == "blamed" and _RATHER.search(piece, 0, 140):
        return "denial"  # "blamed arson rather than artillery fire": another cause than the one claimed
    if verb in ("stated", "said", "reiterated", "added", "stating", "saying", "called") and _DENIAL_CONTENT.search(piece[:200]):
        return "denial"  # "stated that it had repeatedly denied ...", "said this was a fabrication"
    if verb in ("denied", "denying", "rejected", "refuted", "dismissed") or (
            verb in ("issued", "stated", "said") and DENY_VERB.search(head[:60]) and "denial" in head[:40]):
        return "denial"
    if verb in ("issued",) and "denial" in head:
        return "denial"
    if verb in ("reported", "stated", "said", "noted") and _CONFIRMED_CONTENT.search(head):
        return "confirmation"
    if verb in ("reported", "stated", "said", "noted", "saying", "stating") and _AGREEING.search(piece):
        return "contradiction" if _CONTRADICT.search(piece) else "confirmation"
    if verb in ("confirmed", "acknowledged", "owned up", "owned up to", "witnessed", "admitted", "confirming",
                "verified", "corroborated", "conceded", "geolocated", "agreed", "apologised", "apologized"):
        return "contradiction" if _CONTRADICT.search(piece) else "confirmation"
    if verb == "concurred":
        return "contradiction" if _CONTRADICT.search(piece) else "confirmation"
    return None


def belligerents(actors: Actors) -> list[str]:
    """The government of each side at war ("both sides"): the first actor of kind government (or
    state) of each side the actors files name, third parties left out."""
    out: dict[str, str] = {}
    for actor in actors.by_name.values():
        if actor.side.lower().replace("-", " ") == "third party" or actor.kind not in ("government", "state"):
            continue
        out.setdefault(actor.side, actor.name)
    return list(out.values())


BY_VERBS = ("denied", "acknowledged", "confirmed", "owned up to", "contradicted", "disputed", "agreed to", "witnessed",
             "verified", "corroborated", "rejected")
