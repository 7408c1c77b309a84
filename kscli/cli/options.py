"""The options ksw's commands share, declared once, and the decorator that adds them.

Every command that selects events takes the same filters (FILTERS), so
`ksw stats` and `ksw map` accept exactly what `ksw events` does.
"""

import functools
import inspect
import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from kscli.errors import KscliError


def complete_names(kind: str):
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


def complete_values(values):
    """Completion of a fixed value (a type, a format, a --by dimension): no index needed."""
    def complete(incomplete: str) -> list[str]:
        from kscli.query.completion import ranked

        return for_shell(ranked(((v, True) for v in values()), incomplete), incomplete)
    return complete


def complete_fields(incomplete: str) -> list[str]:
    from kscli.model import EVENT_FIELDS
    from kscli.query.completion import field_list

    return for_shell(field_list(EVENT_FIELDS, incomplete), incomplete)


def for_shell(values: list[str], incomplete: str) -> list[str]:
    """Values as the shell asking must insert them: bash inserts each as it is, so a space or quote
    in a name is escaped for it (zsh and fish quote what they are given)."""
    if os.environ.get("_KSW_COMPLETE") != "complete_bash":
        return values
    import re

    from kscli.query.completion import for_bash

    return [re.sub(r"""([\s'"\\$`!&;|<>()*?\[\]{}#~])""", r"\\\1", v) for v in for_bash(values, incomplete)]


def _types():
    from kscli.model import EVENT_TYPES

    return EVENT_TYPES


def _formats():
    from kscli.render.formats import FORMATS

    return (*FORMATS, "geojson")


def option(*decls, panel="Filters", autocompletion=None, **kw):
    if autocompletion is None:
        return typer.Option(*decls, rich_help_panel=panel, **kw)
    # Typer keeps only the values that begin with what was typed, as typed: "shu" would never give
    # Shusha, nor "Tartar D" the escaped "Tartar\ District". click's own hook, which Typer still
    # passes on (saying, as each command is built, that it will not always), takes them as given.
    import warnings

    warnings.filterwarnings("ignore", "In Typer, only the parameter 'autocompletion'", DeprecationWarning)
    return typer.Option(*decls, rich_help_panel=panel, shell_complete=_items(autocompletion), **kw)


def _items(complete):
    def shell_complete(ctx, param, incomplete: str):
        from typer._click.shell_completion import CompletionItem

        return [CompletionItem(value) for value in complete(incomplete)]
    return shell_complete


Many = Optional[list[str]]
FILTERS = {  # parameter name -> (annotation, default)
    "date_from": (Annotated[Optional[str], option("--from", metavar="DATE", help="First day (inclusive): 2020-10-04, '4 October', 'Oct 4', 2020-10.")], None),
    "date_to": (Annotated[Optional[str], option("--to", metavar="DATE", help="Last day (inclusive).")], None),
    "on": (Annotated[Many, option("--on", metavar="DATE", help="Only this day or month (repeatable).")], None),
    "place": (Annotated[Many, option("--place", "-p", metavar="NAME", autocompletion=complete_names("place"), help="Place, any spelling: Tartar, Terter, Tərtər (repeatable).")], None),
    "within": (Annotated[Many, option("--within", metavar="NAME", autocompletion=complete_names("place"), help="A place and every place inside it (repeatable).")], None),
    "near": (Annotated[Optional[str], option("--near", metavar="PLACE", autocompletion=complete_names("place"), help="Events at places within --km of this place.")], None),
    "km": (Annotated[Optional[float], option("--km", metavar="N", help="Radius for --near, in kilometres (default: 10).")], None),
    "actor": (Annotated[Many, option("--actor", "--claimant", "-a", metavar="NAME", autocompletion=complete_names("actor"), help="Who made the claim: 'Azerbaijani MoD', ADA, Pashinyan; a party (Armenia) means all who speak for it (repeatable).")], None),
    "keyword": (Annotated[Many, option("--keyword", "-k", metavar="TEXT", help="Whole word (and its inflections: kill, killed) or phrase, case- and accent-insensitive; kilo* for a prefix (repeatable).")], None),
    "event_type": (Annotated[Many, option("--type", "-t", metavar="TYPE", autocompletion=complete_values(_types), help="shelling/strike, battle/clash, territory, ... (repeatable).")], None),
    "weapon": (Annotated[Many, option("--weapon", "-w", metavar="NAME", autocompletion=complete_names("weapon"), help="Named weapon system: Smerch, Tochka-U, TB2 (repeatable).")], None),
    "denied_by": (Annotated[Many, option("--denied-by", metavar="PARTY", autocompletion=complete_names("actor"), help="Claims this party denied: Armenia (its MoD, MoFA, PM, authorities), 'Armenian MoD', unnamed (repeatable).")], None),
    "disputed": (Annotated[bool, option("--disputed", "--denied", help="Only claims someone denied.")], False),
    "undisputed": (Annotated[bool, option("--undisputed", "--undenied", help="Only claims nobody denied.")], False),
    "confirmed": (Annotated[bool, option("--confirmed", help="Only claims someone else confirmed.")], False),
    "side": (Annotated[Many, option("--side", metavar="SIDE", autocompletion=complete_names("side"), help="The claimant's side, as the actors file names it: azerbaijani, armenian, 'third party' (repeatable).")], None),
}
CORPUS = {
    "corpus": (Annotated[Optional[str], option("--corpus", panel="Corpus", envvar="KSW_CORPUS", metavar="PATH", help="Timeline file or folder of timeline files (default: the bundled timeline; env KSW_CORPUS).")], None),
    "year": (Annotated[Optional[int], option("--year", panel="Corpus", min=1, max=9999, help="Year of the timeline's first day, if the text does not say.")], None),
    "places_file": (Annotated[Optional[list[Path]], option("--places-file", panel="Corpus", metavar="FILE", help="Extra gazetteer TSV (same columns as corpus/places.tsv).")], None),
    "own_data": (Annotated[bool, option("--own-data", panel="Corpus", help="Only the corpus's own places, actors and weapons files, not the bundled war's (for another war).")], False),
    "verbose": (Annotated[bool, option("--verbose", "-v", panel="Corpus", help="Show parse warnings on stderr.")], False),
}
OUTPUT = {
    "fmt": (Annotated[Optional[str], option("--format", "-f", panel="Output", metavar="FORMAT", autocompletion=complete_values(_formats), help="table, tsv, csv, json or jsonl (default: table on a terminal, tsv in a pipe).")], None),
    "fields": (Annotated[Optional[str], option("--fields", panel="Output", metavar="A,B,...", autocompletion=complete_fields, help="Columns to print, in order (comma-separated).")], None),
    "no_header": (Annotated[bool, option("--no-header", panel="Output", help="Omit the header line.")], False),
}


def takes(*groups: dict):
    """Add the options of `groups` to a command; it receives them as keyword arguments."""
    def decorate(func):
        own = [p for p in inspect.signature(func).parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
        extra = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=ann, default=default)
                 for group in groups for name, (ann, default) in group.items()]

        @functools.wraps(func)
        def wrapper(**kwargs):
            return func(**kwargs)

        wrapper.__signature__ = inspect.Signature([p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own] + extra)
        wrapper.__annotations__ = {p.name: p.annotation for p in wrapper.__signature__.parameters.values()}
        del wrapper.__wrapped__  # typer must read the signature above, not the original's
        return wrapper
    return decorate
