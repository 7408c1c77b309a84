"""The fast path (kscli.cli.fast) against typer: the same options for any command line it takes,
the same bytes for real queries, and typer's own words for everything it leaves to typer."""

import csv
import os
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, ksw_command
from helpers import ksw_env
from kscli.cli import fast
from kscli.cli import options as table
from kscli.cli.context import Context

CORPUS = ROOT / "corpus"
BODIES = {"events": ("kscli.cli.events", "events"), "claims": ("kscli.cli.claims", "claims"),
          "places": ("kscli.cli.listing", "places"), "stats": ("kscli.cli.listing", "stats"),
          "map": ("kscli.cli.mapping", "map_")}


class Captured(Exception):
    """What typer handed the command's body: the options, as the body would get them."""

    def __init__(self, options):
        super().__init__()
        self.options = options


@contextmanager
def environment(corpus):
    saved = os.environ.get("KSW_CORPUS")
    if corpus is None:
        os.environ.pop("KSW_CORPUS", None)
    else:
        os.environ["KSW_CORPUS"] = corpus
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("KSW_CORPUS", None)
        else:
            os.environ["KSW_CORPUS"] = saved


def typer_options(argv, monkeypatch):
    """The options typer passes to the body of argv's command, or None when typer refuses argv."""
    import importlib

    from kscli.cli.typed import typer_answer

    def capture(env, o):
        raise Captured(o)

    for module, function in BODIES.values():
        monkeypatch.setattr(importlib.import_module(module), function, capture)
    try:
        typer_answer(argv, Context())
    except Captured as exc:
        return exc.options
    except Exception:  # a usage error: typer says what, and the fast path must have handed over
        return None
    return None  # help, or an exit of typer's own


def flags_of(command):
    groups, _ = fast.commands()[command]
    return [decl for group in groups for opt in group.values() for decl in opt.decls]


VALUES = st.sampled_from(["Tartar", "Tərtər", "Tartar District", "2020-10-04", "4 Oct", "5", "-5", "0", "10000",
                          "1.5", "nan", "x", "", "-", "--", "-x", "--place", "a=b", "jsonl", "tsv", "day", "place",
                          "Armenia", "killed", "Ağdam, Tovuz", " 7 ", "٣", "1e3"]) | st.text(max_size=6)
EXTRAS = st.sampled_from(["--help", "-h", "--", "--bogus", "-z", "--plac", "-pTartar", "-rv", "-n5", "--format=",
                          "--disputed=yes", "--place=Shusha", "--limit=3", "--year=2020", "--year=0", "--by=week",
                          "extra", "Terter", "-"])


@st.composite
def command_lines(draw):
    command = draw(st.sampled_from(sorted(BODIES)))
    flags = flags_of(command)
    tokens = draw(st.lists(st.one_of(st.sampled_from(flags), VALUES, EXTRAS), max_size=8))
    return [command, *tokens]


@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(argv=command_lines(), corpus=st.sampled_from([None, "", str(CORPUS)]))
def test_the_fast_path_reads_what_typer_reads_or_hands_over(argv, corpus, monkeypatch):
    with environment(corpus):
        quick = fast.parse(argv)
        if quick is None:
            return
        assert quick[0] == argv[0]
        assert quick[1] == typer_options(argv, monkeypatch), argv


WELL_FORMED = {"str": st.sampled_from(["Tartar", "2020-10-04", "jsonl", "Ağdam, Tovuz", "", "a=b", "x y"]),
               "strs": st.sampled_from(["Shusha", "Armenia", "place", "Tochka-U", "shelling/strike"]),
               "int": st.integers(1, 9999).map(str), "float": st.floats(0, 100, allow_nan=False).map(repr),
               "path": st.sampled_from(["out.svg", "a b.svg"]), "paths": st.sampled_from(["p.tsv", "./q.tsv"])}


@st.composite
def well_formed_lines(draw):
    """Command lines in the forms the fast path reads, every one of them: it must take them all."""
    command = draw(st.sampled_from(sorted(BODIES)))
    groups, positional = fast.commands()[command]
    argv = [command]
    for opt in draw(st.lists(st.sampled_from([o for g in groups for o in g.values()]), max_size=8)):
        flag = draw(st.sampled_from(opt.decls))
        if opt.kind == "flag":
            argv.append(flag)
        else:
            value = draw(WELL_FORMED[opt.kind])
            argv += [f"{flag}={value}"] if flag.startswith("--") and draw(st.booleans()) else [flag, value]
    if positional:
        argv += draw(st.lists(st.sampled_from(["Terter", "Şuşa", "Stepanakrt", "x"]), max_size=3))
    return argv


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(argv=well_formed_lines(), corpus=st.sampled_from([None, str(CORPUS)]))
def test_the_fast_path_takes_every_well_formed_line_as_typer_does(argv, corpus, monkeypatch):
    with environment(corpus):
        quick = fast.parse(argv)
        assert quick is not None, argv
        assert quick[1] == typer_options(argv, monkeypatch), argv


COMMON = [
    ["events", "--place", "Tartar"], ["events", "-p", "Tartar", "-p", "Shusha", "-f", "jsonl"],
    ["events", "--place=Shusha", "--from=2020-10-01", "--to", "9 Nov", "-n", "3", "-r"],
    ["events", "--actor", "Azerbaijani MoD", "-k", "Smerch", "--format", "tsv", "--no-header"],
    ["events", "--disputed", "--denied-by", "Armenia", "--side", "azerbaijani", "--fields", "id,text"],
    ["events", "--near", "Stepanakert", "--km", "15", "--corpus", "corpus", "--year", "2020", "-v"],
    ["events", "--places-file", "a.tsv", "--places-file", "b.tsv", "--own-data", "--confirmed", "--undisputed"],
    ["claims", "--claimant", "Armenian MoD", "--place", "Stepanakert", "--limit", "5"],
    ["stats"], ["stats", "--by", "place", "-b", "actor", "--sum", "killed"], ["places"], ["places", "Terter", "Şuşa"],
    ["places", "Stepanakrt", "--format", "json"],
]


@pytest.mark.parametrize("argv", COMMON, ids=" ".join)
def test_common_command_lines_take_the_fast_path(argv, monkeypatch):
    """Handing everything over would pass the test above: the forms people type must not be."""
    with environment(None):
        quick = fast.parse(argv)
        assert quick is not None, argv
        assert quick[1] == typer_options(argv, monkeypatch)


def real_queries(count=300, seed=20201127):
    """Command lines a user of the bundled corpus would type: spellings of its places (and typos of
    them), its actors, weapons and keywords, dates, every format; and mistakes."""
    rng = random.Random(seed)
    with open(CORPUS / "places.tsv", encoding="utf-8") as f:
        places = [n for row in csv.DictReader(f, delimiter="\t") for n in [row["name"], *row["aliases"].split(";")] if n]
    with open(CORPUS / "actors.tsv", encoding="utf-8") as f:
        actors = [row["name"] for row in csv.DictReader(f, delimiter="\t")]
    with open(CORPUS / "weapons.tsv", encoding="utf-8") as f:
        weapons = [row["name"].split()[-1] for row in csv.DictReader(f, delimiter="\t")]
    words = ["Smerch", "killed", "drone", "ceasefire", "civilians", "shelling", "zzqqxx", "kill*", "\"heavy fighting\""]
    dates = ["2020-09-27", "2020-10-04", "4 October", "Oct 10", "2020-10", "9 Nov", "2020-13-45", "soon", "1999-01-01"]

    def typo(name):
        at = rng.randrange(len(name))
        return name[:at] + name[at + 1:] if len(name) > 4 else name + "x"

    def filters():
        options = []
        for _ in range(rng.randint(1, 3)):
            kind = rng.choice(["place", "place", "typo", "actor", "keyword", "from", "to", "on", "weapon", "type",
                               "within", "side", "disputed", "limit"])
            options += {"place": ["--place", rng.choice(places)], "typo": ["-p", typo(rng.choice(places))],
                        "actor": ["--actor", rng.choice(actors)], "keyword": ["-k", rng.choice(words)],
                        "from": ["--from", rng.choice(dates)], "to": ["--to", rng.choice(dates)],
                        "on": ["--on", rng.choice(dates)], "weapon": ["-w", rng.choice(weapons)],
                        "type": ["-t", rng.choice(["shelling/strike", "territory", "battle/clash", "bogus"])],
                        "within": ["--within", rng.choice(["Nagorno-Karabakh", "Tartar District", "Artsakh"])],
                        "side": ["--side", rng.choice(["azerbaijani", "armenian", "martian"])],
                        "disputed": [rng.choice(["--disputed", "--undisputed", "--confirmed"])],
                        "limit": ["-n", rng.choice(["1", "3", "0", "-2"])]}[kind]
        return options

    queries = []
    for _ in range(count):
        command = rng.choice(["events", "events", "events", "claims", "stats", "places", "map"])
        fmt = ["--format", rng.choice(["jsonl", "tsv", "csv", "json", "table", "geojson", "xml"])]
        if command == "places":
            queries.append(["places", *rng.sample(places, rng.randint(1, 3)), *([typo(rng.choice(places))] * rng.randint(0, 1)), *fmt])
        elif command == "map":  # on standard output: the two runs of a query go on at once
            queries.append(["map", *filters(), "-o", "-", *(["--format", "svg"] if rng.random() < 0.3 else [])])
        elif command == "stats":
            by = [arg for _ in range(rng.randint(1, 2)) for arg in ("--by", rng.choice(["day", "week", "place", "actor", "type", "side", "victims"]))]
            queries.append(["stats", *by, *(["--sum", "killed"] if rng.random() < 0.3 else []), *filters(), *fmt])
        else:
            queries.append([command, *filters(), *fmt, *(["--fields", "id,date,places"] if rng.random() < 0.2 else [])])
    return queries


def test_real_queries_answer_the_same_bytes_on_both_paths(tmp_path):
    """A few hundred queries of the bundled corpus, on the fast path and on typer's (KSW_NO_FAST):
    the same standard output, standard error and exit status, byte for byte."""
    queries = real_queries()
    assert sum(fast.parse(q) is not None for q in queries) >= 0.9 * len(queries)  # the fast path is taken
    cache = tmp_path / "cache"
    subprocess.run([*ksw_command(), "events", "--on", "2020-10-04"], env=ksw_env(KSW_CACHE_DIR=str(cache)),
                   capture_output=True, timeout=300)  # one build, before the queries read it at once

    def both(argv):
        runs = [subprocess.run([*ksw_command(), *argv], env=ksw_env(KSW_CACHE_DIR=str(cache), KSW_NO_FAST=no_fast),
                               capture_output=True, cwd=tmp_path, timeout=120) for no_fast in ("", "1")]
        return argv, [(r.returncode, r.stdout, r.stderr) for r in runs]

    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 2)) as pool:
        results = list(pool.map(both, queries))
    statuses = {fast_run[0] for _, (fast_run, _) in results}
    assert {0, 1, 2} <= statuses  # answers, empty answers and errors were all compared
    for argv, (fast_run, typer_run) in results:
        assert fast_run == typer_run, argv


@pytest.mark.parametrize("argv", [["events", "--help"], ["places", "-h"], ["events", "--plac", "Tartar"],
                                  ["events", "--limit", "x"], ["events", "--year", "0"], ["stats", "--disputed=1"],
                                  ["events", "extra"], ["events", "--place"], ["events", "-pTartar"]])
def test_what_the_fast_path_does_not_read_is_typers_to_say(argv, tmp_path):
    """Help and usage errors come from typer, whichever path is asked for: the same bytes."""
    assert fast.parse(argv) is None
    runs = [subprocess.run([*ksw_command(), *argv], env=ksw_env(KSW_CACHE_DIR=str(tmp_path), KSW_NO_FAST=no_fast),
                           capture_output=True, timeout=120) for no_fast in ("", "1")]
    assert (runs[0].returncode, runs[0].stdout, runs[0].stderr) == (runs[1].returncode, runs[1].stdout, runs[1].stderr)
    assert runs[0].stdout or runs[0].stderr.startswith(b"ksw: ")


def test_the_table_is_typers_too():
    """typer's command line is built from the same table: every option the fast path knows is in the
    help of its command, under the same flags."""
    import typer.main

    from kscli.cli.commands import app

    root = typer.main.get_command(app)
    for command, (groups, positional) in fast.commands().items():
        params = root.commands[command].params
        typer_flags = {opt for param in params if param.param_type_name == "option" for opt in param.opts}
        assert set(flags_of(command)) == typer_flags - {"--help", "-h"}, command
        assert [p.name for p in params if p.param_type_name == "argument"] == ([positional] if positional else [])
        assert all(isinstance(opt, table.Opt) for group in groups for opt in group.values())


NO_TYPER = """
import sys
from kscli.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    sys.stderr.write(f"status {exc.code}; typer imported: {'typer' in sys.modules}\\n")
"""


@pytest.mark.parametrize("argv, typer", [(["events", "--place", "Tartar", "-f", "jsonl"], False),
                                         (["places", "Stepanakrt"], False), (["stats", "--by", "type"], False),
                                         (["claims", "-p", "Shusha", "-f", "tsv"], False),
                                         (["events", "--place", "Tartar", "--help"], True)])
def test_the_fast_path_never_imports_typer(argv, typer, tmp_path):
    result = subprocess.run([sys.executable, "-c", NO_TYPER, *argv], capture_output=True, timeout=300,
                            env=ksw_env(KSW_CACHE_DIR=str(tmp_path)))
    assert f"status 0; typer imported: {typer}" in result.stderr.decode(), result.stderr.decode()[-300:]
