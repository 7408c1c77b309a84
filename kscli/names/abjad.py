"""Names in Persian or Arabic letters (استپاناکرت, آغدام), found by their consonants.

These scripts leave most vowels unwritten, and write the long ones with letters that are also
consonants (و is v, u or o; ی is y or i; a final ه is h or e), so no one reading gives the name.
What they do write is the consonants, each one a letter a romanisation writes too: a name is
matched by its consonants alone, compared as kscli.names.folding.key() compares romanisations
(k and q and g one, kh and h one), vowels and the letters that may be vowels left out.
"""

from __future__ import annotations

import re

from kscli.names.folding import key

ARABIC = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
# Persian's and Arabic's letters as English romanisations write them; the letters that are often
# vowels (ا آ و ی, a final ه, and ع, which romanisations drop) are left out, as vowels are.
_CONSONANTS = {
    "ب": "b", "پ": "p", "ت": "t", "ث": "s", "ج": "j", "چ": "ch", "ح": "h", "خ": "kh", "د": "d", "ذ": "z",
    "ر": "r", "ز": "z", "ژ": "zh", "س": "s", "ش": "sh", "ص": "s", "ض": "z", "ط": "t", "ظ": "z", "غ": "gh",
    "ف": "f", "ق": "q", "ک": "k", "ك": "k", "گ": "g", "ل": "l", "م": "m", "ن": "n", "ه": "h",
}
# Each consonant with a vowel after it, as the word's unwritten vowels part them: سیسیان is Sisian, not Sian.
_LETTERS = str.maketrans({**{ch: f"{latin}a" for ch, latin in _CONSONANTS.items()},
                          **dict.fromkeys("اآأإءئؤعةويىيۀ\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u200c", "")})
_FINAL_HE = re.compile("[هة](?=[\\s\u200c]|$)")  # گنجه, Ganja: the e or a at a word's end
# After key(): its vowels, the letters a romanisation may write for the ones left out above, and
# p as b (Arabic has no p: ستيباناكرت).
_NOT_CONSONANTS = re.compile("[aeiouvy]")
MIN_CONSONANTS = 3  # letters, kh one or two: fewer say too little (ده, دو; باکو, Baku, is not found)

def consonants(text: str) -> str:
    """The consonants of a name, as key() writes them, in any script.

    >>> consonants("استپاناکرت") == consonants("Stepanakert"), consonants("آغدام"), consonants("Aghdam")
    (True, 'gdm', 'gdm')
    """
    return _skeleton(key(_FINAL_HE.sub("", text).translate(_LETTERS)))


def _skeleton(k: str) -> str:
    # dz as z: the key writes Armenian -dzor as -zor, which these scripts write with both letters
    # (یغگنادزور, Yeghegnadzor).
    return _NOT_CONSONANTS.sub("", k).replace("p", "b").replace("dz", "z")


def by_consonants(text: str, guessable, keyed, memo: dict) -> list[tuple]:
    """(place, spelling) of the spellings whose consonants are those of `text`, written in Persian or
    Arabic letters (none for a name of fewer than three), among those a guess may land on (`guessable`,
    kscli.names.guesses.by_start()'s table of their keys; `keyed`, a key's (place, spelling) pairs):
    as many a village's name has the consonants of another name by chance as has its letters. The
    table of their consonants is made on the first such name (tens of ms) and kept in `memo`."""
    wanted = consonants(text)
    if len(wanted) < MIN_CONSONANTS or not ARABIC.search(text):
        return []
    if "consonants" not in memo:
        table: dict[str, list[str]] = {}
        for lengths in guessable.values():
            for entries in lengths.values():
                for k, *_ in entries:
                    table.setdefault(_skeleton(k), []).append(k)
        memo["consonants"] = table
    return [(place, via) for k in memo["consonants"].get(wanted, ()) for place, via in keyed(k)
            if not via.isupper()]  # NKR: an acronym's letters are no word's consonants


# Persian's words for a district and a province before the name: شهرستان آغدام is Aghdam's district.
_UNIT_BEFORE = {"شهرستان": "district", "استان": "province"}


def persian_unit(text: str) -> tuple[str, str | None]:
    """`text` without a Persian unit's word before the name, and the kind that word names."""
    first, _, rest = text.strip().partition(" ")
    return (rest, _UNIT_BEFORE[first]) if rest and first in _UNIT_BEFORE else (text, None)
