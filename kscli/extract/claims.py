"""The claims of a sentence: who says what, in which stretch of it, and which answers (denials,
confirmations) it gives to claims made before.

A claimant is the subject of a verb of saying ("X stated", "with X stating", "According to
X,", "denied by X"); "the Ministry", "it", "he" and "they" name the last speaker of that kind
earlier the same day. Each claimant's stretch runs to where the next one's begins. A denial or
a confirmation is an answer: kscli.extract.links finds the claim it answers, in this sentence
or an earlier one. The rules are patterns of English reporting, not lists of sentences, so the
same ones read another war's timeline with its own actors file, or with none.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kscli.extract.actors import Actors
from kscli.extract.answers import BY_VERBS, DENY_VERB, Answer, answers_of, belligerents
from kscli.extract.phrases import Hit

SAY = (r"(?:stated|states|said|says|reported|reports|announced|claimed|claims|alleged|confirmed|noted|wrote|"
       r"accused|released|issued|denied|added|reiterated|maintained|insisted|appealed|vows|vowed|criticized|"
       r"criticised|took responsibility|declared|indicated|initially stated|acknowledged|concurred|"
       r"reported to have|owned up|renamed|announces|warned|posted|deleted|stating|reporting|claiming|saying|"
       r"announcing|alleging|confirming|denying|rejected|refuted|dismissed|admitted|verified|corroborated|called|"
       r"told|replied|responded|described|objected|conceded|geolocated|blamed|concluded|documented|counted|"
       r"estimated|apologised|apologized|raised|revised|lowered|updated|assessed|repeated|published|broadcast|"
       r"ruled\s+out)")
_FILLER = (r"(?:\s+(?:spokes(?:man|woman|person)|press\s+secretary)(?-i:(?:\s+[A-Z][\w'’-]+){0,3})"  # its spokesman X
           r"|\s+(?:correspondent|reporter|journalist|photographer)s?)?"  # "A Northwire correspondent said": the outlet
           r"(?:\s+who(?:\s+[a-z]+){1,6}?(?=\s+(?:directly|independently|later|also)\s))?"  # "who entered the town"
           r"\)?(?:\s*\([^()]{1,30}\))?(?:\s*,\s*[^,.;]{1,100},(?:\s+and\s+\w+)?|\s*,\s*who|,)?"
           r"(?:\s+(?:then|also|again|further|"
           r"initially|subsequently|formally|officially|later|first|had|has|have|thus|in turn|promptly|"
           r"repeatedly|conditionally|swiftly|quickly|immediately|publicly|strongly|categorically|flatly|directly|"
           r"independently|likewise|partially|partly|similarly|reportedly))*"
           r"(?:\s+(?:after|before|during|later|earlier)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?")
_SAY_AFTER = re.compile(_FILLER + r"\s+(?P<verb>" + SAY + r")\b", re.I)
_ACCORDING = re.compile(r"\baccording to\s+(?:the\s+)?(?:(?:spokes\w+|office|press\s+service|press\s+secretary)\s+of\s+(?:the\s+)?)?$",
                        re.I)
_REFERENCE = re.compile(
    r"(?:^|[;,]\s+|\band\s+|\bthen\s+|\bwhile\s+|\blater\s+)(?P<ref>(?:[Tt]he\s+(?:same\s+)?(?:[Dd]efen[cs]e\s+)?[Mm]inistry|[Ii]t|[Hh]e|"
    r"[Ss]he|[Tt]hey|[Ii]ts\s+MoD|[Ii]ts\s+(?:spokes\w+|press\s+service|head)(?:\s+[A-Z][\w'’-]+){0,3})" r")" + _FILLER + r"\s+(?P<verb>" + SAY + r")\b"
    # "According to the ministry, ...": the ministry named before speaks again
    r"|\b[Aa]ccording\s+to\s+(?P<aref>the\s+(?:same\s+)?[Mm]inistry)\b")
_BY = re.compile(r"\b(?P<verb>denied|acknowledged|confirmed|owned\s+up\s+to|witnessed|contradicted|disputed|"
                 r"agreed\s+to|verified|corroborated|rejected)\s+(?:(?:subsequently|promptly|later|officially|also|quickly|then|swiftly|publicly)\s+)*"
                 r"by\s+(?:the\s+|an?\s+)?(?:(?:senior|other|several|unnamed|some)\s+)?$", re.I)
# "An analysis of the images by The Northwire concluded that ...", "Satellite images released by X
# showed ...": the maker of the work speaks through it.
_WORK_WORDS = (r"\b(?:analys[ie]s|investigations?|review|assessment|images?|imagery|photos?|photographs?|footage|videos?|"
           r"study)\b(?:\s+[^.;,]{0,60}?)?\s+(?:(?:released|published|conducted|carried\s+out|taken|posted|obtained|"
           r"commissioned)\s+)?by\s+(?:the\s+)?")
_WORK_BY = re.compile(_WORK_WORDS + "$", re.I)
_MADE_VERB = (r"(?:\s*,[^,.;]{1,80},|,)?\s+(?:(?:also|clearly|reportedly)\s+)?(?P<verb>concluded|showed|indicated|found|"
             r"revealed|suggested|confirmed|corroborated|verified|contradicted|established|determined)\b")
_WORK_VERB = re.compile(_MADE_VERB, re.I)
# "... acknowledged by X, as well as by Y", "agreed to by X, and conditionally by Y": Y answers as X does.
_AS_WELL_BY = re.compile(r"(?:\bas\s+well\s+as|,?\s+and(?:\s+\w+)?)\s+by\s+(?:the\s+)?$", re.I)
_POSSESSIVE_SAYING = re.compile(r"(?:'s|’s)\s+(?:\w+\s+)?(?:elaborating|saying|stating|claiming|announcing|assertion|"
                                r"statement|claim|announcement)\s+that\b", re.I)
# "contradicting Moscow's assertion that ...": a claim answered, not made anew.
_ANSWERING_BEFORE = re.compile(r"\b(?:contradicting|rebutting|refuting|rejecting|dismissing|denying|disputing)\s+(?:the\s+)?$",
                               re.I)
_CONTENT_BREAK = re.compile(r";|\bwhile\b|\bwhereas\b|\bbut\b|,\s+and\s+|\bas\s+well\s+as\b", re.I)
_EACH_OTHER = re.compile(r"\b(?:both\s+sides|each\s+side)\b[^.;]{0,40}?\baccus", re.I)
_MUTUAL = re.compile(r"^\s+accused\s+each\s+other\b", re.I)
_PLURAL_ADJ = re.compile(r"\b(?:both\s+)?(\w+)\s+and\s+$", re.I)
_JOINER = re.compile(r"(?:\s*[,;]\s*|\s+)(?:while|whereas|and|but)?\s*$", re.I)
_OPENING = re.compile(r"^(?:[A-Z][^,;]{0,60},\s*)?$")  # "At approximately 14:00, ": the sentence's own time


class Speaker(NamedTuple):
    """A claimant found in the text, before claims are merged per claimant."""

    name: str
    start: int  # where its stretch begins
    verb: str  # its verb of saying, lowercased ("" for "According to")
    reference: bool
    reported_by: str | None = None
    answer_only: bool = False  # "witnessed by X": an answer that makes no claim of its own
    collective: bool = False  # "each side accused the other": no one actor the sentence names
    joint: bool = False  # "Both X and Y issued denials": X says what Y says


class Claim(NamedTuple):
    """One claim of a sentence: its claimant and its stretch of the text [start, end)."""

    claimant: str
    from_reference: bool
    reported_by: str | None
    start: int
    end: int
    lead: bool = True  # may stand as the sentence's source: not a collective, not a late denier


class Said(NamedTuple):
    """What a sentence reports: its claims in order, and its answers."""

    claims: tuple[Claim, ...]
    answers: tuple[Answer, ...]

    @property
    def source(self) -> str | None:
        """The event's `source`: the claimant of the sentence's first claim, unless that claim names
        no one actor ("each side accused the other") or denies narration after a semicolon ("one
        gunship was said to have been downed; the MoD issued a denial")."""
        return self.claims[0].claimant if self.claims and self.claims[0].lead else None

    @property
    def from_reference(self) -> bool:
        return bool(self.claims) and self.claims[0].lead and self.claims[0].from_reference


class Speakers:
    """The speakers of one day so far, to resolve "the Ministry", "it", "he"."""

    def __init__(self, actors: Actors):
        self.actors = actors
        self.last: dict[str, str] = {}

    def remember(self, name: str) -> None:
        actor = self.actors.get(name)
        kind = actor.kind if actor else _kind_of_name(name)
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


def _kind_of_name(name: str) -> str:
    """The kind of a claimant the actors files do not know, from its head noun: "the Varnian Ministry
    of Defence" is a ministry, "the Southland President" a person."""
    low = name.lower()
    if "ministry" in low or low.endswith("mod"):
        return "ministry"
    if re.search(r"\b(?:president|minister|spokesman|spokeswoman|commander|general|envoy)\b", low):
        return "person"
    return "other"


def read_claims(text: str, hits: list[Hit], speakers: Speakers) -> Said:
    """The claims and answers of one sentence, given the actor mentions found in it."""
    found = _speakers(text, hits, speakers)
    found.sort(key=lambda s: s.start)
    claims = _claims(text, [s for s in found if not s.answer_only])
    for claim in claims:
        speakers.remember(claim.claimant)
    answers = answers_of(text, found, claims, speakers.actors)
    return Said(tuple(claims), tuple(answers))


def _speakers(text: str, hits: list[Hit], speakers: Speakers) -> list[Speaker]:
    out: list[Speaker] = []
    for idx, hit in enumerate(hits):
        before = text[max(0, hit.start - 100):hit.start]
        said = _SAY_AFTER.match(text, hit.end)
        by = _BY.search(before) if "by" in before else None
        chained = _AS_WELL_BY.search(before) if not by and "by" in before else None
        according = _ACCORDING.search(before[-50:])
        work = _WORK_BY.search(before) if "by" in before else None
        made = _WORK_VERB.match(text, hit.end) if work else None
        if made:
            out.append(Speaker(hit.value, _work_start(text, hit.start - len(before) + work.start()),
                               made["verb"].lower(), False))
        elif according:
            out.append(Speaker(hit.value, hit.start - len(according[0]), "", False))
        elif by:
            verb = " ".join(by["verb"].lower().split())
            out.append(Speaker(hit.value, hit.start - len(before) + by.start(), verb, False,
                               answer_only=verb == "witnessed"))
        elif chained and out and out[-1].verb in BY_VERBS:
            out.append(Speaker(hit.value, hit.start - len(before) + chained.start(), out[-1].verb, False))
        elif (_POSSESSIVE_SAYING.match(text, hit.end) and not _ANSWERING_BEFORE.search(before)) \
                or (said and not _is_object(text, hit)):
            verb = said["verb"].lower() if said else "stated"
            out.append(Speaker(hit.value, _subject_start(text, hit), verb, False))
            for other, start in _coordinated(text, hits, idx, speakers.actors):
                out.append(Speaker(other, start, verb, False, joint=True))
    for m in _REFERENCE.finditer(text) if _may_refer(text) else ():
        ref, at = (m["ref"], m.start("ref")) if m["ref"] else (m["aref"], m.start())
        if any(s.start <= at < s.start + 3 for s in out):
            continue
        name = _recent(out, at, ref, speakers) or speakers.recall(ref)
        if name:
            out.append(Speaker(name, at, (m["verb"] or "").lower(), True))
    if "side" in text and _EACH_OTHER.search(text):
        for name in belligerents(speakers.actors):
            out.append(Speaker(name, _EACH_OTHER.search(text).start(), "accused", False, collective=True))
    if not out:
        out += _unknown_speakers(text, hits)
    return _nest_reports(text, _outside_content(text, out))


def _work_start(text: str, at: int) -> int:
    """Where the words naming a work begin: its article and adjectives ("An analysis", "Satellite
    images"), back to the clause's start."""
    m = re.search(r"(?:^|[,;:]\s*|\b(?:and|while|but)\s+)((?:[\w-]+\s+){0,3})$", text[max(0, at - 40):at])
    return at - len(m[1]) if m else at


def _recent(found: list[Speaker], at: int, ref: str, speakers: Speakers) -> str | None:
    """"Azerbaijan issued a denial; it stated ...": a reference after a speaker of the same
    sentence names that speaker, when it is of the kind the reference names."""
    earlier = [s for s in found if s.start < at and not s.reference]
    for speaker in sorted(earlier, key=lambda s: s.start, reverse=True):
        actor = speakers.actors.get(speaker.name)
        kind = actor.kind if actor else "other"
        ref = ref.lower()
        if ("ministry" in ref or ref.startswith("its")) and kind != "ministry":
            continue
        if ref in ("he", "she") and kind != "person":
            continue
        if ref in ("it", "they") and kind == "person":
            continue
        return speaker.name
    return None


def _outside_content(text: str, found: list[Speaker]) -> list[Speaker]:
    """Speakers that are not part of what an earlier speaker says: in "Russia reported that both
    Armenia and Azerbaijan had agreed", Armenia and Azerbaijan are the report's content."""
    found.sort(key=lambda s: s.start)
    out: list[Speaker] = []
    for speaker in found:
        if out and out[-1].verb and not speaker.reference and speaker.verb not in BY_VERBS:
            between = text[out[-1].start:speaker.start]
            if re.search(r"\bthat\b", between) and not _CONTENT_BREAK.search(between):
                continue
        out.append(speaker)
    return out


def _may_refer(text: str) -> bool:
    return any(word in text for word in ("it ", "It ", "he ", "He ", "Ministry", "they ", "They ", "its MoD", "She ",
                                         "ministry"))


def _subject_start(text: str, hit: Hit) -> int:
    """Where a claimant's stretch begins: at its name, or its article ("the Azerbaijani MoD")."""
    before = text[max(0, hit.start - 12):hit.start]
    m = re.search(r"(?:\b(?:the|an?|both)\s+)+$", before, re.I)
    return hit.start - len(m[0]) if m else hit.start


def _nest_reports(text: str, found: list[Speaker]) -> list[Speaker]:
    """"According to Eurasianet, the Azerbaijani MoD claimed ...": the MoD's claim, reported by
    Eurasianet (a source that reports another's speech makes no claim of its own)."""
    found.sort(key=lambda s: s.start)
    out: list[Speaker] = []
    for n, speaker in enumerate(found):
        nxt = found[n + 1] if n + 1 < len(found) else None
        if (speaker.verb == "" and nxt is not None and nxt.verb and not nxt.answer_only
                and re.fullmatch(r"[^;]*?,\s*(?:the\s+)?", text[speaker.start:nxt.start], re.I)
                and nxt.name != speaker.name):
            found[n + 1] = nxt._replace(start=speaker.start, reported_by=speaker.name)
            continue
        out.append(speaker)
    return out


def _claims(text: str, found: list[Speaker]) -> list[Claim]:
    """One claim per claimant, in the order they first speak; each stretch runs to the next one's start."""
    stretches: list[tuple[Speaker, int, int]] = []
    for n, speaker in enumerate(found):
        following = [s for s in found[n + 1:] if not (speaker.joint and s.verb == speaker.verb and s.start - speaker.start < 60)]
        end = following[0].start if following else len(text)  # "Both X and Y said": X's stretch is Y's
        start = 0 if n == 0 and _OPENING.match(text[:speaker.start]) else speaker.start
        if not following and _trailing(text, speaker):
            start = stretches[-1][2] if stretches else 0  # "..., according to X." says what comes before it
            start += len(text[start:]) - len(text[start:].lstrip(" ,;"))
            end = speaker.start
        stretches.append((speaker, start, _trim(text, start, end)))
    merged: dict[str, list] = {}
    for speaker, start, end in stretches:
        if speaker.name in merged:
            merged[speaker.name][4] = max(merged[speaker.name][4], end)
        else:
            late = ";" in text[:start] and bool(DENY_VERB.search(text[start:start + 80]))
            merged[speaker.name] = [speaker.name, speaker.reference, speaker.reported_by, start, end,
                                    not speaker.collective and not late]
    return [Claim(*values) for values in merged.values()]


def _trailing(text: str, speaker: Speaker) -> bool:
    """An attribution that ends the sentence, after a comma: "..., according to X." or "..., the
    ombudsman confirmed." It says what comes before it."""
    tail = text[speaker.start:].rstrip(" .!\"”")
    if len(tail) > 90 or not text[:speaker.start].rstrip().endswith(","):
        return False
    if not speaker.verb:
        return tail.lower().startswith("according to") and "," not in tail
    return tail.lower().endswith(" " + speaker.verb)


def _trim(text: str, start: int, end: int) -> int:
    """A stretch's end without the joining words and stops that lead to the next one."""
    piece = text[start:end]
    cut = _JOINER.search(piece)
    end = start + (cut.start() if cut and cut.start() > 0 else len(piece))
    while end > start and text[end - 1] in " .;,":
        end -= 1
    return end


_HEAD_NOUNS = (r"(?:envoy|spokesman|spokeswoman|spokesperson|official|officials|ministry|minister|president|ombudsman|"
               r"army|forces|government|authorities|correspondent|agency|command|staff|office|service|military|"
               r"Ministry of Defen[cs]e|Defen[cs]e Ministry)")
_MEDIA_NOUNS = r"(?:(?:state\s+|news\s+|pro-government\s+|opposition\s+)?(?:media|outlet|outlets|press|television|agency))"
_UNKNOWN = re.compile(
    r"(?:^|[;,]\s+|\bthat\s+|\bwhile\s+|\bwhich\s+)(?:[Tt]he\s+|[Aa]n?\s+)?"
    # "the Armenian Ministry of Territorial Administration", "the Trend news agency", "Azerbaijani state media"
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+(?:of\s+(?:the\s+)?)?){0,4}[A-Z][\w'’.-]*(?:\s+(?:" + _HEAD_NOUNS + "|"
    + _MEDIA_NOUNS + r"))?)"
    r"(?:\s+[A-Z][\w'’-]+){0,3}"  # the office's holder: "the Artsakh ombudsman Gegham Stepanyan posted"
    + _FILLER + r"\s+(?P<verb>" + SAY + r")\b")
_STAFF = re.compile(r"\s+(?:correspondent|reporter|journalist|photographer|crew|team)s?")
_NOT_NAMES = frozenset("It He She They This That These Those There The A An In On At Both Each Ministry Reports".split())


def _unknown_speakers(text: str, hits: list[Hit]) -> list[Speaker]:
    """Claimants the actors files do not know, named as the text gives them ("the Varnian Ministry
    of Defence stated", "According to the Red Cross,"). Known actors were weighed already: they are
    not taken here."""
    out = []
    for m in _UNKNOWN.finditer(text):
        # a known actor alone was weighed already; "the Security Council of Artsakh" is a body of its own
        if m["name"].split()[0] in _NOT_NAMES or any(h.end == m.end("name") and h.start <= m.start("name") for h in hits):
            continue
        article = re.search(r"(?:\b(?:the|an?)\s+)$", text[max(0, m.start("name") - 5):m.start("name")], re.I)
        start = m.start("name") - (len(article[0]) if article else 0)
        # "a Northwire correspondent reported": the known outlet's own staff speak for it
        known = next((h.value for h in hits if h.start == m.start("name")
                      and _STAFF.fullmatch(text[h.end:m.end("name")])), None)
        staff = _STAFF.search(m["name"])  # "A TASS correspondent reported": TASS reports
        name = m["name"][:staff.start()] if staff and staff.end() == len(m["name"]) and staff.start() else m["name"]
        out.append(Speaker(known or name, start, m["verb"].lower(), False))
    for m in _UNKNOWN_ACCORDING.finditer(text):
        out.append(Speaker(m["name"].rstrip("."), m.start(), "", False))
    for m in _UNKNOWN_WORK.finditer(text):
        if m["name"].split()[0] not in _NOT_NAMES and not any(h.start <= m.start("name") < h.end for h in hits):
            out.append(Speaker(m["name"], _work_start(text, m.start()), m["verb"].lower(), False))
    return out


_UNKNOWN_ACCORDING = re.compile(r"\b[Aa]ccording to (?:(?:an?\s+)?(?:posts?|reports?|statements?|data|figures|messages?)\s+"
                                r"(?:by|of|from)\s+)?(?:the\s+)?(?P<name>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*"
                                r"(?:\s+" + _MEDIA_NOUNS + r")?)(?:\s+(?:account|channel|page))?\s*(?:,|[.!]?\s*$)")


_UNKNOWN_WORK = re.compile(_WORK_WORDS + r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*)" + _MADE_VERB)


def _is_object(text: str, hit: Hit) -> bool:
    """'accused Armenia' and 'of Azerbaijan' name a target, not a speaker."""
    if text.startswith((", who", " who"), hit.end):
        return False  # "owned up to by Azerbaijan, who said": a relative clause gives it a voice
    before = text[max(0, hit.start - 12):hit.start].lower()
    if _MUTUAL.match(text[hit.end:]) or _OFFICE_OF.search(text, max(0, hit.start - 40), hit.start):
        return False  # "the office of the Armenian Prime Minister counted": the office speaks for its head
    if _OBJECT_OF_SAYING.search(text[max(0, hit.start - 30):hit.start]):
        return True  # "Iran criticized the Minsk Group", "appealed to Russian President Putin"
    # "..., as the Varnian government had claimed": whose claim this one agrees with, not a new one
    return before.endswith(("by ", "by the ", "of ", "to ", "to the ", "accused ", "accused the ", ", as ", ", as the ",
                            "from ", "from the "))  # "launched from Russia, saying ...": whence, not who


_OFFICE_OF = re.compile(r"\b(?:office|press\s+service|press\s+office)\s+of\s+(?:the\s+)?$", re.I)
_OBJECT_OF_SAYING = re.compile(r"\b(?:criticized|criticised|accused|appealed\s+to|urged|called\s+on|warned|"
                               r"thanked|congratulated|asked)\s+(?:the\s+)?$", re.I)


def _coordinated(text: str, hits: list[Hit], idx: int, actors: Actors) -> list[tuple[str, int]]:
    """"Both Azerbaijani and Turkish authorities": the first adjective is an actor too; with where
    its stretch begins."""
    hit = hits[idx]
    before = text[max(0, hit.start - 40):hit.start]
    m = _PLURAL_ADJ.search(before) if before.rstrip().lower().endswith("and") else None
    if not m:
        return []
    head = hit.surface.split()[-1]
    other = actors.resolve(f"{m[1]} {head}")
    begins = hit.start - len(before) + m.start()
    if other:
        return [(other.name, begins)]
    # "both Armenia and Artsakh issued denials": the earlier actor is its own hit.
    if idx > 0 and text[hits[idx - 1].end:hit.start].strip().lower() in ("and", "and the"):
        return [(hits[idx - 1].value, _subject_start(text, hits[idx - 1]))]
    return []
