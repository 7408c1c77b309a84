"""Sentence splitting edge cases (the seed's real sentences and made-up ones)."""

import pytest

from kscli.text.sentences import split_sentences


def split(text):
    return [s for _, s in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("Just before 04:00 (00:00 GMT) on 10 October, Russia reported it. Fighting continued.",
     ["Just before 04:00 (00:00 GMT) on 10 October, Russia reported it.", "Fighting continued."]),
    ("It hit at 08:10 local time (04:10 GMT). Then more.", ["It hit at 08:10 local time (04:10 GMT).", "Then more."]),
    ("Smerch BM-30 rockets fell. It's already 3–4 days.", ["Smerch BM-30 rockets fell.", "It's already 3–4 days."]),
    ('He said: "Calm. The clashes go on. It is 3–4 days." Observers agreed.',
     ['He said: "Calm. The clashes go on. It is 3–4 days."', "Observers agreed."]),
    ("The U.S. announced a truce. Russia agreed.", ["The U.S. announced a truce.", "Russia agreed."]),
    # Archived wire copy writes its quotation marks as double primes (development set 13).
    ("It quieted before dawn. ″We lost hope. Our discipline is zero,″ said the mayor. Next.",
     ["It quieted before dawn.", "″We lost hope. Our discipline is zero,″ said the mayor.", "Next."]),
    # ... or as two backquotes or two apostrophes, typewriter style (development set 14)
    ("It was declared in Agdam. ``In regard to it, a curfew is introduced,`` Tass said.",
     ["It was declared in Agdam.", "``In regard to it, a curfew is introduced,`` Tass said."]),
    ("It has ''deteriorated.'' Tass said that ''shots were fired.'' Next.",
     ["It has ''deteriorated.''", "Tass said that ''shots were fired.''", "Next."]),
    ("The side was waging an ``undeclared war.`` The clash of 1988 came first.",
     ["The side was waging an ``undeclared war.``", "The clash of 1988 came first."]),
    ("Curfew came. ``Shots were fired. Twice,'' Tass said. Next.",
     ["Curfew came.", "``Shots were fired. Twice,'' Tass said.", "Next."]),
    # ... and a page that opens a quotation with a curly mark may close it with a straight one (set 16)
    ('A statement was issued. “On 31 August the district fell. Many died," it said. "It goes on." Next.',
     ["A statement was issued.", '“On 31 August the district fell. Many died," it said.', '"It goes on."', "Next."]),
    # a curly closing mark after a stop ends the sentence though a quotation of the paragraph is left
    # open, even after an abbreviation; a single straight mark closes British style (development set 20)
    ("“It fell. “It reached the point of the U.S.S.R.” Reports said so. Next.",
     ["“It fell.", "“It reached the point of the U.S.S.R.”", "Reports said so.", "Next."]),
    ("He said: 'Aggression has been committed.' He called on them. It is Tavush's.",
     ["He said: 'Aggression has been committed.'", "He called on them.", "It is Tavush's."]),
    ("At approx. 10:00 the post No. 5 fell. Next.", ["At approx. 10:00 the post No. 5 fell.", "Next."]),
    ("It was in Ballıca . According to sources, more.", ["It was in Ballıca .", "According to sources, more."]),
    ("A; B continued. C", ["A; B continued.", "C"]),
    # a Russian initial written with two letters; a quotation whose closing mark a page's decoding
    # garbled ("â€", "†"), or dropped before the next one opens (development set 30)
    ("Air Marshall Ye. Shaposhnikov ordered it. Then it left.", ["Air Marshall Ye. Shaposhnikov ordered it.", "Then it left."]),
    ("“It was proved,†Sarkisyan said. “Tanks came.â€ The side denied it. Next.",
     ["“It was proved,†Sarkisyan said.", "“Tanks came.â€", "The side denied it.", "Next."]),
    ("“It was proved, he said. “Tanks came. “No,” it said.", ["“It was proved, he said.", "“Tanks came.", "“No,” it said."]),
    # a judgment's "v." (versus); a quotation's citation in brackets after it (development set 40)
    ("As in Šilih v. Slovenia, it was so. Then", ["As in Šilih v. Slovenia, it was so.", "Then"]),
    ("It called for “compliance ...” (12 November 1993, § 2). Then", ["It called for “compliance ...” (12 November 1993, § 2).", "Then"]),
    ("He said “We won.” (AFP) Then it rained.", ["He said “We won.” (AFP)", "Then it rained."]),
    ("“It is over.” He left.", ["“It is over.”", "He left."]),
    # a title's stop glued to the stop before it, as a page spaced it (development set 36)
    ("It was the aggression of Armenia .Mr. Hashimi made efforts. Then", ["It was the aggression of Armenia .Mr. Hashimi made efforts.", "Then"]),
    ("He died in 1992 † Then it ended.", ["He died in 1992 † Then it ended."]),
    # the House of Commons' "my right hon. Friend", "the Rt. Hon. Member" (development set 53)
    ("My right hon. Friend the Secretary of State said so. The Rt. Hon. Member agreed.",
     ["My right hon. Friend the Secretary of State said so.", "The Rt. Hon. Member agreed."]),
    # an amount's "bln." and "mln." before its currency (development set 63)
    ("Its economy lost 1 bln. USD. as a result. Losses were 2 mln. AZN. Then", ["Its economy lost 1 bln. USD. as a result.",
                                                                              "Losses were 2 mln. AZN.", "Then"]),
    ("", []),
])
def test_split(text, expected):
    assert split(text) == expected


def test_unbalanced_quote_does_not_swallow_the_paragraph():
    assert split('He said "stop. Then it ended. Later more.') == ['He said "stop.', "Then it ended.", "Later more."]


def test_offsets_point_into_the_paragraph():
    text = "First one.  Second one. Third."
    for offset, sentence in split_sentences(text):
        assert text[offset:offset + len(sentence)] == sentence


def test_seed_quotation_stays_one_sentence(index):
    quoted = [e.text for e in index.events if e.text.startswith("Furthermore, late in the evening")]
    assert len(quoted) == 1 and quoted[0].endswith('clashes for Shushi continue at night hours."')


def test_every_seed_paragraph_is_rebuilt_from_its_sentences(index):
    from conftest import SEED

    lines = SEED.read_text(encoding="utf-8").split("\n")
    by_line = {}
    for e in index.events:
        by_line.setdefault(e.line, []).append(e.text)
    for line, texts in by_line.items():
        assert " ".join(texts) == " ".join(lines[line - 1].split()), line
