"""The options table (kscli.cli.options) as typer parameters, and the decorator that adds them to a command."""

import functools
import inspect
import warnings
from pathlib import Path
from typing import Annotated, Optional

import typer

from kscli.cli.options import Opt

TYPES = {"str": Optional[str], "strs": Optional[list[str]], "flag": bool, "int": Optional[int],
         "float": Optional[float], "path": Path, "paths": Optional[list[Path]]}


def parameter(opt: Opt):
    """The annotation and default typer reads for one option of the table."""
    extra = {key: getattr(opt, key) for key in ("metavar", "envvar", "min", "max") if getattr(opt, key) is not None}
    if opt.complete is not None:
        # Typer keeps only the values that begin with what was typed, as typed: "shu" would never give
        # Shusha, nor "Tartar D" the escaped "Tartar\ District". click's own hook, which Typer still
        # passes on (saying, as each command is built, that it will not always), takes them as given.
        warnings.filterwarnings("ignore", "In Typer, only the parameter 'autocompletion'", DeprecationWarning)
        extra["shell_complete"] = _items(opt.complete)
    kind = TYPES[opt.kind]
    if opt.kind == "strs" and opt.default is not None:
        kind = list[str]
    default = list(opt.default) if isinstance(opt.default, tuple) else Path(opt.default) if opt.kind == "path" else opt.default
    return Annotated[kind, typer.Option(*opt.decls, rich_help_panel=opt.panel, help=opt.help, **extra)], default


def _items(complete):
    def shell_complete(ctx, param, incomplete: str):
        from typer._click.shell_completion import CompletionItem

        return [CompletionItem(value) for value in complete(incomplete)]
    return shell_complete


def takes(*groups: dict):
    """Add the options of `groups` to a command, after its own parameters (the typer.Context and any
    arguments); it receives them as keyword arguments."""
    def decorate(func):
        own = [p for p in inspect.signature(func).parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
        extra = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=ann, default=default)
                 for group in groups for name, opt in group.items() for ann, default in [parameter(opt)]]

        @functools.wraps(func)
        def wrapper(**kwargs):
            return func(**kwargs)

        wrapper.__signature__ = inspect.Signature([p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own] + extra)
        wrapper.__annotations__ = {p.name: p.annotation for p in wrapper.__signature__.parameters.values()}
        del wrapper.__wrapped__  # typer must read the signature above, not the original's
        return wrapper
    return decorate
