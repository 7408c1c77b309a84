"""Errors the library raises, and the exit statuses the command maps them to."""

import re

class ExitStatus:
    """grep's convention: 0 something matched, 1 nothing did, 2 trouble (plain ints: no enum to import)."""

    MATCH = 0
    NO_MATCH = 1
    ERROR = 2
    INTERRUPTED = 130


def one_line(text: str) -> str:
    """Text as one printable line: line breaks, control characters and bidirectional overrides shown
    escaped (\\n, \\x1b, \\u202e).

    >>> one_line("bad\\nvalue\\x1b]0;title\\x07")
    'bad\\\\nvalue\\\\x1b]0;title\\\\x07'
    """
    if text.isprintable():  # the usual case, without compiling anything
        return text
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", _escaped, text)


def _escaped(m: re.Match) -> str:
    return repr(m[0])[1:-1] if m[0] < "\u2000" else f"\\u{ord(m[0]):04x}"  # repr() keeps U+202E as it is


LONGEST_ERROR = 500


def shortened(line: str) -> str:
    """A message that quotes a huge value keeps its start and end: what went wrong, and where."""
    if len(line) <= LONGEST_ERROR:
        return line
    cut = len(line) - LONGEST_ERROR + 40
    return f"{line[:380]} […{cut} characters…] {line[-80:]}"


class KscliError(Exception):
    """A problem the user can fix; its message is one line, naming the bad value."""

    status = ExitStatus.ERROR

    def __init__(self, message: str = ""):
        super().__init__(one_line(str(message)))


class UsageError(KscliError):
    """A bad option value: a malformed date, an unknown field or format."""


class CorpusError(KscliError):
    """A corpus path or file that cannot be used at all."""


class UnknownName(UsageError):
    """A name given to a filter (a place, actor, weapon, event type, side) that resolves to nothing:
    the same error, exit status and message shape for every filter, with the nearest candidates
    (or, for a short list such as the sides, every choice)."""

    def __init__(self, kind: str, name: str, candidates=(), listing: str = "", choices=(), reason: str = ""):
        if reason:
            hint = f"; {reason}"
        elif candidates:  # " or " between them: a name may hold a comma (Qarabulaq, Goygol), never " or "
            hint = f"; did you mean {' or '.join(candidates)}?"
        elif choices:
            hint = f"; one of: {', '.join(choices)}"
        else:
            hint = f"; {listing} lists them" if listing else ""
        super().__init__(f"no {kind} matches '{name}'{hint}")
        self.kind, self.name, self.candidates = kind, name, list(candidates)


class DataFileError(KscliError):
    """A places/actors/weapons data file with a malformed row."""


class CacheDamaged(KscliError):
    """A cache file found damaged after it was opened; the caller removes it and asks again."""

    def __init__(self, location):
        super().__init__(f"{location}: the index cache is damaged; it has been removed, run again")
        self.location = location


class AmbiguousYear(Exception):
    """A month without a year that a corpus has in several years (kscli.text.dates makes it a UsageError)."""

    def __init__(self, years: list[int]):
        super().__init__(years)
        self.years = years
