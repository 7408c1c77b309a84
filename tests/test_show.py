"""`ksw show`: events by id, given as arguments or on a pipe, with their neighbours, places and denials."""

from helpers import jsonl


def event_ids(ksw, *filters):
    return [e["id"] for e in jsonl(ksw("events", *filters, "--format", "jsonl", "--fields", "id,date,places,source,event_type,side"))]


def test_show_reads_ids_from_a_pipe(ksw):
    ids = "\n".join(event_ids(ksw, "--place", "Barda")[:3]) + "\n"
    result = ksw("show", "-", "--format", "jsonl", input=ids)
    rows = jsonl(result)
    assert [r["id"] for r in rows] == ids.split()
    first = rows[0]
    assert {"before", "after", "place_details", "denied_by", "text"} <= set(first)
    barda = [p for r in rows for p in r["place_details"] if p["name"] in ("Barda", "Barda District")]
    assert barda and barda[0]["lat"] and barda[0]["parent"]


def test_show_gives_neighbours_and_the_denial(ksw):
    row = jsonl(ksw("show", "2020-09-28.09", "--format", "jsonl"))[0]
    assert row["denied_by"] == ["Azerbaijani authorities"]
    assert row["before"].startswith("Subsequently, at approximately 21:00")
    assert row["after"].startswith("The Azerbaijani MoD denied allegations")
    first = jsonl(ksw("show", "2020-09-27.01", "--format", "jsonl"))[0]
    assert first["before"] is None


def test_show_unknown_id(ksw):
    result = ksw("show", "2020-09-28.09", "1999-01-01.01", "--format", "jsonl")
    assert result.returncode == 1 and "ksw: no event '1999-01-01.01'" in result.stderr
    assert len(jsonl(result)) == 1


def test_show_of_many_unknown_ids_says_so_in_a_few_short_lines(ksw):
    junk = " ".join(f"junk{n}" for n in range(500)) + " " + "x" * 100_000  # a pasted file, not ids
    result = ksw("show", "-", "2020-09-28.09", "--format", "jsonl", input=junk)
    assert result.returncode == 1 and len(jsonl(result)) == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "ksw: no event 'junk0'" and lines[-1] == "ksw: and 491 more ids with no event"
    assert len(lines) == 11 and all(len(line) < 600 for line in lines)
