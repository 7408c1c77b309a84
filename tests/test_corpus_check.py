"""`ksw corpus check`: a summary of a corpus and every warning in it; exit status 0 when it is clean, 1 with
warnings, and one error line when it cannot be read."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, MINI
from helpers import CLEAN, ODD_SEPTEMBER, assert_one_line_error, png_bytes, warnings_of


def summary(result) -> dict[str, str]:
    lines = result.stdout.splitlines()
    assert lines[0] == "item\tvalue", result.stdout
    return dict(line.split("\t", 1) for line in lines[1:])


def test_corpus_check_clean_timeline_exits_0(ksw, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN)
    result = ksw("corpus", "check", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    rows = summary(result)
    assert rows["days"] == "2" and rows["events"] == "3" and rows["warnings"] == "0"
    assert rows["first_day"] == "2020-10-01" and rows["last_day"] == "2020-10-02"


def test_corpus_check_with_warnings_exits_1_and_lists_them(ksw, tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text(ODD_SEPTEMBER.replace("Fighting continued", "At 17:80, fighting continued"))
    result = ksw("corpus", "check", str(path))
    assert result.returncode == 1, result.stderr
    rows = summary(result)
    warned = warnings_of(result)
    assert rows["warnings"] == str(len(warned)) == "2"
    assert rows["days"] == "2" and rows["events"] == "3"
    assert any(w.startswith("odd.txt:4:") for w in warned) and any(w.startswith("odd.txt:10:") for w in warned)


def test_corpus_check_of_a_binary_file_is_one_line(ksw, tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(png_bytes())
    result = ksw("corpus", "check", str(path))
    assert result.returncode == 2 and result.stdout == "" and result.stderr.count("\n") == 1


def test_corpus_check_of_an_empty_file(ksw, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    result = ksw("corpus", "check", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert summary(result)["events"] == "0" and summary(result)["days"] == "0"


# Regression tests: a bug they found, fixed in d3b2cc3 ("Robustness fixes found by the new fault tests"):
#   report.unknown_place_names calls gazetteer.resolve(name, cutoff=101); rapidfuzz refuses a score_cutoff above
#   1.0, so any unknown place-like name ('in Springfield') ends in 'ksw: internal error: TypeError: score_cutoff
#   has to be in the range of 0.0 - 1.0'


def test_corpus_check_lists_unknown_place_like_names(ksw, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN + "Fighting continued in Springfield.\n")
    result = ksw("corpus", "check", str(path))
    assert result.returncode == 0, result.stderr
    assert "Springfield (1)" in summary(result)["unknown_place_like_names"]


@pytest.mark.parametrize("corpus", [None, str(MINI), str(FIXTURES / "otherwar")], ids=["bundled", "mini", "otherwar"])
def test_corpus_check_of_the_shipped_timelines(ksw, corpus):
    result = ksw("corpus", "check", *([corpus] if corpus else []))
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1)
    assert int(summary(result)["events"]) > 0


def test_corpus_check_path_that_does_not_exist(ksw, tmp_path):
    assert_one_line_error(ksw("corpus", "check", str(tmp_path / "nope")), "no such file")


def test_corpus_check_given_two_corpora(ksw):
    line = assert_one_line_error(ksw("corpus", "check", str(FIXTURES / "otherwar"), "--corpus", str(FIXTURES / "yearend")))
    assert "two corpora" in line
    # $KSW_CORPUS is no second corpus: PATH wins over it; nor is the same folder by another name (found in review).
    via_env = ksw("corpus", "check", str(FIXTURES / "yearend"), env={"KSW_CORPUS": str(FIXTURES / "otherwar")})
    assert via_env.returncode == 1 and "late.txt" in via_env.stderr  # yearend's one warning
    same = ksw("corpus", "check", str(FIXTURES / "otherwar"), "--corpus", str(FIXTURES / "otherwar" / ".." / "otherwar"))
    assert same.returncode == 0, same.stderr
