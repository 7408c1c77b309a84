"""Claimants: canonical names, sides, kinds, aliases and parties, read from corpus/actors.tsv."""

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
    party: str = ""  # the polity it speaks for (Armenia for the Armenian MoD); empty: the actor itself

    @property
    def polity(self) -> str:
        return self.party or self.name


class Actors:
    """The known claimants and a matcher that finds them in text."""

    def __init__(self, actors: list[Actor]):
        self.by_name = {a.name: a for a in actors}
        self._markers: dict[str, tuple[str, str]] | None = None
        phrases: dict[str, str] = {}
        for actor in actors:
            for alias in (actor.name, *actor.aliases):
                phrases.setdefault(alias, actor.name)
        self._matcher = PhraseMatcher(phrases, case_sensitive_up_to=4)

    def find(self, text: str, toks=None) -> list[Hit]:
        return self._matcher.find(text, toks)

    def get(self, name: str) -> Actor | None:
        return self.by_name.get(name)

    def party_of(self, name: str | None) -> str | None:
        """The party a claimant speaks for: an actor's polity, or a name the file does not know itself."""
        if name is None:
            return None
        actor = self.by_name.get(name)
        return actor.polity if actor else name

    def side_of(self, name: str | None) -> str | None:
        actor = self.by_name.get(name) if name else None
        return actor.side if actor else None

    def members(self, party: str) -> list[str]:
        """The actors that speak for a party named by its own name ("Armenia": the Armenian MoD, MoFA,
        Prime Minister, authorities), or [] when `party` is no party's name."""
        wanted = " ".join(party.split()).casefold()
        return [a.name for a in self.by_name.values() if a.party and a.party.casefold() == wanted]

    def markers(self) -> dict[str, tuple[str, str]]:
        """Capitalised words that name a side in text (Armenian, Azerbaijan, Artsakh), folded, with the
        side and party they name; words that name several sides (Republic, Ministry) are left out."""
        if self._markers is None:
            from kscli.names.folding import fold

            found: dict[str, set[tuple[str, str]]] = {}
            for actor in self.by_name.values():
                if actor.kind not in ("government", "state", "ministry", "military"):
                    continue
                for spelling in (actor.name, *actor.aliases):
                    first = spelling.split()[0].removesuffix("'s").removesuffix("’s")
                    if first[:1].isupper():
                        found.setdefault(fold(first), set()).add((actor.side, actor.polity))
            self._markers = {word: next(iter(pairs)) for word, pairs in found.items()
                             if len({side for side, _ in pairs}) == 1 and len({p for _, p in pairs}) == 1}
        return self._markers

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
            actors[row["name"]] = Actor(row["name"], row["side"], row["kind"], tuple(split_list(row["aliases"])),
                                        row.get("party", ""))
    return list(actors.values())
