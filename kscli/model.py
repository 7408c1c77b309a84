"""The values ksw deals in. Immutable, no I/O, no behaviour beyond derived fields.

They are NamedTuples rather than frozen dataclasses: just as immutable, and a
fifth of the import cost, which every run of the command pays.
"""

from __future__ import annotations

from typing import NamedTuple


# Event types, in the precedence that decides between them (see kscli.extract.event_types and docs/).
EVENT_TYPES = ("aircraft/drone downed", "territory", "shelling/strike", "battle/clash",
               "casualties", "ceasefire/diplomacy", "footage/media", "other")


class Event(NamedTuple):
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

    @property
    def disputed(self) -> bool:
        return bool(self.denied_by)

    def as_dict(self) -> dict:
        """Plain JSON-ready mapping in EVENT_FIELDS order (lists for tuples)."""
        # Spelled out rather than looped over _fields: the cache write makes one for each of
        # hundreds of thousands of events, and a literal is four times quicker.
        (id, date, text, file, line, heading, background, time, time_approximate, time_estimated, part_of_day,
         source, source_from_reference, side, denied_by, event_type, killed, injured, weapons, places,
         place_mentions) = self
        return {"id": id, "date": date, "text": text, "file": file, "line": line, "heading": heading,
                "background": background, "time": time, "time_approximate": time_approximate,
                "time_estimated": time_estimated, "part_of_day": part_of_day, "source": source,
                "source_from_reference": source_from_reference, "side": side, "denied_by": list(denied_by),
                "disputed": bool(denied_by), "event_type": event_type, "killed": killed, "injured": injured,
                "weapons": list(weapons), "places": list(places), "place_mentions": list(place_mentions)}


# The order of fields in every machine format: as_dict() order, `disputed` derived.
EVENT_FIELDS: tuple[str, ...] = (
    "id", "date", "text", "file", "line", "heading", "background",
    "time", "time_approximate", "time_estimated", "part_of_day",
    "source", "source_from_reference", "side", "denied_by", "disputed",
    "event_type", "killed", "injured", "weapons", "places", "place_mentions",
)
# The default columns of the table, TSV and CSV outputs.
TABLE_FIELDS: tuple[str, ...] = ("id", "date", "time", "source", "places", "text")


class ParseWarning(NamedTuple):
    """Something in a corpus file that was skipped or guessed, with where it is."""

    file: str
    line: int
    message: str
    dropped: bool = False  # text left out of the dated events (skipped, or undated): worth a word unasked

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"
