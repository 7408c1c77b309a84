"""Folding names to ASCII and to a transliteration-proof key.

Azerbaijani Latin, Armenian-derived, Russian-style and English spellings of one
place differ in predictable ways (ə~a~e, x~kh~h, q~g~gh~k, c~j~dzh, ş~sh,
ı~i~y, doubled letters). `key()` erases exactly those differences, so that
equal keys mean "the same name, however transliterated".
"""

from __future__ import annotations

import re
from functools import lru_cache


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
GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")  # read by kscli.names.greek: Στεπανακέρτ
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

# Azerbaijani writes a kind after the name with a possessive's ending (Şuşa şəhəri, Malıbəyli kəndi, Turşsu
# qəsəbəsi, Şuşa rayonu), and a case's after that, a buffer n first: kəndinin (of the village), kəndinə
# (to it), kəndini, kəndində (in it), kəndindən (from it), kəndinlə (with it); folded (ə is a) and as
# typed on an English keyboard (ə as e).
AZERBAIJANI_CASES = ("", "n", "nin", "nun", "na", "ne", "ni", "nu", "nda", "nde", "ndan", "nden", "nla", "nle", "ndaki",
                     "ndeki")  # and the relative's -ki: kəndindəki, the one in the village


def azerbaijani_cases(*words: str) -> tuple[str, ...]:
    """The words, folded, with each case's ending Azerbaijani puts after a possessive's.

    >>> azerbaijani_cases("kandi")[:4]
    ('kandi', 'kandin', 'kandinin', 'kandinun')
    """
    return tuple(word + ending for word in words for ending in AZERBAIJANI_CASES)


# Turkish writes them alike: Talış köyünde, Şuşa kentinde (its centre: kent merkezi), Hankendi şehrinden, Ağdam
# ilçesine or ilinin (il, a province, is Azerbaijan's rayon there too), Kelbecer bölgesi, Gegarkunik eyaletindeki;
# a settlement is a yerleşke, a yerleşim (yeri, birimi), a community topluluk.
AZERBAIJANI_UNITS = {"city": azerbaijani_cases("shahari", "seheri", "saheri", "kenti", "shehri", "sehri", "merkezi"),
                     "village": azerbaijani_cases("kandi", "kendi", "kandlari", "kendleri", "koyu", "koyleri",
                                                  "yerleshkesi", "yerleskesi", "yerleshimi", "yerlesimi", "toplulughu",
                                                  "toplulugu"),  # and the plural: kəndləri, köyleri
                     "town": azerbaijani_cases("qasabasi", "qesebesi", "gasabasi", "kasabasi"),
                     "district": azerbaijani_cases("rayonu", "rayonlari", "ilchesi", "ilcesi"),
                     "area": azerbaijani_cases("bolgesi", "ili"), "province": azerbaijani_cases("eyaleti")}

# Words that name a kind of place rather than the place itself.
GENERIC = frozenset(
    "city town village villages district districts province provinces region regions "
    "rayon rayonu raion rajon municipality settlement oblast marz marzi "
    "community communities "  # Armenia's unit of a village or town: "Geghamasar community", "Hin Shen community"
    "razvaliny razvalini "  # Russian "ruins of": GeoNames' "Razvaliny Babadin" is the abandoned Babadin
    "subdistrict sub "  # a Soviet selsoviet: "the Getashen sub-district", of Getashen and its neighbours
    "administrative defensive "  # "Martuni and Hadrut administrative regions": a unit's word's adjective
    "areas "  # "the Martakert and Martuni defensive areas": Artsakh's units (not "the Tartar area", the town's)
    "yerleshim yerlesim yeri birimi kent".split()  # Turkish's yerleşim yeri, yerleşim birimi (a settlement), kent
) | frozenset(w for words in AZERBAIJANI_UNITS.values() for w in words)
_KIND_OF_WORD = {
    "city": "city", "town": "town", "village": "village", "villages": "village",
    "district": "district", "districts": "district", "rayon": "district", "rayonu": "district", "raion": "district",
    "rajon": "district",
    "province": "province", "provinces": "province",
    # "the Aghdam region" is Aghdam District, "the Tavush region" Tavush Province: a unit, of either kind
    "region": "area", "regions": "area", "areas": "area",
    "marz": "province", "marzi": "province", "oblast": "province",  # Tavuş mərzi
    **{word: kind for kind, words in AZERBAIJANI_UNITS.items() for word in words}, "kent": "city",
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
    if GREEK.search(text):
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
