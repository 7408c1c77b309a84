"""Other readings of a name that matched nothing as written: as French, German, Polish and Dutch pages,
the scholarly and ISO romanisations of Russian and Armenian, Western Armenian and Russian itself write
the region's names (Chouchi, Schuscha, Łowkasavan, Sdepanagerd), read back to the English spelling
the gazetteer's keys know."""

from __future__ import annotations

import re
from functools import lru_cache

from kscli.names.folding import GREEK, fold
from kscli.names.qualifiers import qualifier_readings

_CYRILLIC = re.compile("[\u0400-\u04ff]")
_ARMENIAN = re.compile("[\u0531-\u0587]")
# A case's ending on a name a sentence inflects, read off the last word: Russian's genitive, dative,
# locative and instrumental after a consonant (Тертера, Мартакерту, Сотка: Terter, Martakert, Sotk);
# Armenian's locative, ablative, genitive, dative, instrumental and article (Այգեպարում, Աղիտուից,
# Սոթքի, Լաչինի: Aygepar, Aghitu, Sotk, Lachin).
_RUSSIAN_CASE = re.compile(r"(?<=[bcdfghjklmnprstvxz])(?:a|u|e|om|oy)$")
_ARMENIAN_CASE = re.compile(r"(?<=\w{3})(?:um|its|in|ov|i|y|n)$")
# Azerbaijani's, on a name written in its letters (or with Turkish's apostrophe before the ending:
# Madagiz'in): genitive, dative, accusative, locative, ablative, after a vowel and after a consonant
# (Xankəndinin, Xıdırlıya, Qaladərəsini, Xankəndidə, Laçından; Qarakəndin, Horadiza), folded.
_AZERBAIJANI = re.compile(r"[əışçğöüİxqXQ]|\w['’`]\w+$")  # and its x and q, which English writes seldom
_AZERBAIJANI_CASES = (re.compile(r"(?<=\w{3}[aeiou])(?:nin|nun|ya|ye|ni|nu|yla|yle|yi|yu)$"),  # Qafanın: both
                      re.compile(r"(?<=\w{3}[^aeiou])(?:in|un|a|e|i|u|la|le)$"),
                      re.compile(r"(?<=\w{3})(?:da|de|dan|den|ta|te|tan|ten|daki|deki|taki|teki)$"))
# Turkish sets a name's ending off with an apostrophe (Hocalı'da, Kelbecer'e, Karabağ'daki): the name is before it.
_APOSTROPHE_ENDING = re.compile(r"(?<=\w{3})['’`][a-zçğıöşü]{1,5}$")  # or a backtick: Fuzuli`nin
_GEORGIAN, _GEORGIAN_I = re.compile("[\u10d0-\u10ff]"), re.compile("(?<=[^აეიოუ])ი$")  # ლაჩინი, Lachini: Lachin

# How French and German write the region's sounds: Chouchi and Schuscha are Shushi and Shusha,
# Djebrail and Dschebrail Jabrayil, Jerewan Yerevan. English reads their ch, j and z otherwise, so
# these readings are tried only for a name nothing matched as written.
# Russian soft vowels (я, ю, ё; е in Polish) are ia, iou, io in French and Polish: Lianbiaran, Giułabły.
# French gu before i or y is a hard g (Otguychlag, Otqışlaq); not before e, where the English gangue is
# no Ganja.
_FRENCH = (("tch", "\x01"), ("ch", "sh"), ("\x01", "ch"), ("dj", "j"), ("gui", "gi"), ("guy", "gy"),
           ("iou", "yu"), ("ou", "u"), ("ia", "ya"), ("io", "yo"))
_FRENCH_E = re.compile(r"(?<=[bcdfgklmnprstvz])e\b")
_GERMAN = (("tsch", "\x01"), ("dsch", "\x02"), ("ds", "\x06"), ("sch", "sh"), ("ch", "kh"), ("j", "y"), ("z", "ts"),
           ("w", "v"), ("\x01", "ch"), ("\x02", "j"), ("\x06", "dz"))  # German ch is kh: Chodschali, Arzach; w is v
# (the key's too); ds is дз (Lusadsor, Lusadzor)
# German pages keep an English j in names they do not respell ("Chojavend"): read so too.
_GERMAN_J = tuple(rule for rule in _GERMAN if rule != ("j", "y"))
# German s before a vowel is an English z, ss an s (Nisami, Solgeran, Aratschadsor): read so too, and
# first, as a German page means it (Sijrik is Ziyrik, not Sirik, a key away once s is s).
_GERMAN_S = (("tsch", "\x01"), ("dsch", "\x02"), ("ds", "\x06"), ("sch", "\x03"), ("ch", "kh"), ("j", "y"), ("z", "\x04"),
             ("w", "v"), ("ss", "\x05"), ("s", "z"), ("\x01", "ch"), ("\x02", "j"), ("\x03", "sh"), ("\x04", "ts"),
             ("\x05", "s"), ("\x06", "dz"))
# Polish (Szusza, Czambarak, Chodżały: ż is already zh) and Dutch or Scandinavian (Sjoesja, Artsvasjen).
_POLISH = (("szcz", "\x01"), ("sz", "\x02"), ("cz", "\x03"), ("rz", "zh"), ("ch", "kh"), ("j", "y"),
           ("ia", "ya"), ("iu", "yu"), ("io", "yo"), ("ie", "e"), ("\x01", "shch"), ("\x02", "sh"), ("\x03", "ch"))
# The scholarly romanisation of Russian and ISO 9 write ц as c and й as j: Arcvašen, Ajgedzor, Čajkend.
_SCHOLARLY = (("ch", "\x01"), ("c", "ts"), ("j", "y"), ("\x01", "ch"))
# ... and the scholarly romanisation of Armenian (Hübschmann-Meillet, ISO 9985) ձ as j: Barjravan, Lusajor,
# and ու as ow: Šahowmyan. ǰ is j there: c alone is read as well (Kʻirancʻ, Kirants).
_SCHOLARLY_HY = (("ch", "\x01"), ("c", "ts"), ("j", "dz"), ("ow", "u"), ("\x01", "ch"))
_SCHOLARLY_C = (("ch", "\x01"), ("c", "ts"), ("ow", "u"), ("\x01", "ch"))
_DUTCH = (("dzj", "\x01"), ("tsj", "\x02"), ("sj", "sh"), ("oe", "u"), ("j", "y"), ("\x01", "j"), ("\x02", "ch"))
# Western Armenian writes the stops the other way round (Sdepanagerd, Kantsasar, Chermug): d and t,
# j and ch, dz and ts, b and p swap (g and k are one in the key already). p is also Eastern's
# aspirated փ, which stays, so b and p swap in a reading of their own, and with the rest (Kelpachar).
_WESTERN = (("ch", "\x01"), ("j", "\x02"), ("ts", "\x05"), ("dz", "\x06"), ("d", "\x04"), ("t", "d"), ("\x04", "t"),
            ("\x01", "j"), ("\x02", "ch"), ("\x05", "dz"), ("\x06", "ts"))
_WESTERN_P = (("b", "\x03"), ("p", "b"), ("\x03", "p"))
_WESTERN_DZ = (("ts", "\x05"), ("dz", "ts"), ("\x05", "dz"))  # alone, as a page mixing both writes it: Dzovazard
# The aspirated չ and ց are ch and ts in both: a name with them swaps d and t alone (Ganachud, Kanachut).
_WESTERN_T = (("d", "\x04"), ("t", "d"), ("\x04", "t"))
# Russian writes the Armenian ղ with its х (Техут, Tekhut, is Teghut; Ахавнадзор Aghavnadzor).
_RUSSIAN_HY = (("kh", "gh"),)


# GeoNames, and the map sites that copy it, write some Russian names letter for letter from a Latin
# spelling: x as кс, ch as джх, c then h (Ксанага, Джхыраглы: Xanağa, Chyragly).
_LETTERWISE = (("dzhkh", "ch"), ("ks", "kh"))


# Letters the fold strips to another sound, read first: the scholarly ə of Armenian ը, which writes the
# Azerbaijani ı (Ġaradaġlə), and ISO 9's letters for я, ю, ё, щ (Âhuplu, Ûhari).
_BEFORE_FOLD = {"ə": "ı", "â": "ya", "û": "yu", "ë": "yo", "ŝ": "shch"}
# A е after г or к: Russian writes the Azerbaijani ö so (Гейгель, Göygöl) as well as ə (Гедабек, Gədəbəy).
_RUSSIAN_E = re.compile("([гкГК])([еЕ])")
_BEFORE_FOLD_LETTERS = re.compile("[əâûëŝ]")
# Hübschmann-Meillet and ISO 9985 write Armenian ղ as ł, which the fold reads as Polish l, and ջ as ǰ,
# beside a plain j for ձ, x for խ and c for ծ (Łowkasavan, Dełjowt, Kapowtǰowł): a name with either
# letter is read letter for letter as those systems write it.
_ARMENIAN_SCHOLARLY = re.compile("[łǰʻ]|j\u030c|ow.*ə|ə.*ow")  # and ə for ը with ow for ու: Sowleymanlə
_ARMENIAN_LETTERS = {"ł": "gh", "ǰ": "\x02", "j": "dz", "x": "kh", "c": "ts", "ə": "ı"}

# Armenian (Չարդախլու) and old Russian maps write the Azerbaijani ending -lı, -li as -lu.
_ENDING_LU = re.compile(r"lu\b")
_ENDING_LI = re.compile(r"li\b")


def _schwa_readings(reading: str) -> list[str]:
    """A name ending -li (read from -lu) with its e's, its u's, or both, read as ı (folded i)."""
    head, _, last = reading.rpartition(" ")
    forms = [last.replace("u", "i"), last.replace("e", "i"), last.replace("u", "i").replace("e", "i")]
    return [f"{head} {form}".strip() for form in dict.fromkeys(forms) if form != last]


def foreign_readings(text: str) -> list[str]:
    """Other readings of `text`, tried when nothing matched it as written: as French, German, Polish
    and Dutch pages, the scholarly romanisations of Russian and Armenian and Western Armenian spell
    the region's names, and as Russian writes Armenian ones (its х for ղ);
    with the Armenian -lu of an Azerbaijani -lı; with an Upper or Lower in another language
    (qualifier_readings()); with Armenian ye and vo for an initial e and o.

    >>> foreign_readings("Chouchi"), foreign_readings("Jerewan"), foreign_readings("Tartar")
    (['shushi', 'khoukhi', 'jouji'], ['yerevan', 'jerevan', 'yerewan', 'dzerewan', 'cherewan'], ['dardar'])
    >>> foreign_readings("Chardakhlu")[:4]
    ['shardakhlu', 'khardakhlu', 'jartakhlu', 'chardaghlu']
    >>> foreign_readings("Kasumlu")[-3:]
    ['kasimli', 'kazimli', 'khasumlu']
    """
    return list(_foreign_readings(text))


@lru_cache(maxsize=4096)  # a name is read again for each way of reading it (its kind words, a word at a time)
def _foreign_readings(text: str) -> tuple[str, ...]:
    folded = fold(text)
    lowered = text.lower()
    cyrillic = bool(_CYRILLIC.search(text))
    # Letters the fold would strip come first: a letter for a letter is the surest reading (Ġaradaġlə).
    out = []
    if _BEFORE_FOLD_LETTERS.search(lowered):  # and as ISO 9 writes the rest, й as j (Ûhary-Ajlis, Yukhary Aylis)
        letters = fold(_BEFORE_FOLD_LETTERS.sub(lambda m: _BEFORE_FOLD[m.group()], lowered))
        out += dict.fromkeys((letters, _read(letters, _SCHOLARLY)))
    if _ARMENIAN_SCHOLARLY.search(lowered):
        armenian = lowered.replace("ow", "u").replace("j\u030c", "ǰ")  # J̌, no letter of its own
        armenian = "".join(_ARMENIAN_LETTERS.get(ch, ch) for ch in armenian)
        out.append(fold(armenian).replace("\x02", "j"))
    if cyrillic and _RUSSIAN_E.search(text):  # Russian's е for the Azerbaijani ö: Гезлу is Gözlü
        out.append(fold(_RUSSIAN_E.sub(lambda m: m[1] + ("Ё" if m[2] == "Е" else "ё"), text)))
    if cyrillic and (letterwise := _read(folded, _LETTERWISE)) != folded:  # Ксанлыклар, Xanlıqlar
        out.append(letterwise)
    case = _RUSSIAN_CASE if cyrillic else _ARMENIAN_CASE if _ARMENIAN.search(text) else None
    if case and len(folded) > 4 and case.search(folded):  # Мартакерту, Այգեպարում: the name's own form
        out.append(case.sub("", folded))
    if not case and len(folded) > 5 and _AZERBAIJANI.search(lowered):  # Xankəndidə
        apostrophe = [fold(_APOSTROPHE_ENDING.sub("", text))] if _APOSTROPHE_ENDING.search(text) else []
        out += dict.fromkeys([*apostrophe, *(stem for ending in _AZERBAIJANI_CASES
                                             if (stem := ending.sub("", folded)) != folded)])
    if GREEK.search(text):  # Greek's μπ and ντ as mb and nd: Νογιεμπεριάν
        from kscli.names.greek import latin

        out.append(fold(latin(text, nasal=True)))
    if _GEORGIAN.search(text):  # ფ is the f of a foreign name too (ფიზული, Fizuli); a final -ი is a case's
        readings = (fold(r) for t in (text, text.replace("ფ", "f")) for r in (t, _GEORGIAN_I.sub("", t)))
        out += [r for r in dict.fromkeys(readings) if r != folded]
    for rules in (_FRENCH, _GERMAN_S, _GERMAN, _GERMAN_J, _POLISH, _DUTCH, _SCHOLARLY, _SCHOLARLY_HY, _SCHOLARLY_C,
                  _WESTERN, _WESTERN_P, _WESTERN + _WESTERN_P, _WESTERN_DZ, _RUSSIAN_HY, _WESTERN_T,
                  _WESTERN_T + _WESTERN_P):
        reading = _read(folded, rules)
        if reading != folded and reading not in out:
            out.append(reading)
    silent = _FRENCH_E.sub("", _read(folded, _FRENCH))  # and French's silent final e: Gétachène, Latchine
    out += [silent] if silent != folded and silent not in out else []
    for reading in [folded, *out]:  # an Armenian -lu in a Western (Naghtalu) or German spelling too
        lu = _ENDING_LU.sub("li", reading)
        out += [lu] if lu != reading and lu not in out else []
    # and the ı before it, which Armenian writes ը, romanised e or u: Khederlu is Xıdırlı, Kasumlu Qasımlı
    out += list(dict.fromkeys(v for reading in out if _ENDING_LI.search(reading)
                              for v in _schwa_readings(reading) if v not in out))
    qualified = [q for reading in [folded, *out] for q in qualifier_readings(reading)]  # Agaly Perwoe, German
    initials = _initial_readings(folded, cyrillic)
    # and a reading of a Russian spelling in another language's letters with Russian's г for h: German's
    # Gadschichanly (Гаджиханлы) is Hacıxanlı
    russian = dict.fromkeys(_read(folded, rules) for rules in (_FRENCH, _GERMAN, _GERMAN_J, _GERMAN_S, _POLISH, _DUTCH))
    initials += [r for reading in russian for r in _g_for_h(reading) if r not in out and r not in initials]
    return (*out, *dict.fromkeys(q for q in qualified if q not in out), *initials)


def _read(folded: str, rules: tuple) -> str:
    for old, new in rules:
        folded = folded.replace(old, new)
    return folded


# Armenian Ե and Ո begin a word as ye and vo, romanised with and without the glide (Yeghvard and
# Eghvard, Voskepar and Oskepar); Russian Е is ye as well (Enikend, Yenikend).
_INITIALS = (("ye", "e"), ("e", "ye"), ("vo", "o"), ("o", "vo"))


def _initial_readings(folded: str, cyrillic: bool = False) -> list[str]:
    """The initial-letter readings: Armenian ye and vo, Russian's г for h, which it lacks (Гасанриз,
    Gasanriz, is Həsənriz; Гаджи, Gadzhi, Hacı), read either way, and k for kh (Kanliq, Xanlıq), on
    every word of the name.

    >>> _initial_readings("orotan"), _initial_readings("yeghegis"), _initial_readings("gasanriz")
    (['vorotan'], ['eghegis'], ['hasanriz'])
    >>> _initial_readings("ovk", cyrillic=True), _initial_readings("ovk")
    (['vovk', 'hovk'], ['vovk'])
    """
    out = [new + folded[len(old):] for old, new in _INITIALS if folded.startswith(old)][:1]
    later = _LATER_E.sub(lambda m: "e" if m[0] == "ye" else "ye", folded)  # and a later word's: Orta-Emezli
    out += [later] if later != folded and later not in out else []
    # and Russian drops the Armenian initial h: Овк is Hovk (in Cyrillic only: "Eat" is no Hat)
    out += ["h" + folded] if cyrillic and folded[:1] in "aeiou" else []
    out += _g_for_h(folded)
    # and English copy's k for the Azerbaijani x (Kanliq, Xanlıq), as Russian's х is kh
    kh = _WORD_K.sub("kh", folded)
    out += [kh] if kh != folded else []
    # and Armenian's unwritten schwa between two first consonants, which Azerbaijani writes ı (Drnis is
    # Dırnıs, Sznak Siznak, Pkhrut Pıxrut); not inside one sound written with two letters (Tsakuri, Shusha)
    schwa = _SCHWA_START.sub(r"\1i\2", folded)
    return out + ([schwa] if schwa != folded else [])


def _g_for_h(folded: str) -> list[str]:
    """Each word's initial g read as h, and h as g (Russian's г for the h it lacks)."""
    swaps = (_WORD_START.sub(lambda m: new if m[0] == old else m[0], folded) for old, new in (("g", "h"), ("h", "g")))
    return [swapped for swapped in swaps if swapped != folded]


_LATER_E = re.compile(r"(?<=[\s-])y?e")
_SCHWA_START = re.compile(r"^(?!ts|dz|dj)([bcdfgjklmnpqrstvxz])([bcdfgjklmnpqrstvxz])(?=[a-z]{3})")
_WORD_START = re.compile(r"(?<![a-z])[gh](?!h)")  # not gh, an Armenian or Azerbaijani letter of its own
_WORD_K = re.compile(r"(?<![a-z])k(?!h)")
