"""Folding names to ASCII and to a transliteration-proof key.

Azerbaijani Latin, Armenian-derived, Russian-style and English spellings of one
place differ in predictable ways (ə~a~e, x~kh~h, q~g~gh~k, c~j~dzh, ş~sh,
ı~i~y, doubled letters). `key()` erases exactly those differences, so that
equal keys mean "the same name, however transliterated".
"""

from __future__ import annotations

import re
from functools import lru_cache

from kscli.names.qualifiers import qualifier_readings

# Letters whose ASCII form is not their base letter (unidecode gives "@" for ə).
_TABLE = str.maketrans({
    "ə": "a", "Ə": "a", "ǝ": "a", "Ǝ": "a", "ı": "i", "İ": "i", "ş": "sh", "Ş": "sh", "ç": "ch", "Ç": "ch",
    "ğ": "gh", "Ğ": "gh", "ö": "o", "Ö": "o", "ü": "u", "Ü": "u", "ß": "ss",
    # The caron letters of scholarly and ISO romanisations of Russian and Armenian (Šuša, Džebrail,
    # Kʻarvačar, Ġazanči): the sounds English writes with an h.
    "š": "sh", "Š": "sh", "č": "ch", "Č": "ch", "ž": "zh", "Ž": "zh", "ġ": "gh", "Ġ": "gh",
    # ... and of other languages' pages: Polish ż and ł (Dżebrail, Łaczyn), Romanian ș and ț (Arțvașen).
    "ż": "zh", "Ż": "zh", "ł": "l", "Ł": "l", "ș": "sh", "Ș": "sh", "ț": "ts", "Ț": "ts",
    "’": "", "'": "", "‘": "", "`": "", "ʼ": "", "ʻ": "", "′": "", "´": "", "ʹ": "",
    "–": " ", "—": " ", "-": " ", "/": " ", "‐": " ",
    # Cyrillic and Armenian letters, romanised as Russian and Armenian names are in English: a name
    # pasted in its own script meets its romanisations through key().
    **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye")),
    "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya", "ё": "yo",
    "ъ": "", "ь": "",
    # Azerbaijani in its Cyrillic alphabet (1939-1991, on Soviet maps: Ҹәбрајыл, Ағдам, Һорадиз), as its Latin one.
    "ә": "a", "ҝ": "g", "ғ": "gh", "ҹ": "j", "ө": "o", "ү": "u", "һ": "h", "ј": "y",
    # ... and the letters other Cyrillic alphabets add, as their romanisations write them: Ukrainian
    # and Belarusian (Сісіан, Вурґаван, Агаўнатун), Kazakh and Tajik (Қубадлы, Ҳӯродиз, Қалбаҷар), Serbian (Џермук).
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "қ": "q", "ң": "ng", "ҳ": "h", "ӯ": "u", "ӣ": "i",
    "ұ": "u", "җ": "j", "ҷ": "j", "ҙ": "z", "џ": "dzh", "ђ": "dj", "ћ": "ch", "љ": "ly", "њ": "ny",
    **dict(zip("աբգդեզէըթիլկհմյնոպռսվտրփքօֆ", "abgdezeytilkhmynoprsvtrpkof")),
    "ժ": "zh", "խ": "kh", "ծ": "ts", "ձ": "dz", "ղ": "gh", "ճ": "ch", "շ": "sh", "չ": "ch", "ջ": "j",
    "ց": "ts", "ւ": "v", "և": "yev",
    # Georgian, by its national romanisation (სტეფანაკერტი, Stepanakerti: its -i, a case ending, is a reading's)
    **dict(zip("აბგდევზთიკლმნოპრსტუფქყჰჯ", "abgdevztiklmnoprstupkqhj")), "ჟ": "zh", "ღ": "gh", "შ": "sh", "ჩ": "ch",
    "ც": "ts", "ძ": "dz", "წ": "ts", "ჭ": "ch", "ხ": "kh",
})

_ASCII_TABLE = tuple((chr(k), v) for k, v in _TABLE.items() if k < 128)

# Letters read by their place in the word, as English romanisations read them: Russian е is ye at
# the start and after a vowel (Ереван, Yerevan); Armenian ե and ո are ye and vo at the start
# (Երասխ, Yeraskh; Ոսկեպար, Voskepar), and և is yev there, ev inside (Արևիկ, Arevik); ու is u.
_CYRILLIC_OR_ARMENIAN = re.compile("[\u0400-\u04ff\u0531-\u058f]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")  # read by kscli.names.greek: Στεπανακέρτ
_GEORGIAN, _GEORGIAN_I = re.compile("[\u10d0-\u10ff]"), re.compile("(?<=[^აეიოუ])ი$")  # ლაჩინი, Lachini: Lachin
_BY_PLACE = (
    (re.compile(r"(?<![^\W\dаеёиоуыэюяъьАЕЁИОУЫЭЮЯЪЬ])[еЕ]"), "ye"),
    (re.compile(r"\b[եԵ]"), "ye"),
    (re.compile(r"\b[ոՈ](?![ւՒ])"), "vo"),
    (re.compile(r"\Bև"), "ev"),
    (re.compile("[ոՈ][ւՒ]"), "u"),  # one vowel, written with two letters
)


def _by_place(text: str) -> str:
    for pattern, reading in _BY_PLACE:
        text = pattern.sub(reading, text)
    return text

# Words that name a kind of place rather than the place itself.
GENERIC = frozenset(
    "city town village villages district districts province provinces region regions "
    "rayon rayonu raion rajon municipality settlement oblast marz marzi "
    "razvaliny razvalini "  # Russian "ruins of": GeoNames' "Razvaliny Babadin" is the abandoned Babadin
    "subdistrict sub "  # a Soviet selsoviet: "the Getashen sub-district", of Getashen and its neighbours
    "administrative "  # "Martuni and Hadrut administrative regions": a unit's word's adjective
    # Azerbaijani's kind after the name, folded and as typed on an English keyboard: Şuşa şəhəri, Malıbəyli
    # kəndi, Turşsu qəsəbəsi, Şuşa rayonunun (of Shusha District)
    "shahari seheri saheri kandi kendi qasabasi qesebesi gasabasi rayonunun".split()
)
_KIND_OF_WORD = {
    "city": "city", "town": "town", "village": "village", "villages": "village",
    "district": "district", "districts": "district", "rayon": "district", "rayonu": "district", "raion": "district",
    "rajon": "district",
    "province": "province", "provinces": "province",
    # "the Aghdam region" is Aghdam District, "the Tavush region" Tavush Province: a unit, of either kind
    "region": "area", "regions": "area",
    "marz": "province", "marzi": "province", "oblast": "province",  # Tavuş mərzi
    **dict.fromkeys(("shahari", "seheri", "saheri"), "city"), **dict.fromkeys(("kandi", "kendi"), "village"),
    **dict.fromkeys(("qasabasi", "qesebesi", "gasabasi"), "town"), "rayonunun": "district",
}

# Order matters: longer spellings first, and "ch" is protected from c→j. Armenian -dzor (gorge) is
# often written -zor (Aghnjazor for Aghnjadzor); only there: a typo's chance d and z stay apart
# (Hoardzi, Horadiz).
_KEY_RULES = (
    ("dj", "j"), ("dzh", "j"), ("zh", "j"), ("dzor", "zor"), ("ch", "\x01"), ("kh", "h"), ("x", "h"), ("gh", "g"),
    ("q", "g"), ("k", "g"), ("c", "j"), ("\x01", "ch"), ("e", "a"), ("y", "i"),
    ("w", "v"), ("ou", "u"),
)
# ... and ə as ya (Lyankyaran, Gyandzha, Kyalbyajar), but not the -yan of Armenian names (Abovyan,
# which Abovian writes too).
_SOFTENED = re.compile(r"([bcdfgjklmnpqrstvwxz]|(?<!g)h)y([uo]|a(?!n$))")  # kh, ch, sh, zh; not gh (ğı)
_DOUBLE = re.compile(r"([a-z])\1+")  # doubled letters are spelling; doubled digits are a number ("2000", "08:00")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lowercase ASCII, right for Azerbaijani and Turkish letters.

    >>> fold("Tərtər"), fold("Şuşa"), fold("Qubadlı"), fold("Füzuli"), fold("Ağdam")
    ('tartar', 'shusha', 'qubadli', 'fuzuli', 'aghdam')
    """
    if text.isascii():  # most text: a few replace() calls do what translate() does letter by letter
        for old, new in _ASCII_TABLE:
            text = text.replace(old, new)
        return text.lower()
    if _CYRILLIC_OR_ARMENIAN.search(text):
        text = _by_place(text)
    if _GREEK.search(text):
        from kscli.names.greek import latin

        text = latin(text)
    text = text.translate(_TABLE)
    if text.isascii():
        return text.lower()
    import unicodedata  # only for text that needs it: most queries are typed in ASCII

    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower().translate(_TABLE)


_PLAIN = str.maketrans({"ş": "s", "Ş": "S", "ç": "c", "Ç": "C", "ğ": "g", "Ğ": "G"})


def plain_letters(text: str) -> str:
    """Text as typed on an English keyboard that drops the marks: Laçın → Lacın, Şuşa → Susa.

    >>> key(plain_letters("Laçın")) == key("Lacin")
    True
    """
    return text.translate(_PLAIN)


def words(text: str) -> list[str]:
    """Folded alphanumeric words.

    >>> words("Aghdara/Martakert–Tartar area")
    ['aghdara', 'martakert', 'tartar', 'area']
    """
    return [w for w in _NON_ALNUM.split(fold(text)) if w]


def strip_generic(ws: list[str]) -> tuple[list[str], str | None]:
    """Words without generic kind words, and the kind those words named.

    >>> strip_generic(["tartar", "district"])
    (['tartar'], 'district')
    """
    kind = None
    kept = []
    for w in ws:
        if w in GENERIC:
            kind = kind or _KIND_OF_WORD.get(w)
        else:
            kept.append(w)
    if not kept:  # a name that is only generic words ("Region") is kept whole
        return ws, None
    return kept, kind


@lru_cache(maxsize=65536)
def phonetic(folded: str) -> str:
    """The transliteration-proof form of folded, space-free text.

    >>> phonetic("terter") == phonetic("tartar"), phonetic("dzhebrail") == phonetic("cabrayil")
    (True, True)
    >>> phonetic("kubatli") == phonetic("gubadly")
    False
    >>> phonetic("shusha"), phonetic("2000")
    ('shusha', '2000')
    >>> phonetic("lyankyaran") == phonetic("lankaran"), phonetic("abovyan") == phonetic("abovian")
    (True, True)
    >>> phonetic("khyasyanriz") == phonetic("hasanriz"), phonetic("uchyundzhyu") == phonetic("uchuncu")
    (True, True)
    >>> phonetic("chaykent") == phonetic("chaykand"), phonetic("poladlu") == phonetic("poladli")
    (True, True)
    """
    folded = soften(folded)
    if folded.endswith("kent"):  # the -kənd of a village's name, as Russian and Turkish write it: Chaykent
        folded = folded[:-1] + "d"
    elif folded.endswith("lu"):  # the -lı of one, as Armenian and old Russian maps write it: Poladlu
        folded = folded[:-1] + "i"
    for old, new in _KEY_RULES:
        folded = folded.replace(old, new)
    return _DOUBLE.sub(r"\1", folded)


def soften(folded: str) -> str:
    """Russian's yu, yo and ya after a consonant as the ü, ö and ə they write (Kyuzadzhik is Küzəcik),
    after one written with two letters too (kh, ch, sh, zh: Khyasyanriz is Həsənriz, Uchyundzhyu Üçüncü)."""
    return _SOFTENED.sub(r"\1\2", folded) if "y" in folded else folded


def key(text: str) -> str:
    """The matching key of a name: folded, generic words dropped, transliteration erased.

    >>> key("Tərtər District") == key("Terter") == key("TARTAR city")
    True
    >>> key("Xankəndi") == key("Khankendy"), key("Şuşa") == key("Shusha"), key("Ağcabədi") == key("Agdzhabedi")
    (True, True, True)
    >>> key("Kyuzadzhik") == key("Küzəcik"), key("Gyoygyol") == key("Göygöl"), key("Kazan") == key("Kaz'yan")
    (True, True, False)

    Russian and Armenian letters read as English romanisations read them, by their place in the word:

    >>> key("Каймаглы") == key("Qaymaqlı"), key("Ереван") == key("Yerevan"), key("Ոսկեպար") == key("Voskepar")
    (True, True, True)
    >>> key("Երասխ") == key("Yeraskh"), key("Արևիկ") == key("Arevik"), key("Ուլֆա") == key("Ulfa")
    (True, True, True)
    """
    kept, _ = strip_generic(words(text))
    return phonetic("".join(kept))


# How French and German write the region's sounds: Chouchi and Schuscha are Shushi and Shusha,
# Djebrail and Dschebrail Jabrayil, Jerewan Yerevan. English reads their ch, j and z otherwise, so
# these readings are tried only for a name nothing matched as written.
# Russian soft vowels (я, ю, ё; е in Polish) are ia, iou, io in French and Polish: Lianbiaran, Giułabły.
_FRENCH = (("tch", "\x01"), ("ch", "sh"), ("\x01", "ch"), ("dj", "j"), ("iou", "yu"), ("ou", "u"), ("ia", "ya"),
           ("io", "yo"))
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
    # Letters the fold would strip come first: a letter for a letter is the surest reading (Ġaradaġlə).
    out = []
    if _BEFORE_FOLD_LETTERS.search(lowered):  # and as ISO 9 writes the rest, й as j (Ûhary-Ajlis, Yukhary Aylis)
        letters = fold(_BEFORE_FOLD_LETTERS.sub(lambda m: _BEFORE_FOLD[m.group()], lowered))
        out += dict.fromkeys((letters, _read(letters, _SCHOLARLY)))
    if _ARMENIAN_SCHOLARLY.search(lowered):
        armenian = lowered.replace("ow", "u").replace("j\u030c", "ǰ")  # J̌, no letter of its own
        armenian = "".join(_ARMENIAN_LETTERS.get(ch, ch) for ch in armenian)
        out.append(fold(armenian).replace("\x02", "j"))
    if _CYRILLIC.search(text) and _RUSSIAN_E.search(text):  # Russian's е for the Azerbaijani ö: Гезлу is Gözlü
        out.append(fold(_RUSSIAN_E.sub(lambda m: m[1] + ("Ё" if m[2] == "Е" else "ё"), text)))
    if _GREEK.search(text):  # Greek's μπ and ντ as mb and nd: Νογιεμπεριάν
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
    initials = _initial_readings(folded, bool(_CYRILLIC.search(text)))
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
    return out + ([kh] if kh != folded else [])


def _g_for_h(folded: str) -> list[str]:
    """Each word's initial g read as h, and h as g (Russian's г for the h it lacks)."""
    swaps = (_WORD_START.sub(lambda m: new if m[0] == old else m[0], folded) for old, new in (("g", "h"), ("h", "g")))
    return [swapped for swapped in swaps if swapped != folded]


_LATER_E = re.compile(r"(?<=[\s-])y?e")
_WORD_START = re.compile(r"(?<![a-z])[gh](?!h)")  # not gh, an Armenian or Azerbaijani letter of its own
_WORD_K = re.compile(r"(?<![a-z])k(?!h)")


def title_head(name: str) -> str:
    """A name without a Wikipedia-style disambiguator: "Ağdam" of "Ağdam, Tovuz" and "Tartar (river)".

    >>> title_head("Ağdam, Tovuz"), title_head("Tartar (river)"), title_head("Tartar")
    ('Ağdam', 'Tartar', 'Tartar')
    """
    return name.split(",")[0].split(" (")[0]


def disambiguated(name: str) -> bool:
    """A Wikipedia-style title that says which of several ("Ağdam, Tovuz", "Tartar (river)")."""
    return "," in name or " (" in name


def title_forms(spelling: str) -> list[str]:
    """A spelling, and without a Wikipedia-style ", Tovuz" disambiguator."""
    head = title_head(spelling).strip()
    return [spelling] if head == spelling or not head else [spelling, head]


def kind_hint(text: str) -> str | None:
    """The kind of place that generic words in a name point at.

    >>> kind_hint("Tartar District"), kind_hint("Fuzuli City"), kind_hint("Shusha")
    ('district', 'city', None)
    """
    return strip_generic(words(text))[1]
