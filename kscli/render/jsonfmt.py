"""JSON output: one object a line (jsonl), or one indented array (json), laid out quickly."""

from __future__ import annotations

import json


def render_jsonl(rows, columns, header: bool, out) -> None:
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per row as json.dumps makes
    for row in rows:
        out.write(encode({c: row.get(c) for c in columns}) + "\n")


def render_json(rows, columns, header: bool, out) -> None:
    out.write(indented_json(rows, columns) + "\n")


def indented_json(rows: list[dict], columns) -> str:
    """json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=2), the
    same text, made faster where the columns are text and the values scalars or lists of them
    (kscli.jsonlayout). Anything else goes to json.dumps.
    """
    from kscli.jsonlayout import array_of, items

    try:
        return array_of(items(rows, list(dict.fromkeys(columns))))
    except KeyError:  # a type not laid out here: a nested dict or list, a subclass, a key that is not text
        return json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=2)
