"""The words for a kind of place ("Mount", "çayı", "водохранилище", "ջրամբար") and the forms a name
takes beside them: Gazetteer.resolve finds "Mount Gamysh", "Sarsang lake" and "Кельбаджарский
район" by the name and the kind."""

from __future__ import annotations

import re
from functools import lru_cache

from kscli.names.folding import GENERIC, azerbaijani_cases, fold, phonetic

# The words for a kind of place in English, Azerbaijani, Russian, Armenian, German, French, Italian and
# Spanish, folded ("dağı" is dagi, "rivière" riviere): what a name joined to one may mean.
FEATURE_WORDS = {
    # dağı, dağ, silsiləsi fold to daghi, dagh, silsilasi; typed on an English keyboard, dagi, dag, silsilesi
    **dict.fromkeys(("mount", "mt", "mountain", "mountains", "peak", "range", "ridge", "dagi", "dag", "silsilesi",
                     "daghi", "dagh", "silsilasi", "daghlari", "dagh silsilasi", "dag silsilesi",
                     "hill", "height", "gora", "gory", "khrebet", "ler", "lerr", "lerrner", "lerner", "lerrnashghta",
                     "lernashghta", "gebirge", "berg", "berge", "kamm", "mont", "monts", "monte", "monti", "montes",
                     "massif", "sar", "zirvasi", "zirvesi", "zirve"),  # zirvəsi: a peak
                    ("mountain",)),
    **dict.fromkeys(("river", "cayi", "chayi", "chay", "chai", "reka", "get", "fluss", "riviere", "fleuve",
                     "fiume", "rio", "reki", "reke", "geti", "gety", "getum"), ("river",)),  # реки, Որոտան գետի
    **dict.fromkeys(("lake", "golu", "gol", "ozero", "lich", "see", "daniz", "darya", "lac", "lago"), ("lake", "reservoir")),
    **dict.fromkeys(("waterfall", "shalalasi", "shalala", "selalesi", "vodopad", "jrvezh"), ("landmark",)),
    # a monastery, a cave, a bridge, a church (Гандзасарский монастырь, Ազոխի քարանձավ, Худаферинские мосты,
    # Mosteiro de Amaras, Ghazanchetsots Church): the landmark of that name
    **dict.fromkeys(("monastery", "monastyr", "vank", "vanq", "monastiri", "manastir", "manastiri", "mosteiro",
                     "monastero", "monasterio", "monastere", "kloster", "klasztor", "monahejo", "cave", "peshchera",
                     "karandzav", "magara", "magarasi", "hohle", "hohlen", "grotte", "grotta", "cueva", "jaskinia",
                     "bridge", "bridges",
                     "most", "mosty", "kamurj", "kamurjner", "korpusu", "korpuleri", "ponte", "puente", "pont",
                     "brucke", "brucken", "church", "cathedral", "kilsasi", "kilsesi", "sobor", "tserkov",
                     "yekeghetsi", "kirche", "kathedrale", "eglise", "cathedrale", "chiesa", "cattedrale", "iglesia",
                     "catedral", "festung", "burg", "mausoleum", "turbasi", "turbesi", "mavzoley", "mabadi", "mebedi",
                     "monastir kompleksi", "monastery complex"),
                    ("landmark",)),  # məbədi: a temple
    **dict.fromkeys(("reservoir", "water reservoir", "su anbari", "anbari", "vodokhranilishche", "jrambar", "stausee"),
                    ("reservoir", "lake")),
    **dict.fromkeys(("pass", "mountain pass", "asirimi", "ashirimi", "pereval", "lerrnants", "passo", "paso", "col"),
                    ("pass",)),
    **dict.fromkeys(("valley", "gorge", "canyon", "plain", "plateau", "vallee", "valle", "ushchelye", "kirch", "kirchov",
                     "kirchi", "kanyon", "gola", "gorges", "schlucht"),
                    ("valley", "mountain")),
    # a highland: Карабахское нагорье, Qarabağ yaylası, the Karabakh Plateau (not the Karabakh plain)
    **dict.fromkeys(("nagorye", "nagore", "yaylasi", "bardzravandak", "highland", "highlands"), ("mountain", "valley")),
    **dict.fromkeys(("corridor", "koridor", "korridor", "dahlizi", "dehlizi", "road", "highway", "shosse", "mijantsk",
                     *azerbaijani_cases("koridoru")), ("road",)),  # Zengezur Koridoru
    # a settlement's word in Russian and Armenian, in the cases a sentence puts it in (села Айгепар, в городе
    # Мардакерт, Երասխ գյուղում, Սոթք համայնքում, Բերդ քաղաքին): read here, where a name as written found
    # nothing, and not as a generic word, which would make "Nor" a key of Նոր Քաղաք (Vagharshapat)
    **dict.fromkeys(("selo", "sela", "sele", "selom", "gyugh", "gyughi", "gyughum", "gyughy", "gyughits", "gyughin",
                     "givgh", "givghy", "givghi", "derevnya", "derevni", "derevne", "derevnyu", "derevney", "selu",
                     "seleniye", "seleniya", "selenii"),
                    ("village", "town")),
    **dict.fromkeys(("gorod", "goroda", "gorode", "gorodom", "gorodu", "kaghak", "kaghaki", "kaghakin", "kaghakum", "kaghaky",
                     "kaghakn"), ("city", "town")),
    **dict.fromkeys(("poselok", "poselka", "poselke", "poselku", "poselki", "posyolok", "posyolka", "avan", "avani", "avanum", "hamaynk",
                     "hamaynki", "hamaynkum", "hamaynky", "bnakavayr", "bnakavayri", "bnakavayrin", "bnakavayrum",
                     "obshchina", "obshchiny", "obshchine", "obshchin", "obshchinu", "obshchinoy"),  # община: hamaynk
                    ("town", "village", "city")),
    **dict.fromkeys(("rayon", "raion", "rajon", "rejon", "shrjan", "bezirk", "distretto", "distrito",
                     "rayona", "rayone", "rayonom", "raiona", "raione", "shrjani", "shrjanum"),  # and their cases
                    ("district", "province")),  # Artsakh's were rayons too
    # and English's district after a Russian adjective: the Kelbajarsky district, the Shaumyanovsky district
    "district": ("district", "province"), "region": ("district", "province", "region"),  # the Agdamsky region
    **dict.fromkeys(("districts", "area", "areas", "regions"), ("district", "province", "region")),  # Askeransky areas
    # the Russian Empire's uyezds (Shusha uyezd, Zangezur uyezd, Qazax qəzası): the unit of that name now
    **dict.fromkeys(("uyezd", "uezd", "ujezd", "uyezdi", "qazasi", "gazasi", "okrug"), ("district", "province")),
    **dict.fromkeys(("marz", "oblast", "provinz", "provincie", "provincia", "provinsen", "regio", "vilayati",
                     "vilayeti", "oblasti", "marzi", "marzum", "marze"),  # and cases: Тавушской области, Սյունիքի մարզում
                    ("province", "district")),  # Provinz Martuni, Regio Hadrut, Sünik vilayəti
    **dict.fromkeys(("mahali", "mahal"), ("province", "region", "district")),  # Zəngəzur mahalı: a historical one
    # Soviet autonomies, as English, Russian, Azerbaijani and Armenian name them: Nagorno-Karabakh AO,
    # Нагорно-Карабахская автономная область, Dağlıq Qarabağ Muxtar Vilayəti, Nakhichevan ASSR
    **dict.fromkeys(("autonomous region", "autonomous oblast", "autonomous republic", "ao", "ar", "assr", "nkao",
                     "avtonomnaya oblast", "avtonomnaya respublika", "avtonomnoy oblasti", "avtonomnoy respubliki",
                     "avtonomnuyu oblast", "avtonomnuyu respubliku", "muxtar respublikasi", "muxtar vilayati",
                     "muxtar vilayeti", "inknavar marz"), ("region",)),
    # Azerbaijani's with a case's ending after them: Qapıcıq dağından, Araz çayının, Göyçə gölünə, Cıdır
    # düzündə, Zəngəzur silsiləsindən, Tavuş vilayətinin, Ağoğlan monastırında, Gəncəsər məbədini; and
    # Turkish's (Aras Nehri, Murovdağ Dağlarında, Gandzasar Manastırı, Gazançetsots Kilisesi)
    **{form: kinds for words, kinds in ((("cayi", "chayi", "nehri", "irmaghi", "irmagi"), ("river",)),
                                       (("dagi", "daghi", "silsilasi", "silsilesi", "zirvasi", "zirvesi", "daghlari",
                                         "daglari"), ("mountain",)),
                                       (("golu",), ("lake", "reservoir")), (("duzu",), ("valley", "mountain")),
                                       (("vilayati", "vilayeti"), ("province", "district")),
                                       (("mahali",), ("province", "region", "district")),
                                       (("monastiri", "manastiri", "mabadi", "mebedi", "kilsasi", "kilsesi",
                                         "kilisesi"), ("landmark",)))
       for form in azerbaijani_cases(*words)},
    # a Wikipedia title's disambiguators: Georgia (country), Artsakh (historical region)
    "country": ("country",),
    **dict.fromkeys(("historical region", "historic region", "geographic region", "geographical region"),
                    ("region", "province")),
}

# The words for a landmark's kind, folded, in English, Azerbaijani (typed with and without its
# letters: qalası is qalasi, məscidi mascidi or mescidi), Russian and Armenian, each with its kind: what a
# town's name joined to one may mean (kscli.names.landmarks: Khankendi Airport), and a village's a pass.
LANDMARK_WORDS = {
    # and in Turkish, German, Italian, Spanish, Polish (Füzuli Havalimanı, Flughafen Khojaly)
    **dict.fromkeys(("airport", "airfield", "aerodrome", "aeroport", "aeroportu", "hava limani", "odanavakayan",
                     "havalimani", "hava alani", "aerodrom", "flughafen", "aeroporto", "aeropuerto",
                     "lotnisko"), "airport"),
    # a military airfield is no airport: the Ganja Air Base (военный аэродром Гянджи), not Ganja's airport
    **dict.fromkeys(("air base", "airbase", "military airfield", "military airbase", "military aerodrome",
                     "voyennyy aerodrom", "voyenny aerodrom", "aviabaza", "herbi hava bazasi", "harbi hava bazasi",
                     "hava bazasi"), "air base"),
    **dict.fromkeys(("fortress", "castle", "fort", "citadel", "krepost", "berd", "amrots", "festung", "fortetsya",
                     "fortetsia", "forteresse", "fortezza", "castello", *azerbaijani_cases("qalasi", "galasi", "kalesi")),
                    "fortress"),  # Şuşa qalasında, Şuşa Kalesi
    **dict.fromkeys(("mosque", "mascidi", "mescidi", "mechet", "camii", "mzkit", "moschee", "mosquee", "moschea",
                     "mezquita"), "mosque"),
    **dict.fromkeys(("mausoleum", "tomb", "turbasi", "turbesi", "maqbarasi", "meqberesi", "mavzoley", "dambaran",
                     "mausolee", "mausoleo"), "mausoleum"),
    **dict.fromkeys(("bridge", "bridges", "korpusu", "korpuleri", "koprusu", "most", "kamurj"), "bridge"),
    **dict.fromkeys(("dam", "bandi", "bendi", "plotina", *azerbaijani_cases("baraji")), "dam"),  # Sarsang Barajı
    **dict.fromkeys(("cathedral", "church", "kilsasi", "kilsesi", "sobor", "tserkov"), "church"),
    **dict.fromkeys(("monastery", "monastyr", "monastiri", "kloster", "monastere", "monastero"), "monastery"),
    **dict.fromkeys(("national park", "milli parki", "natsionalnyy park", "natsionalny park", "azgayin park",
                     "nationalpark", "parc national", "parco nazionale", "state reserve", "reserve", "zapovednik",
                     "qorugu", "qorughu", "dovlat tabiat qorughu", "dovlet tebiet qorugu", "argelots"), "park"),
    **dict.fromkeys(("caravanserai", "karvansaray", "karvansarasi", "karavan saray", "karavansaray",
                     "karavanatun"), "caravanserai"),
    **dict.fromkeys(("mine", "gold mine", "rudnik", "madani", "madeni", "yatagi", "yataghi", "qizil yatagi",
                     "qizil yataghi", "mestorozhdeniye", "mestorozhdeniya", "mestorozhdenii", "mestorozhdenie"),
                    "mine"),  # месторождение: a deposit
    **dict.fromkeys(("power station", "power plant", "hydroelectric power station", "hydroelectric station", "hpp",
                     "ges", "su elektrik stansiyasi"), "power station"),
    **{word: "pass" for word, kinds in FEATURE_WORDS.items() if kinds == ("pass",)},  # Zod Pass, by Sotk's other name
}


def feature_kinds(word: str) -> tuple[str, ...] | None:
    """The kinds a feature's word names, as listed or, for a long word, in another romanisation of it
    (Russian's водохранилище as vodohranilishche, vodokhranilishche; хребет as chrebet, xrebet)."""
    return FEATURE_WORDS.get(word) or (_feature_keys().get(_feature_key(word)) if len(word) >= 6 else None)


@lru_cache(maxsize=1)
def _feature_keys() -> dict[str, tuple[str, ...]]:
    # only long words: a short one's key is another word's (gol, gel; see, sea)
    return {_feature_key(w): kinds for w, kinds in FEATURE_WORDS.items() if len(w) >= 6}


def _feature_key(word: str) -> str:
    return phonetic(word.replace(" ", "")).replace("shch", "sh")  # щ as shch, shh, sh


# How the region's names join a feature's kind to its name ("Khachen (river)" is listed as Khachen River).
FEATURE_FORMS = {"mountain": ("mount {}", "{} mountain", "{} mountains", "{} range", "{}dag", "{}dagh", "{} dagi"),
                 "river": ("{} river", "{}chay", "{}cay", "{} cayi"), "lake": ("lake {}", "{}gol", "{} golu"),
                 "reservoir": ("{} reservoir", "{} su anbari"),
                 "pass": ("{} pass",), "landmark": ("{} waterfall", "{} monastery", "{} cave", "{} bridge", "{} bridges",
                              "{} mausoleum"),
                 "valley": ("{} valley", "{} gorge", "{} canyon", "{} plain"), "district": ("{} district",),
                 "province": ("{} province",), "region": ("{} autonomous republic", "{} autonomous oblast"),
                 "country": (), "village": (), "town": (), "city": (),  # a settlement's word: its name alone
                 "road": ("{} corridor", "{} road", "{} highway")}
# A name made a Russian adjective (Кельбаджарский район, Шушинский, Мартунинский) or an Armenian
# genitive (Սարսանգի ջրամբար): what to strip, and what may have been dropped before it.
# Czech and Polish write -ski (Kubatlinski rajon), German -skii, English often -sky (Mravsky Range),
# Ukrainian -ska (Аскеранська фортеця).
_ADJECTIVE = re.compile(r"(?:sk(?:iy|ii|oye|aya|uyu|iye|ogo|oy|ij|oe|om|im|oi|ikh|a|i|y)|i)$")  # and its cases: Мартунинском


def name_forms(rest: list[str]) -> list[str]:
    """The name in the words beside a kind word, and what it is without an adjective's or a
    genitive's ending: "kelbadzharskiy" is Kelbadzhar, "shushinskiy" Shusha, "martuninskiy" Martuni."""
    rest = rest[1:] if len(rest) > 1 and rest[0] in _OF else rest  # Distretto di Shamkir, Mosteiro de Amaras
    if not rest:
        return []
    name = " ".join(rest)
    m = _ADJECTIVE.search(rest[-1])
    # Armenian's genitive of a name in -i (Մարտունու, Martuni's), not Russian's accusative (Сюникскую)
    if rest[-1].endswith("u") and len(rest[-1]) > 4 and not (m and m[0] == "skuyu"):
        return [name, name[:-1] + "i"]
    if not m or m.start() < 3:
        return [name]
    stem = name[:len(name) - len(rest[-1]) + m.start()]
    forms = [stem]
    if m[0] == "i" and stem.endswith(("ay", "oy", "ey")):  # Armenian's genitive of a name in a vowel: Ջուղայի, Jugha's
        forms.append(stem[:-1])
    if stem.endswith("n") and m[0] != "i":
        forms += [stem[:-1], stem[:-2] + "a"]  # Martuni-nskiy, Shush-inskiy
    if stem.endswith("ov") and len(stem) > 6 and m[0] != "i":
        forms.append(stem[:-2])  # Shaumyan-ovskiy: Russian's -ov- before the ending, after a name in a consonant
    return [name, *forms]


_OF = ("of", "di", "de", "del", "della", "do", "da", "du", "des", "von")


# German writes a feature's kind and name as one word: Sewansee, Sarsangstausee, Murowgebirge.
_COMPOUND = re.compile(r"^(\w{3,}?)(stausee|see|gebirge|berge|kamm|fluss|chay)$")


def split_compound(ws: list[str]) -> list[str]:
    """One folded word that joins a name to a German word for its kind, or Azerbaijani's -çay for a
    river (Mehriçay, the Meghri), as two words.

    >>> split_compound(["sewansee"]), split_compound(["tartar"])
    (['sewan', 'see'], ['tartar'])
    """
    m = _COMPOUND.match(ws[0]) if len(ws) == 1 else None
    return [m[1], m[2]] if m else ws


# How English writes a kind before a name ("City of Shusha"), and an article and a possessive around it.
# A unit's or landmark's word: "the bridge of Hakari" is Hakari bridge, as "the city of Shusha" is Shusha City.
_KIND_OF = re.compile(r"^\s*(?:the\s+)?(city|town|village|settlement|district|region|province|rayon|raion|airport|"
                      r"bridge|fortress|castle|mosque|cathedral|church|monastery|dam)\s+of\s+(\S.*)$", re.IGNORECASE)


def kind_last(text: str) -> str:
    """A name written as English writes a kind before it, with the kind after it, as the gazetteer does;
    and without English's article or a possessive's ending ("the Lachin corridor", "Shusha's").

    >>> kind_last("City of Shusha"), kind_last("the village of Talish"), kind_last("Republic of Artsakh")
    ('Shusha City', 'Talish village', 'Republic of Artsakh')
    >>> kind_last("the airport of Fuzuli"), kind_last("Bridge of Hakari")
    ('Fuzuli airport', 'Hakari Bridge')
    >>> kind_last("Shusha's"), kind_last("Noah's Mausoleum")
    ('Shusha', "Noah's Mausoleum")
    """
    m = _KIND_OF.match(text)
    return _POSSESSIVE.sub("", _BEFORE_A_NAME.sub("", f"{m[2].strip()} {m[1]}" if m else text))


_POSSESSIVE = re.compile(r"(?<=\w)['’]s?\s*$", re.IGNORECASE)
# "the Lachin corridor": English's article is no name's; nor a Russian preposition a name is pasted with
# ("в Агдаме", "из Гасымлы", "по Мартакерту"), its case ending read as the name's (kscli.names.readings)
_BEFORE_A_NAME = re.compile(r"^\s*(?:the|в|во|из|по|под|на|у|к|ко|с|со|от|до|за|при|около|возле|близ)\s+(?=\S)", re.IGNORECASE)


def bare_name(text: str) -> str:
    """`text` without the kind words before and after it, as typed: "Kazan village" is Kazan, whose
    name is a place's elsewhere (a name so written is never a typo of a place here).

    >>> bare_name("Kazan village"), bare_name("Madrid-Gebirge"), bare_name("the city of Kazan"), bare_name("River")
    ('Kazan', 'Madrid', 'Kazan', 'River')
    """
    ws = [w for w in re.split(r"[\s\-–]+", text) if w]
    while len(ws) > 1 and fold(ws[-1]) in _KIND_WORDS:
        ws.pop()
    while len(ws) > 1 and fold(ws[0]) in _KIND_WORDS:
        ws.pop(0)
    return " ".join(ws)


# Every word of a kind, made once: with the cases of Azerbaijani's and Turkish's, a thousand words or so.
_KIND_WORDS = GENERIC | FEATURE_WORDS.keys() | LANDMARK_WORDS.keys() | {"the", "of"}
