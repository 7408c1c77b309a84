"""Write the benchmark corpora: the seed timeline repeated, each copy on its own dates.

    python benchmarks/generate.py [--sizes 10,100,1000] [--out benchmarks/out]

Writes, under benchmarks/out/corpora/:

- ``x10/``, ``x100/``, ``x1000/``: folders of N timeline files, ``timeline-0000.txt``
  ... (ksw reads a folder of ``*.txt``). Copy 0 is the seed byte for byte (its
  year, 2020, comes from the text as in the seed). Copy k >= 1 starts 61*k days
  after 27 September 2020 (so copies never overlap: the seed spans 45 days),
  its day and month headings are rewritten to the shifted dates, its title
  names its first year (``= Timeline ... (copy 7, 2021) =``, which is how ksw
  learns the year), and the text's "9 November 2020"-style full dates and bare
  2020s are shifted with it. A copy that starts in November or December runs
  into January of the next year, which ksw follows month by month.
  x1000 ends in 2187: ksw detects years 1800-2199 only.
- ``x10-mixed/``, ``x100-mixed/``: x10 and x100 with the place names of the
  text replaced, occurrence by occurrence and at random (fixed seed), by other
  spellings of the same place (Tartar -> Terter/Tərtər, Shusha -> Shushi/Şuşa,
  ...), keeping some originals. A place query must give the same events on
  xN and xN-mixed.
- ``manifest.json``: bytes, files and the expected event count of each corpus.

Everything is deterministic: same seed file in, same bytes out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEED = REPO / "corpus" / "second-nagorno-karabakh-war-timeline.txt"
DEFAULT_OUT = HERE / "out"
SIZES = (10, 100, 1000)
MIXED_SIZES = (10, 100)
SEED_START = date(2020, 9, 27)  # the seed's first day heading
STRIDE_DAYS = 61  # copy k starts SEED_START + k * STRIDE_DAYS; the seed spans 45 days
RANDOM_SEED = 20201110

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_MONTH_NUMBER = {m: n for n, m in enumerate(MONTHS, start=1)}
_HEADING = re.compile(r"^(=+)\s*(.*?)\s*(=+)\s*$")
_DAY_LABEL = re.compile(r"^(\d{1,2}) (" + "|".join(MONTHS) + r")(\s*[-–—:]\s*.*)?$")
_FULL_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") 2020\b")
_YEAR_2020 = re.compile(r"\b2020\b")

# Canonical spelling in the seed -> other spellings of the same place (corpus/places.tsv aliases).
SPELLINGS = {
    "Tartar": ("Terter", "Tərtər"),
    "Shusha": ("Shushi", "Şuşa"),
    "Stepanakert": ("Khankendi",),
    "Qubadli": ("Kubatly", "Gubadly"),
    "Lachin": ("Berdzor", "Laçın"),
    "Aghdam": ("Agdam",),
    "Fuzuli": ("Füzuli", "Fizuli"),
}
_PLACE = re.compile(r"\b(" + "|".join(SPELLINGS) + r")\b")


def copy_start(k: int) -> date:
    return SEED_START + timedelta(days=STRIDE_DAYS * k)


def shifted_copy(seed: str, k: int) -> str:
    """Copy k of the seed text: copy 0 is the seed itself; others moved by k * STRIDE_DAYS days."""
    if k == 0:
        return seed
    delta = copy_start(k) - SEED_START
    year = copy_start(k).year
    out: list[str] = []
    month_shown: int | None = None
    titled = False
    for line in seed.split("\n"):
        m = _HEADING.match(line)
        if m and len(m[1]) == len(m[3]):
            level, label = len(m[1]), m[2]
            if level == 1 and not titled:
                out.append(f"= {label} (copy {k}, {year}) =")
                titled = True
                continue
            if level == 2 and label in _MONTH_NUMBER:
                continue  # month headings are re-emitted from the shifted days below
            day = _DAY_LABEL.match(label)
            if day:
                when = date(2020, _MONTH_NUMBER[day[2]], int(day[1])) + delta
                if when.month != month_shown:
                    out.append(f"== {MONTHS[when.month - 1]} ==")
                    out.append("")
                    month_shown = when.month
                out.append(f"{m[1]} {when.day} {MONTHS[when.month - 1]}{day[3] or ''} {m[3]}")
                continue
            out.append(line)
            continue
        out.append(_shift_text(line, delta, year))
    return "\n".join(out)


def _shift_text(line: str, delta: timedelta, year: int) -> str:
    def full(m: re.Match) -> str:
        when = date(2020, _MONTH_NUMBER[m[2]], int(m[1])) + delta
        return f"{when.day} {MONTHS[when.month - 1]} {when.year}"

    return _YEAR_2020.sub(str(year), _FULL_DATE.sub(full, line))


def mix_spellings(text: str, rng: random.Random) -> tuple[str, dict[str, int]]:
    """Each canonical place name replaced by itself or one of its other spellings, at random."""
    counts: dict[str, int] = {}

    def pick(m: re.Match) -> str:
        choice = rng.choice((m[1],) + SPELLINGS[m[1]])
        counts[choice] = counts.get(choice, 0) + 1
        return choice

    lines = []
    for line in text.split("\n"):
        # Headings carry dates and titles, not places: only the text is mixed.
        lines.append(line if _HEADING.match(line) else _PLACE.sub(pick, line))
    return "\n".join(lines), counts


def write_folder(folder: Path, texts: list[str]) -> int:
    """Write timeline-NNNN.txt files (replacing the folder's old ones); total bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    total = 0
    for k, text in enumerate(texts):
        data = text.encode("utf-8")
        (folder / f"timeline-{k:04d}.txt").write_bytes(data)
        total += len(data)
    return total


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.glob("*.txt")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def generate(out: Path = DEFAULT_OUT, sizes=SIZES, mixed_sizes=MIXED_SIZES, seed_path: Path = SEED) -> dict:
    seed = seed_path.read_text(encoding="utf-8")
    root = out / "corpora"
    manifest: dict = {"seed": str(seed_path), "seed_bytes": len(seed.encode("utf-8")),
                      "stride_days": STRIDE_DAYS, "corpora": {}}
    largest = max(list(sizes) + list(mixed_sizes))
    copies = [shifted_copy(seed, k) for k in range(largest)]
    for n in sizes:
        folder = root / f"x{n}"
        total = write_folder(folder, copies[:n])
        manifest["corpora"][f"x{n}"] = {
            "path": str(folder), "files": n, "bytes": total, "copies": n,
            "first_day": SEED_START.isoformat(),
            "last_day": (copy_start(n - 1) + timedelta(days=44)).isoformat(), "sha256_16": _digest(folder)}
    for n in mixed_sizes:
        rng = random.Random(RANDOM_SEED + n)
        texts, counts = [], {}
        for text in copies[:n]:
            mixed, found = mix_spellings(text, rng)
            texts.append(mixed)
            for name, c in found.items():
                counts[name] = counts.get(name, 0) + c
        folder = root / f"x{n}-mixed"
        total = write_folder(folder, texts)
        manifest["corpora"][f"x{n}-mixed"] = {"path": str(folder), "files": n, "bytes": total, "copies": n,
                                              "spellings_written": dict(sorted(counts.items())),
                                              "sha256_16": _digest(folder)}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="copies per corpus (default 10,100,1000)")
    parser.add_argument("--mixed", default=",".join(map(str, MIXED_SIZES)), help="sizes of the mixed-spelling variants")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    mixed = [int(s) for s in args.mixed.split(",") if s]
    manifest = generate(args.out, sizes, mixed)
    for name, info in manifest["corpora"].items():
        print(f"{name:12} {info['files']:5} files {info['bytes'] / 1e6:8.2f} MB  {info['path']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
