"""JSON laid out as `json.dumps(..., ensure_ascii=False, indent=2)` lays it out, several times faster.

With indent, json.dumps runs its pure-Python encoder piece by piece; here each value is
encoded by its type. Shared by the renderer (any rows) and the cache, which keeps each
event's item ready-made so that `--format json` copies it instead of laying it out.
"""

from __future__ import annotations

import json


def items(rows, columns: list) -> list[str]:
    """Each row as the indented object it is inside the array; KeyError for a type not laid out here
    (a nested dict, a subclass, a key that is not text), which the caller hands to json.dumps."""
    if not columns:
        return ["  {}"] * len(rows)
    prefixes = ["    " + _KEYS[type(c)](c) + ": " for c in columns]
    encode = _ENCODERS
    return ["  {\n" + ",\n".join([prefix + encode[type(value)](value)
                                  for prefix, value in zip(prefixes, map(row.get, columns))]) + "\n  }"
            for row in rows]


def array_of(laid_out: list[str]) -> str:
    """The indented array of items()."""
    return "[\n" + ",\n".join(laid_out) + "\n]" if laid_out else "[]"


def _scalars(values) -> str:
    if not values:
        return "[]"
    return "[\n      " + ",\n      ".join([_SCALARS[type(v)](v) for v in values]) + "\n    ]"


_SCALARS = {str: json.encoder.encode_basestring, int: int.__repr__, bool: lambda v: "true" if v else "false",
            type(None): lambda v: "null", float: json.JSONEncoder(ensure_ascii=False).encode}
_ENCODERS = {**_SCALARS, list: _scalars, tuple: _scalars}
_KEYS = {str: json.encoder.encode_basestring}
