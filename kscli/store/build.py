"""Building an index from a corpus's bytes: parse, annotate (in worker processes for a big
corpus), file the postings."""

from __future__ import annotations

from array import array
from collections.abc import Callable
from pathlib import Path

from kscli.errors import CorpusError
from kscli.model import Claim, Event, ParseWarning
from kscli.extract.annotate import Annotated, annotate_days, day_ranges, event_ids
from kscli.extract.lexicon import Lexicon
from kscli.extract.links import resolve
from kscli.store.index import Index, _time_key, build, word_postings
from kscli.text.timeline import Sentence

def build_from_inputs(files, inputs: list, lexicon_files: dict[str, list[Path]], year: int | None) -> Index:
    """The index of the corpus's timeline files and data files (`lexicon_files`, by kind), built from their bytes.

    `inputs` (_read_inputs()) is emptied: each file's bytes are let go once decoded, so that a
    big corpus's raw text is not held all through the build, nor copied into every worker.
    """
    import gc

    # A build makes millions of objects and almost no garbage (a few hundred unreachable at x100):
    # the cyclic collector's passes over them cost about 5% of a big build, in every worker too.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build_from_inputs(files, inputs, lexicon_files, year)
    finally:
        if was_enabled:
            gc.enable()


def _build_from_inputs(files, inputs, lexicon_files: dict[str, list[Path]], year: int | None) -> Index:
    from kscli.text.timeline import decode, is_binary, parse_text  # the parser: only when there is no usable cache
    from kscli.extract.lexicon import lexicon_of

    lexicon = lexicon_of(lexicon_files)
    sentences, warnings = [], []
    known_year = year
    by_path = {path: (label, data) for label, path, data in inputs}
    binary = [by_path[f][0] for f in files if is_binary(by_path[f][1])]
    if binary and len(binary) == len(files):
        raise CorpusError(f"{binary[0]}: binary file, not a timeline")
    labels = tuple(label for label, _, _ in inputs[:len(files)])
    inputs.clear()  # by_path holds each file's bytes now, until the file is decoded
    for file in files:
        label, data = by_path.pop(file)
        if label in binary:
            warnings.append(ParseWarning(label, 1, "binary file, not a timeline: skipped", True))
            continue
        text, decode_warnings = decode(data, label)
        found, parse_warnings = parse_text(text, label, year, fallback_year=known_year)
        known_year = known_year or next((int(s.date[:4]) for s in found if s.date and not s.background), None)
        sentences += found
        warnings += decode_warnings + parse_warnings
    # Where each event will stand and which words it has follow from its sentence alone: this
    # process files the words while the workers annotate, instead of idling and filing them after.
    ids = event_ids(sentences)
    keys = [_time_key(s.background, s.date, event_id) for s, event_id in zip(sentences, ids)]
    order = array("I", sorted(range(len(keys)), key=keys.__getitem__))
    del keys  # before the workers fork: each would carry a copy
    words: list[dict[str, array]] = []

    def file_words() -> None:
        words.append(word_postings([sentences[k].text for k in order]))

    events, claims, extract_warnings = annotate(sentences, lexicon, meanwhile=file_words, ids=ids)
    del ids  # workers' events come back with ids of their own: these would be 20 MB more at x1000's peak
    return build(events, warnings + extract_warnings, lexicon, year, labels, order, words[0], claims)


def annotate(sentences: list[Sentence], lexicon: Lexicon, meanwhile: Callable[[], None] | None = None,
             ids: list[str] | None = None) -> tuple[list[Event], list[Claim], list[ParseWarning]]:
    """Events with stable ids (event_ids(), or `ids` if the caller has made them), one per sentence,
    in the sentences' order, and their claims, every answer linked to the claim it answers (across
    the runs of days the workers took, so after they are done).

    A large corpus's days are annotated in worker processes (kscli.store.workers); the result is the same.
    `meanwhile` is called once, in this process: while the workers annotate, if there are any
    (this process would wait idle otherwise), else before annotating here.
    """
    from functools import partial

    from kscli.store import workers

    pending = [meanwhile] if meanwhile else []

    def call_meanwhile() -> None:
        while pending:
            pending.pop()()

    numbered = list(zip(event_ids(sentences) if ids is None else ids, sentences))
    count = workers.wanted(len(sentences))
    parts = None
    if count > 1:
        lexicon.places, lexicon.actors, lexicon.weapons  # built once, before the workers fork and inherit them
        size = min(workers.CHUNK_SENTENCES, max(1, len(sentences) // (4 * count)))
        parts = workers.run(partial(annotate_days, lexicon=lexicon), numbered, day_ranges(sentences, size), count,
                            meanwhile=call_meanwhile)
    if parts is None:
        call_meanwhile()
        # In runs of whole days, as the workers take them: a run's words are all held at once.
        parts = [annotate_days(numbered[a:b], lexicon) for a, b in day_ranges(sentences, workers.CHUNK_SENTENCES)]
    whole = Annotated([], [], [], [], [], [])
    for part in parts:
        for mine, theirs in zip(whole, part):
            mine += theirs
    events, claims = resolve(whole.events, whole.claims, whole.starts, whole.agents, whole.answers)
    return events, claims, whole.warnings
