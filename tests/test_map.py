"""`ksw map`: an SVG map of the events, written to a file or standard output, and never over its own corpus."""

import os
import shutil

import pytest

from conftest import FIXTURES


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
