"""The words around a name that make it no place: a body's or an event's name it is part of
("the Supreme Soviet of Nagorno-Karabakh", "the Khojaly massacre"), a noun it qualifies
("Moscow Time", "Kazakh officials"), the word that begins a mountain's or a lake's name."""

from __future__ import annotations

import re

from kscli.extract.phrases import Words
from kscli.names.folding import GENERIC
from kscli.names.guesses import surname
from kscli.names.qualifiers import QUALIFIER_WORDS
from kscli.text.dates import month_number

# "the Supreme Soviet of Nagorno-Karabakh", "the Capture of Garadaghly", "Operation Goranboy": a
# body's or an event's name, not a place (as "the Nagorno-Karabakh conflict" is not).
NAME_OF = re.compile(r"\b(?:Soviet|Council|Deputies|Assembly|Parliament|Committee|Court|Party|University|Academy|"
                     r"Church|Diocese|Bank|Front|Congress|Battle|Siege|Capture|Fall)\s+of\s+(?:the\s+)?$"
                     r"|\bOperation\s+$|\bRadio\s+$"  # Radio Moscow, a broadcaster
                     # "the OSCE Minsk Group on Nagorno-Karabakh": a body's name, the place its subject
                     r"|\b(?:Group|Conference)\s+on\s+(?:the\s+)?$"
                     # "an Armenian named Kamo", "a driver named Emin": a person, whatever town is so named
                     r"|\b(?:man|woman|boy|girl|person|soldier|officer|commander|fighter|driver|student|teacher|"
                     r"Armenian|Azerbaijani|Azeri|Russian|Turk)\s+(?:named|called|nicknamed)\s+$"
                     # "Monte Melkonian's wife Seda": a kinsman's name, though a village is Sada
                     r"|\b(?:wife|husband|son|daughter|brother|sister|mother|father|widow|uncle|aunt|cousin|nephew|"
                     r"niece)\s+$"
                     # "the missile cruiser Moskva", "the rescue ship Sapphire": a ship's name
                     r"|\b(?:cruiser|frigate|warship|flagship|destroyer|corvette|submarine|ship|vessel|tanker)\s+$"
                     # "the football club "Garabagh"", "the newspaper "Azadliq"": a club's or a paper's name
                     r"|\b(?:club|team|newspaper|magazine|company|channel)\s+[\"“‘«]$"
                     # ... and a paper's unquoted: "the Soviet Communist Party newspaper Pravda reported"
                     r"|\b(?:newspaper|daily|weekly|magazine)\s+$")
# "the item entitled "The situation relating to Nagorno-Karabakh"": a name inside the quoted title of
# an agenda item, a document or a book is part of that title (the text before the name, up to 150
# characters back, ends inside a quotation opened after "entitled", "titled", "operation" or "codenamed").
# operation "Opening of Berdzor ...", the medal "For the Liberation of Shushi"
IN_A_TITLE = re.compile(r"\b(?:entitled|titled|[Oo]peration|code-?named|[Mm]edal|[Oo]rder)\s+[\"“‘][^\"”’]*$")
# Nouns that turn a preceding place name into an attribute of something else: an event's, a unit's
# ("the Tartar self-defence battalion"), a people's ("Kazakh officials": not the town Qazax), a
# father's ("Anvar Talish oglu Arazov": a patronymic).
EVENTS = frozenset("massacre massacres pogrom pogroms bombing bombings tragedy tragedies genocide genocides earthquake "
                   "clash clashes operation operations".split())
NOT_A_PLACE_AFTER = EVENTS | frozenset("conflict dispute crisis question problem war peace talks process statement time group format "
                                       "offensive offensives counteroffensive movement battalion battalions brigade grouping "
                                       "brigades regiment detachment oglu ogly oghlu qizi gizi kyzy "
                                       "officials authorities government forces troops soldiers army leadership "
                                       "delegation president presidents leaders ministers election elections referendum parliamentary "
                                       "independence radio news agency spokesman spokeswoman peacekeepers peacekeeping "
                                       "spokesperson protocol agreement accord accords declaration communique "
                                       "summit treaty memorandum".split()) | {"flare up", "flare ups"}  # Tehran Radio; flare-up as read
# "the Nagorno-Karabakh authorities", "the Karabakh government", "Karabakh Armenians": those who govern or
# live in a region, which is no state (Artsakh's are a state's), and what they do happens there (dev
# first-war sets 25, 26, 40, 47, 53, 60, 61); not "Karabakh Armenian forces", an adjective
OF_A_REGION = frozenset("authorities government leadership leaders officials armenians azerbaijanis azeris".split())
# "the Tartar self-defence battalion" is a unit's name; "the Askeran self-defense region", "Askeran
# self-defense battles" (dev first-war sets 16 and 58) are about the place
_SELF_DEFENCE, _UNITS = ("self defense", "self defence"), frozenset(
    "battalion battalions brigade brigades regiment regiments detachment detachments forces troops unit units "
    "group groups company squad squads army".split())
# Capitalised words a place's own name may follow, unlike a given name before a surname.
QUALIFIERS = frozenset(("upper", "lower", "north", "south", "east", "west", "northern", "southern", "eastern",
                        "western", "central", "new", "old", "greater", "little", "big", "nor", "verin", "nerkin",
                        "yukhari", "ashagi", "ashaghi", "boyuk", "kichik", "soviet", "operation"))
PEOPLES = ("ian", "ani", "ish", "ese", "ic", "ians", "is")  # Armenian, Azerbaijani, Turkish: adjectives of a side
# Words that begin a mountain's or a lake's name: "Mount Karaglukh" is no village Karaglukh.
NAME_HEADS = frozenset(("Mount", "Mt", "Mt.", "Lake", "Cape", "Fort", "Saint", "St", "St."))
# English words for a kind of place after a name: "the Kasapet height" is a height named for the
# village, "the Okhchu river" a river; the name is that kind of place or, when none is listed, no
# place at all (not the village). Only English: "see" (German lake) is a verb here.
KIND_AFTER = {**dict.fromkeys(("height", "heights", "hill", "hills", "mountain", "mountains", "ridge", "peak"),
                              ("mountain",)),
              "river": ("river",), "lake": ("lake", "reservoir"), "reservoir": ("reservoir", "lake"),
              # "the Horadiz railway station" is a station named for the town, as a height is for a village
              **dict.fromkeys(("railway", "station"), ("landmark",)),
              "forest": ("landmark",),  # "the Khojavand forest": a forest named for the town, or no place
              **dict.fromkeys(("gorge", "canyon"), ("valley",))}  # "the Shushi gorge": a gorge, not the town

# A war's adjectives and names, which may stand between a place and the word that makes it the war's.
_OF_A_WAR = frozenset("armed military ethnic interethnic territorial frozen bloody".split())
_WARS = frozenset("conflict conflicts war wars dispute crisis confrontation hostilities".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _initial(toks: Words, k: int) -> bool:
    """Whether word k is a person's initial: "A. Agarunov", "A.Agarunov" (one word to the tokenizer)."""
    word = toks.text[k]
    return (len(word) == 1 and k + 1 < len(toks) and toks.gap[k + 1].startswith(".")) or bool(_DOTTED_INITIAL.match(word))


_DOTTED_INITIAL = re.compile(r"[A-Z]\.[A-Z][a-z]")


def _pronoun(toks: Words, k: int) -> bool:
    """Whether word k is the pronoun I, a verb after it: "The night I got to Agdam I was taken", not the
    Roman numeral of twin villages ("Bayandur I", a name's end)."""
    return toks.text[k] == "I" and k + 1 < len(toks) and toks.gap[k + 1] == " " and toks.text[k + 1][:1].islower()


def _person(toks: Words, k: int) -> bool:
    """Whether words k and k + 1 are a man's given name and surname, and no longer name goes on: "the head
    of Nakhchivan Heydar Aliyev", "forces of Karabakh Arkadi Karapetyan"."""
    return k + 1 < len(toks) and toks.gap[k + 1] == " " and toks.text[k + 1][:1].isupper() \
        and bool(surname(toks.norm[k + 1])) and not surname(toks.norm[k]) \
        and not (k + 2 < len(toks) and toks.gap[k + 2] == " " and toks.text[k + 2][:1].isupper())


def part_of_longer_name(toks: Words, end: int) -> bool:
    """"Moscow Time", "the Nagorno-Karabakh conflict": the name qualifies something that is not a place."""
    if end + 2 < len(toks) and toks.gap[end] in ("-", "–", "—") and toks.text[end][:1].isupper() \
            and toks.gap[end + 1] == toks.gap[end + 2] == " " and toks.norm[end + 2] in EVENTS:
        return True  # "the Tbilisi–Aghdam bus bombing": both names are the event's
    if end >= len(toks) or toks.gap[end] != " ":
        return False
    norm = toks.norm[end]
    if end + 1 < len(toks) and toks.gap[end + 1] == " " and not toks.text[end][:1].isupper() and norm not in GENERIC \
            and (toks.norm[end + 1] in EVENTS or norm in _OF_A_WAR and toks.norm[end + 1] in _WARS):
        return True  # "the Tbilisi–Aghdam bus bombing", "the Nagorno-Karabakh armed conflict": one word between
    after = toks.norm[end + 1] if end + 1 < len(toks) else ""
    if norm == "war" and after == "zone":
        return False  # "the Nagorno-Karabakh war zone" is the place at war, not the war's name
    # "in Getashen May 1", "in Stepanakert Tuesday" (wire copy's day): a date, not a longer name; nor is
    # "Sefiyan Lower and Upper Ferejan": the list's next villages
    other = norm in WEEKDAYS or (month_number(norm) and after.isdigit()) or (norm in QUALIFIER_WORDS and after == "and") \
        or _initial(toks, end) or _pronoun(toks, end) or _person(toks, end)  # "in Nagorno-Karabakh A. Agarunov left"
    return (toks.text[end][:1].isupper() and norm not in GENERIC and not other) or norm in NOT_A_PLACE_AFTER \
        or (norm in _SELF_DEFENCE and after in _UNITS)
