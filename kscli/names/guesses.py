"""Whether a name is likely another way of writing a known spelling, and names of places elsewhere.

The gazetteer matches a name it does not list only where a reader plausibly wrote it: the
same name in another transliteration (few letters apart, not only the key's erasures), or a
typo (a few edits, the first letter kept). A name of a place elsewhere, typed as it is
written there, is never taken for a typo of a place here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kscli.names.features import FEATURE_WORDS, bare_name
from kscli.names.folding import key, plain_letters, soften, strip_generic, words
from kscli.names.nearness import osa
from kscli.names.qualifiers import QUALIFIER_WORDS


@lru_cache(maxsize=4096)  # a name is asked about again and again: by each reading and each kind word tried
def elsewhere(name: str) -> bool:
    """Whether `name` is, as typed (any case), a place outside the region (corpus/elsewhere.tsv): a
    name a reader means as written, never a typo of a place here (Kazan is not Kapan)."""
    # The list is lowered as bytes (ASCII letters only: decoding it all would cost more than a query),
    # so a name is looked for so lowered, as typed and with a capital first letter (Çorlu, çorlu).
    # A search of the bytes costs a quarter of a millisecond, a set of the names 10 ms once: past a
    # few dozen names (a library caller's, a long run's), or once an index build has made it, the set.
    if elsewhere.cache_info().misses > _SEARCHES or _elsewhere_set.cache_info().currsize:
        return any(form in _elsewhere_set() for form in _forms(name))
    return _listed(_elsewhere_names(), name)


_SEARCHES = 40  # names searched for in the bytes before a set of them is made


def names_of_the_city(name: str) -> list[str]:
    """The names of the city elsewhere that `name`, as typed (any case), is one of, on the list of
    their names (corpus/elsewhere-names.tsv): Almaty and Alma-Ata, Bishkek and Frunze; none for others."""
    if ";" in name:  # the list's own separator: "Tehran;Tahran" is no one name
        return []
    text = _city_names()
    for form in _forms(name):
        found = re.search(rf"^(?:[^\n]*;)?{re.escape(form)}(?:;[^\n]*)?$", text, re.M) if form else None
        if found:
            return found[0].split(";")
    return []


@lru_cache(maxsize=1)
def _city_names() -> str:
    """The list's lines, without its header, lowered as elsewhere.tsv is: read once, on a name nothing else answers."""
    lines = _bundled("elsewhere-names.tsv").decode("utf-8", "surrogateescape").splitlines()
    return "\n".join(line for line in lines if line and not line.startswith("#") and line != "names")


def elsewhere_among(names) -> set[str]:
    """Those of `names` that elsewhere() finds, looked up in a set made once: an index asks about every
    capitalised word of its text, and a search of the list costs a quarter of a millisecond a name."""
    listed = _elsewhere_set()
    return {name for name in names if any(form in listed for form in _forms(name))}


@lru_cache(maxsize=1)
def _elsewhere_set() -> frozenset[str]:
    """The list's names, as a search of its bytes finds them: a line after a line break, not empty."""
    return frozenset(line for line in _elsewhere_names().decode("utf-8", "surrogatepass").split("\n")[1:] if line)


def guessable(place) -> bool:
    """A place a guess may land on: checked by hand, or a town or city (not a village of a bulk list),
    of the region (not a town elsewhere in the country)."""
    return not place.elsewhere and (place.curated or place.kind in ("city", "town"))


def _ascii_lower(text: str) -> str:
    return "".join(ch.lower() if ch.isascii() else ch for ch in text)


@lru_cache(maxsize=1)
def _elsewhere_names() -> bytes:
    return _bundled("elsewhere.tsv")


def _bundled(name: str) -> bytes:
    """A bundled list of names, lowered (ASCII letters only); without it, guesses are only as careful
    as typo() makes them."""
    from kscli.text.files import bundled_corpus

    try:
        return (bundled_corpus() / name).read_bytes().lower()
    except OSError:
        return b""


def alike(typed: str, spelling: str, share: float = 1 / 2) -> bool:
    """Whether two names with one key are written alike enough to be one name transliterated: at
    most a `share` of their letters differ (half: Berde/Barda, Gence/Gəncə), not a string that only
    the key's erasures (doubled letters, y for i, x for kh) bring together (Xyzzy/Xızı). One sound
    written with one letter or two (x or kh, ş or sh) is one letter where the rest lines up letter
    for letter: Azykh and Azıx differ by one (y, ı), Xyzzy and Khyzy by more than a letter."""
    # The Azerbaijani ə is written a (Tartar) or e (Terter, Qebele): both readings of it are tried; and
    # its q as Russian writes it, к (Kyzylgul, Qızılgül), as well as g.
    return any(_alike(_letters(a), _letters(b), share) for a in _schwas(typed) for b in _letter_forms(spelling))


def _alike(a: str, b: str, share: float) -> bool:
    # A share of the letters after the first: two letters of four are too many (Saky, in Crimea, is no Seki).
    limit = (max(len(a), len(b)) - 1) * share
    if a == b or _sounds_alike(_sounds(a), _sounds(b), share):  # the cheap test first: most pass it
        return True
    return abs(len(a) - len(b)) <= limit and _edits(a, b, limit) <= limit


def _sounds_alike(a: str, b: str, share: float) -> bool:
    if len(a) != len(b):
        return False
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    # Russian-style spelling writes the Azerbaijani ı as y (Fadyly, Fadılı listed as Fadili): where
    # that is all that differs, one name; with another difference, each y counts (Saky is no Seki).
    return all({x, y} == {"i", "y"} for x, y in differ) or len(differ) <= (len(a) - 1) * share


def _schwas(name: str) -> tuple[str, ...]:
    return (name, name.replace("ə", "e").replace("Ə", "E")) if "ə" in name.lower() else (name,)


def _letter_forms(spelling: str) -> tuple[str, ...]:
    forms = _schwas(spelling)
    return (*forms, *(f.replace("q", "k").replace("Q", "K") for f in forms)) if "q" in spelling.lower() else forms


@lru_cache(maxsize=4096)  # a name is measured against many spellings one key brings together
def _letters(name: str) -> str:
    return "".join(strip_generic(words(plain_letters(name)))[0])


# Russian's дж, written dzh, and French's dj are the Azerbaijani c (Xocamsaqlı, Khodzhamsakly).
_DIGRAPHS = (("dzh", "c"), ("dj", "c"), ("kh", "x"), ("sh", "s"), ("ch", "c"), ("zh", "j"), ("gh", "g"))
# One sound in the Azerbaijani alphabet and in English spelling: Quycaq and Guyjag; and h and x, which
# Russian writes alike (х): Khadzhysamly is Hacısamlı.
_LETTERS = str.maketrans("qjx", "gch")


def _sounds(letters: str) -> str:
    letters = soften(letters)  # Russian's yu, yo, ya after a consonant (Dyuz is Düz), before the digraphs, as the key
    for two, one in _DIGRAPHS:
        letters = letters.replace(two, one)
    return letters.translate(_LETTERS)


def _edits(a: str, b: str, limit: float = float("inf")) -> int:
    """Levenshtein distance of two short strings (names: no need of rapidfuzz on this path), or a
    number past `limit` as soon as every way through is past it."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
        if min(row) > limit:
            return len(a) + len(b)
    return row[-1]


# An Azerbaijani letter as English writes it; ə is a (Tartar) or e (Terter), both tried.
_READ_AS = str.maketrans({"ı": "i", "y": "i", "ü": "u", "ö": "o", "ç": "c", "ş": "s", "ğ": "g", "q": "g"})


def reads_as(typed: str, spelling: str) -> bool:
    """Whether `spelling` is `typed` letter for letter, an Azerbaijani letter and its English reading
    counted as one: of the villages Marzılı and Mərzili, "Merzili" is the second's spelling.

    >>> reads_as("Merzili", "Mərzili"), reads_as("Merzili", "Marzılı"), reads_as("Qaradagly", "Qaradağlı")
    (True, False, True)
    >>> reads_as("Mikhaylovka", "Mixaylovka"), reads_as("Arras", "Aras")
    (True, False)
    """
    a, b = (text.lower().replace("kh", "x").translate(_READ_AS) for text in (typed, spelling))
    return a == b or "ə" in a + b and any(a.replace("ə", schwa) == b.replace("ə", schwa) for schwa in "ae")


def is_abroad(text: str, listed, keyed) -> bool:
    """Whether `text` is the name of a place elsewhere, written as there: no other spelling of a place
    here (Arras is not the Aras, Medina not Madina), read as nothing else (Soest), never guessed at.
    "Kazan village" is abroad too; "Moscow city", which the gazetteer lists (`listed`: whether a folded
    name is a spelling of the gazetteer's, Gazetteer.spelled), is not; nor is
    a name a place here is written as in the Azerbaijani alphabet (`keyed`: the places and spellings
    of its key), the same name and no namesake abroad (Kerki, Kərki; Mikhaylovka, Mixaylovka). An
    English spelling alike is no such sign: Kuibyshev, a city's old name, is no Kuybishev of Tavush."""
    bare = bare_name(text)
    return (elsewhere(text) or (elsewhere(bare) and not listed(" ".join(words(bare))))) \
        and not any(reads_as(text, via) and _AZERBAIJANI.intersection(via.lower()) for _, via in keyed)


_AZERBAIJANI = frozenset("əıçşğöüxq")  # letters English writes otherwise


def reads_as_any(typed: str, spellings, k: str) -> bool:
    """Whether one of a place's `spellings` with the key `k` reads as `typed` (reads_as())."""
    return any(reads_as(typed, s) for s in spellings if key(s) == k)


def typo(typed: str, spelling: str) -> bool:
    """Whether a typo is the likely way from a spelling to what was typed: few edits of its letters
    for its length (one up to 5 letters, two up to 10, three beyond), the first letter kept or
    swapped with the second, or a first vowel for another (Urdubad, Ovsarli: languages write a
    name's first vowel apart). A reader mistypes inside a name far more often than at its start, and
    a key's near miss is no typo: Paris is not Arış, Xyzzy not Xızı."""
    typed, known = _letters(typed), _letters(spelling)
    if not typed or not known:
        return False
    if surname(typed) and surname(typed) != surname(known) and not _glide(typed, known):
        return False  # Stepanyan, Aliyev: a person, not a typo of Stepanavan
    same_start = typed[0] == known[0] or typed[:2] == known[1::-1] or (typed[0] in _VOWELS and known[0] in _VOWELS)
    # ... and a surname a place is named after is one edit from another person's: Mirzoyan is no
    # Mikoyan (Yeghegnadzor's Soviet name), Amirbekov no Azizbekov (Vayk's)
    # A kind word is no part of the name a typo is measured by: "Macron river" is no Masrik River.
    size = len(_letters(bare_name(spelling))) or len(known)
    allowed = 1 if surname(typed) or size <= 5 else 2 if size <= 10 else 3
    return same_start and osa(typed, known, allowed) <= allowed and not _other_part(typed, known)


_VOWELS = "aeiou"


def by_start(spellings) -> dict[str, dict]:
    """(spelling, key) pairs by the first letter the spelling is typed with, then by the length of
    its key ("s": {"10": [[key, order, letters], ...]}, letters a bit a letter of the key): typo()
    keeps the first letter (or vowel) or swaps it with the second, and keys alike enough for a guess are of
    like length and letters, so a guess reads two letters' lists and measures a few of them."""
    table: dict[str, dict] = {}
    for order, (spelling, k) in enumerate(spellings):
        letters = _letters(spelling)
        if letters:
            table.setdefault(letters[0], {}).setdefault(str(len(k)), []).append([k, order, _bits(k)])
    return table


def reachable(table, typed: str, k: str, cutoff: float) -> list[str]:
    """The keys in `table` (by_start()) of spellings that begin as a typo of `typed` may, with a key
    that may be as alike as `cutoff` (0 to 1) to `k`, by its length and its letters (each letter one
    key has and the other lacks takes an edit: kscli.names.nearness.nearest() skips the others), in
    the order the table was made from (a guess's ties go to the first)."""
    letters, size, bits = _letters(typed), len(k), _bits(k)
    found: dict[str, int] = {}
    for first in dict.fromkeys((*letters[:2], *(_VOWELS if letters and letters[0] in _VOWELS else ""))):
        lengths = table.get(first) or {}
        for n in range(1, 2 * size + 2):
            edits = int((1.0 - cutoff) * max(n, size) + 1e-9)
            if abs(n - size) > edits:
                continue
            for choice, order, theirs in lengths.get(str(n), ()):
                if (bits & ~theirs).bit_count() <= edits and (theirs & ~bits).bit_count() <= edits:
                    found.setdefault(choice, order)
    return sorted(found, key=found.__getitem__)


def _bits(k: str) -> int:
    """A bit for each letter of a key (a digit may share one with a letter: the bound only loosens)."""
    return sum(1 << (ord(ch) & 63) for ch in set(k))


def village_typo(typed: str) -> bool:
    """Whether a guess may take `typed` for a typo of a village's name (one of thousands, where a
    hand-kept place's is one of hundreds): a name of seven letters or more, not a surname ("Babayan"
    is no Babajan)."""
    letters = _letters(typed)
    return len(letters) >= 7 and not surname(letters)


@lru_cache(maxsize=4096)  # a timeline begins many sentences with the same few words
def english(name: str) -> bool:
    """Whether `name` is an English word that a guess would take for a place's name (corpus/words.tsv:
    "Iranian" is no Ivanyan, "Turkish" no Turkesh, "Shortly" no Shorlu): never guessed at."""
    return _listed(_words(), name)


def _listed(names: bytes, name: str) -> bool:
    """Whether `name` is, as typed (any case), one of the lowered `names` (one a line)."""
    return any(("\n" + form + "\n").encode("utf-8", "surrogatepass") in names for form in _forms(name))


def _forms(name: str) -> set[str]:
    """`name` as the lowered lists hold it: its ASCII letters lowered, as typed and with a capital
    first letter (one form, but for Çorlu)."""
    spaced = " ".join(name.split())
    return {_ascii_lower(form) for form in (spaced, spaced[:1].upper() + spaced[1:])}


@lru_cache(maxsize=1)
def _words() -> bytes:
    return _bundled("words.tsv")


def _other_part(typed: str, known: str) -> bool:
    """Whether what differs is one run of letters written wholly otherwise: slips of the fingers fall
    apart, one letter here, a swap there, but a run of two or more letters none of which is kept is
    another word's part (Krasnovodsk, a city on the Caspian, is not Krasnoselsk).

    >>> _other_part("krasnovodsk", "krasnoselsk"), _other_part("stepnakret", "stepanakert")
    (True, False)
    """
    shorter = min(len(typed), len(known))
    start = next((i for i in range(shorter) if typed[i] != known[i]), shorter)
    end = next((i for i in range(shorter - start) if typed[-1 - i] != known[-1 - i]), shorter - start)
    a, b = typed[start:len(typed) - end], known[start:len(known) - end]
    return min(len(a), len(b)) >= 2 and osa(a, b) == max(len(a), len(b))


# The endings of Armenian and Russian-style surnames ("-ian" is "-yan" romanised otherwise).
_SURNAME_ENDINGS = (("yan", "yan"), ("ian", "yan"), ("jan", "yan"), ("ova", "ova"), ("eva", "ova"), ("ov", "ov"), ("ev", "ov"))


def _glide(typed: str, known: str) -> bool:
    """Whether a name in -ian or -yan is a name in -an with a glide slipped in, nothing else changed:
    English pages write Zangilan as Zangilian. A person's surname so read names no place (Pashinyan).

    >>> typo("Zangilian", "Zangilan"), typo("Kapanian", "Kapan"), typo("Pashinyan", "Pashinan")
    (True, False, True)
    """
    return typed.endswith(("ian", "yan")) and typed[:-3] + "an" == known


def surname(letters: str) -> str | None:
    """The surname ending a name has, if any: a place may bear one (Abovyan, Noyemberyan), but a
    name so ending is a typo only of a spelling ending alike.

    >>> typo("Stepanyan", "Stepanavan"), typo("Noyemberian", "Noyemberyan"), typo("Aliyev", "Aliyevka")
    (False, True, False)
    """
    return next((same for end, same in _SURNAME_ENDINGS if len(letters) > len(end) + 2 and letters.endswith(end)), None)


def of_the_kind_named(guesses: list, text: str) -> list:
    """The guesses of the kind a word of `text` names, if one does: "Vardenis Pass" may be a typo of
    a pass's name (the Vardenyats Pass), never the town of Vardenis."""
    ws = [w for w in words(text) if len(w) > 2]  # not a stray letter or initials: "Kˌalbaҷar" is no AR
    kinds = (FEATURE_WORDS.get(ws[-1]) or FEATURE_WORDS.get(ws[0])) if len(ws) > 1 else None
    if kinds and "district" in kinds:  # or the town a district is named after, its district then (town_to_unit)
        kinds = (*kinds, "city", "town")
    return [m for m in guesses if m.place.kind in kinds] if kinds else guesses


@lru_cache(maxsize=1)  # only a "did you mean" asks, once a name has found nothing
def qualifier_keys() -> frozenset[str]:
    """The keys of the words that tell twin villages apart: "Ashagy Rafadinli" is a Rafadinli."""
    return frozenset(map(key, QUALIFIER_WORDS))
