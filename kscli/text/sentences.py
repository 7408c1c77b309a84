"""Splitting a paragraph into sentences, the way a careful reader would.

A full stop ends a sentence only when it is followed by space and a capital
(or an opening quote), is outside brackets and quotations, and does not end
an abbreviation or an initial. Clock times, "BM-30" and "3–4" never contain a
full stop followed by space, so they need no rule of their own.
"""

from __future__ import annotations

import re

# Words that end in a full stop without ending the sentence; lowercase, no dot.
ABBREVIATIONS = frozenset(
    "approx no nos mr mrs ms dr st gen lt col maj capt sgt cpl pvt adm cmdr "
    "gov sen rep pres prof jr sr vs v cf e.g i.e al fig est ca inc ltd co corp hon rt bln mln "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

_ENDERS = ".!?"
# ″ (a double prime) is a straight quotation mark in some archived wire copy: ″We have lost hope.″; so
# are two backquotes and two apostrophes, typewriter style (``In regard to ...,`` Tass said).
_START = re.compile(r"\s+(?=[A-Z\u00C0-\u024F\u0400-\u04FF“\"″‘'`(\[]|\d{1,2}:\d\d)")
_STRAIGHT = ('"', "″", "``", "''")  # quotation marks that open and close alike


def split_sentences(paragraph: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; sentences joined by single spaces give the paragraph back.

    >>> [s for _, s in split_sentences('At 04:00 (00:00 GMT) it began. U.S. aid came. Then "Stop. Now." he said. End.')]
    ['At 04:00 (00:00 GMT) it began.', 'U.S. aid came.', 'Then "Stop. Now." he said.', 'End.']
    >>> [s for _, s in split_sentences('Approx. 3–4 days of BM-30 fire. No. 5 was hit. J. Smith left.')]
    ['Approx. 3–4 days of BM-30 fire.', 'No. 5 was hit.', 'J. Smith left.']
    >>> [s for _, s in split_sentences("It was declared. ``Shots were fired. Twice,`` Tass said. It has ''ended.'' He left.")]
    ['It was declared.', '``Shots were fired. Twice,`` Tass said.', "It has ''ended.''", 'He left.']
    >>> [s for _, s in split_sentences('It said: “No. Never," he said. "Yes. Now." “It is so. Here," it read.')]
    ['It said: “No. Never," he said.', '"Yes. Now."', '“It is so. Here," it read.']
    >>> [s for _, s in split_sentences("It fell. 'Look. They come,' he said. The soldiers' homes burned.")]
    ['It fell.', "'Look. They come,' he said.", "The soldiers' homes burned."]
    """
    cuts = [cut for cut in _boundaries(paragraph, track_quotes=_balanced(paragraph))
            if not any(a < cut < b for a, b in _single_quoted(paragraph))]
    out, start = [], 0
    for cut in cuts + [len(paragraph)]:
        piece = paragraph[start:cut]
        stripped = piece.strip()
        if stripped:
            out.append((start + len(piece) - len(piece.lstrip()), stripped))
        start = cut
    return out


# Speech in single straight quotation marks, British style: "'Have a good look round. The Armenians
# will be here in two days,' said Shahmar Alisher": opened before a capital at a sentence's start (not
# an apostrophe: "the soldiers' homes"), closed after a comma or a stop.
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s))'(?=[A-Z])")
_SINGLE_CLOSE = re.compile(r"(?<=[,.!?])'(?=\s|$)")


def _single_quoted(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in single straight marks that begins a sentence and closes."""
    if "'" not in text:
        return []
    spans = []
    for opened in _SINGLE_OPEN.finditer(text):
        closed = _SINGLE_CLOSE.search(text, opened.end())
        if closed:
            spans.append((opened.start(), closed.end()))
    return spans


def _balanced(text: str) -> bool:
    """Quotation tracking is only safe when the quotes pair up: a straight mark may close a curly one
    (“so," the statement read), and two apostrophes two backquotes (``so,'' Tass said), as pages
    mixing them write."""
    double = text.count('"') + text.count("“") + text.count("”")
    return double % 2 == 0 and text.count("″") % 2 == 0 and (text.count("``") + text.count("''")) % 2 == 0


_SPECIAL = re.compile(r'``|\'\'|â€|[()\[\]"“”″.!?†]')
# A closing ” a page's wrong decoding turned into "â€" or "†", after a comma or a stop ("involved,†")
_GARBLED_CLOSE = ("â€", "†")
_NEW_QUOTE = re.compile(r"[.!?]*\s+“")


def _boundaries(text: str, track_quotes: bool) -> list[int]:
    cuts: list[int] = []
    depth = 0  # brackets
    in_quote = False
    resume = 0  # after a cut, the characters it skipped over are not looked at again
    cited = False  # a quotation ended a sentence and a bracket citing it follows: cut after the bracket
    for m in _SPECIAL.finditer(text):  # only brackets, quotes and stops matter: jump between them
        i = m.start()
        if i < resume:
            continue
        ch = m.group()
        if ch in _GARBLED_CLOSE:
            if not ((in_quote or not track_quotes) and i and text[i - 1] in ",.!?"):
                continue
            ch = "”"
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
            if cited and not depth:
                cited = False
                if _START.match(text, m.end()):  # “... so.” (AFP) Then ...
                    cuts.append(m.end())
        elif track_quotes and (ch in _STRAIGHT or ch in "“”"):
            in_quote = _quote_state(ch, in_quote)
        elif ch in _ENDERS and depth == 0 and (not in_quote or _NEW_QUOTE.match(text, i + 1)):
            # (in a quotation, a stop before another opening mark ends it: a page may drop or garble the
            # closing one, "involved,†Sarkisyan said. “Armenian forces ...")
            end = _sentence_end(text, i)
            if end is not None:
                cuts.append(end)
                resume = end
                continue
        if ((track_quotes and ch in _STRAIGHT) or ch == "”") and not in_quote and depth == 0 and i \
                and text[i - 1] in _ENDERS:
            # A quotation that ends a sentence: cut after its closing mark (a curly one closes, paired or
            # not: a page may leave a quotation of several sentences open); not before a bracket, which
            # cites it: "... the Armenians of the Nagorno-Karabakh ...” (12 November 1993, S/RES/884).
            start = _START.match(text, m.end())
            if start and text[start.end()] not in "([":
                cuts.append(m.end())
            cited = bool(start) and text[start.end()] in "(["
    return cuts


def _quote_state(ch: str, in_quote: bool) -> bool:
    if ch == "“":
        return True
    if ch == "”":
        return False
    return not in_quote


def _sentence_end(text: str, i: int) -> int | None:
    """Index just past the sentence that a terminator at `i` ends, or None."""
    j = i + 1
    while j < len(text) and text[j] in _ENDERS:
        j += 1
    # Closing brackets/quotes right after the stop belong to this sentence,
    # but only those that close something opened inside it.
    if j < len(text) and text[j] in ")]’":
        return None
    if text[j:j + 1] == "'" and text[j + 1:j + 2] != "'" and _START.match(text, j + 1):
        return j + 1  # a single straight quotation mark closes British style: 'Aggression ... security.' He
    m = _START.match(text, j)
    if not m:
        return None
    if text[i] == "." and _is_abbreviation(text, i):
        return None
    return j


def _is_abbreviation(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lstrip(".")  # ".Mr." after a stop a page glued to it: "of Armenia .Mr. Hashimi"
    if not word:
        return False
    if len(word) == 1 and word.isupper() or word in _TWO_LETTER_INITIALS:
        return True  # an initial: "J. Smith", and Russian's written with two letters: "Ye. Shaposhnikov"
    if "." in word and _DOTTED.fullmatch(word):
        return True  # "U.S", "U.N", "e.g"
    return word.lower() in ABBREVIATIONS


_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# A Russian initial romanised with two letters (Е., Ю., Я., Х., Ж., Ч., Ш., Ц.).
_TWO_LETTER_INITIALS = frozenset("Ye Yu Ya Yo Kh Zh Ch Sh Ts".split())
