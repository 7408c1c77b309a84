"""Romanise the gazetteer's own Russian and Armenian names by ten systems; count which find their place.

    python tests/gold/score_romanisations.py [SYSTEM ...]   (SYSTEM: misses of it, a sample)

A check of the transliteration rules, not of the data: each Cyrillic name of a row of
corpus/places.tsv is written as BGN/PCGN, ISO 9, the scholarly system, German, French and
Polish pages and a plain keyboard would write it, each Armenian one as BGN/PCGN, the scholarly
system and Western Armenian would, then resolved. "top" is the row found first
(not as a guess), "among" the row among the places a shared name gives, "guess" the row as a
fuzzy guess, "other" another place only, "none" nothing. Development data: tune on it freely.
"""

from __future__ import annotations

import csv
import os
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("KSW_CACHE_DIR", "off")

from kscli.store.load import load_index  # noqa: E402

_BASE = dict(zip("абвгдзийклмнопрстуфыэ", "abvgdziyklmnoprstufye"))
_HARD = {"ъ": "", "ь": ""}
SYSTEMS = {
    "bgn": {**_BASE, **_HARD, "е": "ye", "ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
            "щ": "shch", "ю": "yu", "я": "ya"},
    "iso": {**_BASE, **_HARD, "е": "e", "ё": "ë", "ж": "ž", "х": "h", "ц": "c", "ч": "č", "ш": "š", "щ": "ŝ",
            "ю": "û", "я": "â", "й": "j", "ь": "'"},
    "scholarly": {**_BASE, **_HARD, "е": "e", "ё": "ë", "ж": "ž", "х": "x", "ц": "c", "ч": "č", "ш": "š",
                  "щ": "šč", "ю": "ju", "я": "ja", "й": "j", "ь": "'"},
    "german": {**_BASE, **_HARD, "е": "e", "ё": "jo", "ж": "sch", "з": "s", "х": "ch", "ц": "z", "ч": "tsch",
               "ш": "sch", "щ": "schtsch", "ю": "ju", "я": "ja", "й": "i", "в": "w"},
    "french": {**_BASE, **_HARD, "е": "e", "ё": "io", "ж": "j", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch",
               "щ": "chtch", "ю": "iou", "я": "ia", "й": "ï", "у": "ou"},
    "polish": {**_BASE, **_HARD, "е": "e", "ё": "io", "ж": "ż", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz",
               "щ": "szcz", "ю": "iu", "я": "ia", "й": "j", "л": "ł"},
    "plain": {**_BASE, **_HARD, "е": "e", "ё": "e", "ж": "zh", "х": "h", "ц": "c", "ч": "ch", "ш": "sh",
              "щ": "sch", "ю": "yu", "я": "ya", "й": "i", "ы": "i"},
}
# Armenian (Eastern): BGN/PCGN with its apostrophes, the scholarly Hübschmann-Meillet (ISO 9985 is
# close), and Western Armenian, whose voiced and voiceless stops swap (Tsovak is Dzovak).
_HY = dict(zip("աբգդզէիլխծկհձղճմյնշչպջռսվտրցփքօֆ",
               "a b g d z e i l kh ts k h dz gh ch m y n sh ch p j r s v t r ts p k o f".split()))
ARMENIAN = {
    "hy-bgn": {**_HY, "ե": "ye", "ը": "y", "թ": "t'", "ժ": "zh", "չ": "ch'", "ց": "ts'", "փ": "p'", "ք": "k'",
               "ո": "vo", "ւ": "w", "և": "yev"},
    "hy-scholarly": {**_HY, "ե": "e", "է": "ē", "ը": "ə", "թ": "tʻ", "ժ": "ž", "խ": "x", "ծ": "c", "ձ": "j",
                     "ղ": "ġ", "ճ": "č", "շ": "š", "չ": "čʻ", "ջ": "ǰ", "ռ": "ṙ", "ց": "cʻ", "փ": "pʻ", "ք": "kʻ",
                     "ո": "o", "ւ": "w", "օ": "ō", "և": "ew"},
    "hy-western": {**_HY, "ե": "ye", "ը": "u", "թ": "t", "ժ": "zh", "բ": "p", "պ": "b", "գ": "k", "կ": "g",
                   "դ": "t", "տ": "d", "ծ": "dz", "ձ": "ts", "ճ": "j", "ջ": "ch", "չ": "ch", "ց": "ts",
                   "փ": "p", "ք": "k", "ո": "vo", "ւ": "v", "և": "yev"},
}
_VOWELS = "аеёиоуыэюяъь -"
_AZERBAIJANI_CYRILLIC = re.compile("[әҝғҹөүһј]")


def romanise(text: str, table: dict) -> str:
    out = []
    for i, ch in enumerate(text):
        low = ch.lower()
        roman = table.get(low, low)
        if low in "её" and table["е"] == "ye" and i and text[i - 1].lower() not in _VOWELS:
            roman = "e" if low == "е" else "ë"  # BGN/PCGN: ye only first and after a vowel
        out.append(roman.capitalize() if ch != low else roman)
    return "".join(out)


def romanise_armenian(text: str, table: dict) -> str:
    """Letter by letter; ու is u, ե, ո and և are ye, vo and yev only first (BGN/PCGN, Western)."""
    text = text.replace("ու", "\x01").replace("ՈՒ", "\x01").replace("Ու", "\x01")
    out = []
    for i, ch in enumerate(text):
        low = ch.lower()
        roman = "u" if low == "\x01" else table.get(low, low)
        if low in "եոև" and i and text[i - 1].isalpha():
            roman = {"ye": "e", "vo": "o", "yev": "ev"}.get(roman, roman)
        out.append(roman.capitalize() if ch != low else roman)
    return "".join(out)


def armenian_names(row: dict) -> list[str]:
    names = (row["aliases"] or "").split(";") + (row["historical"] or "").split(";")
    return [n for n in names if re.search("[\u0531-\u058f]", n)]


def russian_names(row: dict) -> list[str]:
    names = (row["aliases"] or "").split(";") + (row["historical"] or "").split(";")
    return [n for n in names if re.search("[а-яА-Я]", n) and not _AZERBAIJANI_CYRILLIC.search(n)]


def outcome(places, typed: str, want: str) -> str:
    found = places.resolve(typed)
    if not found:
        return "none"
    if found[0].place.name == want:
        return "guess" if found[0].rule == "fuzzy" else "top"
    return "among" if any(m.place.name == want for m in found) else "other"


def main(sample_of: list[str]) -> None:
    places = load_index(None).lexicon.places
    with (ROOT / "corpus" / "places.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    tally: dict[str, Counter] = defaultdict(Counter)
    misses: dict[str, list] = defaultdict(list)
    for row in rows:
        tries = [(system, romanise(name, table), name) for name in russian_names(row)
                 for system, table in SYSTEMS.items()]
        tries += [(system, romanise_armenian(name, table), name) for name in armenian_names(row)
                  for system, table in ARMENIAN.items()]
        for system, typed, name in tries:
            result = outcome(places, typed, row["name"])
            tally[system][result] += 1
            if result in ("none", "other"):
                misses[system].append((typed, name, row["name"]))
    for system, counts in tally.items():
        total = sum(counts.values())
        print(f"{system:10} {total} names: " + ", ".join(f"{k} {counts[k]}" for k in
                                                        ("top", "among", "guess", "other", "none")))
    random.seed(1)
    for system in sample_of:
        for typed, name, want in random.sample(misses[system], min(25, len(misses[system]))):
            print(f"  {system}: {typed!r} ({name}) wants {want!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
