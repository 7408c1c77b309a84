"""Queries over an index: the filters as a value (spec), the names users type resolved to
canonical ones (resolve), keyword matching (keywords), execution (run), and the rows of the
listing commands (report, stats).

``from kscli.query import Query, run`` is the library's way to ask.
"""

from kscli.query.execute import Result, run
from kscli.query.spec import Query

__all__ = ["Query", "Result", "run"]
