"""Claimants: canonical names, sides, kinds and aliases, read from corpus/actors.tsv."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kscli.errors import DataFileError
from kscli.extract.phrases import Hit, PhraseMatcher
from kscli.text.tsv import read_rows, split_list

ACTORS_FILE = "actors.tsv"
KINDS = ("ministry", "military", "government", "person", "state", "media", "organisation")


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    side: str
    kind: str
    aliases: tuple[str, ...] = ()


class Actors:
    """The known claimants and a matcher that finds them in text."""

    def __init__(self, actors: list[Actor]):
        self.by_name = {a.name: a for a in actors}
        phrases: dict[str, str] = {}
        for actor in actors:
            for alias in (actor.name, *actor.aliases):
                phrases.setdefault(alias, actor.name)
        self._matcher = PhraseMatcher(phrases, case_sensitive_up_to=4)

    def find(self, text: str, toks=None) -> list[Hit]:
        return self._matcher.find(text, toks)

    def get(self, name: str) -> Actor | None:
        return self.by_name.get(name)

    def sides(self) -> list[str]:
        """The sides the actors are on, in the order the files first name them."""
        return list(dict.fromkeys(a.side for a in self.by_name.values()))

    def resolve(self, text: str) -> Actor | None:
        """The actor a user's name means: a canonical name or alias, any case."""
        hits = self._matcher.find(text)
        if len(hits) == 1 and hits[0].surface.strip() == text.strip():
            return self.by_name[hits[0].value]
        folded = text.strip().casefold()
        return next((a for a in self.by_name.values() if a.name.casefold() == folded), None)


def read_actors(paths: list[Path]) -> list[Actor]:
    actors: dict[str, Actor] = {}
    for path in paths:
        for n, row in read_rows(path, ("name", "side", "kind", "aliases")):
            # Any side a war has: the bundled file's are azerbaijani, armenian and third party.
            if not row["side"] or not row["side"].isprintable():
                raise DataFileError(f"{path}:{n}: an actor needs a side (a word like 'armenian' or 'third party')")
            if row["kind"] not in KINDS:
                raise DataFileError(f"{path}:{n}: unknown kind '{row['kind']}' (one of {', '.join(KINDS)})")
            actors[row["name"]] = Actor(row["name"], row["side"], row["kind"], tuple(split_list(row["aliases"])))
    return list(actors.values())
