"""`ksw map`: an SVG map of the events, written to a file or standard output, and never over its own corpus."""

import json
import os
import shutil
import xml.etree.ElementTree as ET

import pytest

from conftest import FIXTURES
from kscli.render.svgmap import label_boxes


@pytest.mark.parametrize("filters", [[], ["--on", "2020-10-10"]])
def test_map_renders_for_full_and_one_day(ksw, tmp_path, filters):
    out = tmp_path / "m.svg"
    result = ksw("map", *filters, "-o", str(out), "--text")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    svg = out.read_text("utf-8")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>") and "<circle" in svg
    import xml.dom.minidom

    xml.dom.minidom.parseString(svg)  # well-formed
    assert ksw("map", *filters, "-o", "-").stdout == svg  # the same map on standard output


def test_map_of_nothing_leaves_an_earlier_map_alone(ksw, tmp_path):
    out = tmp_path / "m.svg"
    out.write_text("an earlier map")
    result = ksw("map", "-k", "zzqqxx", "-o", str(out))
    assert result.returncode == 1 and result.stdout == "" and "not written" in result.stderr
    assert out.read_text() == "an earlier map"


def test_map_will_not_overwrite_the_corpus_it_reads(ksw, tmp_path):
    corpus = tmp_path / "war"
    shutil.copytree(FIXTURES / "otherwar", corpus)
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    os.link(corpus / "places-otherwar.tsv", tmp_path / "hard.svg")
    os.symlink(corpus / "timeline.txt", tmp_path / "soft.svg")
    for target in (corpus / "timeline.txt", corpus / "places-otherwar.tsv", tmp_path / "hard.svg", tmp_path / "soft.svg"):
        result = ksw("map", "--corpus", str(corpus), "-o", str(target))
        assert result.returncode == 2 and "is a file this corpus is read from" in result.stderr, target
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before
    assert ksw("map", "-o", "-", "--text").returncode == 2  # two things on one standard output


def test_map_to_an_unwritable_path_is_an_error(ksw):
    result = ksw("map", "-o", "/nonexistent/dir/m.svg")
    assert result.returncode == 2 and result.stderr.startswith("ksw: /nonexistent/dir/m.svg: cannot write")


# The map a newsroom would publish: ground, labels that never collide, a title of its filters,
# a legend and credits for what was drawn.

SVG = "{http://www.w3.org/2000/svg}"


def _map(ksw, tmp_path, *args):
    out = tmp_path / "m.svg"
    result = ksw("map", *args, "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text("utf-8")
    return text, ET.fromstring(text)


def _group(root, name):
    found = root.find(f".//{SVG}g[@id='{name}']")
    assert found is not None, name
    return found


@pytest.mark.parametrize("filters", [[], ["--place", "Shusha", "--from", "2020-10-28"], ["--actor", "Armenian MoD"],
                                     ["--within", "Nagorno-Karabakh"], ["--from", "2020-10-01", "--to", "2020-10-03"]])
def test_the_map_has_its_ground_legend_and_labels_that_never_collide(ksw, tmp_path, filters):
    text, root = _map(ksw, tmp_path, *filters)
    assert len(_group(root, "borders").findall(f"{SVG}path")) >= 3  # Armenia, Azerbaijan, their neighbours
    assert _group(root, "contact").find(f"{SVG}path") is not None
    assert _group(root, "graticule").findall(f"{SVG}text")  # its degrees, labelled
    assert "km" in "".join(_group(root, "scale").itertext())
    legend = "".join(_group(root, "legend").itertext())
    assert "Events at a place" in legend and "line of contact" in legend
    boxes = label_boxes(text)
    assert len(boxes) >= 3
    for n, a in enumerate(boxes):
        for b in boxes[n + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    title = root.find(f"{SVG}text[@id='title']").text
    for value in filters[1::2]:
        assert value in title  # the title states the filters
    credits = "".join(_group(root, "credits").itertext())
    assert "Natural Earth" in credits and "places.tsv" in credits


def test_the_biggest_places_are_labelled_and_areas_are_never_circles(ksw, tmp_path):
    text, root = _map(ksw, tmp_path)
    labels = "".join(_group(root, "labels").itertext())
    assert "Stepanakert (" in labels and "Shusha (" in labels
    kinds = {row["name"]: row["kind"] for row in json.loads(ksw("places", "--format", "json").stdout)}
    circles = [c.get("data-place") for c in _group(root, "places").findall(f"{SVG}circle")]
    assert circles and not [c for c in circles if kinds[c] in ("district", "province", "region", "country")]
    assert any("District (" in t for t in _group(root, "areas").itertext())  # areas are named with their count


def test_the_credits_name_the_places_file_that_was_used(ksw, tmp_path):
    own = tmp_path / "my-places.tsv"
    own.write_text("name\tkind\tparent\tlat\tlon\taliases\nTartar Bridge\tlandmark\tTartar\t40.34\t46.93\t\n", "utf-8")
    text, root = _map(ksw, tmp_path, "--places-file", str(own))
    assert str(own) in "".join(_group(root, "credits").itertext())


def test_another_wars_map_goes_without_this_wars_ground(ksw, tmp_path):
    """Borders and the line of contact are drawn only where they cover the map: not for another war."""
    out = tmp_path / "m.svg"
    result = ksw("map", "--corpus", str(FIXTURES / "otherwar"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text("utf-8")
    assert "<circle" in text and 'id="borders"' not in text and 'id="contact"' not in text
    assert "Natural Earth" not in text and "line of contact" not in text  # credits only what was drawn


def test_png_without_a_converter_is_one_clear_line(ksw, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing on it: no rsvg-convert
    result = ksw("map", "--format", "png", "-o", str(tmp_path / "m.png"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "rsvg-convert" in result.stderr
    assert not (tmp_path / "m.png").exists()


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="rsvg-convert is not installed here")
def test_the_map_renders_in_rsvg_convert(ksw, tmp_path):
    svg = tmp_path / "m.svg"
    assert ksw("map", "-o", str(svg)).returncode == 0
    import subprocess

    png = subprocess.run(["rsvg-convert", "-f", "png", str(svg)], capture_output=True, timeout=60)
    assert png.returncode == 0 and png.stdout.startswith(b"\x89PNG")
    assert ksw("map", "-o", str(tmp_path / "m.png")).returncode == 0
    assert (tmp_path / "m.png").read_bytes().startswith(b"\x89PNG")
