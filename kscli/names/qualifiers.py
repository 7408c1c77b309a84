"""Upper and Lower, Big and Small, New and Old, East, West and Middle, First, Second and Third: the
words that tell twin villages apart, in the languages the region's names are written in, and the
readings of a name with its qualifier in the others ("Verin Horatagh" of "Yuxarı Oratağ")."""

from __future__ import annotations

import re

# Upper, Lower, Big, Small, New, Old, East, West and Middle in the region's names, as Azerbaijani, Armenian,
# Russian and English write them (folded): the gazetteer lists a village under one or two ("Yuxarı Oratağ",
# "Verin Horatagh").
_QUALIFIER_FORMS = (("yuxari", "verin", "verkhniy", "upper"), ("ashaghi", "nerkin", "nizhniy", "lower"),
                    ("boyuk", "mets", "bolshoy", "big"), ("kichik", "pokr", "malyy", "small"),
                    ("yeni", "nor", "novyy", "new"), ("kohna", "hin", "staryy", "old"),
                    ("sharqi", "arevelyan", "vostochnyy", "east"), ("qarbi", "arevmtyan", "zapadnyy", "west"),
                    ("orta", "mijin", "sredniy", "middle"))
_QUALIFIER_OF = {form: forms for forms in _QUALIFIER_FORMS for form in forms} | {
    spelled: forms for forms, spellings in zip(_QUALIFIER_FORMS, (
        "yukhari yukhary yukari verkhnij verkhnyaya verkhneye verkhnee verkhniye verkhnie haut haute ober obere oberes "
        "ust yukhara yuxary yuchari yuchary juchari juchary jukhari jukhary "  # Turkish Üst; German lists, English copy
        "alto alta werchnij werchni werchnjaja werchneje werchnije wierchni gorny gorni horni",
        "asagi ashagi ashagy ashaghy ashaga asagy aschagi aschagy aschaghi achagi achagy "
        "nizhnij nizhnyaya nizhneye nizhnee nizhniye nizhnie bas basse unter untere unteres nieder "
        "bajo baja basso bassa baixo baixa nischnij nischni nischnjaja nischneje nischnije nizni dolny dolni",
        "bolshoi bolshaya bolshoye bolshiye bolshie buyuk beyuk great greater grand grande gran gross medz "
        "bolschoi bolschoj bolschaja bolschoje bolshoe wielki velky",
        "kicik kucuk malyj malaya maloye malyye malye little lesser petit petite klein malaja maloje maly maloe",
        "novyi novaya novoye novyye novye nouveau nouvelle neu nowyj nowaja nowoje nowoe novoe nowy nowa nowe novy",
        "kohne staryi staraya staroye staryye starye eski vieux vieil alt staraja staroje staroe stary stara stare",
        "sharqi sherqi vostochnyi vostochnaya vostochnoye vychodni ost eastern ostliches ostlicher ostliche",
        "garbi qerbi zapadnyi zapadnaya zapadni western westliches westlicher westliche",
        "sredni srednij srednyaya sredneye srednee srednie mitte mittlere mittleres moyen moyenne"))
    for spelled in spellings.split()}


# ... and abbreviated, as lists and maps write them (N. Horatagh, V. Horatagh, Yux. Veysəlli, Aş. Veysəlli,
# Верх., Ниж., Böy., Kiç.): read in qualifier_readings() alone, where nothing matched as written, as a
# word of one or two letters is an initial's or an article's elsewhere
_ABBREVIATED = {short: _QUALIFIER_OF[word] for word, shorts in (
    ("nerkin", "nerk nizh"), ("verin", "v verkh"), ("yuxari", "yu yux yukh"), ("ashaghi", "ash asag"),
    ("boyuk", "boy"), ("kichik", "kich kic")) for short in shorts.split()} | {"n": ("nerkin", "nor")}  # N. is Nerkin or Nor

# First, Second and Third of twin villages: Azerbaijani puts them before the name (Birinci Ağalı),
# Russian after it (Агалы Первое, Ipyak Vtoroye), in spellings of its own (Pervoe, Vtoroi, Trete).
_ORDINAL_OF = {spelled: (az, ru) for az, ru, spellings in (
    ("birinci", "pervoye", "birinci birindzhi pervoye pervoe pervoje pervyy pervyi pervyj pervaya first"),
    ("ikinci", "vtoroye", "ikinci ikindzhi vtoroye vtoroe vtoroje vtoroy vtoroi vtoroj vtoraya second"),
    ("ucuncu", "tretye", "ucuncu uchunju tretye trete tretje tretiy tretii tretij tretya third"))
    for spelled in spellings.split()}


# ... and as Roman numerals in French and German lists (Agali II); no qualifier word: "I" is English's
_ROMAN = {"i": ("birinci", "pervoye"), "ii": ("ikinci", "vtoroye"), "iii": ("ucuncu", "tretye")}

# ... and as a figure, bare or with its ending: Russian's 2-е, 2-й, Azerbaijani's 2-ci, 3-cü (Шихлы 2-е,
# Şıxlı-2: İkinci Şıxlı), read as the Roman numeral
_FIGURE = re.compile(r"(?<!\S)([123])(?: (?:ye|oye|y|oy|ya|aya|ci|cu|ji|ju|dzhi|dzhu))?(?!\S)")

# Every qualifier and ordinal word above, folded: "Ashagi Yaglivend" is no Yaglivend, but another village.
QUALIFIER_WORDS = frozenset(_QUALIFIER_OF) | frozenset(_ORDINAL_OF)


def qualifier_readings(folded: str) -> list[str]:
    """`folded` with its first (or, as Russian maps write it, last) word, Upper or Lower, Big or Small,
    New or Old, East or West, Middle in one language, first in the others; and with a First, Second or Third first or
    last, in Azerbaijani's order and Russian's.

    >>> qualifier_readings("upper horatagh")
    ['yuxari horatagh', 'verin horatagh', 'verkhniy horatagh']
    >>> qualifier_readings("veysalli nizhniye")
    ['ashaghi veysalli', 'nerkin veysalli', 'nizhniy veysalli', 'lower veysalli']
    >>> qualifier_readings("agali pervoe"), qualifier_readings("birinci ipyak"), qualifier_readings("agali ii")
    (['birinci agali', 'agali pervoye'], ['birinci ipyak', 'ipyak pervoye'], ['ikinci agali', 'agali vtoroye'])
    >>> qualifier_readings("shikhly 2 ye"), qualifier_readings("3 cu agali")
    (['ikinci shikhly', 'shikhly vtoroye'], ['ucuncu agali', 'agali tretye'])
    """
    folded = _FIGURE.sub(lambda m: "i" * int(m[1]), folded)
    first, _, rest = folded.partition(" ")
    forms = (_QUALIFIER_OF.get(first) or _ABBREVIATED.get(first.rstrip("."), ())) if rest else ()
    out = [f"{form} {rest}" for form in forms if form != first]
    head, _, last = folded.rpartition(" ")
    if head and not forms:  # Russian maps put it last, as they do an ordinal: Veysalli Verkhniye
        out += [f"{form} {head}" for form in _QUALIFIER_OF.get(last, ())]
    for name, word in ((rest, first), (head, last)):
        # German and Polish w: Perwoe, Wtoroje; a Roman numeral, as French and German lists write them (Agali II)
        ordinal = _ORDINAL_OF.get(word.replace("w", "v")) or _ROMAN.get(word)
        if name and ordinal:
            out += [f"{ordinal[0]} {name}", f"{name} {ordinal[1]}"]
    return out
