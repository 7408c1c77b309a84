"""ksw: query a day-by-day war timeline by date, place, actor and keyword.

The package is a library first: ``kscli.load_index()`` gives an index to query
from Python; ``kscli.cli`` is only the command-line skin over it.
"""

__version__ = "0.1.0"

__all__ = ["__version__", "load_index"]


def load_index(path=None, **options):
    """Build (or load from cache) the index of the corpus at `path` (default: bundled)."""
    from kscli.store.load import load_index as _load

    return _load(path, **options)
