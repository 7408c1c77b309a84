"""Completion of option values: names from the corpus's data files, and fixed values.

Called only when a shell asks (typer's completion); nothing here is imported for a query.
"""

import os
import re

from kscli.errors import KscliError


def names(kind: str):
    """Completion of a name from the corpus's data files: place, actor, weapon or side."""
    def complete(incomplete: str) -> list[str]:
        from kscli.query import completion
        from kscli.store.load import load_index

        try:
            lexicon = load_index(os.environ.get("KSW_CORPUS") or None).lexicon
        except KscliError:
            return []
        spellings = {"place": completion.place_spellings, "actor": completion.actor_spellings,
                     "weapon": completion.weapon_spellings, "side": completion.side_names}[kind](lexicon)
        return for_shell(completion.ranked(spellings, incomplete), incomplete)
    return complete


def values(of):
    """Completion of a fixed value (a type, a format, a --by dimension): no index needed."""
    def complete(incomplete: str) -> list[str]:
        from kscli.query.completion import ranked

        return for_shell(ranked(((v, True) for v in of()), incomplete), incomplete)
    return complete


def fields(incomplete: str) -> list[str]:
    from kscli.model import EVENT_FIELDS
    from kscli.query.completion import field_list

    return for_shell(field_list(EVENT_FIELDS, incomplete), incomplete)


def for_shell(values: list[str], incomplete: str) -> list[str]:
    """Values as the shell asking must insert them: bash inserts each as it is, so a space or quote
    in a name is escaped for it (zsh and fish quote what they are given)."""
    if os.environ.get("_KSW_COMPLETE") != "complete_bash":
        return values
    from kscli.query.completion import for_bash

    return [re.sub(r"""([\s'"\\$`!&;|<>()*?\[\]{}#~])""", r"\\\1", v) for v in for_bash(values, incomplete)]


def types():
    from kscli.model import EVENT_TYPES

    return EVENT_TYPES


def formats():
    from kscli.render.formats import FORMATS

    return (*FORMATS, "geojson")


def map_formats():
    return ("svg", "png")


def dimensions():
    from kscli.query.stats import DIMENSIONS

    return DIMENSIONS
