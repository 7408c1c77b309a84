"""Claims: each claimant of a sentence kept, denials attached to the claim they deny (even sentences
later), confirmations, reported speech, casualties by whose they are; through `ksw` and the library."""

import json
import textwrap

import pytest

from conftest import run_ksw


def jsonl(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


def claims(*args, corpus=None):
    extra = ["--corpus", str(corpus), "--own-data"] if corpus else []
    return jsonl(run_ksw("claims", *args, *extra, "--format", "jsonl"))


def by_id(rows):
    return {row["id"]: row for row in rows}


def test_a_denial_in_the_next_sentence_is_attached_to_the_claim_it_denies():
    found = by_id(claims("--on", "2020-10-28"))
    smerch = found["2020-10-28.05#1"]
    assert smerch["claimant"] == "Azerbaijani authorities" and smerch["killed"] == 21
    assert {"party": "Armenia", "actor": "Armenian authorities", "event": "2020-10-28.06"} in smerch["denied_by"]
    denial = found["2020-10-28.06#1"]
    assert denial["claimant"] == "Armenian authorities" and "2020-10-28.05#1" in denial["denies"]
    assert denial["denied_by"] == []  # the denying sentence is not denied by its own side


def test_the_denying_sentence_is_not_disputed_but_the_denied_one_is():
    events = by_id(jsonl(run_ksw("events", "--on", "2020-10-28", "--format", "jsonl")))
    assert events["2020-10-28.05"]["disputed"] and events["2020-10-28.05"]["denied_by"] == ["Armenian authorities"]
    assert not events["2020-10-28.06"]["disputed"]
    assert events["2020-10-28.05"]["claims"] == ["2020-10-28.05#1"]


def test_no_disputed_claim_is_denied_by_its_own_party():
    for claim in claims("--disputed"):
        assert all(link["party"] != claim["party"] for link in claim["denied_by"]), claim["id"]


def test_both_claimants_of_a_sentence_are_kept():
    """'the Azerbaijani MoD stated ... Tartar, while the Armenian MoD stated ... Stepanakert'."""
    azerbaijani = {c["event"] for c in claims("--actor", "Azerbaijani MoD", "--place", "Stepanakert")}
    armenian = {c["event"] for c in claims("--actor", "Armenian MoD", "--place", "Stepanakert")}
    assert "2020-10-10.08" in armenian and "2020-10-10.08" not in azerbaijani
    events = {e["id"] for e in jsonl(run_ksw("events", "--actor", "Armenian MoD", "--place", "Stepanakert",
                                             "--format", "jsonl"))}
    assert "2020-10-10.08" in events
    mod_on_stepanakert = jsonl(run_ksw("events", "--actor", "Azerbaijani MoD", "--place", "Stepanakert",
                                       "--format", "jsonl"))
    assert "2020-10-10.08" not in {e["id"] for e in mod_on_stepanakert}


def test_a_party_means_every_actor_that_speaks_for_it():
    denied = {c["id"]: c for c in claims("--denied-by", "Armenia")}
    actors = {link["actor"] for c in denied.values() for link in c["denied_by"] if link["party"] == "Armenia"}
    assert {"Armenian MoFA", "Armenian authorities"} <= actors  # not the authorities alone
    assert "2020-09-29.03#1" in denied  # "the Armenian MoFA issued a denial"
    only_mod = claims("--denied-by", "Armenian MoD")
    assert only_mod and all(any(link["actor"] == "Armenian MoD" for link in c["denied_by"]) for c in only_mod)


def test_reported_speech_is_the_speakers_claim_reported_by_the_outlet():
    found = by_id(claims("--on", "2020-10-26"))
    assert found["2020-10-26.02#1"]["claimant"] == "Azerbaijani MoD"
    assert found["2020-10-26.02#1"]["reported_by"] == "Eurasianet"


def test_a_claim_has_the_documented_fields_and_its_own_clause():
    claim = by_id(claims("--on", "2020-10-10"))["2020-10-10.08#2"]
    assert list(claim) == ["id", "event", "date", "claimant", "side", "party", "reported_by", "text",
                           "source_from_reference", "places", "types", "killed", "injured", "victims", "weapons",
                           "denied_by", "confirmed_by", "contradicted_by", "denies", "confirms", "contradicts"]
    assert claim["claimant"] == "Armenian MoD" and claim["places"] == ["Stepanakert"]
    assert "Tartar" not in claim["text"] and claim["text"].startswith("the Armenian MoD stated")


def test_casualties_say_whose_dead_they_are():
    found = by_id(claims("--on", "2020-10-28"))
    assert found["2020-10-28.05#1"]["victims"] == {"side": "azerbaijani", "civilian": True}
    rows = jsonl(run_ksw("stats", "--by", "side", "--by", "victims", "--sum", "killed", "--format", "jsonl"))
    azerbaijani = next(r for r in rows if r["side"] == "azerbaijani")
    stated = sum(c["killed"] for c in claims("--side", "azerbaijani")
                 if c["killed"] and c["victims"] == {"side": "azerbaijani", "civilian": True})
    assert azerbaijani["azerbaijani civilians"] == stated > 0


def test_confirmation_across_days_and_by_a_third_party():
    capture = by_id(claims("--on", "2020-11-08"))["2020-11-08.01#1"]
    assert any(link["party"] == "Artsakh" and link["event"] == "2020-11-09.03" for link in capture["confirmed_by"])
    smerch = by_id(claims("--on", "2020-10-28"))["2020-10-28.05#1"]
    assert any(link["party"] == "Amnesty International" for link in smerch["confirmed_by"])
    assert "2020-10-28.05#1" in {c["id"] for c in claims("--confirmed")}


def test_show_prints_the_chain_with_the_sentences():
    out = run_ksw("show", "2020-10-28.05#1", "--format", "jsonl")
    assert out.returncode == 0
    row = json.loads(out.stdout)
    assert row["chain"][0].startswith("2020-10-28.05#1 Azerbaijani authorities:")
    assert any("denied by Armenia (Armenian authorities) in 2020-10-28.06: Armenia denied responsibility" in line
               for line in row["chain"])


def test_disputes_lay_both_sides_side_by_side():
    rows = jsonl(run_ksw("disputes", "--place", "Shusha", "--format", "jsonl"))
    row = next(r for r in rows if r["date"] == "2020-10-28")
    assert row["armenian"] and row["azerbaijani"] and row["denied"]


OTHER_WAR = textwrap.dedent("""\
    = Timeline of the Varnian War =

    == March 2031 ==

    === 3 March ===
    The Varnian Ministry of Defence stated that Ostland artillery had shelled Kelmar, killing 4 civilians. Ostland denied this the next morning. According to the Red Cross, the Ostland Army stated that it had taken Dorva; Varnia issued a denial.

    === 4 March ===
    Ostland confirmed that it had lost Kelmar.
    """)


@pytest.fixture
def varnia(tmp_path):
    (tmp_path / "timeline.txt").write_text(OTHER_WAR, "utf-8")
    return tmp_path


def test_another_war_without_an_actors_file_keeps_its_claimants_and_deniers(varnia):
    found = by_id(claims(corpus=varnia))
    first = found["2031-03-03.01#1"]
    assert first["claimant"] == "Varnian Ministry of Defence" and first["killed"] == 4
    assert {link["party"] for link in first["denied_by"]} == {"Ostland"}  # "denied this", a sentence later
    assert found["2031-03-03.02#1"]["claimant"] == "Ostland"
    army = found["2031-03-03.03#1"]
    assert army["claimant"] == "Ostland Army" and army["reported_by"] == "Red Cross"
    events = by_id(jsonl(run_ksw("events", "--corpus", str(varnia), "--own-data", "--format", "jsonl")))
    assert events["2031-03-03.02"]["source"] == "Ostland"
    assert events["2031-03-03.01"]["source"] == "Varnian Ministry of Defence"  # the denier is never the claimant


def test_another_war_with_its_own_actors_file(varnia):
    (varnia / "actors-varnia.tsv").write_text(
        "name\tside\tkind\taliases\tparty\n"
        "Varnian MoD\tvarnian\tministry\tVarnian Ministry of Defence\tVarnia\n"
        "Varnian government\tvarnian\tgovernment\tVarnia\tVarnia\n"
        "Ostland government\tostlandic\tgovernment\tOstland\tOstland\n"
        "Ostland Army\tostlandic\tmilitary\tthe Ostland Army\tOstland\n", "utf-8")
    found = by_id(claims(corpus=varnia))
    first = found["2031-03-03.01#1"]
    assert first["claimant"] == "Varnian MoD" and first["side"] == "varnian"
    assert first["denied_by"] == [{"party": "Ostland", "actor": "Ostland government", "event": "2031-03-03.02"}]
    assert first["victims"] == {"side": "varnian", "civilian": True}  # Kelmar is in no places file: the claimant's
    army = found["2031-03-03.03#1"]
    assert army["denied_by"] == [{"party": "Varnia", "actor": "Varnian government", "event": "2031-03-03.03"}]
    assert {c["id"] for c in claims("--denied-by", "Varnia", corpus=varnia)} == {"2031-03-03.03#1"}


WITNESSED = textwrap.dedent("""\
    = Timeline of the Varnian War =

    == March 2031 ==

    === 3 March ===
    The Varnian MoD stated that Ostland artillery had shelled Kelmar. A Northwire correspondent reported explosions in Kelmar. A Northwire correspondent reported heavy fighting near Dorva.

    === 4 March ===
    A Northwire correspondent reported shelling in Kelmar.
    """)


def test_a_correspondent_reporting_the_same_thing_that_day_confirms_it(tmp_path):
    (tmp_path / "timeline.txt").write_text(WITNESSED, "utf-8")
    (tmp_path / "actors-varnia.tsv").write_text(
        "name\tside\tkind\taliases\tparty\n"
        "Varnian MoD\tvarnian\tministry\tVarnian Ministry of Defence\tVarnia\n"
        "Northwire\tthird party\tmedia\t\t\n", "utf-8")
    (tmp_path / "places-varnia.tsv").write_text(
        "name\tkind\tparent\tlat\tlon\taliases\n"
        "Kelmar\ttown\t\t51.0\t20.0\t\nDorva\ttown\t\t51.5\t20.5\t\n", "utf-8")
    found = by_id(claims(corpus=tmp_path))
    # the same day, the same place: a confirmation; another place, or the next day: none
    assert found["2031-03-03.01#1"]["confirmed_by"] == [{"party": "Northwire", "actor": "Northwire",
                                                          "event": "2031-03-03.02"}]
    assert found["2031-03-03.02#1"]["confirms"] == ["2031-03-03.01#1"]
    assert found["2031-03-03.03#1"]["confirms"] == [] and found["2031-03-04.01#1"]["confirms"] == []


CONFIRMED = textwrap.dedent("""\
    = Timeline of a test war =

    == October 2020 ==

    === 3 October ===
    The Armenian MoD stated that Azerbaijani forces had shelled Martuni. This was later confirmed by independent journalists.

    === 5 October ===
    The Azerbaijani MoD stated that it had shot down an Armenian Su-25. Armenia later acknowledged the loss of the aircraft.

    === 6 October ===
    The Azerbaijani MoD released footage of a strike near Shusha. Eurasianet verified the footage.

    === 7 October ===
    The Armenian MoD stated that Azerbaijani drones had struck Stepanakert. Russian military observers concurred.

    === 8 October ===
    The Azerbaijani MoD stated that Armenian forces had shelled Tartar. The claim was corroborated by a BBC Russian Service correspondent.
    """)


def test_confirmations_in_the_words_reporters_use(tmp_path):
    """An unnamed passive ("confirmed by independent journalists"), a definite description pointing
    back ("the loss", "the footage", "the claim") and a bare verb ("concurred") each confirm the claim
    just before them, in the bundled actors' terms."""
    (tmp_path / "timeline.txt").write_text(CONFIRMED, "utf-8")
    found = by_id(jsonl(run_ksw("claims", "--corpus", str(tmp_path), "--format", "jsonl")))  # the bundled actors
    parties = {k: [link["party"] for link in found[k]["confirmed_by"]] for k in found if k.endswith(".01#1")}
    assert parties == {"2020-10-03.01#1": [None], "2020-10-05.01#1": ["Armenia"],
                       "2020-10-06.01#1": ["Eurasianet"], "2020-10-07.01#1": ["Russian military expert"],
                       "2020-10-08.01#1": ["BBC Russian Service"]}
    assert all(not found[k]["confirmed_by"] for k in found if not k.endswith(".01#1"))


REPORTED = textwrap.dedent("""\
    = Timeline of a test war =

    == March 2031 ==

    === 3 March ===
    The Varnian Ministry of Defence stated that Ostrian forces had shelled Kelmar. According to the ministry, two soldiers were wounded.
    Three houses burned in Dorva, according to Radio Halden.
    The Ostrian Ministry of Defence said that its units held Dorva, which the Varnian Ministry of Defence swiftly denied.
    The Kelmar Post reported that Ostrian artillery had shelled Kelmar.

    === 20 May ===
    The Ostrian Ministry of Defence confirmed the loss of a drone.
    """)


@pytest.mark.parametrize("actors", [False, True])
def test_claimants_as_other_reporters_name_them(tmp_path, actors):
    """With or without an actors file: "According to the ministry" is the ministry named before;
    "..., according to X." at the end says what comes before it; "which X swiftly denied" denies
    the clause before it. With one (sides known), a newspaper nobody listed reports as a witness;
    and an answer months later answers nothing."""
    (tmp_path / "timeline.txt").write_text(REPORTED, "utf-8")
    (tmp_path / "places-test.tsv").write_text(
        "name\tkind\tparent\tlat\tlon\taliases\nKelmar\ttown\t\t51.0\t20.0\t\nDorva\ttown\t\t51.5\t20.5\t\n", "utf-8")
    if actors:
        (tmp_path / "actors-test.tsv").write_text(
            "name\tside\tkind\taliases\tparty\n"
            "Varnian MoD\tvarnian\tministry\tVarnian Ministry of Defence\tVarnia\n"
            "Ostrian MoD\tostrian\tministry\tOstrian Ministry of Defence\tOstria\n", "utf-8")
    varnian, ostrian = ("Varnian MoD", "Ostrian MoD") if actors else ("Varnian Ministry of Defence", "Ostrian Ministry of Defence")
    found = by_id(claims(corpus=tmp_path))
    assert [found[k]["claimant"] for k in sorted(found)] == [
        varnian, varnian, "Radio Halden", ostrian, varnian, "Kelmar Post", ostrian]
    assert found["2031-03-03.03#1"]["text"] == "Three houses burned in Dorva"
    assert [link["event"] for link in found["2031-03-03.04#1"]["denied_by"]] == ["2031-03-03.04"]
    assert [link["party"] for link in found["2031-03-03.01#1"]["confirmed_by"]] == (["Kelmar Post"] if actors else [])
    assert found["2031-05-20.01#1"]["confirms"] == []


def varnian_war(tmp_path, timeline: str, *actors: str) -> dict:
    """The claims, by id, of a test war's timeline with Varnia's actors and `actors` (rows of an
    actors file) as its own data."""
    (tmp_path / "timeline.txt").write_text(timeline, "utf-8")
    rows = ["name\tside\tkind\taliases\tparty",
            "Varnian MoD\tvarnian\tministry\tVarnian Ministry of Defence\tVarnia",
            "Varnian authorities\tvarnian\tgovernment\tVarnian government\tVarnia", *actors]
    (tmp_path / "actors-test.tsv").write_text("\n".join(rows) + "\n", "utf-8")
    return by_id(claims(corpus=tmp_path))


SUNK = textwrap.dedent("""\
    = Timeline of a test war =

    == March 2031 ==

    === 3 March ===
    The Varnian Ministry of Defence stated that its missiles had sunk the Ostrian cruiser Kestrel.
    The Ostrian Ministry of Defence spokesman Tor Alven blamed a fire on board.

    === 6 March ===
    A Northwire correspondent said that the Kestrel had been hit by two missiles, as the Varnian government had claimed.
    """)


def test_a_confirmation_that_names_whose_claim_it_confirms(tmp_path):
    """"..., as the Varnian government had claimed" confirms Varnia's claim, three days back; "X
    spokesman Y blamed" is X's claim."""
    found = varnian_war(tmp_path, SUNK, "Ostrian MoD\tostrian\tministry\tOstrian Ministry of Defence\tOstria",
                        "Northwire\tthird party\tmedia\t\t")
    assert found["2031-03-03.02#1"]["claimant"] == "Ostrian MoD"
    assert [link["event"] for link in found["2031-03-03.01#1"]["confirmed_by"]] == ["2031-03-06.01"]
    assert found["2031-03-03.02#1"]["confirmed_by"] == []


REBUTTED = textwrap.dedent("""\
    = Timeline of a test war =

    == March 2031 ==

    === 3 March ===
    The Varnian Ministry of Defence stated that its units had taken Dorva.

    === 4 March ===
    A spokesman for the Ostrian army, Tor Alven, said that the Varnian claim of control over Dorva was not true.
    The Northwire news agency concluded that the town was still contested, rebutting the Varnian claim that it had fallen.
    """)


def test_denials_in_other_words(tmp_path):
    """"the Varnian claim of control over Dorva was not true" and "rebutting the Varnian claim" deny
    the claim they name, a day later."""
    found = varnian_war(tmp_path, REBUTTED, "Ostrian army\tostrian\tmilitary\t\tOstria",
                        "Northwire\tthird party\tmedia\tNorthwire news agency\t")
    assert [(link["party"], link["event"]) for link in found["2031-03-03.01#1"]["denied_by"]] == [
        ("Ostria", "2031-03-04.01"), ("Northwire", "2031-03-04.02")]


DOCUMENTED = textwrap.dedent("""\
    = Timeline of a test war =

    == March 2031 ==

    === 3 March ===
    The Varnian Ministry of Defence stated that Ostrian forces had shelled Kelmar with cluster munitions.
    Amnesty International documented the use of cluster munitions in Kelmar.

    === 4 March ===
    The Varnian Ministry of Defence stated that Ostrian forces had shelled Dorva.
    Human Rights Watch documented damage to a school in Dorva.
    """)


def test_a_monitor_documenting_the_same_thing_that_day_confirms_it(tmp_path):
    """An organisation of neither side (listed, or known by its name) that documents what a claim
    says, that day and about its place, confirms it, as a correspondent's report does."""
    (tmp_path / "places-test.tsv").write_text(
        "name\tkind\tparent\tlat\tlon\taliases\nKelmar\ttown\t\t51.0\t20.0\t\nDorva\ttown\t\t51.5\t20.5\t\n", "utf-8")
    found = varnian_war(tmp_path, DOCUMENTED, "Amnesty International\tthird party\torganisation\t\t")
    assert [link["party"] for link in found["2031-03-03.01#1"]["confirmed_by"]] == ["Amnesty International"]
    assert [link["party"] for link in found["2031-03-04.01#1"]["confirmed_by"]] == ["Human Rights Watch"]


IMAGERY = textwrap.dedent("""\
    = Timeline of a test war =

    == August 2031 ==

    === 9 August ===
    The Ostrian Ministry of Defence said that no aircraft had been damaged at the Kelmar air base.

    === 10 August ===
    The Varnian Ministry of Defence said that nine Ostrian aircraft had been destroyed at Kelmar.
    Satellite images released by Orbitex showed the wreckage of seven aircraft at Kelmar, contradicting the Ostrian assertion that no planes had been damaged.
    An analysis of the images by the Daily Courier concluded that the runway had been hit.
    Northwire photographers who reached the base directly confirmed the presence of burnt aircraft.
    """)


def test_a_work_speaks_for_its_maker_and_contradicts_what_it_names(tmp_path):
    """"Images released by X showed", "an analysis by X concluded": X's claim, whether the actors file
    lists X or not; "contradicting the Ostrian assertion that ..." contradicts Ostria's claim of the day
    before and is no new claim of Ostria's; "X photographers who reached the base confirmed" is X's."""
    (tmp_path / "places-test.tsv").write_text("name\tkind\tparent\tlat\tlon\taliases\nKelmar\ttown\t\t51.0\t20.0\t\n",
                                             "utf-8")
    found = varnian_war(tmp_path, IMAGERY, "Ostrian MoD\tostrian\tministry\tOstrian Ministry of Defence\tOstria",
                        "Orbitex\tthird party\torganisation\t\t", "Northwire\tthird party\tmedia\t\t")
    assert [c["claimant"] for i, c in sorted(found.items()) if i.startswith("2031-08-10")] == [
        "Varnian MoD", "Orbitex", "Daily Courier", "Northwire"]
    assert [(link["party"], link["event"]) for link in found["2031-08-09.01#1"]["contradicted_by"]] == [
        ("Orbitex", "2031-08-10.02")]
    assert [link["party"] for link in found["2031-08-10.01#1"]["confirmed_by"]][:1] == ["Orbitex"]


APOLOGY = textwrap.dedent("""\
    = Timeline of a test war =

    == September 2031 ==

    === 20 September ===
    The Northland Defence Ministry reported that a vehicle of its peacekeepers had come under fire near Kelmar, and that everyone inside had been killed.
    The Varnian Ministry of Defence stated that its units had taken Dorva.

    === 21 September ===
    The Ostrian authorities said gunshots could be heard in Kelmar, which the Varnian Ministry of Defence swiftly denied.
    The Varnian President apologised to the Northland President for the deaths of the peacekeepers.
    According to posts by the Kelmar Observer account, the checkpoint was closed.
    The office of the Ostrian President counted 100,514 displaced people.
    """)


def test_an_apology_concedes_and_offices_and_accounts_speak(tmp_path):
    """An apology for deaths confirms the claim of the deaths, never a claim its own side denied;
    "according to posts by the X account" is X's claim; "the office of X counted" is X's."""
    found = varnian_war(tmp_path, APOLOGY, "Varnian President\tvarnian\tperson\t\tVarnia",
                        "Ostrian authorities\tostrian\tgovernment\t\tOstria",
                        "Ostrian President\tostrian\tperson\t\tOstria",
                        "Northland MoD\tthird party\tministry\tNorthland Defence Ministry\tNorthland")
    assert [link["party"] for link in found["2031-09-20.01#1"]["confirmed_by"]] == ["Varnia"]
    assert found["2031-09-21.01#1"]["confirmed_by"] == []
    assert found["2031-09-21.03#1"]["claimant"] == "Kelmar Observer"
    assert found["2031-09-21.04#1"]["claimant"] == "Ostrian President"


PROVOCATION = textwrap.dedent("""\
    = Timeline of a test war =

    == November 2031 ==

    === 15 November ===
    Ostrian authorities initially reported two suspected Varnian missiles falling near the village.
    The Varnian Ministry of Defence stated that no strikes had been made near the Ostrian border by Varnian weapons, calling the reports a deliberate provocation.

    === 17 November ===
    Refuting the Ostrian figure of 400 dead, the Varnian Ministry of Defence raised its own toll to 89.
    """)


def test_a_denial_in_a_participle_late_in_the_clause(tmp_path):
    """"..., calling the reports a deliberate provocation" denies the reports, however long the
    clause before it; "raised its own toll" is a claim, and "Refuting the X figure" its denial."""
    found = varnian_war(tmp_path, PROVOCATION, "Ostrian authorities\tostrian\tgovernment\t\tOstria")
    assert [(link["party"], link["event"]) for link in found["2031-11-15.01#1"]["denied_by"]] == [
        ("Varnia", "2031-11-15.02")]
    assert found["2031-11-17.01#1"]["claimant"] == "Varnian MoD"


CAPITAL = textwrap.dedent("""\
    = Timeline of a test war =

    == March 2031 ==

    === 24 March ===
    The Ostrian Ministry of Defence stated that Varnian forces had tried to advance near Dorva.

    === 25 March ===
    According to Ostrian officials, three soldiers were killed, while Varna denied that any firefight had taken place.
    """)


def test_a_capital_speaks_for_its_government_and_a_contrast_pairs_a_denial(tmp_path):
    """"while Varna denied": Varnia's capital speaks for Varnia, and "while" pairs its denial with
    the claim of the same sentence, not with an older one that fits as well."""
    (tmp_path / "places-test.tsv").write_text(
        "name\tkind\tparent\tlat\tlon\taliases\nVarnia\tcountry\t\t50.0\t20.0\t\n"
        "Varna\tcity\tVarnia\t50.1\t20.1\t\nDorva\ttown\tVarnia\t51.5\t20.5\t\n", "utf-8")
    found = varnian_war(tmp_path, CAPITAL, "Ostrian MoD\tostrian\tministry\tOstrian Ministry of Defence\tOstria",
                        "Ostrian authorities\tostrian\tgovernment\tOstrian officials\tOstria")
    assert found["2031-03-25.01#2"]["claimant"] == "Varnian authorities"
    assert [(link["party"], link["event"]) for link in found["2031-03-25.01#1"]["denied_by"]] == [
        ("Varnia", "2031-03-25.01")]
    assert found["2031-03-24.01#1"]["denied_by"] == []


TWO_ACCOUNTS = textwrap.dedent("""\
    = Timeline of a test war =

    == March 2031 ==

    === 13 March ===
    The Ostrian Ministry of Defence stated that Varnian artillery had shelled Dorva and Kelm.
    The Varnian Ministry of Defence stated that its positions near Dorva and Kelm had come under fire from Ostrian units, killing two Varnian soldiers.
    The Northwire news agency reported that Varnian artillery had targeted sites in Dorva and Kelm.
    The Ostrian army confirmed that two of its soldiers had been killed.
    """)


def test_a_report_confirms_the_account_that_names_the_same_side_acting(tmp_path):
    """Both sides name Dorva and Kelm, each saying the other fired: the agency that names Varnian
    artillery confirms the Ostrian account, not the nearer Varnian one. An army counting its own
    dead confirms no count of the other side's."""
    (tmp_path / "places-test.tsv").write_text(
        "name\tkind\tparent\tlat\tlon\taliases\nDorva\ttown\t\t51.5\t20.5\t\nKelm\ttown\t\t51.6\t20.6\t\n", "utf-8")
    found = varnian_war(tmp_path, TWO_ACCOUNTS, "Ostrian MoD\tostrian\tministry\tOstrian Ministry of Defence\tOstria",
                        "Ostrian army\tostrian\tmilitary\t\tOstria", "Northwire\tthird party\tmedia\tNorthwire news agency\t")
    assert [link["party"] for link in found["2031-03-13.01#1"]["confirmed_by"]] == ["Northwire"]
    assert found["2031-03-13.02#1"]["confirmed_by"] == []
    assert found["2031-03-13.04#1"]["confirms"] == []


SAID_OTHERWISE = textwrap.dedent("""\
    = Timeline of a test war =

    == March 2031 ==

    === 16 March ===
    A missile fell on the Ostrian village of Kelm.
    The Ostrian President ruled out that the missile had been launched from Varnia, saying that it was most likely an Ostrian one.
    The Varnian Ministry of Defence likewise said that it had fired no missile that day.
    The Northwire news agency assessed that the missile had been Ostrian.
    Six hours later the ministry issued a second statement, thanking the Ostrian President.
    """)


def test_claims_said_in_other_words(tmp_path):
    """"ruled out", "assessed", "likewise said" are verbs of saying; "launched from Varnia, saying"
    names whence, not who; "Six hours later the ministry" is the ministry named before."""
    found = varnian_war(tmp_path, SAID_OTHERWISE, "Ostrian President\tostrian\tperson\t\tOstria",
                        "Northwire\tthird party\tmedia\tNorthwire news agency\t")
    assert [c["claimant"] for c in found.values() if c["event"] == "2031-03-16.02"] == ["Ostrian President"]
    assert found["2031-03-16.03#1"]["claimant"] == "Varnian MoD"
    assert found["2031-03-16.04#1"]["claimant"] == "Northwire"
    assert found["2031-03-16.05#1"]["claimant"] == "Varnian MoD"


REPLIED = textwrap.dedent("""\
    = Timeline of a test war =

    == March 2031 ==

    === 26 March ===
    The Ostrian Ministry of Defence stated that Varnian forces had taken the village of Dorva.
    The Varnian Ministry of Defence replied that its troops had not captured the village but were clarifying their positions.
    The Varnian Ministry of Defence replied that its troops were clarifying their positions.

    === 27 March ===
    The Ostrian Ministry of Defence stated that Varnian shelling had set the depot at Dorva ablaze.
    The Varnian Ministry of Defence blamed arson rather than shelling, claiming that an Ostrian sabotage group had set the fire.
    """)


def test_a_reply_in_the_negative_denies_what_it_answers(tmp_path):
    """"replied that its troops had not captured the village" denies the claim before it; a reply
    that denies nothing is a claim, no denial; "blamed X rather than Y" denies Y."""
    found = varnian_war(tmp_path, REPLIED, "Ostrian MoD\tostrian\tministry\tOstrian Ministry of Defence\tOstria")
    assert [(link["party"], link["event"]) for link in found["2031-03-26.01#1"]["denied_by"]] == [
        ("Varnia", "2031-03-26.02")]
    assert found["2031-03-26.03#1"]["denies"] == []
    # "blamed arson rather than shelling": another cause, told with the other side acting
    assert [(link["party"], link["event"]) for link in found["2031-03-27.01#1"]["denied_by"]] == [
        ("Varnia", "2031-03-27.02")]


WHOSE_DEAD = textwrap.dedent("""\
    = Timeline of a test war =

    == April 2031 ==

    === 23 April ===
    The Ostrian Ministry of Defence stated that three Ostrian soldiers had been killed and two wounded in the Varnian attack.
    The Ostrian Ministry of Defence stated that a soldier had been killed when Varnian forces opened fire on an Ostrian position.
    The Varnian Ministry of Defence reported 50 deaths among its troops.
    """)


def test_whose_dead_a_claim_counts(tmp_path):
    """The side's adjective on the people counted says whose they are, not the attacker named after
    them; the side that opened fire is not the side that lost the soldier; "50 deaths among its
    troops" counts the speaker's own."""
    found = varnian_war(tmp_path, WHOSE_DEAD, "Ostrian MoD\tostrian\tministry\tOstrian Ministry of Defence\tOstria")
    assert (found["2031-04-23.01#1"]["killed"], found["2031-04-23.01#1"]["victims"]) == (
        3, {"side": "ostrian", "civilian": False})
    assert found["2031-04-23.02#1"]["victims"] == {"side": "ostrian", "civilian": False}
    assert (found["2031-04-23.03#1"]["killed"], found["2031-04-23.03#1"]["victims"]["side"]) == (50, "varnian")
