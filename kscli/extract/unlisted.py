"""Place names the gazetteer does not list, found in the text itself, so that `--place` still finds them.

A name is taken where the text uses it as a place ("near Seysulan", "the village of Dahraz")
and nothing else explains it: not a known place, actor, weapon, month or generic word, not
the adjective of a party ("Armenian" in "Armenian forces"), not part of a longer proper name
("the Ministry of Internal Affairs", "the Karabakh National Council"). Names that share a
transliteration key are one name, labelled by their most frequent spelling. The rules are
patterns of English, not lists of this war's words, so another timeline's names work alike.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter

from kscli.extract.abroad import names_abroad, standing_names
from kscli.extract.annotate import MAX_ANALYSED
from kscli.extract.not_places import KIND_AFTER, NOT_A_PLACE_AFTER, PEOPLES, WEEKDAYS
from kscli.names.features import bare_name
from kscli.names.folding import GENERIC, fold, key
from kscli.names.guesses import elsewhere, surname
from kscli.names.ranking import NATURE, SETTLEMENTS
from kscli.text.dates import month_number

_NAME = r"[A-ZÀ-ÖØ-ÞĀ-ſƏ][\w’'ə-]+"
# The word before the preposition is looked for apart (_word_before): an optional group before it
# made the search try every word of the text twice (1.3 s for a line of 20 MB).
_PLACE_LIKE = re.compile(r"(?<![\w-])(?P<prep>[Ii]n|[Nn]ear|[Aa]t|[Ff]rom|[Tt]owards|of|[Aa]round|"
                         r"outside|into|to|shelling|bombarding|rocketing)\s+"
                         rf"(?P<name>{_NAME}(?:\s+{_NAME})?)(?P<after>\s+[A-Z]|\s+of\s+[A-Z]|\s+and\s+{_NAME}\s+units)?")
_ONE = rf"{_NAME}(?:\s+{_NAME})?"
# The rest of a list the name begins, to its "and" or "or": "the heights of Chichagli, Bahla, and Buzdukh".
_LIST_REST = re.compile(rf"((?:\s*,\s*{_ONE})*)\s*,?\s+(?:and|or)\s+({_ONE})(?![\w’'-])")
# Words a party's adjective stands before ("Azerbaijani forces"): such a word names a side, not a place.
_PARTY_NOUNS = (r"forces|troops|army|armed|side|soldiers|servicemen|military|MoD|authorities|government|officials|"
                r"positions|units|people|president|ministry|civilians|border|territory|defen[cs]e|media|sources")
_ADJECTIVE = re.compile(rf"\b({_NAME})\s+(?:{_PARTY_NOUNS})\b")
_INSTITUTIONS = frozenset(("ministry", "council", "committee", "government", "parliament", "assembly", "army",
                           "paragraph", "article", "section", "chapter", "clause", "annex", "appendix",  # of a text
                           "republic", "union", "president", "congress", "commonwealth", "office", "service",
                           "agency", "court", "security", "defence", "defense", "affairs", "deputies", "states",
                           "chief", "staff", "minister", "radio", "resolution", "declaration", "statement",
                           "cooperation", "co-operation", "conference", "organization", "organisation"))
# A name with a kind word after it ("the Orukdash village", "Globus height", "the Gor region", "the
# Berdadzor sub-district"), Mount before it, or "called" after a place's noun ("a place called Khapalu"):
# a place, whatever comes before.
_BY_KIND = re.compile(rf"(?<![\w’'-])(?P<name>{_NAME}(?:\s+{_NAME})?)\s+(?:village|villages|town|settlement|height|"
                      r"heights|hill|hills|river|region|regions|(?:sub-?)?(?:district|region)s?|province|"
                      r"mountain|mountains|pass|valley|gorge|"
                      r"Hills?|Heights?|Mountains?|Valley|Gorge)\b(?![’'-])"  # "Asgulum Mountains"
                      rf"|\bMount\s+{_NAME}"
                      # "a place called Khapalu", "the place which was called Tekchinar", "a part of this
                      # district called Nargiztepe"; and a name a capital's or a town's noun stands beside:
                      # "Igdir, the provincial capital, lies ...", "Lerik, a town in the south"
                      r"|\b(?:place|village|town|settlement|locality|area|height|hill|part|quarter|neighbou?rhood|"
                      r"district|site|spot)\s+(?:(?:which|that)\s+(?:was|is|were|are)\s+)?(?:called|named)\s+"
                      rf"(?P<called>{_NAME}(?:\s+{_NAME})?)"
                      rf"|(?:^|[.;:]\s+)(?P<apposed>{_NAME}),\s+(?:the\s+(?:\w+\s+)?capital|the\s+(?:\w+\s+)?centre|"
                      r"the\s+(?:\w+\s+)?center|a\s+(?:small\s+|large\s+|border\s+)?(?:town|village|city))\b"
                      # a press release's dateline: "Geneva (ICRC) - ...", "Seysulan, Azerbaijan (AP) — ..."
                      rf"|^(?P<dated>{_NAME}(?:\s+{_NAME})?)(?P<country>,\s+{_NAME})?\s+\([A-Z][\w.&'’ -]{{0,40}}\)\s*[-–—]\s")
# A listed town's name before an English word for a landmark ("Fuzuli airport", "the Horadiz railway
# station"), or a name nothing explains ("Lok fortress", "Taglidash Bridge", "Lenin Square"): the
# landmark's name, where the gazetteer lists no such landmark.
_LANDMARK_WORD = (r"\s+(?i:air\s?port|airfield|air\s?base|(?:(?:railway|train|bus|metro|underground|subway)\s+)?stations?|"
                  r"power\s+(?:station|plant)|"
                  r"bridges?|dam|mosque|church|cathedral|monastery|fortress|castle|border\s+post|checkpoint|tomb|"
                  r"mausoleum|temple|sanatorium|square|forest|cave|museum|prison|shrine|theat(?:re|er)|street|avenue|"
                  r"lane|cemetery|memorial|stadium|park|cinema|palace|hotel|hospital)"
                  r"\b(?![’'-]|\s+(?:fighting|battles?|clashes))")  # street fighting
# The name may be quoted: "in "Portda" cave", "the “Malik Ajdar” tomb".
_LANDMARK = re.compile(rf"(?<![\w’'-])(?P<quote>[\"“«])?(?P<name>{_NAME}(?:\s+{_NAME})?)(?(quote)[\"”»])"
                       rf"{_LANDMARK_WORD}"
                       # and a kind's word before the name, as English writes a few: "the Alley of Martyrs"
                       rf"|(?<![\w’'-])(?P<before>(?:Alley|Avenue|Square|Museum|Park|Cemetery|Memorial)\s+of\s+{_NAME})")
_BEFORE_LANDMARK_WORD = re.compile(_LANDMARK_WORD)
# A road by the places it joins, where the gazetteer lists no such road: "the Stepanakert–Askeran highway",
# "the Shushi-Lachin-Zabukh road" (each end a name, a dash between).
_ROAD = re.compile(rf"(?<![\w’'-])(?P<ends>{_NAME}(?:\s*[–—]\s*{_NAME})*)\s+(?:road|highway)\b")
# ... and where what follows ends the name: "the United States and European countries" names none.
_AND = re.compile(rf"(?<![\w’'-])(?P<first>{_ONE}),?\s+and\s+(?P<second>{_ONE})"
                  r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|near|of|on|at|to|from|and|were|was|villages?|districts?|regions?)\b)")
# Words that begin a sentence or stand before a kind word but name nothing: "The village", "Each town".
_NOT_NAMES = frozenset(("the", "this", "that", "these", "those", "each", "every", "another", "one", "which", "what",
                        "its", "his", "her", "their", "our", "a", "an", "some", "any", "no", "other", "same", "whole",
                        "entire", "nearby", "neighbouring", "neighboring", "border", "frontline", "front", "occupied",
                        "liberated", "mountain", "mountainous", "both", "all", "several", "many", "two", "three"))
# English's words for a kind of place, which a text capitalises in a name ("Bridges and Dam"); not
# other languages' (Armenian berd, fortress, is the town of Berd too).
_KIND_WORDS = frozenset(("dam", "dams", "bridge", "bridges", "airport", "river", "lake", "reservoir", "mountain",
                         "mountains", "pass", "valley", "gorge", "hill", "hills", "height", "heights", "station",
                         "road", "highway", "corridor", "castle", "fortress", "mosque", "church", "monastery", "mine"))
# "according to AFP", "thanks to Baku": "to" after these words names a source or a cause, not where to.
_NOT_WHERE_TO = frozenset(("according", "due", "owing", "thanks", "prior", "referring", "addressed", "belonging"))


def unlisted_names(texts: list[str], lexicon, mentions: list | None = None) -> dict[str, array]:
    """For each unlisted place name (its most frequent spelling), the positions of the texts naming it.
    A name the gazetteer reads as a settlement but which its text was not found to name as one
    (`mentions`: each text's place names as written) is the text's own as well: "the villages of
    Talish, Chailu and Mataghis" names no Çaylı of Gazakh, whose Armenian name reads Chailu; so is
    "the Takhtakorpu settlement, Agjabadi district" no Teghut of Tavush, once Taxta Körpü."""
    adjectives = {fold(m[1]) for text in texts for m in _ADJECTIVE.finditer(text)}
    seen: dict[str, bool] = {}
    known: dict[str, str] = {}
    settled: dict[str, str] = {}  # a name the gazetteer reads as settlements only: the key of its bare name
    said: dict[int, set[str]] = {}
    bare_keys: dict[str, str] = {}  # a mention's bare name's key, looked up once

    def unexplained(name: str) -> bool:
        if name not in seen:
            seen[name] = _unexplained(name, lexicon, adjectives)
        return seen[name]

    def listed(name: str) -> str:  # each name looked up once: a text may repeat one a million times
        """The kind of the place `name` is a listed spelling of, or ""."""
        if name not in known:
            found = lexicon.places.resolve(name, limit=1, fuzzy=False)
            known[name] = found[0].place.kind if found else ""
        return known[name]

    def untagged(name: str, n: int) -> bool:
        if mentions is None:
            return False
        if name not in settled:  # settlements only: a region's name in a longer one is no place ("Karabakh war")
            found = lexicon.places.resolve(name, limit=0, fuzzy=False) \
                if _name_like(bare_name(name), adjectives) and not _other_name(name, lexicon) else []
            settled[name] = key(bare_name(re.sub(r"['’]s$", "", name))) \
                if found and all(m.place.kind in SETTLEMENTS for m in found) else ""
        if not settled[name]:
            return False
        if n not in said:
            for m in mentions[n]:
                if m not in bare_keys:
                    bare_keys[m] = key(bare_name(m))
            said[n] = {bare_keys[m] for m in mentions[n]}
        return settled[name] not in said[n] and not _attribute(texts[n], name)

    spellings: dict[str, Counter] = {}
    positions: dict[str, array] = {}
    runs = [standing_names(text) if len(text) <= MAX_ANALYSED else [] for text in texts]
    abroad = names_abroad({forms for found in runs for forms in found}, unexplained)  # one look-up for all
    for n, text in enumerate(texts):
        if len(text) > MAX_ANALYSED:
            continue  # a pasted blob, kept as text and not read (kscli.extract.annotate)
        named = _names(text, lambda name, n=n: unexplained(name) or untagged(name, n),
                       lambda name, n=n: "" if untagged(name, n) else listed(name))
        for name in [*named, *(abroad[forms] for forms in runs[n] if forms in abroad)]:
            k = key(name)
            spellings.setdefault(k, Counter())[name] += 1
            found = positions.setdefault(k, array("I"))
            if not found or found[-1] != n:
                found.append(n)
    return {spellings[k].most_common(1)[0][0]: found for k, found in positions.items()}


def _names(text: str, unexplained, listed) -> list[str]:
    """The unlisted names of a text. A list's other names count where its first is a place, listed
    or not ("the villages of Shelli and Kurdalar"), not a company's ("of Facebook and Instagram")."""
    out = []
    for head, rest in _candidates(text):
        in_list = rest and (unexplained(head) or listed(head))
        out += [name for name in (head, *(rest if in_list else ())) if unexplained(name)]
    # "the Omar pass" is the Omar Pass, which the gazetteer lists: no unlisted Omar
    kinds = _by_kind(text)
    out += [name for name, whole in kinds if (unexplained(name) or _settled(whole, listed(name)))
            and not listed(whole) and not (name.isalpha() and name.endswith(PEOPLES))]  # "the Turkish district"
    # a height or a river named after a listed village, which the gazetteer lacks: "the Kasapet height"
    out += [whole for name, whole in kinds if whole != name and listed(name) in SETTLEMENTS
            and whole.split()[-1].lower() in _FEATURE_WORDS and not listed(whole)]
    out += [whole for town, whole in _landmarks(text)
            if (listed(town) not in _NO_TOWN or unexplained(town)) and not listed(whole)]
    out += [m[0] for m in _ROAD.finditer(text) if len(ends := re.split(r"\s*[-–—]\s*", m["ends"])) > 1
            and all((listed(end) or unexplained(end)) and not end.endswith(PEOPLES) for end in ends)
            and not listed(m[0])]  # not "the Armenian-Azerbaijani road": a people's
    # a list of three names or more one of which is a listed place's: "regions such as Marneuli, Bolnisi,
    # Dmanisi, Gardabani" (not a sentence's first word: "Yesterday, Baku, Ganja and Tartar were shelled")
    for names in _lists(text):
        if any(listed(name) not in _NO_TOWN for name in names):
            out += [name for name in names if unexplained(name)]
    # a name joined to a listed place's by "and": "Keshdak and Barmagbin in the Kalbajar region"
    out += [m["second"] for m in _AND.finditer(text) if not _PART_AFTER.match(text, m.end())
            and unexplained(m["second"]) and listed(m["first"])]
    return out


_LIST = re.compile(rf"(?<![\w’'-])(?:{_NAME}\s*,\s*){{2,}}(?:(?:and|or)\s+)?{_NAME}(?![\w’'-]|\s+[A-Z])")
# A list's first name is left out after a sentence's start ("Yesterday, Baku, ...") or a capitalised
# word, whose name it ends ("the Human Rights Defender, Kapan, Goris", "Yuxari Gaali, Asagi Gaali").
_FIRST_LEFT_OUT = re.compile(r"(?:^|[.!?:;\"“(]\s*|[A-Z][\w’'-]*\s+)$")


def _lists(text: str) -> list[list[str]]:
    """The names of each list of three single names or more, a sentence's first word left out."""
    out: list[list[str]] = []
    for m in _LIST.finditer(text) if text.count(",") > 1 else ():
        names = re.findall(_NAME, m[0])
        out.append(names[1:] if _FIRST_LEFT_OUT.search(text, max(0, m.start() - 30), m.start()) else names)
    return out


def _candidates(text: str) -> list[tuple[str, list[str]]]:
    """(name, the other names of the list it begins) where the text uses a name as a place."""
    out = []
    for m in _PLACE_LIKE.finditer(text):
        if m["after"] or _BEFORE_LANDMARK_WORD.match(text, m.end("name")):
            continue  # a longer proper name goes on: "the Karabakh National Council", "National Hero of
            # Azerbaijan"; or units are named so: "from Arabo and Aramo units"; a landmark's ("in Khan cave")
        before = _word_before(text, m.start())
        if m["prep"] in ("of", "in") and _inside_a_title(m["prep"], before):
            continue  # "Ministry of Defence", "Security and Cooperation in Europe": an institution's name
        if m["prep"] == "to" and before.lower() in _NOT_WHERE_TO:
            continue
        rest = _LIST_REST.match(text, m.end("name"))
        listed = rest and not rest[2].endswith(("s", "'", "’")) and not _PART_AFTER.match(text, rest.end())
        out.append((m["name"], [*re.findall(_ONE, rest[1]), rest[2]] if listed else []))
    return out


# A list of names a plural kind word ends: "the monuments in Ayin, Seytas, Garagajli, Khocamsakhli villages",
# "Yuxari Gaali, Asagi Gaali, Canbar and Sayifli villages", "Kurichay, Chaylukh and some other rivers".
_LISTED_KIND = re.compile(rf"(?<![\w’'-])((?:{_ONE}\s*,\s*)*{_ONE}(?:\s*,)?\s+(?:and|or)\s+|(?:{_ONE}\s*,\s*)+)"
                          rf"(?:(?:(?:some|several|many)\s+)?other\s+|({_ONE})\s+)(?:villages|towns|settlements|regions|"
                          r"districts|heights|hills|rivers)\b")


# A settlement's word straight before a name: "from the Azerbaijani village Shefik", "the Turkmen city
# Krasnovodsk" (apart from _BY_KIND, whose "Azerbaijani village" would take the word first).
_KIND_BEFORE = re.compile(rf"\b(?:village|town|city|settlement|hamlet)\s+(?P<name>{_NAME}(?:\s+{_NAME})?)")


def _by_kind(text: str) -> list[tuple[str, str]]:
    """(name, the name with its kind word) where a kind word marks a name as a place's (_BY_KIND,
    _KIND_BEFORE), the list a plural one ends too (_LISTED_KIND)."""
    out = [(name, name) for m in _LISTED_KIND.finditer(text) for name in re.findall(_ONE, f"{m[1]} {m[2] or ''}")]
    out += [(m["name"], m[0]) for m in _KIND_BEFORE.finditer(text)]
    for m in _BY_KIND.finditer(text):
        # "Mount Karaglukh" whole: no village of Karaglukh
        words = (m["name"] or m["called"] or m["apposed"] or m["dated"] or m[0]).split()
        while words and fold(words[0]) in _NOT_NAMES:
            words.pop(0)
        # a dateline's name is a town's where a country follows or the town is one elsewhere: "Sources (AFP) -" is none
        if words and not (m["dated"] and not m["country"] and not elsewhere(m["dated"])):
            out.append((" ".join(words), " ".join(words) if m["dated"] else m[0]))
    return out


def _settled(whole: str, kind: str) -> bool:
    """Whether a settlement's word names as a village a name the gazetteer lists only as a feature's:
    "Katik village", though Katik is a river's other name (Getik)."""
    return whole.split()[-1].lower() in ("village", "villages", "town", "settlement") and kind in _FEATURES


_FEATURES = (*NATURE, "road", "landmark")
_FEATURE_WORDS = ("height", "heights", "hill", "hills", "mountain", "mountains", "river", "valley", "gorge", "pass")
_AN = re.compile(r"\b[Aa]n?\s+$")
_NO_TOWN = ("", "country", "state")  # "an Armenian border post": Armenia's adjective, no town's name


def _landmarks(text: str) -> list[tuple[str, str]]:
    """(town, the landmark's name) where a town's name stands before a landmark's word (_LANDMARK)."""
    out = []
    for m in _LANDMARK.finditer(text):
        if m["before"]:
            out.append((m["before"].split()[-1], m["before"]))
            continue
        words = m["name"].split()
        if _AN.search(text, max(0, m.start() - 4), m.start()):
            continue  # "a French prison", "an Azerbaijani airport": an adjective, a landmark unnamed
        while words and (fold(words[0]) in _NOT_NAMES or len(words) > 1 and words[0].endswith(("'s", "’s"))):
            words.pop(0)  # "The Fuzuli airport", "Stepanakert's Lenin Square"
        if words:
            town = " ".join(words)
            out.append((town, town + text[m.end("name") + bool(m["quote"]):m.end()]))
    return out


# After a list's last name, what makes the names no places' ("of Arabo and Aramo units", "and
# Karabakh Armenians"): a word that goes on a proper name.
_PART_AFTER = re.compile(r"\s+(?:[A-Z]|of\s+[A-Z]|units|forces|troops|battalions|detachments)")


_LAST_WORD = re.compile(r"(\w+)\s+$")


def _word_before(text: str, at: int) -> str:
    found = _LAST_WORD.search(text, max(0, at - 40), at)
    return found[1] if found else ""


def _inside_a_title(prep: str, before: str) -> bool:
    """Whether the word before "of" is capitalised ("Ministry of Defence"), or the word before "in"
    a body's ("Conference on Security and Cooperation in Europe"): a name's part, not a place's."""
    if prep == "of":
        return before[:1].isupper()
    return before[:1].isupper() and before.lower() in _INSTITUTIONS


def _unexplained(name: str, lexicon, adjectives: set[str]) -> bool:
    if not _name_like(name, adjectives):
        return False
    places = lexicon.places
    first = re.sub(r"['’]s$", "", name.split()[0])  # "Nagorno-Karabakh's Askeran": two known places
    if places.resolve(name, fuzzy=False) or places.resolve(first, fuzzy=False):
        return False
    return not _other_name(name, lexicon)


def _attribute(text: str, name: str) -> bool:
    """Whether a word after `name` makes it another thing's attribute ("the Horadiz operation") or a
    feature's name ("the Kasapet height"), wherever the text names it."""
    return any(m[1].lower() in NOT_A_PLACE_AFTER or m[1].lower() in KIND_AFTER
               for m in re.finditer(rf"(?<![\w’'-]){re.escape(name)}\s+(\w+)", text))


def _name_like(name: str, adjectives: set[str]) -> bool:
    """Whether `name` may be a place's, as far as its words tell."""
    words = [fold(w) for w in re.split(r"[\s-]+", name) if w]
    if any(ch.isdigit() for ch in name) or any(len(w) < 3 for w in words) or name.isupper():
        return False  # an agency's initials ("conceded to AFP") are no place
    if any(w in GENERIC or w in _INSTITUTIONS or w in WEEKDAYS or month_number(w) for w in words):
        return False  # nor a day: "an attack on the town Sunday"
    if all(w in _KIND_WORDS for w in words):
        return False  # "the Khodaafarin Bridges and Dam": a kind's word, the bridges' dam
    if words[0] in adjectives or words[0].rstrip("s") in adjectives or re.search(r"-[a-z]", name):
        return False  # a party's adjective or its people: "Armenian", "Azerbaijanis", "Turkish-made"
    # "the orders of Melkonian", "the overthrow of Mutalibov": a man, not a place (Rostov is)
    return not (surname(words[-1]) and not elsewhere(name))


def _other_name(name: str, lexicon) -> bool:
    """Whether `name` is an actor's or a weapon's, or a country's people's ("a community of Azerbaijani
    refugees": Azerbaijan's, as Armenian is Armenia's, Iranian Iran's)."""
    if lexicon.actors.find(name) or lexicon.weapons.find(name):
        return True
    return name.isalpha() and name.endswith(PEOPLES) and any(
        m.place.kind in ("country", "state") for cut in (1, 2, 3) for m in lexicon.places.resolve(name[:-cut], fuzzy=False))
