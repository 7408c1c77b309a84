"""Keywords (-k): word and phrase search that ignores case, accents and transliteration, and the folding
and word splitting beneath it (the words of a text, the words the keyword index files each sentence under)."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from helpers import QUICK, any_text, assert_one_line_error, jsonl
from kscli.names.folding import fold, key, kind_hint, words


def test_keyword_is_case_and_accent_insensitive_and_a_places_name_finds_its_spellings(ksw):
    # A known place's name (any spelling, letter for letter: Sugovusan) finds its other names too.
    found = {e["id"]: e["text"] for e in jsonl(ksw("events", "-k", "Sugovusan", "--format", "jsonl"))}
    assert "Suqovuşan" in found["2020-10-03.04"]
    assert any("Madagiz" in text for text in found.values()) and any("Sugovushan" in text for text in found.values())
    assert jsonl(ksw("events", "-k", "SMERCH", "--format", "jsonl")) == jsonl(ksw("events", "-k", "smerch", "--format", "jsonl"))
    # An English word is matched as a word: no transliteration ("were" is not "war").
    assert all(re.search(r"\bwars?\b", e["text"], re.I) for e in jsonl(ksw("events", "-k", "war", "--format", "jsonl")))


def test_keyword_in_azerbaijani_letters_finds_what_the_english_spelling_finds(ksw):
    # ş is "sh" or "s" to an English keyboard: either form of the keyword may match, not both at once.
    for typed, english in (("Şuşa", "Shusha"), ("Laçın", "Lachin"), ("Suqovuşan", "Sugovushan")):
        ids = {e["id"] for e in jsonl(ksw("events", "-k", typed, "--format", "jsonl"))}
        assert ids >= {e["id"] for e in jsonl(ksw("events", "-k", english, "--format", "jsonl"))} != set(), typed


def test_keyword_numbers_keep_their_doubled_digits(ksw):
    at_eight = jsonl(ksw("events", "-k", "08:00", "--format", "jsonl"))
    assert at_eight and all("08:00" in e["text"] for e in at_eight)  # not 08:03 ("00" is not "0")
    assert {e["id"] for e in jsonl(ksw("events", "-k", "2,000", "--format", "jsonl"))} == {"2020-11-10.01"}


def test_keyword_phrase_matches_as_a_phrase(ksw):
    phrase = jsonl(ksw("events", "-k", "tactical retreat", "--format", "jsonl"))
    assert [e["id"] for e in phrase] == ["2020-10-05.11"]
    assert ksw("events", "-k", "retreat tactical").returncode == 1


@pytest.mark.parametrize("keyword", ["*", "-", '""', "…", "中"])
def test_a_keyword_with_no_word_in_it_is_a_usage_error(ksw, keyword):
    # It matched nothing, silently, as if nothing said so (found by a QA pass): ksw folds Latin letters,
    # and Cyrillic and Armenian ones to Latin, only.
    assert_one_line_error(ksw("events", "-k", keyword), f"keyword '{keyword}' has no Latin letter or digit")


def test_a_place_name_in_cyrillic_finds_what_its_romanisation_finds(ksw):
    cyrillic = ksw("events", "-k", "Шуша", "--format", "tsv", "--fields", "id")
    assert cyrillic.returncode == 0 and cyrillic.stdout == ksw("events", "-k", "Shusha", "--format", "tsv", "--fields", "id").stdout


# --- text folded for matching, whatever the text --------------------------------------------------

@QUICK
@given(any_text)
def test_fold_and_key_never_raise(text):
    assert isinstance(fold(text), str) and isinstance(key(text), str)
    assert isinstance(words(text), list)
    kind_hint(text)
    assert fold(text) == fold(text) and key(text) == key(text)  # pure: the same answer twice


@QUICK
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
@example("Aghdam's Tartar-Barda/Terter `road`")
def test_fold_of_ascii_text_is_the_table_then_lowercase(text):
    # ASCII text takes a quicker path in fold(): it must give what the whole table gives.
    from kscli.names.folding import _TABLE

    assert fold(text) == text.translate(_TABLE).lower()


# --- phrases: a text's words, made by re.split and running sums, are the words re finds -----------

@QUICK
@given(st.one_of(any_text, st.lists(st.sampled_from(["BM-30", "U.S.", "Tərtər", " ", "-", ".", "_", "’s", "٣", "ǅ",
                                                     "\n", "a", ""]), max_size=12).map("".join)))
@example("Azerbaijan's BM-30 Smerch hit Tərtər.")
def test_words_are_the_words_re_finds_with_their_offsets(text):
    from kscli.extract.phrases import tokens

    found = list(re.finditer(r"[^\W_]+(?:[-.][^\W_]+)*", text))
    words = tokens(text)
    assert words.text == [m[0] for m in found] and len(words) == len(found)
    assert words.norm == [fold(m[0]) for m in found]
    assert (words.start, words.end) == ([m.start() for m in found], [m.end() for m in found])
    bounds = [0] + [edge for m in found for edge in m.span()] + [len(text)]
    assert words.gap == [text[a:b] for a, b in zip(bounds[::2], bounds[1::2])]


# --- the keyword index files each sentence under the word forms a keyword is matched against --------

@QUICK
@given(st.one_of(any_text, st.lists(st.sampled_from(["Şuşa", "Laçın", "Tərtər", "şş", "ç", "Ç", "-", "'", " ", "BM-30",
                                                     "Qubadlı", "ſ", "İ", "x"]), max_size=10).map("".join)))
@example("Suqovuşan and Laçın, then Şuşa’s Qırmızı Bazar")
def test_a_sentences_keyword_words_are_the_words_of_its_keyword_forms(text):
    from kscli.extract.words import event_words, keyword_words

    assert event_words(text) == {word for form in keyword_words(text) for word in form}


@QUICK
@given(st.one_of(any_text, st.text(alphabet=st.characters(max_codepoint=127))))
@example("bm 30\x1c\x1fsmerch_x\tA9z")
def test_the_words_of_folded_text_are_its_runs_of_letters_and_digits(text):
    from kscli.extract.words import words_of

    assert words_of(text) == re.findall(r"[a-z0-9]+", text)
