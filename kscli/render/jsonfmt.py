"""JSON output: one object a line (jsonl), or one indented array (json), laid out quickly."""

from __future__ import annotations

import json
import re

from kscli.model import EVENT_FIELDS

def render_jsonl(rows, columns, header: bool, out) -> None:
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per row as json.dumps makes
    for row in rows:
        out.write(encode({c: row.get(c) for c in columns}) + "\n")


def render_json(rows, columns, header: bool, out) -> None:
    out.write(indented_json(rows, columns) + "\n")


def indented_json(rows: list[dict], columns) -> str:
    """json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=2), the
    same text, made faster where the columns are text and the values scalars or lists of them.

    With indent, json.dumps runs its pure-Python encoder, piece by piece (0.6 s for 39,000 events);
    here each value is encoded by its type, in half that. Anything else goes to json.dumps.
    """
    try:
        return _indented(rows, list(dict.fromkeys(columns)))
    except KeyError:  # a type not laid out here: a nested dict or list, a subclass, a key that is not text
        return json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=2)


def indented_events(lines: list[str]) -> str | None:
    """indented_json() of every field of events, laid out from their `--format jsonl` lines without
    decoding them (a third of the time at x1000); None if a line is not of that layout.

    A line is cut at the separators before its keys, `, "date": ` and the rest in EVENT_FIELDS
    order: an unescaped quote never stands inside a JSON string, so `, "` followed by a key and
    `": ` is always structure. A list, all of whose items are strings, is cut into its strings.
    """
    if not lines:
        return "[]"
    items = []
    for line in lines:
        values = _KEY_SEPARATORS.split(line[7:-1]) if line.startswith('{"id": ') and line.endswith("}") else ()
        if len(values) != len(EVENT_FIELDS):
            return None
        for n in _LIST_FIELDS:
            if values[n] != "[]":  # not split at '", "': an item may end in an escaped quote and ", "
                values[n] = "[\n      " + ",\n      ".join(_JSON_STRING.findall(values[n])) + "\n    ]"
        items.append(_EVENT_LAYOUT % tuple(values))
    return "[\n" + ",\n".join(items) + "\n]"


_KEY_SEPARATORS = re.compile(", (?:" + "|".join(re.escape(f'"{field}": ') for field in EVENT_FIELDS[1:]) + ")")
_LIST_FIELDS = [n for n, field in enumerate(EVENT_FIELDS) if field in ("denied_by", "weapons", "places",
                                                                     "place_mentions", "claims")]


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_EVENT_LAYOUT = "  {\n" + ",\n".join(f'    "{field}": %s' for field in EVENT_FIELDS) + "\n  }"


def _indented(rows: list[dict], columns: list) -> str:
    if not columns:
        return "[\n" + ",\n".join(["  {}"] * len(rows)) + "\n]" if rows else "[]"
    prefixes = ["    " + _KEYS[type(c)](c) + ": " for c in columns]
    encode = _ENCODERS
    items = ["  {\n" + ",\n".join([prefix + encode[type(value)](value)
                                   for prefix, value in zip(prefixes, map(row.get, columns))]) + "\n  }"
             for row in rows]
    return "[\n" + ",\n".join(items) + "\n]" if items else "[]"


def _scalars(values) -> str:
    if not values:
        return "[]"
    return "[\n      " + ",\n      ".join([_SCALARS[type(v)](v) for v in values]) + "\n    ]"


_SCALARS = {str: json.encoder.encode_basestring, int: int.__repr__, bool: lambda v: "true" if v else "false",
            type(None): lambda v: "null", float: json.JSONEncoder(ensure_ascii=False).encode}
_ENCODERS = {**_SCALARS, list: _scalars, tuple: _scalars}


_KEYS = {str: json.encoder.encode_basestring}
