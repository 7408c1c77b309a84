"""A cached gazetteer's tables (kscli.names.linemap): looked up one search at a time, then, past a
few dozen lookups (a map names hundreds of places), from an index of the table's lines; the same
entries either way, and the same misses."""

from conftest import ROOT
from kscli.names.gazetteer import Gazetteer
from kscli.names.linemap import MANY, LineMap
from kscli.names.placesfile import read_places


def test_a_table_answers_the_same_searched_or_indexed():
    built = Gazetteer(read_places([ROOT / "corpus" / "places.tsv"]))
    maps = built.maps()
    names = list(built.places)[:300]
    wanted = ["Shusha", "Tartar", "Nowhere at all", "", *names, "Tab\tin it", "Ağdam, Tovuz"]
    searched = []
    for name in wanted:  # a fresh map for each: every lookup is a search
        searched.append(LineMap(maps, "place", lambda v, k: (k, v), keyed=True).get(name))
    table = LineMap(maps, "place", lambda v, k: (k, v), keyed=True)
    assert len(wanted) > 3 * MANY
    assert [table.get(name) for name in wanted] == searched
    assert table._lines is not None  # the later lookups came from the index
    assert sum(v is not None for v in searched) >= 300 and searched[2] is None
    restored = Gazetteer([], maps)
    assert [restored.places.get(n) for n in names] == [built.places[n] for n in names]


def test_each_table_is_searched_within_its_own_lines():
    """The first line says where each table lies, so a search reads its table's bytes alone (a name a
    table lacks would otherwise be searched for to the end of megabytes of other tables)."""
    maps = Gazetteer(read_places([ROOT / "corpus" / "places.tsv"])).maps()
    assert maps.startswith(b"\ncontents\t\t")
    for table in ("folded", "keys", "children", "first_words", "guessable", "villages", "by_town", "place"):
        lines = LineMap(maps, table, list)
        own = maps[lines._start:lines._stop]
        assert own.startswith(f"\n{table}\t".encode()) and own.endswith(b"\n")
        assert own.count(b"\n") - 1 == maps.count(f"\n{table}\t".encode()) > 0
    assert LineMap(maps, "place", list).get("Shusha") is not None
    assert LineMap(maps, "folded", list).get("Shusha") is None  # a table's key is its own: folded keys are lower case
