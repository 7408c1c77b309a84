"""The values ksw deals in. Immutable, no I/O, no behaviour beyond derived fields.

They are named tuples (kscli.record) rather than frozen dataclasses: just as immutable,
and a fifth of the import cost, which every run of the command pays.
"""

from __future__ import annotations

from kscli.record import Record


# Event types, in the precedence that decides between them (see kscli.extract.event_types and docs/).
EVENT_TYPES = ("aircraft/drone downed", "territory", "shelling/strike", "battle/clash",
               "casualties", "ceasefire/diplomacy", "footage/media", "other")


class Event(Record):
    """One sentence of the timeline, with what was extracted from it."""

    id: str
    date: str | None  # ISO date, None for undated background
    text: str
    file: str
    line: int
    heading: str | None = None
    background: bool = False
    time: str | None = None  # "HH:MM", local time as the text gives it
    time_approximate: bool = False
    time_estimated: bool = False
    part_of_day: str | None = None
    source: str | None = None
    source_from_reference: bool = False
    side: str | None = None
    denied_by: tuple[str, ...] = ()
    event_type: str = "other"
    killed: int | None = None
    injured: int | None = None
    weapons: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    place_mentions: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()  # the ids of its claims (kscli.model.Claim), "2020-10-04.07#1"...

    @property
    def disputed(self) -> bool:
        return bool(self.denied_by)

    def as_dict(self) -> dict:
        """Plain JSON-ready mapping in EVENT_FIELDS order (lists for tuples)."""
        # Spelled out rather than looped over _fields: the cache write makes one for each of
        # hundreds of thousands of events, and a literal is four times quicker.
        (id, date, text, file, line, heading, background, time, time_approximate, time_estimated, part_of_day,
         source, source_from_reference, side, denied_by, event_type, killed, injured, weapons, places,
         place_mentions, claims) = self
        return {"id": id, "date": date, "text": text, "file": file, "line": line, "heading": heading,
                "background": background, "time": time, "time_approximate": time_approximate,
                "time_estimated": time_estimated, "part_of_day": part_of_day, "source": source,
                "source_from_reference": source_from_reference, "side": side, "denied_by": list(denied_by),
                "disputed": bool(denied_by), "event_type": event_type, "killed": killed, "injured": injured,
                "weapons": list(weapons), "places": list(places), "place_mentions": list(place_mentions),
                "claims": list(claims)}


# The order of fields in every machine format: as_dict() order, `disputed` derived.
EVENT_FIELDS: tuple[str, ...] = (
    "id", "date", "text", "file", "line", "heading", "background",
    "time", "time_approximate", "time_estimated", "part_of_day",
    "source", "source_from_reference", "side", "denied_by", "disputed",
    "event_type", "killed", "injured", "weapons", "places", "place_mentions", "claims",
)
# The default columns of the table, TSV and CSV outputs.
TABLE_FIELDS: tuple[str, ...] = ("id", "date", "time", "source", "places", "text")


class Link(Record):
    """An answer to a claim: who gave it (the polity or outlet, and the actor where the text names
    one) and the sentence it stands in."""

    party: str | None
    actor: str | None
    event: str

    def as_dict(self) -> dict:
        return {"party": self.party, "actor": self.actor, "event": self.event}


class Claim(Record):
    """One claim: a claimant's statement in a sentence, with its own facts and the answers to it."""

    id: str  # "2020-10-04.07#1": the event's id and the claim's place in it
    event: str
    date: str | None
    claimant: str  # a canonical actor, or the name as the text gives it
    side: str | None
    party: str | None  # the polity it speaks for (Armenia), or the outlet itself
    reported_by: str | None  # "According to Eurasianet, the MoD claimed": Eurasianet
    text: str  # the claim's own stretch of the sentence
    source_from_reference: bool = False
    places: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    killed: int | None = None
    injured: int | None = None
    victims_side: str | None = None  # whose dead and wounded: a side, or "unknown"
    victims_civilian: bool | None = None
    weapons: tuple[str, ...] = ()
    denied_by: tuple[Link, ...] = ()
    confirmed_by: tuple[Link, ...] = ()
    contradicted_by: tuple[Link, ...] = ()
    denies: tuple[str, ...] = ()  # the claims (or, for narration, the events) this one answers
    confirms: tuple[str, ...] = ()
    contradicts: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        """Plain JSON-ready mapping in CLAIM_FIELDS order."""
        victims = None if self.killed is None and self.injured is None else {
            "side": self.victims_side or "unknown", "civilian": self.victims_civilian}
        return {"id": self.id, "event": self.event, "date": self.date, "claimant": self.claimant, "side": self.side,
                "party": self.party, "reported_by": self.reported_by, "text": self.text,
                "source_from_reference": self.source_from_reference, "places": list(self.places),
                "types": list(self.types), "killed": self.killed, "injured": self.injured, "victims": victims,
                "weapons": list(self.weapons), "denied_by": [link.as_dict() for link in self.denied_by],
                "confirmed_by": [link.as_dict() for link in self.confirmed_by],
                "contradicted_by": [link.as_dict() for link in self.contradicted_by], "denies": list(self.denies),
                "confirms": list(self.confirms), "contradicts": list(self.contradicts)}


CLAIM_FIELDS: tuple[str, ...] = (
    "id", "event", "date", "claimant", "side", "party", "reported_by", "text", "source_from_reference", "places",
    "types", "killed", "injured", "victims", "weapons", "denied_by", "confirmed_by", "contradicted_by",
    "denies", "confirms", "contradicts",
)
# The default columns of `ksw claims` in a table, TSV and CSV.
CLAIM_TABLE_FIELDS: tuple[str, ...] = ("id", "claimant", "side", "places", "denied_by", "text")


class ParseWarning(Record):
    """Something in a corpus file that was skipped or guessed, with where it is."""

    file: str
    line: int
    message: str
    dropped: bool = False  # text left out of the dated events (skipped, or undated): worth a word unasked

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"
