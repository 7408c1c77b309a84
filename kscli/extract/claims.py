"""Who makes the claim in a sentence, and who denies it.

The claimant is the subject of the first verb of saying ("X stated", "According
to X,"); "the Ministry", "it" and "he" name the last speaker of that kind
earlier the same day. Denials are found by their verbs and nouns ("issued a
denial", "denied", "denied by X").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kscli.extract.actors import Actors
from kscli.extract.phrases import Hit

SAY = (r"(?:stated|states|said|says|reported|reports|announced|claimed|claims|alleged|confirmed|noted|wrote|"
       r"accused|released|issued|denied|added|reiterated|maintained|insisted|appealed|vows|vowed|criticized|"
       r"criticised|took responsibility|declared|indicated|initially stated|acknowledged|concurred|"
       r"reported to have|owned up|renamed|announces|warned|posted|deleted|stating|reporting|claiming|saying|"
       r"announcing|alleging|confirming|denying)")
_FILLER = r"\)?(?:\s*\([^()]{1,30}\))?(?:\s*,\s*[^,.;]{1,40},|\s*,\s*who|,)?(?:\s+(?:then|also|again|further|initially|subsequently|formally|officially|later|first|had|has|have|thus|in turn|promptly|repeatedly))*"
_SAY_AFTER = re.compile(_FILLER + r"\s+" + SAY + r"\b", re.I)
_ACCORDING = re.compile(r"\baccording to\s+(?:the\s+)?$", re.I)
_REFERENCE = re.compile(
    r"(?:^|[;,]\s+|\band\s+|\bthen\s+)(?P<ref>(?:[Tt]he\s+(?:same\s+)?Ministry|[Ii]t|[Hh]e|[Ss]he|[Tt]hey|its\s+MoD)"
    r")" + _FILLER + r"\s+" + SAY + r"\b")
_DENIAL_AFTER = re.compile(r"^(?:\s*,[^;.]{0,40},)?\s+(?:also\s+|then\s+|subsequently\s+|promptly\s+)?"
                           r"(?:issued\s+(?:a\s+)?denials?|denied|denying|denies|rejected)\b", re.I)
_DENIED_BY = re.compile(r"\bdenied\s+by\s+$", re.I)
_UNNAMED_DENIAL = re.compile(r"\b(?:was|were|been)\s+(?:officially\s+|promptly\s+)?denied\b(?!\s+by)", re.I)
_BOTH_SIDES = re.compile(r"\bboth sides denying\b|\bboth sides denied\b", re.I)
_PLURAL_ADJ = re.compile(r"\b(?:both\s+)?(\w+)\s+and\s+$", re.I)
_PLAIN_WORDS = 3  # a speaker more than this many words before its verb is not its subject


def _ends_in(window: str, words: tuple[str, ...]) -> bool:
    """Whether `window` ends in one of `words` (in any case) and then whitespace, as the patterns
    anchored at a window's end require: most windows fail this, and re would try such a pattern
    at every position of the window."""
    tail = window.rstrip()
    return len(tail) < len(window) and tail[-3:].lower().endswith(words)


class Claim(NamedTuple):  # made for every sentence: a NamedTuple is quicker to make than a frozen dataclass
    source: str | None
    from_reference: bool
    denied_by: tuple[str, ...]


class Speakers:
    """The speakers of one day so far, to resolve "the Ministry", "it", "he"."""

    def __init__(self, actors: Actors):
        self.actors = actors
        self.last: dict[str, str] = {}

    def remember(self, name: str) -> None:
        actor = self.actors.get(name)
        kind = actor.kind if actor else "other"
        self.last[kind] = name
        self.last["any"] = name
        if kind != "person":
            self.last["thing"] = name

    def recall(self, ref: str) -> str | None:
        ref = ref.lower()
        if "ministry" in ref or ref.startswith("its"):
            return self.last.get("ministry")
        if ref in ("he", "she"):
            return self.last.get("person")
        return self.last.get("thing") or self.last.get("any")


def claim(text: str, hits: list[Hit], speakers: Speakers, words: set[str] | None = None) -> Claim:
    """The claim facts of one sentence, given the actor mentions found in it.

    `words`, the sentence's words if the caller has them, lets the slower patterns be
    skipped in the many sentences that cannot match them.
    """
    source, from_ref = _source(text, hits, speakers, words)
    if source:
        speakers.remember(source)
    return Claim(source, from_ref, tuple(_denials(text, hits, source, speakers)))


# A reference ("it said", "the Ministry stated") is one of these words, standing alone.
_REFERENCE_WORDS = frozenset("It it He he She she They they Ministry its".split())


def _source(text: str, hits: list[Hit], speakers: Speakers, words: set[str] | None) -> tuple[str | None, bool]:
    candidates: list[tuple[int, str | None, bool]] = []
    for idx, hit in enumerate(hits):
        if _ends_in(before := text[max(0, hit.start - 20):hit.start], ("to", "the")) and _ACCORDING.search(before):
            candidates.append((hit.start, hit.value, False))
        elif _SAY_AFTER.match(text, hit.end) and not _is_object(text, hit) and not _late_denier(text, hit):
            candidates.append((hit.start, hit.value, False))
            # "Both X and Y authorities stated", "X and Y accused each other": X speaks first.
            for other in _coordinated(text, hits, idx, speakers.actors):
                candidates.append((hit.start - 1, other, False))
    if words is None or not _REFERENCE_WORDS.isdisjoint(words):
        for m in _REFERENCE.finditer(text):
            candidates.append((m.start("ref"), speakers.recall(m["ref"]), True))
    candidates = [c for c in candidates if c[1]]
    if not candidates:
        return _unknown_speaker(text, hits), False
    _, name, ref = min(candidates, key=lambda c: c[0])
    return name, ref


_HEAD_NOUNS = (r"(?:envoy|spokesman|spokeswoman|spokesperson|official|officials|ministry|minister|president|"
               r"army|forces|government|authorities|correspondent|agency|command|staff|office|service|military)")
_UNKNOWN = re.compile(
    r"(?:^|[;,]\s+|\bthat\s+)(?:[Tt]he\s+|[Aa]n?\s+)?"
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*(?:\s+" + _HEAD_NOUNS + r")?)" + _FILLER + r"\s+" + SAY + r"\b")
_NOT_NAMES = frozenset("It He She They This That These Those There The A An In On At".split())


def _unknown_speaker(text: str, hits: list[Hit]) -> str | None:
    """A claimant the actors file does not know, named as the text gives it ("the U.S. envoy said").

    Known actors were weighed already (and perhaps ruled out, as deniers): they are not taken here.
    """
    m = _UNKNOWN.search(text)
    if not m or m["name"].split()[0] in _NOT_NAMES:
        return None
    if any(h.end == m.end("name") for h in hits):
        return None
    return m["name"]


def _late_denier(text: str, hit: Hit) -> bool:
    """In "A said X; B issued a denial", B denies; it is not the sentence's claimant."""
    return ";" in text[:hit.start] and bool(_DENIAL_AFTER.match(text[hit.end:]))


def _is_object(text: str, hit: Hit) -> bool:
    """'denied by Azerbaijan' and 'accused Armenia' name a denier or a target, not a speaker."""
    if text.startswith((", who", " who"), hit.end):
        return False  # "owned up to by Azerbaijan, who said": a relative clause gives it a voice
    before = text[max(0, hit.start - 12):hit.start].lower()
    return before.endswith(("by ", "by the ", "of ", "to "))


def _denials(text: str, hits: list[Hit], source: str | None, speakers: Speakers) -> list[str]:
    low = text.lower()
    if not _may_deny(low):
        return []  # most sentences
    out: list[str] = []
    for idx, hit in enumerate(hits):
        after = text[hit.end:]
        before = text[max(0, hit.start - 12):hit.start]
        if _DENIAL_AFTER.match(after) or (_ends_in(before, ("by",)) and _DENIED_BY.search(before)):
            out.extend(_coordinated(text, hits, idx, speakers.actors))
            out.append(hit.value)
    if "sides" in low and _BOTH_SIDES.search(text):
        out.extend(h.value for h in hits if speakers.actors.get(h.value) and
                   speakers.actors.get(h.value).kind in ("government", "state"))
    for m in _REFERENCE_DENIAL.finditer(text) if "deni" in text else ():
        name = speakers.recall(m["ref"]) if m["ref"] else None
        if name:
            out.append(name)
    if not out and "denied" in low and _UNNAMED_DENIAL.search(text):
        out.append("unnamed")
    return list(dict.fromkeys(out))


def _may_deny(low: str) -> bool:
    """Whether lowercased text has a word that every denial pattern needs ("denied", "denying",
    "issued a denial", "rejected"), as re.I reads letters: ı too is an i to it."""
    return "deni" in low or "deny" in low or "rejected" in low or "denı" in low


_REFERENCE_DENIAL = re.compile(r"(?:^|;\s+|,\s+)(?P<ref>[Ii]t|[Hh]e|the\s+(?:same\s+)?Ministry)\s+(?:then\s+|also\s+)?"
                               r"(?:denied|issued\s+(?:a\s+)?denial)\b")


def _coordinated(text: str, hits: list[Hit], idx: int, actors: Actors) -> list[str]:
    """"Both Azerbaijani and Turkish authorities": the first adjective is an actor too."""
    hit = hits[idx]
    before = text[max(0, hit.start - 40):hit.start]
    m = _PLURAL_ADJ.search(before) if _ends_in(before, ("and",)) else None
    if not m:
        return []
    head = hit.surface.split()[-1]
    other = actors.resolve(f"{m[1]} {head}")
    if other:
        return [other.name]
    # "both Armenia and Artsakh issued denials": the earlier actor is its own hit.
    if idx > 0 and text[hits[idx - 1].end:hit.start].strip().lower() in ("and", "and the"):
        return [hits[idx - 1].value]
    return []
