"""The parser on the real bundled timeline."""

from collections import Counter

from conftest import SEED


def dated(index):
    return [e for e in index.events if not e.background]


def test_seed_is_the_bundled_corpus_byte_for_byte():
    seeds = SEED.parent.parent.parent / "shared" / "seeds" / "000_f97f991389789e1e.txt"
    if seeds.exists():
        assert SEED.read_bytes() == seeds.read_bytes()
    assert SEED.stat().st_size == 48784


def test_45_dated_days_from_27_september_to_10_november(index):
    days = sorted({e.date for e in dated(index)})
    assert len(days) == 45
    assert days[0] == "2020-09-27" and days[-1] == "2020-11-10"


def test_every_day_heading_has_events(index):
    text = SEED.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("=== ")]
    assert len(headings) == 45
    per_day = Counter(e.date for e in dated(index))
    assert min(per_day.values()) >= 2


def test_ceasefire_labels_are_kept_as_headings(index):
    labels = {e.date: e.heading for e in dated(index) if e.heading}
    assert labels == {
        "2020-10-10": "Russia-brokered ceasefire",
        "2020-10-18": "French-brokered ceasefire",
        "2020-10-26": "United States-brokered ceasefire",
    }


def test_known_sentences_on_known_days(index):
    on = {(e.date, e.text) for e in index.events}
    assert ("2020-10-04", "At around 17:80, the Armenian MoD released footage apparently showing "
            "Azerbaijani soldiers leaving Mataghis.") in on
    assert ("2020-09-28", "Around one hour later, Poghosyan stated that an Azerbaijani airplane had been shot "
            "down near Khojavend; Azerbaijan issued a denial.") in on
    assert ("2020-11-10", "In the early morning, the MoD of Russia announced that about 2,000 Russian "
            "peace-keepers had been dispatched to Nagorno-Karabakh.") in on


def test_november_heading_without_spaces_starts_november(index):
    assert "2020-11-01" in {e.date for e in index.events}


def test_no_event_comes_from_see_also(index):
    assert not any("List of ongoing armed conflicts" in e.text for e in index.events)
    assert index.events[-1].date == "2020-11-10"


def test_background_is_kept_but_never_dated_into_days(index):
    background = [e for e in index.events if e.background]
    assert len(background) == 13
    assert all(e.id.startswith("bg.") for e in background)
    assert all(e.heading is None for e in background)
    # The one background sentence with a full date carries it, still as background.
    assert [e.date for e in background if e.date] == ["2020-11-09"]


def test_ids_are_unique_readable_and_ordered(index):
    ids = [e.id for e in dated(index)]
    assert len(ids) == len(set(ids))
    assert ids[0] == "2020-09-27.01"
    for e in dated(index):
        assert e.id.startswith(e.date + ".")


def test_ids_survive_reparsing():
    from kscli.store.load import load_index

    first = [(e.id, e.text) for e in load_index(None).events]
    second = [(e.id, e.text) for e in load_index(None).events]
    assert first == second


def test_file_and_line_point_at_the_sentence(index):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for e in index.events:
        assert e.file == SEED.name
        assert e.text in lines[e.line - 1]


def test_impossible_time_17_80_is_a_warning_not_a_crash(index):
    event = next(e for e in index.events if "17:80" in e.text)
    assert event.time is None
    assert any("17:80" in w.message and w.line == event.line for w in index.warnings)


def test_year_comes_from_the_document(index):
    assert index.year == 2020
