"""The ksw benchmark suite: one command, every figure of benchmarks/README.md.

    python benchmarks/run.py [--quick]

Run it with the Python of the environment ksw is installed in (its `ksw`
script must sit beside that Python, or give --ksw). It

1. writes the corpora (benchmarks/generate.py: x10, x100, x1000, mixed spellings);
2. builds each index from scratch in a child process (use_cache=False), for
   build throughput and peak memory, and saves it to a benchmark-private cache
   (benchmarks/out/cache, through KSW_CACHE_DIR: the user's cache is never touched);
3. runs every CLI query once with the cache warm, for exit status, output size
   and peak memory (/usr/bin/time), and checks that a place query gives the
   same events on a corpus and on its mixed-spelling variant;
4. times whole ksw processes with hyperfine against baselines measured in the
   same run (python -c "import typer", python -c "import typer, rich.console",
   grep -i), in several rounds so that drift of a noisy machine hits the
   baselines and the queries alike;
5. times queries in-process (load_index + run) on every size;
6. writes benchmarks/out/results.json and prints a Markdown report.

--quick skips x1000 and uses fewer runs. Runtime: about 1 min quick, 4-7 min full (mostly the x1000 build).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
CACHE = OUT / "cache"
SEED_FILE = REPO / "corpus" / "second-nagorno-karabakh-war-timeline.txt"
SLOW_MS = 2500  # a command whose warm single run took longer is timed in one short round of its own
COLUMNS = "120"  # terminal width for the table under a pseudo-terminal

# name, ksw arguments (after `ksw events`); every query of the suite
QUERIES = [
    ("place Tartar", ["--place", "Tartar", "--format", "jsonl"]),
    ("place Terter", ["--place", "Terter", "--format", "jsonl"]),
    ("place Stepanakrt (fuzzy)", ["--place", "Stepanakrt", "--format", "jsonl"]),
    ("date range", ["--from", "2020-10-01", "--to", "2020-10-10", "--format", "jsonl"]),
    ("actor", ["--actor", "Azerbaijani MoD", "--format", "jsonl"]),
    ("keyword Smerch", ["-k", "Smerch", "--format", "jsonl"]),
    ("keyword no match", ["-k", "zzqqxx", "--format", "jsonl"]),
    ("place Tartar, tsv", ["--place", "Tartar", "--format", "tsv"]),  # the default format in a pipe
    ("place Tartar, json", ["--place", "Tartar", "--format", "json"]),  # one indented array
    ("place Tartar, csv", ["--place", "Tartar", "--format", "csv"]),
    ("place Ağdam, Tovuz", ["--place", "Ağdam, Tovuz", "--format", "jsonl"]),  # a homonym named by its district
]
ENTER = "import sys; sys.argv[0] = 'ksw'; from kscli.cli import {0}; {0}()"  # the entry point, without the console script
MAP_QUERY, MAP_BASE = "map of every event", "events, every event (jsonl)"
TABLE_QUERY = ("table on a pty (place Tartar)", ["--place", "Tartar"])
# Timed only while the shipped table fails: the same command with that bug patched in-process.
BASELINE_PREFIXES = ("python", "grep", "pty: python")
# Places whose spellings generate.py mixes; a query for each must not care.
MIXED_PLACES = ("Tartar", "Shusha", "Stepanakert", "Qubadli", "Lachin", "Aghdam", "Fuzuli")

TARGETS_TEXT = {
    "seed_tartar": "seed, warm: place Tartar (jsonl) <= 0.7 x python -c 'import typer'",
    "seed_terter": "seed, warm: place Terter (jsonl) <= 0.7 x python -c 'import typer'",
    "seed_dates": "seed, warm: date range (jsonl) <= 0.7 x python -c 'import typer'",
    "seed_fuzzy": "seed, warm: place Stepanakrt, fuzzy (jsonl) <= 0.85 x python -c 'import typer'",
    "seed_table": "seed, warm: table on a terminal <= 1.25 x python -c 'import typer, rich.console' (same pty wrapper)",
    "seed_map": "seed, warm: map of every event <= 1.5 x ksw events of every event (jsonl)",
    "x100_queries": "x100, warm: every query < 150 ms",
    "x1000_queries": "x1000, warm: every query < 1 s",
    "x1000_memory": "x1000: peak memory < 1 GB (index build, and every warm query)",
    "x1000_build": "x1000: index build from scratch >= 5 MB/s",
    "x1000_inproc": "x1000, in-process: place query and date query < 10 ms (without formatting)",
}


# --------------------------------------------------------------------------------------------
# child processes: builds and in-process timings run in a fresh interpreter of their own
# --------------------------------------------------------------------------------------------

def _median_ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 3)


def _stats_ms(values: list[float]) -> dict:
    """Median, quartiles, min and max in ms of durations in seconds."""
    ms = sorted(v * 1000 for v in values)
    q = statistics.quantiles(ms, n=4) if len(ms) >= 2 else [ms[0]] * 3
    return {"n": len(ms), "median": round(statistics.median(ms), 3), "p25": round(q[0], 3),
            "p75": round(q[2], 3), "min": round(ms[0], 3), "max": round(ms[-1], 3)}


def _maxrss_mb() -> float:
    """Peak resident memory of this process so far, in MB.

    VmHWM, not getrusage(): ru_maxrss survives exec, so a child started by a
    parent holding 100 MB reports at least 100 MB whatever it does itself.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def _workers_peak_mb(sentences: int) -> tuple[int, float]:
    """(worker processes the builds used, the largest one's peak resident MB); (0, 0) without workers."""
    import multiprocessing
    import resource

    try:
        from kscli.store.workers import wanted
    except ImportError:  # a ksw from before the workers
        return 0, 0.0
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:  # reaps the finished ones
        time.sleep(0.02)
    peak = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    count = wanted(sentences)
    return (count, peak) if peak and count > 1 else (0, 0.0)


def child_build(path: str, repeats: int) -> dict:
    """Build the index from scratch `repeats` times (use_cache=False), then save it to the cache."""
    from kscli.store.load import load_index

    corpus = path or None
    times, index = [], None
    for _ in range(repeats):
        index = None
        t0 = time.perf_counter()
        index = load_index(corpus, use_cache=False)
        times.append(time.perf_counter() - t0)
    rss_build = _maxrss_mb()
    workers, workers_mb = _workers_peak_mb(len(index.events))
    t0 = time.perf_counter()
    how = _save_to_cache(index, corpus)
    save_s = time.perf_counter() - t0
    rss_save = _maxrss_mb()
    t0 = time.perf_counter()
    again = load_index(corpus)
    load_s = time.perf_counter() - t0
    ids = [e.id for e in index.events]
    return {"build_s": [round(t, 4) for t in times], "build_median_s": round(statistics.median(times), 4),
            "save_s": round(save_s, 4), "saved_by": how, "first_cached_load_s": round(load_s, 4),
            "maxrss_mb_after_build": rss_build, "maxrss_mb_after_save": rss_save,
            "workers": workers, "worker_maxrss_mb": workers_mb,
            # an upper bound of the build's memory: pages a forked worker shares with this process count twice
            "maxrss_mb_with_workers": round(max(rss_save, rss_build + workers * workers_mb), 1),
            "events": len(index.events), "unique_ids": len(set(ids)),
            "dated_days": len({e.date for e in index.events if e.date and not e.background}),
            "background": sum(1 for e in index.events if e.background),
            "cache_answers_like_build": len(again.events) == len(index.events)
            and again.events[len(ids) // 2].id == ids[len(ids) // 2],
            "input_bytes": _input_bytes(corpus)}


def _input_bytes(corpus) -> int:
    from kscli.store.load import resolve_corpus
    from kscli.text.files import timeline_files

    return sum(p.stat().st_size for p in timeline_files(resolve_corpus(corpus)))


def _save_to_cache(index, corpus) -> str:
    """Save a built index where load_index() will look, without building it again."""
    try:  # mirrors load_index(): same key, same location
        from kscli.store import cachefile as cache
        from kscli.store.load import _read_inputs, resolve_corpus
        from kscli.extract.lexicon import data_files
        from kscli.text.files import timeline_files
        from kscli.store.persist import save

        path = resolve_corpus(corpus)
        files = timeline_files(path)
        inputs = _read_inputs(files, data_files(path, ()))
        key = cache.digest([("year=None", b"")] + [(label, data) for label, _, data in inputs])
        location = cache.path_for(cache.cache_root(), str(path.resolve()) + "\0None")
        if save(index, location, key):
            return "save()"
    except Exception as exc:  # internals moved: fall back to the public way (a second build)
        print(f"benchmark: saving through internals failed ({exc!r}); building again", file=sys.stderr)
    from kscli.store.load import load_index

    load_index(corpus)
    return "load_index() rebuild"


def child_inproc(path: str, fresh: int, repeat: int) -> dict:
    """Cache load time and query latency, with a freshly loaded index and with a reused one."""
    import io

    from kscli.store.load import load_index
    from kscli.model import EVENT_FIELDS
    from kscli.render.formats import render
    from kscli.query.execute import run
    from kscli.query.spec import Query

    corpus = path or None
    queries = {"place": Query(places=("Tartar",)), "date": Query(date_from="2020-10-01", date_to="2020-10-10")}
    load_index(corpus)  # the cache is warm; make sure of it
    loads, first = [], {name: [] for name in queries}
    for _ in range(fresh):
        for name, q in queries.items():
            t0 = time.perf_counter()
            index = load_index(corpus)
            t1 = time.perf_counter()
            run(index, q)
            first[name].append(time.perf_counter() - t1)
            loads.append(t1 - t0)
    index = load_index(corpus)
    def jsonl(result):
        """The jsonl text the CLI prints for a result, made the way the CLI makes it."""
        if hasattr(result, "jsonl"):  # the cached lines, as bytes
            return result.jsonl()
        if hasattr(result, "json_lines"):  # lines copied from the cache
            return "".join(line + "\n" for line in result.json_lines())
        out = io.StringIO()
        render([e.as_dict() for e in result.events], list(EVENT_FIELDS), "jsonl", out=out)
        return out.getvalue()

    repeated, counts, formatting, decoding = {}, {}, {}, {}
    for name, q in queries.items():
        result = run(index, q)
        counts[name] = len(result.events)
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            run(index, q)
            times.append(time.perf_counter() - t0)
        repeated[name] = _stats_ms(times)
        fmt_times, decode_times = [], []
        for _ in range(max(3, repeat // 5)):
            result = run(index, q)
            t0 = time.perf_counter()
            jsonl(result)
            fmt_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            [e.as_dict() for e in result.events]
            decode_times.append(time.perf_counter() - t0)
        formatting[name] = _stats_ms(fmt_times)
        decoding[name] = _stats_ms(decode_times)
    return {"load": _stats_ms(loads), "first_query": {k: _stats_ms(v) for k, v in first.items()},
            "repeat_query": repeated, "format_jsonl": formatting, "events_as_dicts": decoding,
            "jsonl_method": ("Result.jsonl()" if hasattr(result, "jsonl") else
                             "Result.json_lines()" if hasattr(result, "json_lines") else "output.render()"),
            "events_returned": counts, "events": len(index.events)}


def child_mixed(plain: str, mixed: str) -> dict:
    """For each mixed place: ids of its events on the plain corpus and on the mixed one."""
    from kscli.store.load import load_index
    from kscli.query.execute import run
    from kscli.query.spec import Query

    a, b = load_index(plain), load_index(mixed)
    out = {}
    for place in MIXED_PLACES:
        ids_a = [e.id for e in run(a, Query(places=(place,))).events]
        ids_b = [e.id for e in run(b, Query(places=(place,))).events]
        out[place] = {"plain": len(ids_a), "mixed": len(ids_b), "only_plain": len(set(ids_a) - set(ids_b)),
                      "only_mixed": len(set(ids_b) - set(ids_a)),
                      "example_only_plain": sorted(set(ids_a) - set(ids_b))[:3],
                      "example_only_mixed": sorted(set(ids_b) - set(ids_a))[:3]}
    return out


def child_main(args: list[str]) -> int:
    mode, rest = args[0], args[1:]
    if mode == "build":
        result = child_build(rest[0], int(rest[1]))
    elif mode == "inproc":
        result = child_inproc(rest[0], int(rest[1]), int(rest[2]))
    elif mode == "mixed":
        result = child_mixed(rest[0], rest[1])
    else:
        raise SystemExit(f"unknown child mode {mode}")
    result["kscli_file"] = sys.modules["kscli"].__file__
    print(json.dumps(result))
    return 0


# --------------------------------------------------------------------------------------------
# the parent: corpora, builds, checks, hyperfine, report
# --------------------------------------------------------------------------------------------

class Bench:
    def __init__(self, python: str, ksw: str, quick: bool, log):
        self.python = python
        self.ksw = ksw
        self.quick = quick
        self.log = log
        self.env = dict(os.environ)
        self.env.pop("KSW_CORPUS", None)
        self.env.pop("NO_COLOR", None)
        self.env["KSW_CACHE_DIR"] = str(CACHE)
        self.env["COLUMNS"] = COLUMNS

    def child(self, *args: str, timeout: float = 900) -> dict:
        cmd = [self.python, str(Path(__file__).resolve()), "--child", *args]
        done = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=timeout, cwd=OUT)
        if done.returncode != 0:
            raise RuntimeError(f"child {args} failed ({done.returncode}):\n{done.stderr[-3000:]}")
        if done.stderr.strip():
            self.log(done.stderr.strip())
        return json.loads(done.stdout.strip().splitlines()[-1])

    # -- commands ------------------------------------------------------------------------------
    def ksw_cmd(self, args: list[str], corpus: str | None) -> list[str]:
        return [self.ksw, "events", *args, *(["--corpus", corpus] if corpus else [])]

    @staticmethod
    def pty(argv: list[str]) -> list[str]:
        # util-linux script: runs the command on a pseudo-terminal; -e returns its exit status
        return ["script", "-q", "-e", "-c", shlex.join(argv), "/dev/null"]

    def commands(self, corpus: str | None, grep_target: str, baselines: bool) -> list[tuple[str, list[str]]]:
        cmds = []
        if baselines:
            cmds += [("python -c 'import typer'", [self.python, "-c", "import typer"]),
                     # not a target's baseline: ksw imports typer with the cyclic collector off and then
                     # freezes what the imports made, to the end of the process (kscli/cli/__init__.py)
                     ("python -c 'import typer' (collector off, frozen)",
                      [self.python, "-c", "import gc; gc.disable(); import typer; gc.freeze(); gc.enable()"]),
                     ("python -c 'import typer, rich.console'", [self.python, "-c", "import typer, rich.console"]),
                     ("grep -i tartar", ["grep", "-i", "-r", "tartar", grep_target])]
        cmds += [(name, self.ksw_cmd(args, corpus)) for name, args in QUERIES]
        if corpus is None:  # the map against the events it draws (the seed: a map of x1000 is not a use)
            cmds += [(MAP_BASE, self.ksw_cmd(["--format", "jsonl"], corpus)),
                     (MAP_QUERY, [self.ksw, "map", "-o", str(OUT / "map.svg")])]
        if baselines:  # what the fast path and the quick exit (kscli/cli/fast.py, script()) are worth
            tartar = dict(QUERIES)["place Tartar"]
            cmds += [("place Tartar, typer's path (KSW_NO_FAST=1)", ["env", "KSW_NO_FAST=1", *self.ksw_cmd(tartar, corpus)]),
                     ("place Tartar, script() (python -c)", [self.python, "-c", ENTER.format("script"), *self.ksw_cmd(tartar, corpus)[1:]]),
                     ("place Tartar, main(): no os._exit (python -c)", [self.python, "-c", ENTER.format("main"), *self.ksw_cmd(tartar, corpus)[1:]])]
        if baselines:
            cmds.append(("pty: python -c 'import typer, rich.console'",
                         self.pty([self.python, "-c", "import typer, rich.console"])))
        cmds.append(("pty: " + TABLE_QUERY[0], self.pty(self.ksw_cmd(TABLE_QUERY[1], corpus))))
        return cmds

    # -- one run of each command, for correctness, output size and memory -----------------------
    def check(self, cmds) -> dict:
        out = {}
        for name, argv in cmds:
            with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
                t0 = time.perf_counter()
                done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", tf.name, *argv], env=self.env,
                                      capture_output=True, timeout=900, cwd=OUT)
                wall = time.perf_counter() - t0
                rss_kb = _last_int(Path(tf.name).read_text())
            text = done.stdout.decode("utf-8", "replace")
            err = (done.stderr.decode("utf-8", "replace") + text).strip().splitlines()
            # A warning ("'Stepanakrt' read as Stepanakert, a guess") is part of the answer, and so is a
            # note (exit 0: "wrote map.svg") or the reason for an empty answer (exit 1: "no event contains
            # 'zzqqxx'"); an error (exit 2 and above) is not.
            said = done.returncode in (0, 1)
            problem = next((line.strip() for line in err if "Traceback" in line or
                            ("ksw:" in line and "ksw: warning:" not in line and not said)), None)
            out[name] = {"exit": done.returncode, "stdout_lines": text.count("\n"), "stdout_bytes": len(done.stdout),
                         "maxrss_mb": round(rss_kb / 1024, 1) if rss_kb else None, "wall_ms": round(wall * 1000, 1),
                         "error": problem}
        return out

    # -- hyperfine in rounds -------------------------------------------------------------------
    def hyperfine(self, label: str, cmds, rounds: int, runs: int, warmup: int, slow: set[str] = frozenset(),
                  slow_runs: int = 2) -> dict:
        """Rounds of hyperfine over all commands; commands in `slow` (seconds each) get one short round."""
        times = {name: [] for name, _ in cmds}
        exits = {name: set() for name, _ in cmds}
        per_round = []
        fast = [(n, c) for n, c in cmds if n not in slow]
        plan = [(fast if r % 2 == 0 else list(reversed(fast)), runs, warmup) for r in range(rounds)]
        if slow:
            plan.append(([(n, c) for n, c in cmds if n in slow], slow_runs, 0))
        for r, (order, runs, warmup) in enumerate(plan):
            export = OUT / "hyperfine" / f"{label}-round{r + 1}.json"
            export.parent.mkdir(parents=True, exist_ok=True)
            argv = ["hyperfine", "-N", "-i", "--style", "none", "--warmup", str(warmup), "--runs", str(runs),
                    "--export-json", str(export)]
            for name, cmd in order:
                argv += ["--command-name", name, shlex.join(cmd)]
            self.log(f"  hyperfine {label} round {r + 1}/{len(plan)} ({len(order)} commands x {runs} runs)")
            subprocess.run(argv, env=self.env, check=True, capture_output=True, cwd=OUT)
            data = json.loads(export.read_text())
            medians = {}
            for result in data["results"]:
                times[result["command"]] += result["times"]
                exits[result["command"]].update(result.get("exit_codes") or [])
                medians[result["command"]] = statistics.median(result["times"])
            per_round.append(medians)
        return {"stats": {name: dict(_stats_ms(t), exit_codes=sorted(exits[name])) for name, t in times.items()},
                "round_medians_ms": [{k: round(v * 1000, 3) for k, v in m.items()} for m in per_round],
                "commands": {name: shlex.join(cmd) for name, cmd in cmds},
                "rounds": rounds, "runs_per_round": plan[0][1], "warmup": plan[0][2],
                "slow_commands_timed_apart": sorted(slow)}


def _last_int(text: str) -> int | None:
    for line in reversed(text.strip().splitlines()):
        if line.strip().isdigit():
            return int(line.strip())
    return None


def ratio(group: dict, name: str, base: str) -> dict:
    """Ratio of medians over all runs, and the lowest and highest ratio of one round's medians."""
    s = group["stats"]
    per_round = [m[name] / m[base] for m in group["round_medians_ms"] if m.get(base) and name in m] or [0.0]
    return {"ratio": round(s[name]["median"] / s[base]["median"], 3),
            "round_min": round(min(per_round), 3), "round_max": round(max(per_round), 3),
            "query_ms": s[name]["median"], "baseline_ms": s[base]["median"], "baseline": base}


def machine_info(python: str, ksw: str) -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    version = subprocess.run([python, "-c", "import sys, kscli; print(sys.version.split()[0], kscli.__version__, "
                              "kscli.__file__)"], capture_output=True, text=True, cwd=OUT).stdout.split()
    git = {}
    try:
        git["head"] = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                                     text=True).stdout.strip()
        status = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "kscli", "corpus"],
                                capture_output=True, text=True).stdout.splitlines()
        git["kscli_uncommitted"] = [line[3:] for line in status]
    except OSError:
        pass
    if len(version) > 2:
        git["installed_matches_working_tree"] = _tree_digest(Path(version[2]).parent) == _tree_digest(REPO / "kscli")
    hf = subprocess.run(["hyperfine", "--version"], capture_output=True, text=True).stdout.strip()
    mem = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), "0")
    return {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"), "nproc": os.cpu_count(),
            "cpu": cpu, "memory_gb": round(int(mem) / 1024 / 1024, 1), "kernel": platform.release(),
            "python": version[0] if version else None, "kscli_version": version[1] if len(version) > 1 else None,
            "kscli_installed_at": version[2] if len(version) > 2 else None, "ksw": ksw, "python_path": python,
            "hyperfine": hf, "git": git, "loadavg_start": os.getloadavg()}


def _tree_digest(folder: Path) -> str:
    """A digest of a package's *.py files, to tell whether the installed ksw is the repository's code."""
    import hashlib

    h = hashlib.sha256()
    for path in sorted(folder.rglob("*.py")):
        if path.relative_to(folder).parts[0] == "corpus":  # the installed copy's bundled data and its tools
            continue
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def evaluate(results: dict) -> dict:
    """Each target: met, missed, or not measured, with the figure it was judged on."""
    cli, t = results["cli"], {}
    seed = cli.get("seed")

    def failed(group: str, name: str) -> str | None:
        c = results["checks"].get(group, {}).get(name)
        if c and (c["exit"] not in (0, 1) or c["error"]):
            return f"command fails: exit {c['exit']}, {c['error']}"
        return None

    def verdict(ok: bool, figure: str, problem: str | None = None) -> dict:
        return {"status": "missed" if problem or not ok else "met", "figure": figure + (f"; {problem}" if problem else "")}

    if seed:
        for key, name, limit in (("seed_tartar", "place Tartar", 0.7), ("seed_terter", "place Terter", 0.7),
                                 ("seed_dates", "date range", 0.7), ("seed_fuzzy", "place Stepanakrt (fuzzy)", 0.85)):
            r = seed["ratios"][name]
            t[key] = verdict(r["ratio"] <= limit, f"{r['ratio']:.2f}x ({r['query_ms']:.1f} / {r['baseline_ms']:.1f} ms; "
                                                  f"rounds {r['round_min']:.2f}-{r['round_max']:.2f}x)",
                             failed("seed", name))
        name = "pty: " + TABLE_QUERY[0]
        r = seed["ratios"][name]
        problem = failed("seed", name)
        figure = (f"{r['ratio']:.2f}x ({r['query_ms']:.1f} / {r['baseline_ms']:.1f} ms; "
                  f"rounds {r['round_min']:.2f}-{r['round_max']:.2f}x)")
        t["seed_table"] = verdict(r["ratio"] <= 1.25, figure, problem)
        r = seed["ratios"][MAP_QUERY]
        t["seed_map"] = verdict(r["ratio"] <= 1.5, f"{r['ratio']:.2f}x ({r['query_ms']:.1f} / {r['baseline_ms']:.1f} ms; "
                                                   f"rounds {r['round_min']:.2f}-{r['round_max']:.2f}x)", failed("seed", MAP_QUERY))
    for size, key, limit in (("x100", "x100_queries", 150.0), ("x1000", "x1000_queries", 1000.0)):
        group = cli.get(size)
        if not group:
            t[key] = {"status": "not measured", "figure": "--quick" if size == "x1000" else ""}
            continue
        stats = {n: s for n, s in group["stats"].items() if not n.startswith(BASELINE_PREFIXES)}
        slow = {n: s["median"] for n, s in stats.items() if s["median"] >= limit}
        broken = [f"{n}: {failed(size, n)}" for n in stats if failed(size, n)]
        table = "pty: " + TABLE_QUERY[0]
        piped = {n: s for n, s in stats.items() if n != table}
        worst = max(piped, key=lambda n: piped[n]["median"])
        over = [n for n in piped if n in slow]
        figure = (f"piped queries: {len(piped) - len(over)} of {len(piped)} under, slowest {worst} "
                  f"{piped[worst]['median']:.0f} ms")
        if over:
            figure += " (over: " + ", ".join(f"{n} {slow[n]:.0f} ms" for n in over) + ")"
        if table in stats:
            figure += f"; table on a pty ({stats[table]['median']:.0f} ms): {'over' if table in slow else 'under'}"
        t[key] = verdict(not slow, figure, "; ".join(broken) or None)
    build = results["build"].get("x1000")
    if build:
        mb_s = build["mb_per_s"]
        t["x1000_build"] = verdict(mb_s >= 5, f"{mb_s:.2f} MB/s ({build['build_median_s']:.1f} s for "
                                              f"{build['input_bytes'] / 1e6:.1f} MB)")
        query_rss = [c["maxrss_mb"] for n, c in results["checks"].get("x1000", {}).items()
                     if c["maxrss_mb"] and not n.startswith(BASELINE_PREFIXES)]
        peak = max([build["maxrss_mb_with_workers"]] + query_rss)
        t["x1000_memory"] = verdict(peak < 1024, f"build {build['maxrss_mb_after_build']:.0f} MB "
                                                 f"(with cache save {build['maxrss_mb_after_save']:.0f} MB; "
                                                 f"with its {build['workers']} workers at most "
                                                 f"{build['maxrss_mb_with_workers']:.0f} MB), "
                                                 f"largest warm query {max(query_rss or [0]):.0f} MB")
    else:
        t["x1000_build"] = t["x1000_memory"] = {"status": "not measured", "figure": "--quick"}
    inproc = results["inproc"].get("x1000")
    if inproc:
        fp, fd = inproc["first_query"]["place"]["median"], inproc["first_query"]["date"]["median"]
        rp, rd = inproc["repeat_query"]["place"]["median"], inproc["repeat_query"]["date"]["median"]
        t["x1000_inproc"] = verdict(max(fp, fd) < 10, f"fresh index: place {fp:.1f} ms, date {fd:.1f} ms; "
                                                      f"reused index: place {rp:.1f} ms, date {rd:.1f} ms")
    else:
        t["x1000_inproc"] = {"status": "not measured", "figure": "--quick"}
    return {k: dict(v, target=TARGETS_TEXT[k]) for k, v in t.items()}


def markdown(results: dict) -> str:
    lines = []
    m = results["machine"]
    lines += [f"# ksw benchmarks ({'quick' if results['quick'] else 'full'} run)", "",
              f"{m['date']} · {m['nproc']} × {m['cpu']} · {m['memory_gb']} GB · Python {m['python']} · "
              f"kscli {m['kscli_version']} (git {m['git'].get('head')}"
              f"{', uncommitted: ' + ' '.join(m['git']['kscli_uncommitted']) if m['git'].get('kscli_uncommitted') else ''}"
              f"{'' if m['git'].get('installed_matches_working_tree') else '; ⚠ the installed kscli differs from the working tree: reinstall'})"
              f" · {m['hyperfine']} · load avg {m['loadavg_start'][0]:.2f} → {m['loadavg_end'][0]:.2f}", ""]
    lines += ["## Targets", "", "| target | status | measured |", "| --- | --- | --- |"]
    for v in results["targets"].values():
        lines.append(f"| {v['target']} | **{v['status']}** | {v['figure']} |")
    seed = results["cli"].get("seed")
    if seed:
        lines += ["", f"## Seed corpus, whole process, cache warm (hyperfine; ms; load avg "
                      f"{seed['loadavg_1min'][0]:.2f} → {seed['loadavg_1min'][1]:.2f})", "",
                  "| command | median | p25–p75 | min–max | n | × baseline (rounds) | exit |",
                  "| --- | ---: | ---: | ---: | ---: | --- | --- |"]
        for name, s in seed["stats"].items():
            r = seed["ratios"].get(name)
            rtext = f"{r['ratio']:.2f}× {_short(r['baseline'])} ({r['round_min']:.2f}–{r['round_max']:.2f})" if r else ""
            lines.append(f"| {name} | {s['median']:.1f} | {s['p25']:.1f}–{s['p75']:.1f} | {s['min']:.1f}–{s['max']:.1f} "
                         f"| {s['n']} | {rtext} | {','.join(map(str, s['exit_codes']))} |")
    sizes = [k for k in ("x10", "x100", "x1000") if k in results["cli"]]
    if sizes:
        lines += ["", "## Larger corpora, whole process, cache warm (hyperfine median ms, p25–p75)", "",
                  "| command | " + " | ".join(sizes) + " |", "| --- |" + " ---: |" * len(sizes)]
        names = list(dict.fromkeys(n for size in sizes for n in results["cli"][size]["stats"]))
        for name in names:
            cells = []
            for size in sizes:
                s = results["cli"][size]["stats"].get(name)
                cells.append(f"{s['median']:.0f} ({s['p25']:.0f}–{s['p75']:.0f})" if s else "")
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines.append("| load avg (1 min) before → after | " + " | ".join(
            f"{results['cli'][s]['loadavg_1min'][0]:.2f} → {results['cli'][s]['loadavg_1min'][1]:.2f}" for s in sizes) + " |")
    lines += ["", "## Warm single runs: exit status, output lines, peak memory (MB)", "",
              "| command | " + " | ".join(results["checks"]) + " |", "| --- |" + " --- |" * len(results["checks"])]
    names = list(dict.fromkeys(n for group in results["checks"].values() for n in group))
    for name in names:
        if name.startswith(BASELINE_PREFIXES):
            continue
        cells = []
        for group in results["checks"].values():
            c = group.get(name)
            cells.append(f"{c['exit']} / {c['stdout_lines']} / {c['maxrss_mb']}" + (" ⚠" if c["error"] else "") if c else "")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    errors = {(g, n): c["error"] for g, cs in results["checks"].items() for n, c in cs.items() if c["error"]}
    for (g, n), e in errors.items():
        lines.append(f"\n⚠ {g} / {n}: `{e}`")
    lines += ["", "## Index build (from scratch, use_cache=False) and in-process queries (ms)", "",
              "| corpus | events | MB | build s | MB/s | workers | peak RSS MB (with workers) | cache load | place: fresh / reused | date: fresh / reused | jsonl text (place) | events as dicts (place) |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for size, b in results["build"].items():
        p = results["inproc"].get(size)
        if p:
            cells = (f"{p['load']['median']:.1f} | {p['first_query']['place']['median']:.2f} / "
                     f"{p['repeat_query']['place']['median']:.2f} | {p['first_query']['date']['median']:.2f} / "
                     f"{p['repeat_query']['date']['median']:.2f} | {p['format_jsonl']['place']['median']:.1f} | "
                     f"{p['events_as_dicts']['place']['median']:.1f}")
        else:
            cells = " | | | | "
        lines.append(f"| {size} | {b['events']} | {b['input_bytes'] / 1e6:.2f} | {b['build_median_s']:.2f} | "
                     f"{b['mb_per_s']:.2f} | {b['workers'] or 1} | {b['maxrss_mb_after_save']:.0f} "
                     f"({b['maxrss_mb_with_workers']:.0f}) | {cells} |")
    if results.get("mixed"):
        lines += ["", "## Mixed spellings: events of a place on xN and on xN-mixed", "",
                  "| corpus | place | plain | mixed | only plain | only mixed |", "| --- | --- | ---: | ---: | ---: | ---: |"]
        for size, places in results["mixed"].items():
            for place, c in places.items():
                flag = "" if c["only_plain"] == c["only_mixed"] == 0 else " ⚠"
                lines.append(f"| {size} | {place}{flag} | {c['plain']} | {c['mixed']} | {c['only_plain']} | {c['only_mixed']} |")
    lines += ["", f"Total benchmark time: {results['elapsed_s']:.0f} s. Raw data: benchmarks/out/results.json, "
              "benchmarks/out/hyperfine/*.json."]
    return "\n".join(lines) + "\n"


def _short(base: str) -> str:
    return {"python -c 'import typer'": "typer", "python -c 'import typer, rich.console'": "typer+rich",
            "pty: python -c 'import typer, rich.console'": "pty typer+rich"}.get(base, base)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Run the ksw benchmarks (see benchmarks/README.md).")
    parser.add_argument("--quick", action="store_true", help="skip x1000, fewer runs")
    parser.add_argument("--python", default=sys.executable, help="the Python ksw is installed in (default: this one)")
    parser.add_argument("--ksw", default=None, help="the ksw script (default: beside --python)")
    parser.add_argument("--rounds", type=int, default=None, help="hyperfine rounds on the seed (default 5, quick 3)")
    parser.add_argument("--runs", type=int, default=None, help="runs per command per round on the seed (default 10, quick 5)")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child_main(args.child)

    started = time.perf_counter()
    python = args.python
    ksw = args.ksw or str(Path(python).parent / "ksw")
    if not Path(ksw).exists():
        ksw = shutil.which("ksw") or ""
    if not ksw or subprocess.run([python, "-c", "import kscli.store.load"], capture_output=True).returncode != 0:
        print("benchmark: run with the Python that has ksw installed (python3 -m venv V && V/bin/pip install . && "
              "V/bin/python benchmarks/run.py)", file=sys.stderr)
        return 2
    for tool in ("hyperfine", "script", "grep"):
        if not shutil.which(tool):
            print(f"benchmark: {tool} is needed", file=sys.stderr)
            return 2
    if not Path("/usr/bin/time").exists():
        print("benchmark: /usr/bin/time is needed (apt-get install time)", file=sys.stderr)
        return 2

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f}s] {message}", file=sys.stderr, flush=True)

    quick = args.quick
    rounds = args.rounds or (3 if quick else 5)
    runs = args.runs or (5 if quick else 10)
    OUT.mkdir(parents=True, exist_ok=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    bench = Bench(python, ksw, quick, log)
    results: dict = {"quick": quick, "machine": machine_info(python, ksw), "cache_dir": str(CACHE),
                     "build": {}, "inproc": {}, "checks": {}, "cli": {}, "mixed": {}}

    log("writing corpora (benchmarks/generate.py)")
    sys.path.insert(0, str(HERE))
    import generate

    sizes = (10, 100) if quick else (10, 100, 1000)
    mixed_sizes = (10,) if quick else (10, 100)
    manifest = generate.generate(OUT, sizes, mixed_sizes)
    corpora = {"seed": ""} | {f"x{n}": manifest["corpora"][f"x{n}"]["path"] for n in sizes}
    results["corpora"] = manifest["corpora"]

    # 1. builds from scratch (each in a fresh process), saved to the private cache
    repeats = {"seed": 5, "x10": 3, "x100": 1, "x1000": 1}
    for name, path in corpora.items():
        log(f"building {name} from scratch ({repeats[name]}x) and saving it to the cache")
        b = bench.child("build", path, str(repeats[name]))
        b["mb_per_s"] = round(b["input_bytes"] / 1e6 / b["build_median_s"], 3)
        results["build"][name] = b
        log(f"  {b['events']} events, {b['build_median_s']:.2f} s, {b['mb_per_s']:.2f} MB/s, "
            f"peak {b['maxrss_mb_after_save']:.0f} MB")
    for n in mixed_sizes:
        log(f"building x{n}-mixed and comparing place queries with x{n}")
        plain, mixed = corpora[f"x{n}"], manifest["corpora"][f"x{n}-mixed"]["path"]
        bench.child("build", mixed, "1")
        compared = bench.child("mixed", plain, mixed)
        compared.pop("kscli_file", None)
        results["mixed"][f"x{n}"] = compared

    # 2. one warm run of every command: exit status, output, memory
    groups = {"seed": (None, str(SEED_FILE), True)}
    for n in sizes:
        groups[f"x{n}"] = (corpora[f"x{n}"], corpora[f"x{n}"], True)
    commands = {}
    for name, (corpus, grep_target, baselines) in groups.items():
        log(f"warm single runs on {name}")
        commands[name] = bench.commands(corpus, grep_target, baselines)
        results["checks"][name] = bench.check(commands[name])

    # 3. whole-process timings
    plan = {"seed": (rounds, runs, 2), "x10": (2, max(3, runs // 2), 1), "x100": (3, max(3, runs // 2), 1),
            "x1000": (3, 3, 1)}
    for name, (corpus, grep_target, baselines) in groups.items():
        r, n, w = plan[name]
        log(f"timing whole processes on {name}")
        walls = {c: v["wall_ms"] for c, v in results["checks"][name].items()}
        slow = {c for c, v in walls.items() if v > SLOW_MS}
        slow_runs = 2 if max((walls[c] for c in slow), default=0) < 10_000 else 1
        load_before = os.getloadavg()[0]
        group = bench.hyperfine(name, commands[name], r, n, w, slow, slow_runs)
        group["loadavg_1min"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
        if baselines:
            group["ratios"] = {}
            for cmd in group["stats"]:
                if cmd == "pty: " + TABLE_QUERY[0]:
                    group["ratios"][cmd] = ratio(group, cmd, "pty: python -c 'import typer, rich.console'")
                elif cmd == MAP_QUERY:
                    group["ratios"][cmd] = ratio(group, cmd, MAP_BASE)
                elif not cmd.startswith(("python", "pty: python")):
                    group["ratios"][cmd] = ratio(group, cmd, "python -c 'import typer'")
        results["cli"][name] = group

    # 4. in-process timings
    fresh = {"seed": 30, "x10": 30, "x100": 20, "x1000": 10}
    repeat = {"seed": 200, "x10": 100, "x100": 30, "x1000": 10}
    if quick:
        fresh = {k: max(5, v // 3) for k, v in fresh.items()}
        repeat = {k: max(5, v // 3) for k, v in repeat.items()}
    for name, path in corpora.items():
        log(f"in-process queries on {name}")
        results["inproc"][name] = bench.child("inproc", path, str(fresh[name]), str(repeat[name]))

    results["machine"]["loadavg_end"] = os.getloadavg()
    results["elapsed_s"] = round(time.perf_counter() - started, 1)
    results["targets"] = evaluate(results)
    (OUT / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    report = markdown(results)
    (OUT / "results.md").write_text(report, encoding="utf-8")
    print(report)
    log("wrote benchmarks/out/results.json and benchmarks/out/results.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
