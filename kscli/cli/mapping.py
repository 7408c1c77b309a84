"""The body of `ksw map` (declared in kscli.cli.commands): the places of the matching events on a
map, as SVG, or as PNG through rsvg-convert where it is installed."""

from pathlib import Path

from kscli.cli.printing import done, note, print_bytes, print_lines
from kscli.cli.selecting import filters_text, load, select
from kscli.errors import KscliError, UsageError, one_line

DEFAULT_OUTPUT = Path("ksw-map.svg")
CONVERTER = "rsvg-convert"


def map_(env, o: dict) -> None:
    from kscli.query import report
    from kscli.render import svgmap
    from kscli.store.load import reads

    output, text, fmt = Path(o["output"]), o["text"], _format(o)
    if fmt == "png" and output == DEFAULT_OUTPUT:
        output = output.with_suffix(".png")
    to_stdout = str(output) == "-"
    if to_stdout and text:
        raise UsageError("--text and -o - would both print on standard output: choose one")
    if not to_stdout and reads(output, o["corpus"], tuple(o["places_file"] or ()), not o["own_data"]):
        raise UsageError(f"{output} is a file this corpus is read from: not overwritten; give -o another file")
    converter = _converter() if fmt == "png" else None  # before the work: a missing tool is said at once
    index = load(env, o)
    positions = select(env, index, o).positions
    points = report.place_points(index, positions)
    if not points:  # like grep, no match is exit 1: and a map made earlier is not replaced by an empty one
        note(f"ksw: no matching event has a place on the map: {one_line(str(output))} not written")
        done(False)
    kinds = {name: place.kind for name, place in index.lexicon.places.get_many(p[0] for p in points).items()}
    credit = ", ".join(report.places_files(o["corpus"], tuple(o["places_file"] or ()), not o["own_data"]))
    subtitle = _subtitle(index.date_span(positions), len(positions), len(points))
    document = svgmap.svg(points, f"ksw map: {filters_text(o) or 'every event'}", subtitle, kinds, credit).encode("utf-8")
    if converter:
        document = _png(converter, document)
    if to_stdout:
        print_bytes(document)
        done(True)
    try:
        output.write_bytes(document)
    except OSError as exc:
        raise KscliError(f"{output}: cannot write ({exc.strerror or exc})") from None
    note(f"ksw: wrote {one_line(str(output))} ({len(points)} places)")
    if text:
        print_lines(svgmap.grid(points))
    done(True)


def _format(o: dict) -> str:
    fmt = o["fmt"] or ("png" if Path(o["output"]).suffix.lower() == ".png" else "svg")
    if fmt not in ("svg", "png"):
        raise UsageError(f"unknown map format '{fmt}'; one of: svg, png")
    return fmt


def _converter() -> str:
    import shutil

    found = shutil.which(CONVERTER)
    if found is None:
        raise KscliError(f"--format png needs {CONVERTER} (from librsvg), which is not installed here: "
                         "install it, or write SVG (-o map.svg) and convert it elsewhere")
    return found


def _png(converter: str, document: bytes) -> bytes:
    import subprocess

    try:
        done_ = subprocess.run([converter, "-f", "png"], input=document, capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise KscliError(f"{CONVERTER} failed: {exc}") from None
    if done_.returncode != 0 or not done_.stdout:
        raise KscliError(f"{CONVERTER} failed: {one_line(done_.stderr.decode('utf-8', 'replace'))[:200]}")
    return done_.stdout


def _subtitle(span: tuple[str, str] | None, events: int, places: int) -> str:
    return f"{f'{span[0]} to {span[1]}' if span else 'undated'}: {events} events at {places} places"
