"""Named weapon systems, canonical, read from corpus/weapons.tsv."""

from __future__ import annotations

from pathlib import Path

from kscli.extract.phrases import PhraseMatcher
from kscli.text.tsv import read_rows, split_list

WEAPONS_FILE = "weapons.tsv"


class Weapons:
    def __init__(self, rows: dict[str, tuple[str, tuple[str, ...]]]):
        self.categories = {name: category for name, (category, _) in rows.items()}
        self.aliases = {name: aliases for name, (_, aliases) in rows.items()}
        phrases = {}
        for name, (_, aliases) in rows.items():
            for alias in (name, *aliases):
                phrases.setdefault(alias, name)
        # Short names (Tor, Osa) are ordinary words in other cases: match them as written.
        self._matcher = PhraseMatcher(phrases, case_sensitive_up_to=4)

    def find(self, text: str, toks=None) -> list[str]:
        """Canonical weapons named in `text`, in order, without repeats."""
        return list(dict.fromkeys(hit.value for hit in self._matcher.find(text, toks)))

    def resolve(self, text: str) -> str | None:
        found = self.find(text)
        if found:
            return found[0]
        folded = text.strip().casefold()
        return next((n for n in self.categories if n.casefold() == folded), None)


def read_weapons(paths: list[Path]) -> dict[str, tuple[str, tuple[str, ...]]]:
    rows: dict[str, tuple[str, tuple[str, ...]]] = {}
    for path in paths:
        for _, row in read_rows(path, ("name", "category", "aliases")):
            rows[row["name"]] = (row["category"], tuple(split_list(row["aliases"])))
    return rows

