"""The bodies of the listing commands (declared in kscli.cli.commands): places, actors, stats,
timeline, show and corpus check."""

import os
import sys
from pathlib import Path

from kscli.cli.printing import (Finished, choose, done, emit_json, note, pick, print_lines,
                                print_records, print_rows)
from kscli.cli.selecting import load, select, select_claims
from kscli.errors import ExitStatus, UsageError, one_line, shortened


def places(env, o: dict) -> None:
    from kscli.query import report

    names = o["names"]
    fmt = choose(o["fmt"], geo=not names)
    index = load(env, o)
    rows, columns = report.resolutions(index, names) if names else report.place_rows(index)
    if fmt == "geojson":
        from kscli.render import geojson as geo

        emit_json(geo.collection(geo.place_features(rows, index.lexicon.places)))
        done(bool(rows))
    print_rows(rows, pick(o, tuple(columns), columns), fmt, header=not o["no_header"])
    done(bool(rows) and all(r.get("rule") != "none" for r in rows))


def actors(env, o: dict) -> None:
    from kscli.query import report

    rows, columns = report.actor_rows(load(env, o))
    print_rows(rows, pick(o, tuple(columns), columns), choose(o["fmt"]), header=not o["no_header"])
    done(bool(rows))



def stats(env, o: dict) -> None:
    from kscli.query import stats as s

    by, total = o["by"], o["total"]
    fmt = choose(o["fmt"])
    index = load(env, o)
    if s.counts_claims(by, total):
        records = select_claims(env, index, o).claims
    else:
        records = select(env, index, o).events
    rows, columns = s.count(records, list(by), total)
    print_rows(rows, pick(o, tuple(columns), columns), fmt, header=not o["no_header"], bars=len(by) == 1)
    done(bool(rows))


def timeline(env, o: dict) -> None:
    from kscli.query.stats import per_day

    fmt = choose(o["fmt"])
    index = load(env, o)
    rows = per_day(index.events, select(env, index, o).events)
    if fmt == "table":
        from kscli.render.chart import bars

        print_lines(bars(rows, o["width"]))
    else:
        print_rows(rows, pick(o, ("date", "all", "selected", "heading"), ["date", "all", "selected", "heading"]),
               fmt, header=not o["no_header"])
    done(any(r["selected"] for r in rows))


MISSING_LISTED = 10


def show(env, o: dict) -> None:
    from kscli.query import report

    wanted = [w for i in o["ids"] for w in (sys.stdin.read().split() if i == "-" else [i])]
    rows, missing = report.event_details(load(env, o), wanted)
    for m in missing[:MISSING_LISTED]:  # a pasted file or binary input is not to flood the terminal
        note(f"ksw: no event '{shortened(one_line(m))}'")
    if len(missing) > MISSING_LISTED:
        note(f"ksw: and {len(missing) - MISSING_LISTED} more ids with no event")
    fmt = choose(o["fmt"], default_piped="jsonl")
    if fmt == "table":
        print_records(rows)
    else:
        print_rows(rows, pick(o, tuple(report.DETAIL_COLUMNS), report.DETAIL_COLUMNS), fmt, header=not o["no_header"])
    done(bool(rows) and not missing)


def corpus_check(env, o: dict) -> None:
    from kscli.query import report

    path = o["path"]
    typed = o["corpus"] if o["corpus"] != os.environ.get("KSW_CORPUS") else None  # $KSW_CORPUS gives way to PATH
    if path and typed and Path(path).resolve() != Path(typed).resolve():
        raise UsageError(f"two corpora, '{path}' and --corpus '{typed}': give one")
    summary, warnings = report.corpus_summary(load(env, dict(o, corpus=path or o["corpus"], verbose=False), False))
    print_rows(summary, ["item", "value"], choose(None))
    for w in warnings:
        env.warn(str(w))
    raise Finished(ExitStatus.NO_MATCH if warnings else ExitStatus.MATCH)
